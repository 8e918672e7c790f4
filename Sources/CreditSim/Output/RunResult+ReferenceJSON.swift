public import Foundation

/// The JSON schema of the bench-v1 baselines (`shared/bench/baselines/bench_common.py`), so that
/// CreditSim's output can be compared with the NumPy and C implementations by their `compare.py`.
struct ReferenceRun: Encodable {
    struct Final: Encodable {
        let mean: Double
        let sd: Double
        let gini: Double
        let min: Int
        let max: Int
    }

    struct Histogram: Encodable {
        let binWidth: Int
        let lowerEdges: [Int]
        let counts: [Int64]
    }

    let implementation: String
    let model = "bench-v1"
    let n: Int
    let days: Int
    let seed: UInt64
    let rng: String
    let threads: Int
    let simSeconds: Double
    let tiers: [String]
    let tierCountsAt: [String: [String: Int64]]
    let final: Final?
    let histogram: Histogram
    let eventsPerRule: [String: Int64]
    let pointsRemovedPerRule: [String: Int64]
    let pointsRemovedNonIllegal: Int64
    let daily: [String: [Int64]]
}

extension RunResult {
    /// The run in bench-v1 form: daily state counts, reported days, final statistics, width-10
    /// histogram, events per behaviour and points removed for behaviours that are not unlawful.
    /// - Throws: `EncodingFailure` (not expected: every number is finite or written as a string).
    public func referenceJSON(implementation: String = "creditsim") throws(EncodingFailure) -> Data {
        let reported = [364, 1094, 1095, 1824, 3649].filter { $0 < days }
        let bins = bins(finalScores, width: 10)
        var events: [String: Int64] = [:]
        var removed: [String: Int64] = [:]
        for rule in rules {
            events[rule.behaviour, default: 0] += rule.events
            removed[rule.behaviour, default: 0] += rule.pointsRemoved
        }
        let notUnlawful = scenario.behaviours.filter { $0.unlawful == .no }.map(\.id)
        let daily = (0..<days).map { counts(onDay: $0) }
        let run = ReferenceRun(
            implementation: implementation, n: scenario.population.size, days: days, seed: scenario.run.seed,
            rng: scenario.run.generator.name, threads: threads, simSeconds: simulationSeconds,
            tiers: Array(states.dropLast()),
            tierCountsAt: Dictionary(
                uniqueKeysWithValues: reported.map { day in
                    (String(day), Dictionary(uniqueKeysWithValues: zip(states, daily[day])))
                }),
            final: finalScores.summary.map {
                .init(
                    mean: $0.mean, sd: $0.standardDeviation, gini: $0.gini, min: $0.minimum, max: $0.maximum)
            },
            histogram: .init(binWidth: 10, lowerEdges: bins.map(\.lower), counts: bins.map(\.count)),
            eventsPerRule: Dictionary(
                uniqueKeysWithValues: scenario.behaviours.map { ($0.id, events[$0.id] ?? 0) }),
            pointsRemovedPerRule: Dictionary(
                uniqueKeysWithValues: notUnlawful.map { ($0, removed[$0] ?? 0) }),
            pointsRemovedNonIllegal: notUnlawful.reduce(0) { $0 + (removed[$1] ?? 0) },
            daily: Dictionary(
                uniqueKeysWithValues: states.enumerated().map { k, name in (name, daily.map { $0[k] }) }))
        return try encodeJSON(run)
    }
}
