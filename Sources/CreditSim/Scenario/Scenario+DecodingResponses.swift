/// Reading `responses`: deterrence and chilling.
extension Scenario {
    static func decodeResponses(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ behaviours: Set<String>?
    ) -> Responses? {
        guard let f = Fields(node, path, sink, allowed: ["deterrence", "chilling"]) else { return nil }
        let deterrence = f.double(orDefault: ScenarioKeys.deterrence)
        var chilling: [Chilling] = []
        for (item, itemPath) in f.list("chilling") {
            guard let c = Fields(item, itemPath, sink, allowed: ["trigger", "target", "factor"]) else {
                continue
            }
            let trigger = c.string("trigger", required: true)
            let target = c.string("target", required: true)
            for (key, id) in [("trigger", trigger), ("target", target)] {
                if let id, let behaviours, !behaviours.contains(id), let idNode = c.value(key) {
                    sink.report(
                        idNode, itemPath.key(key), "unknown behaviour '\(id)'",
                        hint: NearMiss.suggestion(for: id, among: behaviours.sorted()).map {
                            "did you mean '\($0)'?"
                        })
                }
            }
            guard let factor = c.double(ScenarioKeys.chillingFactor, required: true),
                let trigger, let target
            else { continue }
            chilling.append(Chilling(trigger: trigger, target: target, factor: factor))
        }
        return Responses(deterrence: deterrence, chilling: chilling)
    }
}
