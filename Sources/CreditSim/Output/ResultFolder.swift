public import Foundation

/// Writes a run's files into a new folder atomically: everything goes into a hidden temporary
/// folder beside the destination, which is renamed into place only when complete. An existing
/// destination is never overwritten.
public enum ResultFolder {
    /// A result folder that could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: \(reason)" }
    }

    /// Fails early, before any work, if `path` exists already.
    public static func ensureAbsent(_ path: String) throws(Failure) {
        if FileManager.default.fileExists(atPath: path) {
            throw Failure(
                path: path, reason: "already exists; results are never overwritten (choose another --out)")
        }
    }

    /// A new folder name under `parent` that does not exist yet: `stem`, else `stem-2`, `stem-3`, …
    public static func freshPath(parent: String, stem: String) -> String {
        var candidate = (parent as NSString).appendingPathComponent(stem)
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = (parent as NSString).appendingPathComponent("\(stem)-\(n)")
            n += 1
        }
        return candidate
    }

    /// Writes `files` (name → contents) as the folder `path`.
    public static func write(_ files: [(name: String, data: Data)], to path: String) throws(Failure) {
        let manager = FileManager.default
        let destination = URL(fileURLWithPath: path)
        let parent = destination.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(
            ".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            for file in files {
                try file.data.write(to: temporary.appendingPathComponent(file.name), options: .atomic)
            }
            try ensureAbsent(path)
            try manager.moveItem(at: temporary, to: destination)
        } catch let failure as Failure {
            try? manager.removeItem(at: temporary)
            throw failure
        } catch {
            try? manager.removeItem(at: temporary)
            throw Failure(path: path, reason: "cannot write results: \(error.localizedDescription)")
        }
    }
}
