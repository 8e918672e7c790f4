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
        var walk = Walk(budget: maximumNodes)
        return try convert(root, file: file, &walk, usedAt: nil)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// What a conversion carries through the tree: the nodes left to the budget, and the start
    /// of every node converted so far.
    private struct Walk {
        var budget: Int
        var starts: Set<[Int]> = []
    }

    /// The node as a `YAMLNode`.
    ///
    /// Yams resolves an alias to a copy of its anchor's node, which keeps the anchor's position,
    /// so a node whose start was seen before is an alias.
    /// - Parameters:
    ///   - node: The node Yams composed.
    ///   - file: The file's name, for locations.
    ///   - walk: The budget and the starts seen so far.
    ///   - usedAt: Where the node stands in the file (a mapping value's key), for the message about
    ///     an alias.
    /// - Returns: The converted tree.
    /// - Throws: `ScenarioDiagnostic` for an alias, a tag, a non-scalar or duplicate key, or a tree
    ///   above the budget.
    private static func convert(_ node: Node, file: String, _ walk: inout Walk, usedAt: SourceLocation?)
        throws(ScenarioDiagnostic) -> YAMLNode
    {
        walk.budget -= 1
        let here = location(node.mark, file)
        if let mark = node.mark, !walk.starts.insert([mark.line, mark.column]).inserted {
            throw ScenarioDiagnostic(
                usedAt ?? here, "",
                "a YAML alias repeats the value at line \(mark.line), column \(mark.column); "
                    + "anchors and aliases (&name, *name) are not allowed in scenario files",
                hint: "write the value out where it is needed; overlays (extends) share values between files")
        }
        if walk.budget < 0 {
            throw ScenarioDiagnostic(
                here, "", "the file has more than \(maximumNodes) YAML nodes",
                hint: "scenario files are small; anchors and aliases that expand recursively are refused")
        }
        if let tag = explicitTag(node) {
            throw ScenarioDiagnostic(
                here, "",
                "YAML tags ('\(tag.printable(limit: 80))') are not allowed in scenario files",
                hint: "write the plain value: every key's type is fixed by the format")
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
            for item in sequence { items.append(try convert(item, file: file, &walk, usedAt: here)) }
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
                        value: try convert(value, file: file, &walk, usedAt: keyLocation)))
            }
            return YAMLNode(kind: .mapping(entries), location: here)
        case .alias:
            throw ScenarioDiagnostic(here, "", "YAML aliases are not allowed in scenario files")
        }
    }

    /// The tag written in the file on `node` (`!!python/object:…`, `!weird`).
    ///
    /// `nil` for none, or the non-specific `!`. Read before anything resolves the node's tag.
    private static func explicitTag(_ node: Node) -> String? {
        let written: String
        switch node {
        case .scalar(let scalar):
            // Yams gives quoted and block scalars the string tag themselves.
            if scalar.style != .plain && scalar.tag.description == "tag:yaml.org,2002:str" { return nil }
            written = scalar.tag.description
        case .mapping(let mapping): written = mapping.tag.description
        case .sequence(let sequence): written = sequence.tag.description
        case .alias: return nil
        }
        return written.isEmpty || written == "!" ? nil : written
    }

    private static func diagnostic(for error: YamlError, file: String) -> ScenarioDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ScenarioDiagnostic(location(mark, file), "", "invalid YAML: \(problem)")
        case .reader(let problem, let offset, _, let yaml):
            // The reader reports a byte offset, not a mark: the position is found from it.
            let before = yaml.utf8.prefix(max(0, offset ?? 0))
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            let column =
                String(
                    decoding: before.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                        .last ?? [], as: UTF8.self
                ).count + 1
            return ScenarioDiagnostic(
                SourceLocation(file: file, line: line, column: column), "", "invalid YAML: \(problem)")
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
        case .scalar(let text, _): "'\(text.printable(limit: 80))'"
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
