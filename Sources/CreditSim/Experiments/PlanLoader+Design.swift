internal import GSL

extension PlanLoader {
    /// The allowed keys of `design`.
    static let designKeys = ["kind", "levels", "points", "base", "trajectories"]

    /// Reads `design` for a plan of `dimensions` parameters.
    static func design(_ fields: Fields, _ dimensions: Int, _ sink: DiagnosticSink) -> Plan.Design? {
        let path = KeyPath.root.key("design")
        guard let node = fields.value("design", required: true),
            let d = Fields(node, path, sink, allowed: designKeys),
            let kind = d.string("kind", required: true)
        else { return nil }
        switch kind {
        case "grid":
            return .grid(levels: d.int("levels", "grid levels", in: 2...1_000) ?? 3)
        case "lhs":
            return d.int("points", "points", in: 2...10_000_000, required: true).map {
                .latinHypercube(points: $0)
            }
        case "sobol", "saltelli":
            return quasiRandom(kind, d, dimensions, sink)
        case "morris":
            return morris(d, sink)
        default:
            sink.report(
                d.presentValue("kind"), path.key("kind"), "unknown design '\(kind)'",
                hint: NearMiss.hint(
                    for: kind, among: ["grid", "lhs", "sobol", "saltelli", "morris"], listing: "one of"))
            return nil
        }
    }

    /// A `sobol` or `saltelli` design, within the dimensions GSL's Sobol sequence has.
    private static func quasiRandom(_ kind: String, _ d: Fields, _ dimensions: Int, _ sink: DiagnosticSink)
        -> Plan.Design?
    {
        let limit =
            kind == "sobol"
            ? QuasiRandomSequence.maximumDimensions : QuasiRandomSequence.maximumDimensions / 2
        if dimensions > limit {
            sink.report(
                d.node, d.path.key("kind"),
                "a \(kind) design takes at most \(limit) parameters; this plan has \(dimensions)")
        }
        if kind == "sobol" {
            return d.int("points", "points", in: 2...10_000_000, required: true).map { .sobol(points: $0) }
        }
        return d.int("base", "base sample size", in: 2...10_000_000, required: true).map {
            .saltelli(base: $0)
        }
    }

    /// A `morris` design: `trajectories` and an even number of `levels` (4 by default).
    private static func morris(_ d: Fields, _ sink: DiagnosticSink) -> Plan.Design? {
        guard let trajectories = d.int("trajectories", "trajectories", in: 2...100_000, required: true) else {
            return nil
        }
        let levels = d.int("levels", "Morris levels", in: 2...100) ?? 4
        if levels % 2 != 0 {  // the default, 4, is even: odd levels were read from the plan
            sink.report(
                d.presentValue("levels"), d.path.key("levels"),
                "Morris levels must be even (Δ = levels / (2 (levels − 1)))")
        }
        return .morris(trajectories: trajectories, levels: levels)
    }
}
