public import GSL

/// Several scenarios run over the same replicates with common random numbers, and the paired
/// differences of each variant from the first (the baseline).
///
/// Replicate `r` runs every scenario with seed `base + r`. Random streams are addressed by
/// (seed, resident, behaviour id), so within a replicate every scenario sees the same synthetic
/// population and the same behavioural draws: differences come from the rules alone.
public struct Comparison: Sendable {
    public let labels: [String]
    public let seeds: [UInt64]
    /// Metric names, in report order.
    public let metrics: [String]
    /// `values[s][r][k]`: scenario `s`, replicate `r`, metric `k`.
    public let values: [[[Double]]]
    public let simulationSeconds: Double
    /// The grade and opted-out states whose daily shares are kept (the baseline's).
    public let states: [String]
    /// The sampled dates of the daily shares (at most about 200, from the baseline's start).
    public let bandDates: [SimDate]
    /// `dailyShares[s][r][i * states.count + k]`: share in state `k` on `bandDates[i]` (not a number
    /// when the scenario does not cover that date).
    public let dailyShares: [[[Double]]]

    /// Runs `scenarios` (label, scenario) for `replicates` seeds from `baseSeed`.
    /// - Complexity: `scenarios.count × replicates` runs.
    public static func run(
        _ scenarios: [(label: String, scenario: Scenario)], replicates: Int, baseSeed: UInt64,
        options: Simulation.Options = .init(), progress: (@Sendable (Double) -> Void)? = nil
    ) throws(Simulation.Failure) -> Comparison {
        guard let first = scenarios.first?.scenario,
            let horizon = scenarios.map({ $0.scenario.run.end }).min()
        else { preconditionFailure("Comparison.run needs at least one scenario (callers check)") }
        let dates = first.outputs.histograms.filter { $0 <= horizon }
        let states = first.scheme.states
        var measures: [String] = []
        for (_, s) in scenarios {
            for m in s.consequences.measures where !measures.contains(m.id) { measures.append(m.id) }
        }
        let seeds = (0..<replicates).map { baseSeed &+ UInt64($0) }
        let span = first.run.start.days(until: horizon) + 1
        let every = max(1, span / 200)
        var bandDates = stride(from: 0, to: span, by: every).map { first.run.start.adding(days: $0) }
        if bandDates.last != horizon { bandDates.append(horizon) }
        var shares = Array(repeating: [[Double]](), count: scenarios.count)
        var values = Array(repeating: [[Double]](), count: scenarios.count)
        var names: [String] = []
        var seconds = 0.0
        var done = 0
        for seed in seeds {
            for (s, entry) in scenarios.enumerated() {
                var scenario = entry.scenario
                scenario.run.seed = seed
                let result = try Simulation.run(scenario, options: options)
                seconds += result.simulationSeconds
                let metrics = RunMetrics.extract(result, dates: dates, states: states, measures: measures)
                names = metrics.map(\.0)
                values[s].append(metrics.map(\.1))
                shares[s].append(Self.shares(result, dates: bandDates, states: states))
                done += 1
                progress?(Double(done) / Double(seeds.count * scenarios.count))
            }
        }
        return Comparison(
            labels: scenarios.map(\.label), seeds: seeds, metrics: names, values: values,
            simulationSeconds: seconds, states: states, bandDates: bandDates, dailyShares: shares)
    }

    private static func shares(_ result: RunResult, dates: [SimDate], states: [String]) -> [Double] {
        let n = Double(result.scenario.population.size)
        var out: [Double] = []
        out.reserveCapacity(dates.count * states.count)
        for date in dates {
            let day = result.scenario.run.start.days(until: date)
            let covered = (0..<result.days).contains(day)
            let counts = covered ? result.counts(onDay: day) : []
            for state in states {
                out.append(
                    result.states.firstIndex(of: state).map { covered ? Double(counts[$0]) / n : .nan } ?? 0)
            }
        }
        return out
    }

    /// Mean and 95 % interval across replicates of the share of scenario `s` in state `k` on
    /// `bandDates[i]`.
    public func band(scenario s: Int, date i: Int, state k: Int) -> Interval? {
        Statistics.meanInterval(dailyShares[s].map { $0[i * states.count + k] })
    }

    /// Mean and 95 % interval of metric `k` for scenario `s` across replicates.
    public func summary(scenario s: Int, metric k: Int) -> Interval? {
        Statistics.meanInterval(values[s].map { $0[k] })
    }

    /// The paired difference (variant − baseline) of metric `k` with its 95 % interval, and
    /// the unpaired (Welch) interval of the same difference, for comparison.
    public func difference(variant s: Int, metric k: Int) -> (paired: Interval, unpaired: Interval)? {
        let base = values[0].map { $0[k] }
        let variant = values[s].map { $0[k] }
        let differences = zip(variant, base).map { $0 - $1 }
        guard let paired = Statistics.meanInterval(differences),
            let unpaired = Statistics.welchInterval(base, variant)
        else { return nil }
        return (paired, unpaired)
    }
}
