internal import Foundation

/// Creates a file or a folder atomically.
///
/// `build` makes it under a hidden temporary name beside its destination (`.NAME.partial-pPID-UUID`),
/// which is renamed into place only when complete. An existing destination is never replaced, and
/// the temporary is removed on failure. The one atomic writer behind result folders
/// (`ResultFolder`) and sweep tables.
enum AtomicCreation {
    /// Why nothing was created.
    enum Failure: Error {
        /// The destination exists.
        case exists(path: String)
        /// The temporary could not be made or renamed.
        case cannotWrite(path: String, reason: String)
        /// `build` failed with this error.
        case build(any Error)
    }

    /// Creates `path` with `build`, which receives the temporary path to create.
    static func create(_ path: String, _ build: (_ temporary: String) throws -> Void) throws(Failure) {
        let name = (path as NSString).lastPathComponent
        let parent = FilePath.parent(of: path)
        // The process id marks a temporary whose writer died, so a later creation removes it.
        OutputTarget.removeStalePartials(of: path)
        let temporary = ((parent.isEmpty ? "." : parent) as NSString)
            .appendingPathComponent(".\(name).partial-p\(getpid())-\(UUID().uuidString)")
        do {
            try build(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)  // best effort; `error` is what matters
            throw .build(error)
        }
        do {
            guard !FileManager.default.fileExists(atPath: path) else {
                try? FileManager.default.removeItem(atPath: temporary)  // best effort, as above
                throw Failure.exists(path: path)
            }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch let failure as Failure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)  // best effort, as above
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
