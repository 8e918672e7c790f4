import CreditSim
import Foundation
import Testing

@Suite("reproducibility and common random numbers")
struct ReproducibilityTests {
    static let yaml = miniScenario(
        size: 9000, days: 400, seed: 5, propensity: "{distribution: lognormal, sigma: 0.6}",
        behaviours: """
              - {id: a, rate: 0.01, unlawful: "no"}
              - {id: b, rate: 0.004, unlawful: "yes"}
              - {id: c, rate: 0.002, unlawful: "unclear"}
            """,
        rulebooks: """
                - {id: v1, effective: 2020-01-01, rules: [{behaviour: a, points: -20, retention: 90}, {behaviour: b, points: -30}, {behaviour: c, points: 15}]}
                - {id: v2, effective: 2020-06-01, migration: void_removed, rules: [{behaviour: b, points: -30}, {behaviour: c, points: 15}]}
            """,
        extra: """
            responses: {deterrence: 0.8}
            """)

    func files(_ yaml: String, threads: Int) throws -> [String: Data] {
        let r = try Simulation.run(try scenario(yaml), options: .init(threads: threads))
        return Dictionary(uniqueKeysWithValues: try RunOutput.files(for: r).map { ($0.name, $0.data) })
    }

    @Test("same scenario and seed give byte-identical files whatever the thread count")
    func threadCountIndependence() throws {
        let one = try files(Self.yaml, threads: 1)
        #expect(try files(Self.yaml, threads: 2) == one)
        #expect(try files(Self.yaml, threads: 3) == one)
    }

    @Test("another seed gives other results")
    func seedMatters() throws {
        let other = Self.yaml.replacingOccurrences(of: "seed: 5", with: "seed: 6")
        #expect(try files(other, threads: 2)["rules.csv"] != files(Self.yaml, threads: 2)["rules.csv"])
    }

    @Test("changing one rule's points leaves every other behaviour's events identical")
    func commonRandomNumbers() throws {
        let base = try Simulation.run(try scenario(Self.yaml))
        let changed = try Simulation.run(
            try scenario(Self.yaml.replacingOccurrences(of: "points: -20", with: "points: -45")))
        for (x, y) in zip(base.rules, changed.rules) {
            #expect(x.events == y.events, "\(x.rulebook)/\(x.behaviour)")
        }
        #expect(base.rules[0].pointsRemoved != changed.rules[0].pointsRemoved)
    }

    @Test("removing a rule leaves the other behaviours' events identical (streams follow the behaviour)")
    func removingRule() throws {
        let base = try Simulation.run(try scenario(Self.yaml))
        let without = Self.yaml.replacingOccurrences(of: "{behaviour: c, points: 15}]}\n", with: "]}\n")
            .replacingOccurrences(of: ", ]}", with: "]}")
        let changed = try Simulation.run(try scenario(without))
        let events = { (r: RunResult, id: String) in r.rules.filter { $0.behaviour == id }.map(\.events) }
        #expect(events(base, "a") == events(changed, "a"))
        #expect(events(base, "b") == events(changed, "b"))
        #expect(events(changed, "c").isEmpty)
    }

    @Test("mt19937 runs are reproducible and thread-independent too")
    func gslGenerator() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "seed: 5}", with: "seed: 5, generator: mt19937}")
        let one = try files(yaml, threads: 1)
        #expect(try files(yaml, threads: 2) == one)
    }
}

@Suite("largest-drop trajectories")
struct DropTraceTests {
    @Test("the residents with the largest drops are replayed exactly: their trajectory shows the drop")
    func replay() throws {
        let loaded = try ScenarioLoader.load(path: fixtures.appendingPathComponent("golden/tiny.yaml").path)
        var s = loaded.scenario
        s.outputs.trajectories = 0
        let r = try Simulation.run(s, options: .init(threads: 2))
        for drop in r.topDrops.prefix(Simulation.tracedDrops) {
            let points = r.trajectories.filter { $0.resident == drop.resident }
            let score = { (day: Int) in points.last { $0.day <= day }?.score }
            #expect(score(drop.startDay - 1) == drop.before)
            #expect(score(drop.endDay) == drop.after)
        }
        #expect(Set(r.trajectories.map(\.resident)).count == min(Simulation.tracedDrops, r.topDrops.count))
    }
}
