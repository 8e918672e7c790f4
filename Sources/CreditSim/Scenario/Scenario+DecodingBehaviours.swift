/// Reading `behaviours`.
extension Scenario {
    /// The valid behaviours, and the ids references may use: every declared id, even of a
    /// behaviour with other errors (so one mistake is reported once); `nil` when the list
    /// itself is unreadable and references cannot be checked.
    static func decodeBehaviours(_ fields: Fields, _ sink: DiagnosticSink) -> (
        [Behaviour], Set<String>?
    ) {
        var behaviours: [Behaviour] = []
        let items = fields.list("behaviours", required: true, label: { $0.idLabel })
        if let node = fields.value("behaviours"), case .sequence = node.kind {} else { return ([], nil) }
        let declared = Set(items.compactMap { $0.0.idLabel })
        if items.isEmpty, let node = fields.value("behaviours") {
            sink.report(node, KeyPath.root.key("behaviours"), "a scenario needs at least one behaviour")
        }
        for (item, path) in items {
            guard
                let f = Fields(
                    item, path, sink,
                    allowed: [
                        "id", "name", "category", "rate", "unlawful", "basis", "sources", "illustrative",
                    ])
            else { continue }
            let id = f.string("id", required: true)
            let rate = f.double(ScenarioKeys.behaviourRate, required: true)
            let unlawful = f.choice("unlawful", Lawfulness.self, required: true)
            let basis = f.choice("basis", LegalBasis.self) ?? LegalBasis.none
            let illustrative =
                f.value("illustrative").flatMap { $0.bool(path.key("illustrative"), sink) } ?? false
            guard let id, let rate, let unlawful else { continue }
            if behaviours.contains(where: { $0.id == id }) {
                sink.report(item, path, "duplicate behaviour id '\(id)'")
                continue
            }
            let stream = StreamPurpose.behaviour(id: id).number
            if let clash = behaviours.first(where: { StreamPurpose.behaviour(id: $0.id).number == stream }) {
                sink.report(
                    item, path.key("id"),
                    "behaviour ids '\(clash.id)' and '\(id)' hash to the same random stream",
                    hint: "rename one of them")
            }
            behaviours.append(
                Behaviour(
                    id: id, name: f.string("name") ?? id, category: f.string("category") ?? "other",
                    rate: rate,
                    unlawful: unlawful, basis: basis, sources: f.sources(),
                    illustrative: illustrative))
        }
        return (behaviours, declared)
    }
}
