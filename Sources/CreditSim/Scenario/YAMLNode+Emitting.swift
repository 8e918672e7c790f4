internal import Yams

/// A YAML tree that Yams (libyaml) refused to write.
public struct YAMLEmitFailure: Error, Equatable, CustomStringConvertible {
    /// Yams' reason.
    public let reason: String
    public var description: String { "cannot write YAML: \(reason)" }
}

extension YAMLNode {
    /// The node as YAML text, keeping key order and the quoting of every scalar.
    ///
    /// Reading the text back gives the same tree (without positions). Nulls become `null`.
    /// - Throws: `YAMLEmitFailure` when Yams cannot write the tree.
    func emittedYAML() throws(YAMLEmitFailure) -> String {
        // Yams emits through libyaml, which picks a legal style when plain text would not read back;
        // width -1 keeps each rule on one line, as the shipped scenarios write them.
        do {
            return try Yams.serialize(node: yamsNode(depth: 0), width: -1)
        } catch {
            throw YAMLEmitFailure(reason: "\(error)")
        }
    }

    private func yamsNode(depth: Int) -> Node {
        switch kind {
        case .null:
            return Node.scalar(.init("null", .implicit, .plain))
        case .scalar(let value, let quoted):
            return Node.scalar(.init(value, .implicit, quoted ? .doubleQuoted : .plain))
        case .sequence(let items):
            return Node.sequence(
                .init(
                    items.map { $0.yamsNode(depth: depth + 1) }, .implicit,
                    isFlat && depth > 1 ? .flow : .block))
        case .mapping(let entries):
            let pairs = entries.map { (Node.scalar(.init($0.key)), $0.value.yamsNode(depth: depth + 1)) }
            // Rules, behaviours and bands read best one per line, as the shipped scenarios write them.
            return Node.mapping(.init(pairs, .implicit, isFlat && depth > 1 ? .flow : .block))
        }
    }

    /// A scalar, or a mapping or list of scalars and such small collections (no deeper nesting).
    private var isFlat: Bool {
        switch kind {
        case .null, .scalar: true
        case .sequence(let items): items.allSatisfy(\.isScalar)
        case .mapping(let entries): entries.allSatisfy { $0.value.isScalar || $0.value.isFlat }
        }
    }

    private var isScalar: Bool {
        switch kind {
        case .null, .scalar: true
        default: false
        }
    }
}
