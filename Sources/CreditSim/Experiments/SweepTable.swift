internal import Foundation

/// The tidy table of a sweep: one row per run × metric, every varied parameter its own column.
///
/// `run,point,replicate,seed,<parameter>…,metric,value` — values as Swift prints them (shortest
/// text that reads back to the same double), so equal results give equal bytes.
enum SweepTable {
    /// The columns every sweep table has besides one per parameter (SQLite compares names
    /// without case, so a parameter may not take one of these in any case).
    static let fixedColumns = ["run", "point", "replicate", "seed", "metric", "value"]

    static func header(_ plan: Plan) -> String {
        (["run", "point", "replicate", "seed"] + plan.parameters.map(\.name) + ["metric", "value"])
            .map(CSV.field).joined(separator: ",") + "\n"
    }

    /// The rows of one run (no header), keeping the plan's metrics (all when it names none).
    static func rows(
        _ run: Sweep.RunRef, seed: UInt64, values: [String], metrics: [(String, Double)], keep: [String]
    ) -> String {
        let prefix = ([String(run.index), String(run.point), String(run.replicate), String(seed)] + values)
            .map(CSV.field).joined(separator: ",")
        let selected =
            keep.isEmpty
            ? metrics : keep.compactMap { name in metrics.first { $0.0 == name } }
        return selected.map { "\(prefix),\(CSV.field($0.0)),\($0.1.description)\n" }.joined()
    }

    /// Writes `results.sqlite`, `results.csv` (streamed from the run files in run order) and
    /// `manifest.json` into `folder`, each atomically.
    ///
    /// `results.csv` marks a finished folder, so it is written after the database: a run file the
    /// database refuses leaves the folder unfinished, and a rerun tries again.
    /// - Throws: `SweepError` when a run file is missing or malformed, or a table cannot be written.
    static func assemble(
        _ loaded: PlanLoader.Loaded, runs: [Sweep.RunRef], values: [[String]], from file: (Int) -> String,
        into folder: String, manifest: SweepManifest
    ) throws(SweepError) {
        for run in runs where !FileManager.default.fileExists(atPath: file(run.index)) {
            throw .missingRun(path: file(run.index), run: run.index)
        }
        try SweepDatabase.write(loaded, runFiles: runs.map { file($0.index) }, into: folder)
        let csvPath = (folder as NSString).appendingPathComponent("results.csv")
        try createAtomically(csvPath) { temporary in
            try concatenate(
                header: header(loaded.plan), runs.map { ($0.index, file($0.index)) }, into: temporary)
        }
        var manifest = manifest
        manifest.files = ["results.csv": ScenarioLoader.sha256(try readFile(csvPath))]
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        let data: Data
        do {
            data = try encodeJSON(manifest)
        } catch {
            throw .encoding(path: manifestPath, error)
        }
        do {
            try data.write(to: URL(fileURLWithPath: manifestPath), options: .atomic)
        } catch {
            throw .cannotWrite(path: manifestPath, reason: error.localizedDescription)
        }
    }

    /// Writes `header` then the run files (run index, path) in order into the new file `path`, and
    /// flushes it to disk.
    private static func concatenate(header: String, _ runFiles: [(run: Int, path: String)], into path: String)
        throws(SweepError)
    {
        guard FileManager.default.createFile(atPath: path, contents: Data(header.utf8)),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .cannotWrite(path: path, reason: "cannot create the file") }
        do {
            try handle.seekToEnd()
            for (run, file) in runFiles {
                guard FileManager.default.fileExists(atPath: file) else {
                    throw SweepError.missingRun(path: file, run: run)
                }
                try handle.write(contentsOf: try readFile(file))
            }
            try handle.synchronize()
        } catch {
            try? handle.close()  // best effort: the file is a temporary one, removed by the caller
            throw error as? SweepError ?? .cannotWrite(path: path, reason: error.localizedDescription)
        }
        do {
            try handle.close()
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

}

/// What a finished sweep (or shard, or merge) records besides its table.
struct SweepManifest: Encodable {
    let tool = "creditsim"
    let version = CreditSimVersion.current
    let plan: String
    let planHash: String
    let inputs: [ScenarioLoader.Input]
    let design: String
    let parameters: [String]
    let shard: Int
    let shards: Int
    let runs: Int
    let runsThisInvocation: Int
    let seconds: Double
    let peakMemoryBytes: Int
    let command: [String]
    let host: String
    var files: [String: String] = [:]

    init(
        loaded: PlanLoader.Loaded, shard: Sweep.Shard?, runs: Int, ranNow: Int, seconds: Double,
        command: [String]
    ) {
        plan = loaded.plan.name
        planHash = loaded.hash
        inputs = loaded.inputs
        design = loaded.plan.design.name
        parameters = loaded.plan.parameters.map { "\($0.name) = \($0.path)" }
        self.shard = shard?.index ?? 1
        shards = shard?.count ?? 1
        self.runs = runs
        runsThisInvocation = ranNow
        self.seconds = seconds
        peakMemoryBytes = ProcessMemory.peakResidentBytes
        self.command = command
        host = ProcessInfo.processInfo.hostName
    }
}
