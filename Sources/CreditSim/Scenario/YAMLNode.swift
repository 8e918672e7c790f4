internal import Yams

/// A YAML value that remembers which file and position it came from, so that a scenario built
/// from several files (`extends`) still reports every error at its true place.
struct YAMLNode: Sendable {
    enum Kind: Sendable {
        case null
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    struct Entry: Sendable {
        var key: String
        var keyLocation: SourceLocation
        var value: YAMLNode
    }

    var kind: Kind
    var location: SourceLocation

    /// The most nodes one scenario file may hold; guards against alias bombs.
    static let maximumNodes = 200_000

    /// Parses `text` (the contents of `file`).
    /// - Throws: `ScenarioDiagnostic` for YAML syntax errors, aliases, non-scalar keys or
    ///   duplicate keys, and files larger than `maximumNodes`.
    static func parse(_ text: String, file: String) throws(ScenarioDiagnostic) -> YAMLNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file)
        } catch {
            throw ScenarioDiagnostic(
                SourceLocation(file: file, line: 1, column: 1), "", "cannot read YAML: \(error)")
        }
        guard let root else {
            return YAMLNode(kind: .null, location: SourceLocation(file: file, line: 1, column: 1))
        }
        var budget = maximumNodes
        return try convert(root, file: file, budget: &budget)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, file: String, budget: inout Int) throws(ScenarioDiagnostic)
        -> YAMLNode
    {
        budget -= 1
        let here = location(node.mark, file)
        if budget < 0 {
            throw ScenarioDiagnostic(
                here, "", "the file has more than \(maximumNodes) YAML nodes",
                hint: "scenario files are small; anchors and aliases that expand recursively are refused")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLNode(kind: .null, location: here)
            }
            return YAMLNode(kind: .scalar(scalar.string, quoted: quoted), location: here)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, file: file, budget: &budget)) }
            return YAMLNode(kind: .sequence(items), location: here)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ScenarioDiagnostic(location(key.mark, file), "", "mapping keys must be plain words")
                }
                let keyLocation = location(key.mark, file)
                if entries.contains(where: { $0.key == keyScalar.string }) {
                    throw ScenarioDiagnostic(
                        keyLocation, keyScalar.string, "duplicate key '\(keyScalar.string)'")
                }
                entries.append(
                    Entry(
                        key: keyScalar.string, keyLocation: keyLocation,
                        value: try convert(value, file: file, budget: &budget)))
            }
            return YAMLNode(kind: .mapping(entries), location: here)
        case .alias:
            throw ScenarioDiagnostic(here, "", "YAML aliases are not allowed in scenario files")
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> ScenarioDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ScenarioDiagnostic(location(mark, file), "", "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ScenarioDiagnostic(
                location(context.mark, file), "", "duplicate key \(keys) in one mapping")
        default:
            return ScenarioDiagnostic(
                SourceLocation(file: file, line: 1, column: 1), "", "invalid YAML: \(error)")
        }
    }
}

extension YAMLNode {
    /// A short description of the node's kind, for error messages.
    var kindName: String {
        switch kind {
        case .null: "nothing"
        case .scalar(let text, _): "'\(text)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The value at `key` in a mapping.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }
}
