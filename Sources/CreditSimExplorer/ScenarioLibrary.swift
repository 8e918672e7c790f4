internal import Foundation

/// The scenario files the explorer offers.
///
/// They are the `*.yaml` files directly in one folder, named by their file name without
/// extension. Names are looked up in a listing, never joined to paths, so a request cannot reach
/// another file.
struct ScenarioLibrary: Sendable {
    let folder: String

    struct Entry: Sendable, Encodable {
        let name: String
        let title: String
        let file: String
    }

    /// Names of the regular `*.yaml` files in the folder, sorted: links and anything else that is
    /// not a plain file are never served.
    func names() -> [String] {
        let manager = FileManager.default
        let files = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        return
            files
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .filter {
                // Not followed: the attributes of a link are the link's own.
                let path = (folder as NSString).appendingPathComponent($0)
                return (try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
                    == .typeRegular
            }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    /// The path of the scenario called `name`, if the folder lists it.
    func path(of name: String) -> String? {
        guard names().contains(name) else { return nil }
        return (folder as NSString).appendingPathComponent(name + ".yaml")
    }
}
