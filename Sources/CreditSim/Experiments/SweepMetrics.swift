/// The metrics of one sweep run: `RunMetrics` with grade shares at the run's end named
/// `share_<state>` (so plans that vary dates keep one column name) and at the plan's dates
/// named `share_<state>@<date>`.
enum SweepMetrics {
    static func extract(_ result: RunResult, dates: [SimDate]) -> [(String, Double)] {
        let s = result.scenario
        let states = s.scheme.states
        let all = RunMetrics.extract(
            result, dates: dates + [s.run.end], states: states, measures: s.consequences.measures.map(\.id))
        return rename(all, end: s.run.end)
    }

    static func names(_ scenario: Scenario, dates: [SimDate]) -> [String] {
        let states = scenario.scheme.states
        return rename(
            RunMetrics.names(
                dates: dates + [scenario.run.end], states: states,
                measures: scenario.consequences.measures.map(\.id)
            ).map { ($0, 0) }, end: scenario.run.end
        ).map(\.0)
    }

    private static func rename(_ metrics: [(String, Double)], end: SimDate) -> [(String, Double)] {
        metrics.map { name, value in
            (name.hasSuffix("@\(end)") ? String(name.dropLast("@\(end)".count)) : name, value)
        }
    }
}
