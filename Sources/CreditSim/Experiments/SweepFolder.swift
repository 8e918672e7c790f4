internal import Foundation

/// The folder of one sweep (or shard): `sweep.json` says which plan and shard it belongs to,
/// `plan.yaml` is the plan as run, and `runs/` holds one committed file per finished run.
final class SweepFolder: Sendable {
    let path: String
    let runsPath: String
    /// The open `.lock` file whose lock this process holds while the sweep runs.
    private let lockDescriptor: Int32

    private init(path: String, lockDescriptor: Int32) {
        self.path = path
        self.lockDescriptor = lockDescriptor
        runsPath = (path as NSString).appendingPathComponent("runs")
    }

    deinit { close(lockDescriptor) }  // releases the lock

    /// Takes the folder's lock (`flock` on `.lock`, which holds the owner's process id), so that a
    /// second sweep on the same folder stops before any work instead of repeating it.
    /// - Returns: The open lock file.
    /// - Throws: `SweepError.inUse` when another process holds it.
    private static func lock(_ path: String) throws(SweepError) -> Int32 {
        let lockPath = (path as NSString).appendingPathComponent(".lock")
        if !FileManager.default.fileExists(atPath: lockPath) {
            _ = FileManager.default.createFile(atPath: lockPath, contents: nil)
        }
        guard let handle = FileHandle(forUpdatingAtPath: lockPath) else {
            throw .cannotWrite(path: lockPath, reason: "cannot open the sweep's lock file")
        }
        // The descriptor is kept (and closed by `deinit`); the handle must not close it.
        let descriptor = dup(handle.fileDescriptor)
        try? handle.close()
        guard descriptor >= 0 else {
            throw .cannotWrite(path: lockPath, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var bytes = [UInt8](repeating: 0, count: 32)
            let count = read(descriptor, &bytes, bytes.count)
            close(descriptor)
            let owner = count > 0 ? Int32(String(decoding: bytes[..<count], as: UTF8.self)) : nil
            throw .inUse(folder: path, pid: owner)
        }
        let pid = Array("\(getpid())".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        return descriptor
    }

    /// Opens the folder of a new or resumed sweep, refusing one that holds another plan or shard.
    /// - Throws: `SweepError` when the folder holds another sweep, is not a sweep folder, or
    ///   cannot be created.
    static func open(_ path: String, loaded: PlanLoader.Loaded, shard: Sweep.Shard?, total: Int)
        throws(SweepError)
        -> SweepFolder
    {
        let identity = SweepIdentity(
            planName: loaded.plan.name, planHash: loaded.hash, shard: shard?.index ?? 1,
            shards: shard?.count ?? 1, runs: total)
        if let existing = try Self.identity(in: path) {
            guard existing == identity else {
                throw .anotherSweep(folder: path, holds: existing, wanted: identity)
            }
        } else {
            try ensureFresh(path)
            if !FileManager.default.fileExists(atPath: path),
                let problem = OutputTarget.problem(creating: path)
            {
                throw .cannotCreateFolder(path: path, reason: problem)
            }
            try create(path, identity: identity, planText: loaded.text)
        }
        let folder = SweepFolder(path: path, lockDescriptor: try lock(path))
        // A resumed folder whose runs/ was removed gets it back.
        do {
            try FileManager.default.createDirectory(
                atPath: folder.runsPath, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder.runsPath, reason: error.localizedDescription)
        }
        return folder
    }

    /// The identity recorded in `folder/sweep.json`, or `nil` when there is no such file.
    /// - Throws: `SweepError.unreadableIdentity` when the file exists but cannot be read.
    static func identity(in folder: String) throws(SweepError) -> SweepIdentity? {
        let path = (folder as NSString).appendingPathComponent("sweep.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try snakeDecoder.decode(
                SweepIdentity.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadableIdentity(path: path, reason: readingFailure(error))
        }
    }

    /// Refuses a path that exists and is anything but an empty folder.
    private static func ensureFresh(_ path: String) throws(SweepError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .notASweepFolder(path: path) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .cannotRead(path: path, reason: error.localizedDescription)
        }
        guard entries.isEmpty else { throw .notASweepFolder(path: path) }
    }

    /// Creates the folder with `runs/`, `plan.yaml` and, last, `sweep.json`.
    private static func create(_ path: String, identity: SweepIdentity, planText: String) throws(SweepError) {
        let identityPath = (path as NSString).appendingPathComponent("sweep.json")
        let identityData: Data
        do {
            identityData = try encodeJSON(identity)
        } catch {
            throw .encoding(path: identityPath, error)
        }
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).appendingPathComponent("runs"), withIntermediateDirectories: true)
            try Data(planText.utf8).write(
                to: URL(fileURLWithPath: (path as NSString).appendingPathComponent("plan.yaml")),
                options: .atomic)
            try identityData.write(to: URL(fileURLWithPath: identityPath), options: .atomic)
        } catch {
            throw .cannotCreateFolder(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes the tables of an assembly that was killed before its manifest: they are rebuilt
    /// from the committed runs, to the same bytes.
    func removeUnfinishedTables() throws(SweepError) {
        guard !isComplete else { return }
        for name in ["results.csv", "results.sqlite"] {
            let file = (path as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file) else { continue }
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw .cannotWrite(path: file, reason: error.localizedDescription)
            }
        }
    }

    /// Whether the tables are written (every run finished).
    ///
    /// `manifest.json` is written last, so a sweep killed while writing its tables is not complete.
    var isComplete: Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("manifest.json"))
    }

    /// Indices of committed runs (temporary files of interrupted writes are ignored).
    /// - Throws: `SweepError.cannotRead` when `runs/` cannot be listed.
    func finishedRuns() throws(SweepError) -> Set<Int> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: runsPath)
        } catch {
            throw .cannotRead(path: runsPath, reason: error.localizedDescription)
        }
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
            throw .cannotWrite(path: runFile(run), reason: error.localizedDescription)
        }
    }
}

/// Creates the file `path` atomically: `build` writes it under a temporary name beside it, which is
/// renamed into place only when complete; an existing file is never replaced.
/// - Throws: `SweepError` naming the file (a `SweepError` from `build` as it is); the temporary
///   file is removed.
func createAtomically(_ path: String, _ build: (_ temporary: String) throws -> Void) throws(SweepError) {
    do {
        try AtomicCreation.create(path, build)
    } catch {
        switch error {
        case .exists: throw .exists(path: path)
        case .cannotWrite(_, let reason): throw .cannotWrite(path: path, reason: reason)
        case .build(let failure):
            throw failure as? SweepError ?? .cannotWrite(path: path, reason: "\(failure)")
        }
    }
}

/// The contents of the file `path`.
/// - Throws: `SweepError.cannotRead` with the reason.
func readFile(_ path: String) throws(SweepError) -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw .cannotRead(path: path, reason: readingFailure(error))
    }
}

/// Why a file could not be read or decoded, in one line.
func readingFailure(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
        DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        context.debugDescription
    case let error as CocoaError:
        error.localizedDescription
    default:
        "\(error)"
    }
}

let snakeDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
}()
