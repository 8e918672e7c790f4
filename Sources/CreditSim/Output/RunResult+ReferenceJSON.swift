public import GSL

/// The JSON schema of the bench-v1 baselines (`shared/bench/baselines/bench_common.py`), so that
/// CreditSim's output can be compared with the NumPy and C implementations by their `compare.py`.
extension RunResult {
    /// Writes the run in bench-v1 form: daily state counts, reported days, final statistics,
    /// width-10 histogram, events per behaviour and points removed for behaviours that are not unlawful.
    public func referenceJSON(implementation: String = "creditsim") throws(GSLError) -> String {
        let stateNames = states.map { $0 == "opted_out" ? "opted_out" : $0 }
        var out =
            "{\"implementation\":\"\(implementation)\",\"model\":\"bench-v1\",\"n\":\(scenario.population.size),"
        out += "\"days\":\(days),\"seed\":\(scenario.run.seed),\"rng\":\"\(scenario.run.generator)\","
        out += "\"threads\":\(threads),\"sim_seconds\":\(simulationSeconds),"
        out +=
            "\"tiers\":[\(states.dropLast().map { "\"\($0)\"" }.joined(separator: ","))],\"tier_counts_at\":{"
        let reported = [364, 1094, 1095, 1824, 3649].filter { $0 < days }
        out += reported.map { day in
            let counts = counts(onDay: day)
            return "\"\(day)\":{" + zip(stateNames, counts).map { "\"\($0)\":\($1)" }.joined(separator: ",")
                + "}"
        }.joined(separator: ",")
        let final = finalScores.summary!
        out += "},\"final\":{\"mean\":\(final.mean),\"sd\":\(final.standardDeviation),\"gini\":\(final.gini),"
        out += "\"min\":\(final.minimum),\"max\":\(final.maximum)},"
        let bins = try bins(finalScores, width: 10)
        out +=
            "\"histogram\":{\"bin_width\":10,\"lower_edges\":[\(bins.map { String($0.lower) }.joined(separator: ","))],"
        out += "\"counts\":[\(bins.map { String($0.count) }.joined(separator: ","))]},"
        var events: [String: Int64] = [:]
        var removed: [String: Int64] = [:]
        for rule in rules {
            events[rule.behaviour, default: 0] += rule.events
            removed[rule.behaviour, default: 0] += rule.pointsRemoved
        }
        let ids = scenario.behaviours.map(\.id)
        out +=
            "\"events_per_rule\":{" + ids.map { "\"\($0)\":\(events[$0] ?? 0)" }.joined(separator: ",") + "},"
        let notUnlawful = scenario.behaviours.filter { $0.unlawful == .no }.map(\.id)
        out += "\"points_removed_per_rule\":{"
        out += notUnlawful.map { "\"\($0)\":\(removed[$0] ?? 0)" }.joined(separator: ",") + "},"
        out +=
            "\"points_removed_non_illegal\":\(notUnlawful.reduce(0) { $0 + (removed[$1] ?? 0) }),\"daily\":{"
        out += stateNames.enumerated().map { k, name in
            "\"\(name)\":[" + (0..<days).map { String(counts(onDay: $0)[k]) }.joined(separator: ",") + "]"
        }.joined(separator: ",")
        return out + "}}\n"
    }
}
