/// Reading `population`: size, propensity and groups.
extension Scenario {
    static func decodePopulation(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ behaviours: Set<String>?
    ) -> PopulationSpec? {
        guard let f = Fields(node, path, sink, allowed: ["size", "propensity", "groups"]) else { return nil }
        let size = f.int(ScenarioKeys.populationSize, required: true)
        var propensity: Propensity? = .constant
        if let p = f.value("propensity") {
            propensity = decodePropensity(p, path.key("propensity"), sink)
        }
        let groups = decodeGroups(f, sink, behaviours)
        guard let size, let propensity else { return nil }
        return PopulationSpec(size: size, propensity: propensity, groups: groups)
    }

    private static func decodeGroups(_ f: Fields, _ sink: DiagnosticSink, _ behaviours: Set<String>?)
        -> [Group]
    {
        var groups: [Group] = []
        let items = f.list("groups", label: { $0.idLabel })
        for (item, itemPath) in items {
            guard
                let g = Fields(
                    item, itemPath, sink, allowed: ["id", "share", "attributes", "multipliers"])
            else { continue }
            let id = g.string("id", required: true)
            let share = g.double(ScenarioKeys.groupShare, required: true)
            var attributes: [String: String] = [:]
            for entry in g.entries("attributes") {
                attributes[entry.key] = entry.value.string(itemPath.key("attributes").key(entry.key), sink)
            }
            var multipliers: [String: Double] = [:]
            for entry in g.entries("multipliers") {
                let keyPath = itemPath.key("multipliers").key(entry.key)
                if let behaviours, !behaviours.contains(entry.key) {
                    sink.report(
                        ScenarioDiagnostic(
                            entry.keyLocation, keyPath.description, "unknown behaviour '\(entry.key)'",
                            hint: NearMiss.suggestion(for: entry.key, among: behaviours.sorted()).map {
                                "did you mean '\($0)'?"
                            }))
                    continue
                }
                multipliers[entry.key] = entry.value.double(keyPath, sink, ScenarioKeys.rateMultiplier)
            }
            guard let id, let share else { continue }
            if groups.contains(where: { $0.id == id }) {
                sink.report(item, itemPath, "duplicate group id '\(id)'")
            }
            groups.append(Group(id: id, share: share, attributes: attributes, multipliers: multipliers))
        }
        if !groups.isEmpty {
            let total = groups.reduce(0) { $0 + $1.share }
            if abs(total - 1) > 1e-9, let node = f.value("groups") {
                sink.report(node, f.path.key("groups"), "group shares add up to \(total), not 1")
            }
        }
        return groups
    }

    private static func decodePropensity(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink)
        -> Propensity?
    {
        guard let f = Fields(node, path, sink, allowed: ["distribution", "shape", "scale", "sigma"]) else {
            return nil
        }
        guard let kind = f.value("distribution", required: true) else { return nil }
        switch kind.string(path.key("distribution"), sink) {
        case "constant":
            return .constant
        case "gamma":
            guard let shape = f.double(ScenarioKeys.gammaShape, required: true),
                let scale = f.double(ScenarioKeys.gammaScale, required: true)
            else { return nil }
            return .gamma(shape: shape, scale: scale)
        case "lognormal":
            guard let sigma = f.double(ScenarioKeys.lognormalSigma, required: true) else {
                return nil
            }
            return .lognormal(sigma: sigma)
        case let other?:
            sink.report(
                kind, path.key("distribution"), "expected one of constant, gamma, lognormal, found '\(other)'"
            )
            return nil
        case nil:
            return nil
        }
    }
}
