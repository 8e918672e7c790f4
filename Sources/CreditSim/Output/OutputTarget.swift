internal import Foundation

/// Whether a new file or folder can be made at a path, checked before any work starts.
enum OutputTarget {
    /// What stands in the way of creating `path` (its folders included), in words.
    ///
    /// `nil` when nothing does. Whether `path` itself exists is the caller's question.
    static func problem(creating path: String) -> String? {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            return "no path given (an empty name)"
        }
        let manager = FileManager.default
        var ancestor = FilePath.parent(of: path)
        while !ancestor.isEmpty && !manager.fileExists(atPath: ancestor) {
            ancestor = FilePath.parent(of: ancestor)
        }
        if ancestor.isEmpty { ancestor = "." }
        var isFolder: ObjCBool = false
        _ = manager.fileExists(atPath: ancestor, isDirectory: &isFolder)
        guard isFolder.boolValue else { return "'\(ancestor)' is a file, not a folder" }
        guard manager.isWritableFile(atPath: ancestor) else {
            return "no permission to create anything in '\(ancestor)'"
        }
        return nil
    }

    /// Removes the temporaries that killed runs left beside `path` (`.NAME.partial-pPID-…` of a
    /// process that no longer runs, or of the old unmarked form when over a day old).
    /// - Returns: The temporaries removed.
    @discardableResult
    static func removeStalePartials(of path: String) -> [String] {
        let manager = FileManager.default
        let name = (path as NSString).lastPathComponent
        let parentPath = FilePath.parent(of: path)
        let parent = parentPath.isEmpty ? "." : parentPath
        let prefix = ".\(name).partial-"
        guard let entries = try? manager.contentsOfDirectory(atPath: parent) else { return [] }
        var removed: [String] = []
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            let full = (parent as NSString).appendingPathComponent(entry)
            let stale: Bool
            if rest.hasPrefix("p"), let pid = Int32(rest.dropFirst().prefix { $0.isNumber }) {
                stale = kill(pid, 0) != 0 && errno == ESRCH
            } else {
                let modified = (try? manager.attributesOfItem(atPath: full)[.modificationDate]) as? Date
                stale = modified.map { Date().timeIntervalSince($0) > 86_400 } ?? false
            }
            if stale, (try? manager.removeItem(atPath: full)) != nil { removed.append(full) }
        }
        return removed
    }
}
