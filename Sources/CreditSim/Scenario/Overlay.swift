/// Merging a scenario overlay (`extends: base.yaml` plus overrides) into its base.
///
/// Mappings merge key by key. Lists whose elements all carry an identity (`id`, or `behaviour`
/// for rules) merge element by element: a matching element is merged, a new one is appended,
/// and `remove: true` deletes the match. Any other value replaces the base's.
enum Overlay {
    static func merge(base: YAMLNode, overlay: YAMLNode, sink: DiagnosticSink) -> YAMLNode {
        merge(base, overlay, KeyPath.root, sink)
    }

    private static func merge(_ base: YAMLNode, _ overlay: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink)
        -> YAMLNode
    {
        switch (base.kind, overlay.kind) {
        case (.mapping(let baseEntries), .mapping(let overlayEntries)):
            var merged = baseEntries.filter { $0.key != "extends" }
            for entry in overlayEntries where entry.key != "extends" {
                if let i = merged.firstIndex(where: { $0.key == entry.key }) {
                    merged[i].value = merge(merged[i].value, entry.value, path.key(entry.key), sink)
                } else {
                    merged.append(entry)
                }
            }
            return YAMLNode(kind: .mapping(merged), location: overlay.location)
        case (.sequence(let baseItems), .sequence(let overlayItems))
        where (baseItems + overlayItems).allSatisfy({ $0.idLabel != nil }):
            var merged = baseItems
            for item in overlayItems {
                guard let id = item.idLabel else {
                    preconditionFailure("the case's `where` clause checked every item has an id (invariant)")
                }
                let index = merged.firstIndex { $0.idLabel == id }
                if let remove = item["remove"], !item.isRemoval, !item.isKept {
                    // `remove: 'yes'`, `True`, `1`, `~`: a mistyped removal would be silently ignored.
                    sink.report(
                        remove, path.element(id).key("remove"),
                        "'remove' must be true (to delete '\(id)') or false, found \(remove.kindName)")
                } else if item.isRemoval {
                    if let index {
                        merged.remove(at: index)
                    } else {
                        sink.report(
                            item, path.element(id),
                            "nothing to remove: the extended scenario has no '\(id)' here")
                    }
                } else if let index {
                    merged[index] = merge(merged[index], item.withoutRemoveKey, path.element(id), sink)
                } else {
                    merged.append(item.withoutRemoveKey)
                }
            }
            return YAMLNode(kind: .sequence(merged), location: overlay.location)
        default:
            return overlay
        }
    }
}

extension YAMLNode {
    /// The element without its `remove` key (`remove: false` is a no-op).
    var withoutRemoveKey: YAMLNode {
        guard case .mapping(let entries) = kind else { return self }
        return YAMLNode(kind: .mapping(entries.filter { $0.key != "remove" }), location: location)
    }

    /// An overlay list element of the form `{id: x, remove: true}`.
    var isRemoval: Bool {
        if case .scalar("true", false) = self["remove"]?.kind { return true }
        return false
    }

    /// An overlay list element with `remove: false`, which changes nothing.
    var isKept: Bool {
        if case .scalar("false", false) = self["remove"]?.kind { return true }
        return false
    }
}
