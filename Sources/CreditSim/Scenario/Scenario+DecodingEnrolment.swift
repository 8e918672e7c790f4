/// Reading `enrolment`: mode, opting out and the probability bands.
extension Scenario {
    static func decodeEnrolment(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ run: RunSettings
    ) -> Enrolment? {
        guard let f = Fields(node, path, sink, allowed: ["mode", "from", "opted_out", "leave", "consent"])
        else {
            return nil
        }
        let mode = f.choice("mode", Enrolment.Mode.self, required: true)
        let optedOut = f.choice("opted_out", Enrolment.OptedOut.self) ?? .frozen
        let from = f.date("from", required: mode != nil && mode != .mandatory)
        if let from, let fromNode = f.value("from"), from < run.start || from > run.end {
            sink.report(
                fromNode, path.key("from"), "date \(from) is outside the run (\(run.start) to \(run.end))")
        }
        let leave = decodeBands(f, "leave", ScenarioKeys.leaveBelow, ScenarioKeys.leaveProbability, sink)
        let consent = decodeBands(
            f, "consent", ScenarioKeys.consentBelow, ScenarioKeys.consentProbability, sink)
        if mode == .mandatory {
            for key in ["from", "leave", "consent"] {
                if let extra = f.value(key) {
                    sink.report(extra, path.key(key), "'\(key)' has no effect when enrolment is mandatory")
                }
            }
        }
        if mode == .optOut, let extra = f.value("consent") {
            sink.report(extra, path.key("consent"), "'consent' applies only to mode consent")
        }
        if mode == .consent, consent.isEmpty {
            sink.report(node, path.key("consent"), "mode consent needs 'consent' probabilities")
        }
        guard let mode else { return nil }
        return Enrolment(mode: mode, from: from, optedOut: optedOut, leave: leave, consent: consent)
    }

    /// The bands of the list at `key`, their bounds and probabilities read as the keys given.
    private static func decodeBands(
        _ f: Fields, _ key: String, _ belowKey: NumericKey<Int>, _ probabilityKey: NumericKey<Double>,
        _ sink: DiagnosticSink
    ) -> [Band] {
        var bands: [Band] = []
        let items = f.list(key)
        for (index, (item, itemPath)) in items.enumerated() {
            guard let b = Fields(item, itemPath, sink, allowed: ["below", "probability"]) else { continue }
            let isLast = index == items.count - 1
            let below = b.int(belowKey, required: !isLast)
            if isLast, let extra = b.value("below") {
                sink.report(
                    extra, itemPath.key("below"),
                    "the last band covers every remaining score; it has no 'below'")
            }
            if let previous = bands.last?.below, let below, below <= previous {
                sink.report(
                    item, itemPath.key("below"),
                    "bands must be ordered by rising 'below': \(below) is not above \(previous)")
            }
            guard let probability = b.double(probabilityKey, required: true) else { continue }
            bands.append(Band(below: isLast ? nil : below, probability: probability))
        }
        return bands
    }
}
