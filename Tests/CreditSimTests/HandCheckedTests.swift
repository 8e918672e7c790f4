import CreditSim
import Foundation
import Testing

/// Tiny cases whose outcome can be worked out by hand.
///
/// A rate of 20 events a day with a cap of one point per day makes every day cost exactly one
/// point (P(no event on a day) = e^−20 ≈ 2·10⁻⁹).
@Suite("hand-checked cases")
struct HandCheckedTests {
    let daily = "  - {id: x, rate: 20, unlawful: \"yes\"}"
    func rule(_ extra: String = "") -> String {
        "{behaviour: x, points: -1, cap: {points: 1, period: 1}\(extra)}"
    }

    func run(_ yaml: String) throws -> RunResult {
        try Simulation.run(try scenario(yaml), options: .init(threads: 1))
    }

    @Test("a cap of one point a day takes exactly one point a day")
    func capPerDay() throws {
        let r = try run(
            miniScenario(
                size: 50, days: 10, behaviours: daily,
                rulebooks: "    - {id: v1, effective: 2020-01-01, rules: [\(rule())]}"))
        #expect(r.finalScores.nonEmpty.map { $0.score } == [990])
        #expect(r.rules[0].pointsRemoved == 50 * 10)
        #expect(r.rules[0].events > 50 * 10 * 15)
    }

    @Test("a weekly cap of 5 points: two weeks cost 10 points")
    func capPerWeek() throws {
        let r = try run(
            miniScenario(
                size: 50, days: 14, behaviours: daily,
                rulebooks:
                    "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -1, cap: {points: 5, period: 7}}]}"
            ))
        #expect(r.finalScores.nonEmpty.map { $0.score } == [990])
    }

    @Test("records lapse after their retention: −1 a day kept 3 days settles at base − 3")
    func retention() throws {
        let r = try run(
            miniScenario(
                size: 20, days: 10, behaviours: daily,
                rulebooks: "    - {id: v1, effective: 2020-01-01, rules: [\(rule(", retention: 3"))]}"))
        #expect(r.finalScores.nonEmpty.map { $0.score } == [997])
        // Records of days 0…6 lapse on days 3…9; those of days 7…9 would lapse after the run.
        #expect(r.lapsedPoints == 20 * 7)
    }

    @Test(
        "an overhaul migrates records as declared",
        arguments: [
            ("keep", true, 990), ("keep", false, 995), ("void_removed", false, 1000),
            ("void_removed", true, 990), ("reset", true, 995),
        ])
    func migration(migration: String, keepRule: Bool, expected: Int) throws {
        let second = keepRule ? "[\(rule())]" : "[]"
        let books = """
                - {id: v1, effective: 2020-01-01, rules: [\(rule())]}
                - {id: v2, effective: 2020-01-06, migration: \(migration), rules: \(second)}
            """
        let r = try run(miniScenario(size: 10, days: 10, behaviours: daily, rulebooks: books))
        #expect(r.finalScores.nonEmpty.map { $0.score } == [expected])
    }

    @Test("grades are read at the end of each day")
    func gradesByDay() throws {
        let yaml = miniScenario(
            size: 10, days: 60, behaviours: "  - {id: x, rate: 20, unlawful: \"yes\"}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -10, cap: {points: 10, period: 1}}]}"
        )
        let r = try run(yaml)
        // Score at the end of day d is 1000 − 10 (d + 1): A down to 960 (day 3), B from day 4 (950).
        let a = r.states.firstIndex(of: "A")!
        let b = r.states.firstIndex(of: "B")!
        #expect(r.counts(onDay: 3)[a] == 10)
        #expect(r.counts(onDay: 4)[b] == 10)
        #expect(r.finalScores.nonEmpty.map { $0.score } == [400])
        #expect(r.counts(onDay: 59)[r.states.firstIndex(of: "D")!] == 10)
    }

    @Test("a resident who leaves keeps a frozen score and is counted as opted out")
    func frozenOptOut() throws {
        let yaml = miniScenario(
            size: 30, days: 10, behaviours: daily,
            rulebooks: "    - {id: v1, effective: 2020-01-01, rules: [\(rule())]}",
            extra: """
                enrolment:
                  mode: opt_out
                  from: 2020-01-04
                  leave: [{probability: 0.999999}]
                """)
        let r = try run(yaml)
        // Days 0…3 cost a point each; the leaving draw at the end of day 3 succeeds.
        #expect(r.finalScores.nonEmpty.map { $0.score } == [996])
        #expect(r.counts(onDay: 2).last == 0)
        #expect(r.counts(onDay: 3).last == 30)
    }

