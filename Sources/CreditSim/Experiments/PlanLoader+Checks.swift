extension PlanLoader {
    /// Reports the extra `dates` outside the base scenario's run.
    static func checkDates(
        _ dates: [SimDate], within scenario: Scenario, _ fields: Fields, _ sink: DiagnosticSink
    ) {
        for date in dates where date < scenario.run.start || date > scenario.run.end {
            sink.report(
                fields.presentValue("dates"), KeyPath.root.key("dates"),
                "\(date) is outside the scenario's run")
        }
    }

    /// Reports a plan of more than `maximumRuns` runs (design points × replicates).
    static func checkRunCount(_ design: Plan.Design, _ plan: Plan, _ fields: Fields, _ sink: DiagnosticSink) {
        let points = Design.pointCount(design, plan.parameters)
        if points.overflow || points.count.multipliedReportingOverflow(by: plan.replicates).overflow
            || points.count * plan.replicates > maximumRuns
        {
            let size = points.overflow ? "overflow" : "\(points.count) points × \(plan.replicates) replicates"
            sink.report(
                fields.presentValue("design"), KeyPath.root.key("design"),
                "the plan asks for more than \(maximumRuns) runs (\(size))")
        }
    }

    /// Reports every value the scenario format refuses among each parameter's extremes (each
    /// listed value, or both ends of the range), the other parameters at their middle.
    static func checkExtremes(_ loaded: Loaded, _ sink: DiagnosticSink) {
        let parameters = loaded.plan.parameters
        for (k, parameter) in parameters.enumerated() {
            let extremes: [Double] =
                switch parameter.domain {
                case .values(let values):
                    Array(values.indices).map { (Double($0) + 0.5) / Double(values.count) }
                case .range: [0, 1]
                }
            for x in extremes {
                var unit = [Double](repeating: 0.5, count: parameters.count)
                unit[k] = x
                do {
                    _ = try loaded.scenario(at: loaded.values(at: unit), replicate: 0)
                } catch {
                    for d in error.diagnostics { sink.report(d) }
                }
            }
        }
    }

    /// Reports the `metrics` a run of the base scenario does not report, with the closest name.
    static func checkMetrics(_ available: [String], _ fields: Fields, _ sink: DiagnosticSink) {
        for (node, itemPath) in fields.list("metrics") {
            if let metric = node.scalarText, !available.contains(metric) {
                let guess =
                    NearMiss.suggestion(for: metric, among: available).map { "did you mean '\($0)'? " } ?? ""
                sink.report(
                    node, itemPath, "unknown metric '\(metric)'",
                    hint: guess + "(`creditsim sweep PLAN --list-metrics` lists them)")
            }
        }
    }
}
