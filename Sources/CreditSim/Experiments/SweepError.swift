/// Why a sweep, merge or sensitivity analysis cannot go on, in the library's words.
///
/// Each case carries the file or folder at fault and the underlying error; front ends add the
/// remedy in their users' terms (the CLI names its options). Finished runs stay committed whatever
/// the failure.
public enum SweepError: Error, CustomStringConvertible {
    // MARK: Sweep folders and files

    /// The path exists, is not an empty folder, and is not a sweep folder (it has no `sweep.json`).
    case notASweepFolder(path: String)
    /// The folder's `sweep.json` (at `path`) cannot be read, so the folder is not a CreditSim sweep.
    case unreadableIdentity(path: String, reason: String)
    /// The folder holds another plan or shard than this sweep's; results are never overwritten.
    case anotherSweep(folder: String, holds: SweepIdentity, wanted: SweepIdentity)
    /// Another process (`pid`, when known) is running a sweep in this folder.
    case inUse(folder: String, pid: Int32?)
    /// The sweep's files would not fit the free disk.
    case diskFull(folder: String, needed: Int, free: Int)
    /// The folder of a new sweep cannot be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A result file exists already; results are never overwritten.
    case exists(path: String)
    /// A file or folder cannot be read.
    case cannotRead(path: String, reason: String)
    /// A file or folder cannot be written.
    case cannotWrite(path: String, reason: String)
    /// A JSON file (`path`) cannot be encoded.
    case encoding(path: String, EncodingFailure)
    /// The committed file of run `run` is missing: the run is not finished.
    case missingRun(path: String, run: Int)

    // MARK: Runs

    /// A design point makes an invalid scenario.
    case invalidScenario(run: Int, point: Int, ScenarioError)
    /// A run's simulation failed.
    case simulation(run: Int, Simulation.Failure)

    // MARK: Reading tables

    /// Row `row` (1-based, after any header) of a table has another width than the table's.
    case rowWidth(path: String, row: Int, fields: Int, expected: Int)
    /// A table lacks a column it is read by.
    case missingColumn(path: String, column: String, header: [String])
    /// A column that a table is read by appears more than once in its header.
    case ambiguousColumn(path: String, column: String)
    /// A field holds no value of its column's kind.
    case invalidField(path: String, row: Int, column: String, text: String)
    /// A sweep table lacks runs of a metric (the sweep is not finished).
    case incompleteTable(path: String, metric: String)

    // MARK: Merging shards

    /// The folder holds no `shard-K-of-N` folders.
    case noShards(folder: String)
    /// A `shard-…` folder has no `sweep.json`.
    case notAShard(path: String)
    /// The shards' plan hashes differ (shard folder name → identity).
    case differentPlans(folder: String, shards: [String: SweepIdentity])
    /// The shards split the plan into different numbers of shards.
    case differentSplittings(folder: String, counts: [Int])
    /// Two shard folders hold the same shard.
    case duplicateShard(folder: String, shard: Int, count: Int, folders: [String])
    /// Shards (1-based indices of `count`) are absent.
    case missingShards(folder: String, missing: [Int], count: Int)
    /// Shard folders whose tables are not written yet.
    case unfinishedShards(folder: String, shards: [String])
    /// The plan the shards ran (at `path`) no longer loads.
    case planDoesNotLoad(path: String, ScenarioError)
    /// The plan or its scenario changed since the shards ran.
    case planChanged(folder: String, planHash: String, shardsHash: String)
    /// A shard that says it is finished lacks a run's file.
    case shardLacksRun(path: String, run: Int)
    /// The folder holds a merged table that differs from the shards'.
    case tableDiffers(path: String)

    // MARK: Sensitivity

    /// The plan's design has no sensitivity indices.
    case noSensitivityDesign(plan: String, design: String)

