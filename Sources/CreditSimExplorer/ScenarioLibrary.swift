internal import Foundation

/// The files the explorer offers from one folder: scenarios and guidance profiles (`*.yaml`), and
/// the documentation the page links to (`*.md`).
///
/// They are the files directly in the folder with that extension, named by their file name without
/// it. Names are looked up in a listing, never joined to paths, so a request cannot reach another
/// file.
struct ScenarioLibrary: Sendable {
    let folder: String
    /// The extension of the files offered, with its dot.
    var fileExtension = ".yaml"

    struct Entry: Sendable, Encodable {
        let name: String
        let title: String
        let file: String
    }

    /// Names of the regular files in the folder with the extension, sorted: links and anything else
    /// that is not a plain file are never served.
    func names() -> [String] {
        let manager = FileManager.default
        let files = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        return
            files
            .filter { $0.hasSuffix(fileExtension) && !$0.hasPrefix(".") }
            .filter {
                // Not followed: the attributes of a link are the link's own.
                let path = (folder as NSString).appendingPathComponent($0)
                return (try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
                    == .typeRegular
            }
            .map { String($0.dropLast(fileExtension.count)) }
            .sorted()
    }

    /// The path of the file called `name`, if the folder lists it.
    func path(of name: String) -> String? {
        guard names().contains(name) else { return nil }
        return (folder as NSString).appendingPathComponent(name + fileExtension)
    }
}
