import CreditSim
import Foundation
import Testing

/// Checks against analytic results.
///
/// Every tolerance is 4 standard errors, the standard error
/// computed from the exact distribution.
@Suite("statistical agreement with analytic results")
struct StatisticalTests {
    /// Two rules (−50 and +40 points) with constant propensity, no responses and no opt-out: the
    /// final score is 1000 − 50·K₁ + 40·K₂ with independent K_r ~ Poisson(λ_r p_r T).
    static let twoRules = """
          - {id: bad, rate: 0.002, unlawful: "no"}
          - {id: good, rate: 0.001, unlawful: "no"}
        """
    static let twoRulebook =
        "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: bad, points: -50, detection: 0.5}, {behaviour: good, points: 40, detection: 0.8}]}"
    static let days = 730
    static let n = 100_000
    static let mu = [(points: -50.0, rate: 0.002 * 0.5), (points: 40.0, rate: 0.001 * 0.8)]

    @Test("mean and variance of the final score match the compound-Poisson formulas")
    func compoundPoisson() throws {
        let s = try scenario(
            miniScenario(
                size: Self.n, days: Self.days, behaviours: Self.twoRules, rulebooks: Self.twoRulebook))
        let r = try Simulation.run(s)
        let summary = try #require(r.finalScores.summary)
        let t = Double(Self.days)
        // Cumulants of a compound Poisson sum: κ_j = T Σ_r Δ_r^j μ_r.
        let k1 = 1000 + t * Self.mu.reduce(0.0) { $0 + $1.points * $1.rate }
        let k2 = t * Self.mu.reduce(0.0) { $0 + pow($1.points, 2) * $1.rate }
        let k4 = t * Self.mu.reduce(0.0) { $0 + pow($1.points, 4) * $1.rate }
        let n = Double(Self.n)
        let meanSE = (k2 / n).squareRoot()
        let varianceSE = ((k4 + 2 * k2 * k2) / n).squareRoot()
        let variance = summary.standardDeviation * summary.standardDeviation * n / (n - 1)
        #expect(abs(summary.mean - k1) < 4 * meanSE, "mean \(summary.mean) vs \(k1) ± \(meanSE)")
        #expect(abs(variance - k2) < 4 * varianceSE, "variance \(variance) vs \(k2) ± \(varianceSE)")
    }

    @Test("with Gamma propensities the mean and variance match the mixed-Poisson formulas")
    func mixedPoisson() throws {
        let s = try scenario(
            miniScenario(
                size: Self.n, days: Self.days, propensity: "{distribution: gamma, shape: 2, scale: 0.5}",
                behaviours: Self.twoRules, rulebooks: Self.twoRulebook))
        let r = try Simulation.run(s)
        let summary = try #require(r.finalScores.summary)
        let t = Double(Self.days)
        let drift = t * Self.mu.reduce(0.0) { $0 + $1.points * $1.rate }
        let k2 = t * Self.mu.reduce(0.0) { $0 + pow($1.points, 2) * $1.rate }
        // E[m] = 1, Var[m] = 0.5: Var = E[m] κ₂ + Var[m] drift².
        let variance = k2 + 0.5 * drift * drift
        let meanSE = (variance / Double(Self.n)).squareRoot()
        #expect(abs(summary.mean - (1000 + drift)) < 4 * meanSE)
        // Loose on purpose: the standard error of a variance needs the fourth moment; 6 % is
        // over 4 standard errors here (the sampling sd of the variance is about 1.3 %).
        let sampleVariance = summary.standardDeviation * summary.standardDeviation
        #expect(abs(sampleVariance / variance - 1) < 0.06, "variance \(sampleVariance) vs \(variance)")
    }

