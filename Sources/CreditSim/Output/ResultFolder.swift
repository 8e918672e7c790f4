public import Foundation

/// Writes a run's files into a new folder atomically.
///
/// Everything goes into a hidden temporary folder beside the destination, which is renamed into
/// place only when complete. An existing destination is never overwritten.
public enum ResultFolder {
    /// A result folder that could not be written, in the library's words (front ends add the
    /// remedy in their users' terms).
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The destination exists already; results are never overwritten.
        case exists(path: String)
        /// The destination cannot be created (its parent is a file, permissions, disk full…).
        case cannotWrite(path: String, reason: String)

        public var path: String {
            switch self {
            case .exists(let path), .cannotWrite(let path, _): path
            }
        }

        public var description: String {
            switch self {
            case .exists(let path): "\(path): error: already exists; results are never overwritten"
            case .cannotWrite(let path, let reason):
                "\(path.isEmpty ? "\"\"" : path): error: cannot write results: \(reason)"
            }
        }
    }

    /// Fails early, before any work, if `path` exists already.
    ///
    /// Also refuses a path that cannot be created (an empty name, a file where a folder must be,
    /// no permission), with the reason in words.
    public static func ensureAbsent(_ path: String) throws(Failure) {
        if FileManager.default.fileExists(atPath: path) { throw .exists(path: path) }
        if let problem = OutputTarget.problem(creating: path) {
            throw .cannotWrite(path: path, reason: problem)
        }
    }

    /// The default folder of a new result: `parent/YYYYMMDD-HHMMSS-seedN` (UTC).
    ///
    /// `-2`, `-3`, … is appended when that exists. Every command that writes a result folder names
    /// it so.
    public static func defaultPath(parent: String, startedAt: Date, seed: UInt64) -> String {
        freshPath(parent: parent, stem: runID(date: startedAt, seed: seed))
    }

    /// `YYYYMMDD-HHMMSS-seedN` in UTC.
    public static func runID(date: Date, seed: UInt64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "\(formatter.string(from: date))-seed\(seed)"
    }

    /// A new folder name under `parent` that does not exist yet.
    ///
    /// The first of `stem`, `stem-2`, `stem-3`, … that is free.
    public static func freshPath(parent: String, stem: String) -> String {
        var candidate = (parent as NSString).appendingPathComponent(stem)
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = (parent as NSString).appendingPathComponent("\(stem)-\(n)")
            n += 1
        }
        return candidate
    }

    /// Writes `files` (name → contents) as the folder `path`, atomically (`AtomicCreation`).
    public static func write(_ files: [(name: String, data: Data)], to path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(
                atPath: FilePath.parent(of: path).isEmpty ? "." : FilePath.parent(of: path),
                withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
        do {
            try AtomicCreation.create(path) { temporary in
                try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
                let folder = URL(fileURLWithPath: temporary)
                for file in files {
                    try file.data.write(to: folder.appendingPathComponent(file.name), options: .atomic)
                }
            }
        } catch {
            switch error {
            case .exists: throw .exists(path: path)
            case .cannotWrite(_, let reason): throw .cannotWrite(path: path, reason: reason)
            case .build(let failure): throw .cannotWrite(path: path, reason: failure.localizedDescription)
            }
        }
    }
}
