/// The metrics a comparison reports for one run, in a fixed order.
public enum RunMetrics {
    /// The names `extract` gives, in its order, without a run.
    public static func names(dates: [SimDate], states: [String], measures: [String]) -> [String] {
        var out: [String] = []
        for date in dates { for state in states { out.append("share_\(state)@\(date)") } }
        out += [
            "mean_score", "gini", "opted_out_share", "ever_penalised_share", "penalised_not_unlawful_share",
            "points_removed_not_unlawful_per_resident", "points_removed_unclear_per_resident",
            "points_removed_without_legal_basis_per_resident", "largest_drop", "mean_top_drop",
        ]
        for id in measures {
            out += [
                "exposed_at_end_share[\(id)]", "person_days_per_resident[\(id)]",
                "person_days_not_unlawful_only_per_resident[\(id)]",
            ]
        }
        out.append("suppressed_lawful_events_per_resident")
        return out
    }

    /// `(metric, value)` pairs for `result`.
    ///
    /// Grade shares are read at the end of each of `dates` for the `states` named (not a number
    /// when the run does not cover the date); measures in `measures` that the run lacks count 0.
    ///
    /// - Parameters:
    ///   - result: The run to read.
    ///   - dates: The dates at whose end grade shares are read.
    ///   - states: The grades whose shares are read.
    ///   - measures: The measures whose counts are read.
    /// - Returns: The metrics, each with its value.
    public static func extract(
        _ result: RunResult, dates: [SimDate], states: [String], measures: [String]
    ) -> [(String, Double)] {
        let summary = RunSummary(result)
        let n = Double(result.scenario.population.size)
        var out: [(String, Double)] = []
        for date in dates {
            let day = result.scenario.run.start.days(until: date)
            let covered = (0..<result.days).contains(day)
            let counts = covered ? result.counts(onDay: day) : []
            for state in states {
                let k = result.states.firstIndex(of: state).map { covered ? Double(counts[$0]) : .nan } ?? 0
                out.append(("share_\(state)@\(date)", k / n))
            }
        }
        let final = summary.finalScores
        out.append(("mean_score", final?.mean ?? .nan))
        out.append(("gini", final?.gini ?? .nan))
        out.append(("opted_out_share", Double(summary.optedOut) / n))
        out.append(("ever_penalised_share", Double(summary.everPenalised) / n))
        out.append(("penalised_not_unlawful_share", Double(summary.everPenalisedNotUnlawful) / n))
        out.append(
            (
                "points_removed_not_unlawful_per_resident",
                Double(summary.pointsRemovedByLawfulness["no"] ?? 0) / n
            ))
        out.append(
            (
                "points_removed_unclear_per_resident",
                Double(summary.pointsRemovedByLawfulness["unclear"] ?? 0) / n
            ))
        out.append(
            (
                "points_removed_without_legal_basis_per_resident",
                Double(summary.pointsRemovedWithoutLegalBasis) / n
            ))
        out.append(("largest_drop", Double(summary.largestDrop?.drop ?? 0)))
        let topMean =
            result.topDrops.isEmpty
            ? 0 : Double(result.topDrops.reduce(0) { $0 + $1.drop }) / Double(result.topDrops.count)
        out.append(("mean_top_drop", topMean))
        for id in measures {
            let exposure = summary.measures.first { $0.measure == id }
            out.append(("exposed_at_end_share[\(id)]", Double(exposure?.exposedAtEnd ?? 0) / n))
            out.append(("person_days_per_resident[\(id)]", Double(exposure?.personDays ?? 0) / n))
            out.append(
                (
                    "person_days_not_unlawful_only_per_resident[\(id)]",
                    Double(exposure?.personDaysNotUnlawfulOnly ?? 0) / n
                ))
        }
        out.append(("suppressed_lawful_events_per_resident", summary.suppressedLawfulEvents / n))
        return out
    }
}
