internal import Foundation

/// The folder of one sweep (or shard): `sweep.json` says which plan and shard it belongs to,
/// `plan.yaml` is the plan as run, and `runs/` holds one committed file per finished run.
final class SweepFolder: Sendable {
    let path: String
    let runsPath: String

    /// What `sweep.json` records; a folder only ever holds one plan and shard.
    struct Identity: Codable, Equatable {
        let planName: String
        let planHash: String
        let shard: Int
        let shards: Int
        let runs: Int
    }

    private init(path: String) {
        self.path = path
        runsPath = (path as NSString).appendingPathComponent("runs")
    }

    /// Opens the folder of a new or resumed sweep, refusing one that holds another plan or shard.
    static func open(_ path: String, loaded: PlanLoader.Loaded, shard: Sweep.Shard?, total: Int)
        throws(SweepError)
        -> SweepFolder
    {
        let folder = SweepFolder(path: path)
        let identity = Identity(
            planName: loaded.plan.name, planHash: loaded.hash, shard: shard?.index ?? 1,
            shards: shard?.count ?? 1,
            runs: total)
        let identityPath = (path as NSString).appendingPathComponent("sweep.json")
        let manager = FileManager.default
        if let data = manager.contents(atPath: identityPath) {
            guard let existing = try? snakeDecoder.decode(Identity.self, from: data) else {
                throw SweepError("\(identityPath): error: unreadable; this folder is not a CreditSim sweep")
            }
            guard existing == identity else {
                throw SweepError(
                    "\(path): error: holds another sweep (plan '\(existing.planName)' \(existing.planHash.prefix(12)), "
                        + "shard \(existing.shard)/\(existing.shards)); this is '\(identity.planName)' "
                        + "\(identity.planHash.prefix(12)), shard \(identity.shard)/\(identity.shards). "
                        + "Results are never overwritten: choose another --out")
            }
        } else {
            if manager.fileExists(atPath: path),
                let entries = try? manager.contentsOfDirectory(atPath: path), !entries.isEmpty
            {
                throw SweepError("\(path): error: exists and is not a sweep folder; choose another --out")
            }
            do {
                try manager.createDirectory(atPath: folder.runsPath, withIntermediateDirectories: true)
                try Data(loaded.text.utf8).write(
                    to: URL(fileURLWithPath: (path as NSString).appendingPathComponent("plan.yaml")),
                    options: .atomic)
                try encodeJSON(identity).write(to: URL(fileURLWithPath: identityPath), options: .atomic)
            } catch {
                throw SweepError(
                    "\(path): error: cannot create the sweep folder (\(error.localizedDescription))")
            }
        }
        try? manager.createDirectory(atPath: folder.runsPath, withIntermediateDirectories: true)
        return folder
    }

    /// Whether the tables are written (every run finished).
    var isComplete: Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("results.csv"))
    }

    /// Indices of committed runs (temporary files of interrupted writes are ignored).
    func finishedRuns() -> Set<Int> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsPath)) ?? []
        return Set(names.compactMap { $0.hasSuffix(".csv") ? Int($0.dropLast(4)) : nil })
    }

    func runFile(_ run: Int) -> String {
        (runsPath as NSString).appendingPathComponent(Self.runFileName(run))
    }

    static func runFileName(_ run: Int) -> String {
        let digits = String(run)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".csv"
    }

    /// Commits one run's rows: written to a temporary file, flushed, then renamed into place, so a
    /// crash leaves either the whole file or none.
    func commit(run: Int, rows: String) throws(SweepError) {
        do {
            try Data(rows.utf8).write(to: URL(fileURLWithPath: runFile(run)), options: .atomic)
        } catch {
            throw SweepError("\(runFile(run)): error: cannot write (\(error.localizedDescription))")
        }
    }
}

/// Creates the file `path` atomically: `build` writes it under a temporary name beside it, which is
/// renamed into place only when complete; an existing file is never replaced.
/// - Throws: `SweepError` naming the file; the temporary file is removed.
func createAtomically(_ path: String, _ build: (_ temporary: String) throws -> Void) throws(SweepError) {
    let name = (path as NSString).lastPathComponent
    let temporary = ((path as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent(".\(name).partial-\(UUID().uuidString)")
    do {
        try build(temporary)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SweepError("\(path): error: already exists; results are never overwritten")
        }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    } catch let error as SweepError {
        try? FileManager.default.removeItem(atPath: temporary)
        throw error
    } catch {
        try? FileManager.default.removeItem(atPath: temporary)
        throw SweepError("\(path): error: cannot write (\(error))")
    }
}

let snakeDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
}()
