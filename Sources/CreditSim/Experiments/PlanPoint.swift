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

    /// The overlay that sets the parameters to `values`, as a tree.
    func overlayTree(_ values: [String]) -> YAMLNode {
        let final = tree(values)
        var overlay = YAMLNode(kind: .mapping([]), location: SourceLocation(file: "", line: 1, column: 1))
        let sink = DiagnosticSink()
        for (k, value) in values.enumerated() {
            let part = paths[k].overlay(setting: leaf(k, value), final: final)
            overlay = Overlay.merge(base: overlay, overlay: part, sink: sink)
        }
        return overlay
    }

    /// The design point as an overlay file next to the plan (`creditsim sweep --list`).
    public func overlay(_ values: [String], replicate: Int) -> String {
        var text = "extends: \(plan.scenario)\n"
        text += overlayTree(values).yamlText()
        if let population = plan.population { text += "population: {size: \(population)}\n" }
        text += "run: {seed: \(plan.seed + UInt64(replicate))}\n"
        return text
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
