internal import Foundation

extension PlanLoader.Loaded {
    /// The design's points in the unit hypercube.
    public func unitPoints() -> [[Double]] {
        Design.points(plan.design, plan.parameters, seed: plan.seed)
    }

    /// Parameter values (as scenario text) at a point of the unit hypercube.
    public func values(at unit: [Double]) -> [String] {
        zip(plan.parameters, unit).map { parameter, x in
            switch parameter.domain {
            case .values(let values):
                return values[min(values.count - 1, max(0, Int(x * Double(values.count))))]
            case .range(let low, let high):
                switch parameter.kind {
                case .integer, .date:
                    let n = high - low + 1
                    let value = Int(low) + min(Int(n) - 1, max(0, Int((x * n).rounded(.down))))
                    return parameter.kind == .date
                        ? SimDate(daysSinceEpoch: value).description : String(value)
                case .number, .text:
                    return (low + x * (high - low)).description
                }
            }
        }
    }

    /// The base scenario's tree with the parameters set to `values`.
    func tree(_ values: [String]) -> YAMLNode {
        var tree = base
        for (k, value) in values.enumerated() {
            tree = paths[k].setting(leaf(k, value), in: tree)
        }
        return tree
    }

    private func leaf(_ k: Int, _ value: String) -> YAMLNode {
        YAMLNode(kind: .scalar(value, quoted: plan.parameters[k].kind == .text), location: locations[k])
    }

    /// The overlay that sets the parameters to `values`, as a tree (no `extends`).
    func overlayTree(_ values: [String]) -> YAMLNode {
        let final = tree(values)
        var overlay = Self.generated(.mapping([]))
        // The parts are generated from paths found in the base, so merging them reports nothing.
        let sink = DiagnosticSink()
        for (k, value) in values.enumerated() {
            let part = paths[k].overlay(setting: leaf(k, value), final: final)
            overlay = Overlay.merge(base: overlay, overlay: part, sink: sink)
        }
        return overlay
    }

    /// The design point as an overlay file next to the plan (`creditsim sweep --list`): `extends`
    /// the plan's scenario, the parameters' values, the plan's population and the replicate's seed.
    /// - Throws: `YAMLEmitFailure` when Yams cannot write the overlay.
    public func overlay(_ values: [String], replicate: Int) throws(YAMLEmitFailure) -> String {
        var planValues: [YAMLNode.Entry] = []
        if let population = plan.population {
            planValues.append(
                Self.entry(
                    "population", Self.generated(.mapping([Self.entry("size", Self.scalar(population))]))))
        }
        planValues.append(
            Self.entry(
                "run",
                Self.generated(.mapping([Self.entry("seed", Self.scalar(plan.seed + UInt64(replicate)))]))))
        // Merged, so a parameter under `population` or `run` shares the key; the plan's values win.
        let merged = Overlay.merge(
            base: overlayTree(values), overlay: Self.generated(.mapping(planValues)), sink: DiagnosticSink())
        guard case .mapping(let entries) = merged.kind else {
            preconditionFailure("merging two mappings gives a mapping (invariant)")
        }
        let file = Self.generated(
            .mapping([Self.entry("extends", Self.generated(.scalar(plan.scenario, quoted: false)))] + entries)
        )
        return try file.emittedYAML()
    }

    /// A node made here rather than read from a file.
    private static func generated(_ kind: YAMLNode.Kind) -> YAMLNode {
        YAMLNode(kind: kind, location: SourceLocation(file: "", line: 1, column: 1))
    }

    private static func scalar(_ value: some BinaryInteger) -> YAMLNode {
        generated(.scalar(String(value), quoted: false))
    }

    private static func entry(_ key: String, _ value: YAMLNode) -> YAMLNode.Entry {
        YAMLNode.Entry(key: key, keyLocation: value.location, value: value)
    }

    /// The scenario of one run: the base with the point's values, the plan's population, and
    /// seed `seed + replicate`.
    /// - Throws: `ScenarioError` located at the parameter in the plan file when a value is invalid.
    public func scenario(at values: [String], replicate: Int) throws(ScenarioError) -> Scenario {
        let sink = DiagnosticSink()
        guard var scenario = Scenario.decode(tree(values), sink), sink.diagnostics.isEmpty else {
            throw ScenarioError(
                sink.diagnostics.map { d in
                    let name = plan.parameters.first { d.keyPath.hasPrefix($0.path) }?.name
                    return ScenarioDiagnostic(
                        d.location, d.keyPath,
                        (name.map { "parameter '\($0)': " } ?? "") + d.message, hint: d.hint)
                })
        }
        if let population = plan.population { scenario.population.size = population }
        scenario.run.seed = plan.seed + UInt64(replicate)
        return scenario
    }

    /// Every metric a run of `scenario` reports, in order (`share_<state>` at the run's end,
    /// `share_<state>@<date>` at the plan's dates, then `RunMetrics`' own).
    public func metricNames(_ scenario: Scenario) -> [String] {
        SweepMetrics.names(scenario, dates: plan.dates)
    }
}