    @Test(
        "unscored residents leave the score statistics; consent 0 means nobody is scored from the consent date"
    )
    func unscoredConsent() throws {
        let yaml = miniScenario(
            size: 30, days: 10, behaviours: daily,
            rulebooks: "    - {id: v1, effective: 2020-01-01, rules: [\(rule())]}",
            extra: """
                enrolment:
                  mode: consent
                  from: 2020-01-04
                  opted_out: unscored
                  consent: [{probability: 0}]
                """)
        let r = try run(yaml)
        #expect(r.finalScores.total == 0)
        #expect(r.counts(onDay: 3).last == 30)
        #expect(r.rules[0].pointsRemoved == 30 * 3)
    }

    @Test("the largest drop within the window is found")
    func drops() throws {
        let yaml = miniScenario(
            size: 3, days: 40, behaviours: "  - {id: x, rate: 20, unlawful: \"yes\"}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -50, cap: {points: 50, period: 1}}]}",
            extra: "outputs: {drop_window: 21, top_drops: 2}")
        let r = try run(yaml)
        // 21 days at −50 a day: 1000 → −50 over days 0…20, then the same drop every later window.
        #expect(r.topDrops.count == 2)
        #expect(r.topDrops[0].drop == 21 * 50)
        #expect(r.topDrops[0].resident == 0 && r.topDrops[1].resident == 1)
        #expect(r.topDrops[0].startDay == 0 && r.topDrops[0].endDay == 20)
    }
}

@Suite("score binning")
struct BinningTests {
    @Test("scores on bin edges land in the bin that starts there")
    func edges() throws {
        let yaml = miniScenario(
            size: 10, days: 5, behaviours: "  - {id: x, rate: 0, unlawful: \"no\"}",
            rulebooks: "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -1}]}")
        let r = try Simulation.run(try scenario(yaml))
        var counts = ScoreCounts()
        for score in [-20, -11, -10, 0, 9, 10, 980, 989, 990, 1000] { counts.add(score) }
        let bins = r.bins(counts, width: 10)
        let nonEmpty = bins.filter { $0.count > 0 }
        #expect(nonEmpty.map(\.lower) == [-20, -10, 0, 10, 980, 990, 1000])
        #expect(nonEmpty.map(\.count) == [2, 1, 2, 1, 2, 1, 1])
    }
}

@Suite("exposure to measures")
struct ExposureTests {
    func run(_ extra: String, rate: Double = 20, days: Int = 30) throws -> RunResult {
        let yaml = miniScenario(
            size: 40, days: days,
            behaviours:
                "  - {id: x, rate: \(rate), unlawful: \"no\"}\n  - {id: y, rate: 0, unlawful: \"yes\", basis: judgment}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: x, points: -10, cap: {points: 10, period: 1}}, {behaviour: y, points: -1}]}",
            extra: extra)
        return try Simulation.run(try scenario(yaml), options: .init(threads: 1))
    }

    @Test("a record-based measure lasts its duration after the last record")
    func recordMeasure() throws {
        // An event every day: the 5-day measure runs from day 0 to the end, every day.
        let r = try run(
            "consequences: {measures: [{id: m, kind: restriction, behaviours: [x], duration: 5}]}")
        #expect((0..<30).allSatisfy { r.exposed(measure: 0, onDay: $0).all == 40 })
        #expect(r.personDays(measure: 0).all == 40 * 30)
        // Every exposure rests on conduct that is not unlawful.
        #expect(r.personDays(measure: 0).notUnlawfulOnly == 40 * 30)
    }

    @Test("certain repair cuts every record-based exposure to the repair delay")
    func repair() throws {
        // One event on day 0 only (rate 20 on day 0, then the chilling-free deterrence 1e-6).
        let r = try run(
            "responses: {deterrence: 0.000001}\nconsequences: {measures: [{id: m, kind: restriction, behaviours: [x], duration: 20, repair: {after: 3, probability: 1}}]}"
        )
        #expect(r.exposed(measure: 0, onDay: 0).all == 40)
        #expect(r.exposed(measure: 0, onDay: 2).all == 40)
        #expect(r.exposed(measure: 0, onDay: 3).all == 0)
    }

    @Test(
        "a grade-based measure follows the grade, and says when only not-unlawful conduct put the resident there"
    )
    func gradeMeasure() throws {
        // −10 a day: 1000 → C (below 850) at the end of day 15 (score 840).
        let r = try run("consequences: {measures: [{id: low, kind: restriction, grades: [C, D]}]}")
        #expect(r.exposed(measure: 0, onDay: 14).all == 0)
        #expect(r.exposed(measure: 0, onDay: 15).all == 40)
        #expect(r.exposed(measure: 0, onDay: 15).notUnlawfulOnly == 40)
        #expect(r.personDays(measure: 0).all == 40 * 15)
    }
}
