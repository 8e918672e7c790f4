import CreditSim
import Foundation
import GSL
import Testing

@Suite("comparisons, replicates and intervals")
struct ComparisonTests {
    static let yaml = miniScenario(
        size: 3000, days: 200, propensity: "{distribution: gamma, shape: 2, scale: 0.5}",
        behaviours: """
              - {id: a, rate: 0.01, unlawful: "no"}
              - {id: b, rate: 0.005, unlawful: "yes", basis: judgment}
            """,
        rulebooks:
            "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: a, points: -20}, {behaviour: b, points: -30}]}",
        extra: """
            enrolment: {mode: opt_out, from: 2020-03-01, leave: [{below: 990, probability: 0.01}, {probability: 0.001}]}
            responses: {deterrence: 0.8}
            consequences:
              measures:
                - {id: ban, kind: restriction, behaviours: [b], duration: 30, repair: {after: 10, probability: 0.5}}
            """)

    @Test("a scenario compared with itself differs by exactly zero in every metric and replicate")
    func selfComparison() throws {
        let s = try scenario(Self.yaml)
        let c = try Comparison.run([("x", s), ("y", s)], replicates: 4, baseSeed: 9)
        #expect(c.values[0] == c.values[1])
        for k in c.metrics.indices {
            let d = try #require(c.difference(variant: 1, metric: k))
            #expect(d.paired.estimate == 0 && d.paired.width == 0)
        }
        #expect(c.seeds == [9, 10, 11, 12])
    }

    @Test("paired intervals are narrower than unpaired ones for a small rule change")
    func pairingHelps() throws {
        let base = try scenario(Self.yaml)
        let variant = try scenario(Self.yaml.replacingOccurrences(of: "points: -20", with: "points: -25"))
        let c = try Comparison.run([("base", base), ("variant", variant)], replicates: 8, baseSeed: 1)
        let k = try #require(c.metrics.firstIndex(of: "mean_score"))
        let d = try #require(c.difference(variant: 1, metric: k))
        #expect(d.paired.width < d.unpaired.width / 3)
        #expect(d.paired.upper < 0)
    }

    /// Nominal 95 % t intervals from 10 normal draws must cover the true mean in about 95 % of
    /// 4,000 experiments: tolerance 4 standard errors of a binomial proportion (±0.014).
    @Test("interval coverage on normal samples")
    func coverageNormal() {
        let stream = RandomStream(seed: 3)
        stream.select(resident: 0, stream: 9)
        let experiments = 4000
        var covered = 0
        for _ in 0..<experiments {
            let sample = (0..<10).map { _ in 5 + stream.gaussian(sigma: 2) }
            if let i = Statistics.meanInterval(sample), i.lower <= 5, 5 <= i.upper { covered += 1 }
        }
        let rate = Double(covered) / Double(experiments)
        let se = (0.95 * 0.05 / Double(experiments)).squareRoot()
        #expect(abs(rate - 0.95) < 4 * se, "coverage \(rate)")
    }

    /// Replicate intervals of the engine's mean final score cover the analytic mean
    /// (1000 − 50·λ·p·T) in about 95 % of 300 experiments (tolerance 4 SE = ±0.05).
    @Test("interval coverage of the engine's mean score, known answer")
    func coverageEngine() throws {
        let days = 100
        let yaml = miniScenario(
            size: 400, days: days, behaviours: "  - {id: x, rate: 0.01, unlawful: \"no\"}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -50, detection: 0.5}]}")
        let s = try scenario(yaml)
        let truth = 1000 - 50 * 0.01 * 0.5 * Double(days)
        let experiments = 300
        var covered = 0
        for e in 0..<experiments {
            let c = try Comparison.run(
                [("x", s)], replicates: 5, baseSeed: UInt64(e * 5), options: .init(threads: 1))
            let k = c.metrics.firstIndex(of: "mean_score")!
            if let i = c.summary(scenario: 0, metric: k), i.lower <= truth, truth <= i.upper { covered += 1 }
        }
        let rate = Double(covered) / Double(experiments)
        let se = (0.95 * 0.05 / Double(experiments)).squareRoot()
        #expect(abs(rate - 0.95) < 4 * se, "coverage \(rate)")
    }

    @Test("t quantiles match published values")
    func tQuantiles() {
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 1e9) - 1.959964) < 1e-6)
    }
}