    @Test("grade shares match the exact distribution of 1000 − 50·K₁ + 40·K₂")
    func gradeShares() throws {
        let s = try scenario(
            miniScenario(
                size: Self.n, days: Self.days, behaviours: Self.twoRules, rulebooks: Self.twoRulebook))
        let r = try Simulation.run(s)
        let t = Double(Self.days)
        let p1 = poissonPMF(mean: Self.mu[0].rate * t, upTo: 40)
        let p2 = poissonPMF(mean: Self.mu[1].rate * t, upTo: 40)
        let minimums = [1050, 1030, 960, 850, 600]
        var exact = [Double](repeating: 0, count: 6)
        for (k1, a) in p1.enumerated() {
            for (k2, b) in p2.enumerated() {
                let score = 1000 - 50 * k1 + 40 * k2
                exact[minimums.firstIndex { score >= $0 } ?? 5] += a * b
            }
        }
        let counts = r.counts(onDay: Self.days - 1)
        let n = Double(Self.n)
        for g in 0..<6 {
            let share = Double(counts[g]) / n
            let se = (exact[g] * (1 - exact[g]) / n).squareRoot()
            #expect(
                abs(share - exact[g]) <= 4 * se + 1e-12,
                "grade \(r.states[g]): \(share) vs \(exact[g]) ± \(se)")
        }
    }

    @Test("deterrence 0.5 per penalty: events of one rule match the exact Markov-chain expectation")
    func deterrence() throws {
        // One penalty rule with daily detected rate μ, deterrence d: after j penalties the rate is
        // μ d^j. Expected penalties over T days by the forward equations of the count chain.
        let n = 50_000
        let days = 365
        let mu = 0.01
        let d = 0.5
        let yaml = miniScenario(
            size: n, days: days, behaviours: "  - {id: x, rate: 0.01, unlawful: \"yes\"}",
            rulebooks: "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -1}]}",
            extra: "responses: {deterrence: 0.5}")
        let r = try Simulation.run(try scenario(yaml))
        var p = [Double](repeating: 0, count: 40)
        p[0] = 1
        // Day-by-day chain on the number of penalties j (Poisson counts per day, truncated at 39).
        for _ in 0..<days {
            var next = [Double](repeating: 0, count: 40)
            for j in 0..<40 where p[j] > 0 {
                let pmf = poissonPMF(mean: mu * pow(d, Double(j)), upTo: 39 - j)
                for (k, q) in pmf.enumerated() where j + k < 40 { next[j + k] += p[j] * q }
            }
            p = next
        }
        let mean = p.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        let second = p.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.offset) * $1.element }
        let se = ((second - mean * mean) / Double(n)).squareRoot()
        let observed = Double(r.rules[0].events) / Double(n)
        #expect(abs(observed - mean) < 4 * se, "events per resident \(observed) vs \(mean) ± \(se)")
    }

    /// Rare and later-introduced behaviours lose no events to the skipping of dormant behaviours.
    ///
    /// Rare behaviours are mostly dormant (their first arrival lies beyond the run), so this
    /// checks that skipping them loses no events: `rare`'s detection rises tenfold at an
    /// overhaul on day 200 and `late` is scored only from then on. With no responses, each
    /// resident's count is mixed Poisson: mean Λ = Σ rate × detection × days, variance Λ + Λ²
    /// Var(m) with Gamma(2, 0.5) propensities (Var m = 0.5).
    @Test("rare and later-introduced behaviours keep their exact event counts")
    func dormantBehaviours() throws {
        let n = 200_000
        let yaml = miniScenario(
            size: n, days: 400, propensity: "{distribution: gamma, shape: 2, scale: 0.5}",
            behaviours: """
                  - {id: rare, rate: 0.0001, unlawful: "no"}
                  - {id: late, rate: 0.0005, unlawful: "no"}
                """,
            rulebooks: """
                    - {id: v1, effective: 2020-01-01, rules: [{behaviour: rare, points: -5, detection: 0.05}]}
                    - {id: v2, effective: 2020-07-19, rules: [{behaviour: rare, points: -5, detection: 0.5}, {behaviour: late, points: 5, detection: 1}]}
                """)
        let r = try Simulation.run(try scenario(yaml))
        let rareMean = 0.0001 * (0.05 * 200 + 0.5 * 200)
        let lateMean = 0.0005 * 1 * 200
        for (behaviour, lambda) in [("rare", rareMean), ("late", lateMean)] {
            let events = r.rules.filter { $0.behaviour == behaviour }.reduce(Int64(0)) { $0 + $1.events }
            let se = ((lambda + lambda * lambda * 0.5) / Double(n)).squareRoot()
            let observed = Double(events) / Double(n)
            #expect(abs(observed - lambda) < 4 * se, "\(behaviour): \(observed) vs \(lambda) ± \(se)")
        }
    }

    @Test("zero rates and zero detection change nothing", arguments: ["rate: 0", "rate: 0.5"])
    func nothingHappens(rate: String) throws {
        let detection = rate == "rate: 0" ? 1.0 : 0.0
        let yaml = miniScenario(
            size: 5000, days: 365, propensity: "{distribution: gamma, shape: 2, scale: 0.5}",
            behaviours: "  - {id: x, \(rate), unlawful: \"no\"}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -50, detection: \(detection)}]}"
        )
        let r = try Simulation.run(try scenario(yaml))
        #expect(r.finalScores.nonEmpty.map { $0.score } == [1000])
        #expect(r.rules[0].events == 0)
        #expect((0..<365).allSatisfy { r.counts(onDay: $0)[2] == 5000 })
        #expect(r.topDrops.isEmpty && r.everPenalised == [0])
    }

    @Test("chilling: penalising the trigger suppresses the target from the next day on")
    func chilling() throws {
        let n = 20_000
        let yaml = miniScenario(
            size: n, days: 30,
            behaviours: """
                  - {id: speech, rate: 20, unlawful: "unclear"}
                  - {id: complaint, rate: 0.5, unlawful: "no"}
                """,
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: speech, points: -1, cap: {points: 1, period: 1}}, {behaviour: complaint, points: 0}]}",
            extra: "responses: {chilling: [{trigger: speech, target: complaint, factor: 0.000001}]}")
        let r = try Simulation.run(try scenario(yaml))
        // Complaints happen on day 0 only (about 20 penalties then cut the rate by 10^-120).
        let complaints = Double(r.rules[1].events)
        let se = (0.5 * Double(n)).squareRoot()
        #expect(abs(complaints - 0.5 * Double(n)) < 4 * se, "complaints \(complaints)")
    }
}
