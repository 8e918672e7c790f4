/// A scenario key path as errors print it — `scheme.rulebooks[v2016].rules[rc-b01].points` —
/// parsed so a plan can find the value in a scenario and write an overlay that sets it.
struct ParameterPath: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case key(String)
        /// A list element by its identity (`id`, or `behaviour` for rules).
        case element(String)
    }

    let segments: [Segment]

    /// Parses `text`; `nil` when it is not `key(.key|[id])*` ending in a key.
    init?(_ text: String) {
        var segments: [Segment] = []
        var rest = Substring(text)
        var expectKey = true
        while !rest.isEmpty {
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let id = rest[rest.index(after: rest.startIndex)..<close]
                guard !id.isEmpty, !segments.isEmpty else { return nil }
                segments.append(.element(String(id)))
                rest = rest[rest.index(after: close)...]
                expectKey = false
            } else {
                if !expectKey {
                    guard rest.hasPrefix(".") else { return nil }
                    rest = rest.dropFirst()
                }
                let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                guard !key.isEmpty else { return nil }
                segments.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
                expectKey = false
            }
        }
        guard case .key = segments.last else { return nil }
        self.segments = segments
    }

    var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .element(let id): text += "[\(id)]"
            }
        }
        return text
    }

    /// The value at this path in `tree` (`.null` when only the last key is absent, so its default
    /// applies), or the reason it cannot be found.
    func find(in tree: YAMLNode) -> Result<YAMLNode, PathProblem> {
        var node = tree
        var walked: [Segment] = []
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            let here = ParameterPath(segments: walked).description
            switch segment {
            case .key(let key):
                guard case .mapping = node.kind else {
                    return .failure(.init("'\(here)' is \(node.kindName), not a mapping"))
                }
                guard let next = node[key] else {
                    if isLast { return .success(YAMLNode(kind: .null, location: node.location)) }
                    return .failure(
                        .init("the scenario has no '\(key)'\(here.isEmpty ? "" : " in '\(here)'")"))
                }
                node = next
            case .element(let id):
                guard case .sequence(let items) = node.kind else {
                    return .failure(.init("'\(here)' is \(node.kindName), not a list"))
                }
                guard let position = Self.position(of: id, in: items) else {
                    let ids = items.compactMap(\.idLabel)
                    return .failure(
                        .init(
                            "'\(here)' has no element '\(id)'",
                            hint: ids.isEmpty
                                ? "its \(items.count) elements have no ids; name one by its position, 0 to \(items.count - 1)"
                                : NearMiss.suggestion(for: id, among: ids).map { "did you mean '\($0)'?" }
                                    ?? "it has: \(ids.prefix(12).joined(separator: ", "))"))
                }
                node = items[position]
            }
            walked.append(segment)
        }
        return .success(node)
    }

    /// The index of the element `id` names: the element with that identity, else (for lists
    /// without identities, such as `enrolment.leave` bands) the 0-based position `id`.
    static func position(of id: String, in items: [YAMLNode]) -> Int? {
        if let index = items.firstIndex(where: { $0.idLabel == id }) { return index }
        if let index = Int(id), items.indices.contains(index), items[index].idLabel == nil { return index }
        return nil
    }

    /// `tree` with the value at this path replaced by `value` (the last key added if absent).
    ///
    /// The path must have been found in `tree` (`find`).
    func setting(_ value: YAMLNode, in tree: YAMLNode) -> YAMLNode {
        set(value, in: tree, from: 0)
    }

    private func set(_ value: YAMLNode, in node: YAMLNode, from index: Int) -> YAMLNode {
        switch (segments[index], node.kind) {
        case (.key(let key), .mapping(var entries)):
            let isLast = index == segments.count - 1
            if let i = entries.firstIndex(where: { $0.key == key }) {
                entries[i].value = isLast ? value : set(value, in: entries[i].value, from: index + 1)
            } else {
                entries.append(.init(key: key, keyLocation: value.location, value: value))
            }
            return YAMLNode(kind: .mapping(entries), location: node.location)
        case (.element(let id), .sequence(var items)):
            guard let i = Self.position(of: id, in: items) else { return node }
            items[i] = set(value, in: items[i], from: index + 1)
            return YAMLNode(kind: .sequence(items), location: node.location)
        default:
            return node
        }
    }

    /// The overlay that turns the base into `final` at this path, for display: the value itself,
    /// with list elements named by `id` (or `behaviour` in `rules`); a list without identities
    /// (bands) appears whole, as overlays replace such lists.
    func overlay(setting value: YAMLNode, final: YAMLNode) -> YAMLNode {
        var node = final
        for (index, segment) in segments.enumerated() {
            switch (segment, node.kind) {
            case (.key(let key), .mapping):
                node = node[key] ?? node
            case (.element(let id), .sequence(let items)):
                if items.firstIndex(where: { $0.idLabel == id }) == nil {
                    // Positional: the whole list, as `final` has it, set at the key above it.
                    return ParameterPath(segments: Array(segments[..<index])).overlay(setting: node)
                }
                node = items.first { $0.idLabel == id } ?? node
            default:
                break
            }
        }
        return overlay(setting: value)
    }

    /// An overlay tree that sets this path to `value` (list elements named by `id`, or by
    /// `behaviour` in `rules` lists, so `Overlay.merge` finds them).
    func overlay(setting value: YAMLNode) -> YAMLNode {
        var node = value
        for index in segments.indices.reversed() {
            switch segments[index] {
            case .key(let key):
                node = YAMLNode(
                    kind: .mapping([.init(key: key, keyLocation: value.location, value: node)]),
                    location: value.location)
            case .element(let id):
                let parentKey: String? = index > 0 ? (segments[index - 1].key) : nil
                let identity = parentKey == "rules" ? "behaviour" : "id"
                var entries = [
                    YAMLNode.Entry(
                        key: identity, keyLocation: value.location,
                        value: YAMLNode(kind: .scalar(id, quoted: false), location: value.location))
                ]
                if case .mapping(let rest) = node.kind { entries += rest }
                node = YAMLNode(
                    kind: .sequence([YAMLNode(kind: .mapping(entries), location: value.location)]),
                    location: value.location)
            }
        }
        return node
    }

    private init(segments: [Segment]) { self.segments = segments }
}

extension ParameterPath.Segment {
    var key: String? {
        if case .key(let key) = self { return key }
        return nil
    }
}

/// Why a key path does not lead to a value.
struct PathProblem: Error {
    let message: String
    let hint: String?
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