    public var description: String {
        switch self {
        case .notASweepFolder(let path):
            "\(path): error: exists and is not a sweep folder (no sweep.json)"
        case .unreadableIdentity(let path, let reason):
            "\(path): error: unreadable (\(reason)); this folder is not a CreditSim sweep"
        case .anotherSweep(let folder, let holds, let wanted):
            "\(folder): error: holds another sweep (\(holds)); this is \(wanted). Results are never overwritten"
        case .inUse(let folder, let pid):
            "\(folder): error: in use by another sweep (\(pid.map { "process \($0)" } ?? "another process")); "
                + "running both would repeat the same runs"
        case .diskFull(let folder, let needed, let free):
            "\(folder): error: the sweep's files need about \(formatBytes(needed)) and \(formatBytes(free)) of disk is free"
        case .cannotCreateFolder(let path, let reason):
            "\(path): error: cannot create the sweep folder (\(reason))"
        case .exists(let path):
            "\(path): error: already exists; results are never overwritten"
        case .cannotRead(let path, let reason):
            "\(path): error: cannot read (\(reason))"
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write (\(reason))"
        case .encoding(let path, let failure):
            "\(path): error: \(failure)"
        case .missingRun(let path, let run):
            "\(path): error: missing: run \(run) is not finished"
        case .invalidScenario(let run, let point, let error):
            "run \(run) (point \(point)): invalid scenario:\n\(error)"
        case .simulation(let run, let failure):
            "run \(run): \(failure)"
        case .rowWidth(let path, let row, let fields, let expected):
            "\(path): error: row \(row) has \(fields) fields where the table has \(expected)"
        case .missingColumn(let path, let column, let header):
            "\(path): error: no column '\(column)' (the header is \(header.joined(separator: ",")))"
        case .ambiguousColumn(let path, let column):
            "\(path): error: the header names column '\(column)' more than once"
        case .invalidField(let path, let row, let column, let text):
            "\(path): error: row \(row): '\(text)' is not a valid \(column)"
        case .incompleteTable(let path, let metric):
            "\(path): error: metric '\(metric)' lacks runs; the sweep is not finished"
        case .noSensitivityDesign(let plan, let design):
            "plan '\(plan)' has a \(design) design; sensitivity needs design kind saltelli (Sobol indices) or morris"
        case .noShards(let folder):
            "\(folder): error: no shard folders (shard-K-of-N) to merge"
        case .notAShard(let path):
            "\(path): error: not a sweep shard (no sweep.json)"
        case .differentPlans(let folder, let shards):
            "\(folder): error: the shards come from different plans (or plan files that changed):\n  "
                + shards.sorted { $0.key < $1.key }.map {
                    "\($0.key): \($0.value.planName) \($0.value.planHash.prefix(12))"
                }.joined(separator: "\n  ")
        case .differentSplittings(let folder, let counts):
            "\(folder): error: shards of different splittings (of "
                + counts.sorted().map(String.init).joined(separator: " and of ") + ")"
        case .duplicateShard(let folder, let shard, let count, let folders):
            "\(folder): error: shard \(shard)/\(count) is there twice (\(folders.joined(separator: " and ")))"
        case .missingShards(let folder, let missing, let count):
            "\(folder): error: missing shards \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))"
        case .unfinishedShards(let folder, let shards):
            "\(folder): error: unfinished shards: \(shards.joined(separator: ", "))"
        case .planDoesNotLoad(let path, let error):
            "\(path): error: the plan no longer loads:\n\(error)"
        case .planChanged(let folder, let planHash, let shardsHash):
            "\(folder): error: the plan or its scenario changed since the shards ran "
                + "(hash \(planHash.prefix(12)), shards \(shardsHash.prefix(12)))"
        case .shardLacksRun(let path, let run):
            "\(path): error: missing (run \(run)), though its shard says it is finished"
        case .tableDiffers(let path):
            "\(path): error: exists and differs from the shards' table; results are never overwritten"
        }
    }
}
