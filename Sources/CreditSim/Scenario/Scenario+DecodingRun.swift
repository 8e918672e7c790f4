internal import GSL

/// Reading `run`: the period, the seed and the generator.
extension Scenario {
    static func decodeRun(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink) -> RunSettings? {
        guard let f = Fields(node, path, sink, allowed: ["start", "end", "days", "seed", "generator"]) else {
            return nil
        }
        guard let start = f.date("start", required: true) else { return nil }
        let days = decodeHorizon(f, start, sink)
        let seed = f.value("seed").flatMap { decodeSeed($0, path.key("seed"), sink) }
        let generator = decodeGenerator(f, sink)
        guard let days else { return nil }
        return RunSettings(
            start: start, days: days, seed: seed ?? ScenarioKeys.seed.declaredDefault, generator: generator)
    }

    /// The number of days from exactly one of `end` and `days`.
    private static func decodeHorizon(_ f: Fields, _ start: SimDate, _ sink: DiagnosticSink) -> Int? {
        let path = f.path
        var days: Int?
        switch (f.value("end"), f.value("days")) {
        case (let end?, nil):
            if let date = end.date(path.key("end"), sink) {
                let count = start.days(until: date) + 1
                days = count
                if count < 1 || count > maximumDays {
                    sink.report(
                        end, path.key("end"),
                        "end \(date) must be on or after start \(start) and within \(maximumDays) days")
                    days = nil
                }
            }
        case (nil, let count?):
            days = count.int(path.key("days"), sink, ScenarioKeys.runDays)
        case (_?, _?):
            sink.report(f.node, path, "give either 'end' or 'days', not both")
        case (nil, nil):
            sink.report(f.node, path.key("end"), "missing key 'end' (or 'days')")
        }
        return days
    }

    /// The seed: digits only (no decimals or exponents), unlike other whole numbers.
    private static func decodeSeed(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink) -> UInt64? {
        let key = ScenarioKeys.seed
        guard case .scalar(let text, false) = node.kind, let value = UInt64(text.replacingUnderscores),
            key.range.contains(value)
        else {
            sink.report(
                node, path,
                "\(key.label) must be a whole number in [\(key.range.lowerBound), \(key.range.upperBound)], "
                    + "found \(node.kindName)")
            return nil
        }
        return value
    }

    private static func decodeGenerator(_ f: Fields, _ sink: DiagnosticSink) -> GeneratorKind {
        guard let nameNode = f.value("generator"), let name = nameNode.string(f.path.key("generator"), sink)
        else { return .philox }
        if let kind = try? GeneratorKind(named: name) { return kind }
        sink.report(
            nameNode, f.path.key("generator"), "unknown random number generator '\(name)'",
            hint: "use philox2x64-10 (default), mt19937, taus2, ranlxd2, … (`creditsim generators` lists all)"
        )
        return .philox
    }
}
