/// The key numbers of a run, as written to `summary.json` and printed by the CLI.
public struct RunSummary: Sendable, Codable {
    public let scenario: String
    public let title: String
    public let start: SimDate
    public let end: SimDate
    public let population: Int
    public let seed: UInt64
    public let generator: String
    /// State counts and shares at the end of each snapshot day.
    public let keyDates: [KeyDate]
    /// Score statistics at the end of the run (scored residents; frozen ones at their frozen score).
    public let finalScores: ScoreSummary?
    public let optedOut: Int64
    public let everPenalised: Int64
    public let everPenalisedNotUnlawful: Int64
    /// Points taken for conduct by lawfulness of the behaviour (`yes`, `no`, `unclear`).
    public let pointsRemovedByLawfulness: [String: Int64]
    /// Points taken by rules whose behaviour has no legal basis (`basis: none`).
    public let pointsRemovedWithoutLegalBasis: Int64
    public let pointsAdded: Int64
    public let lapsedPoints: Int64
    public let voidedPoints: Int64
    public let eventsByBehaviour: [String: Int64]
    public let largestDrop: ScoreDrop?
    public let measures: [MeasureExposure]
    /// Lawful events that chilling responses suppressed (expected count).
    public let suppressedLawfulEvents: Double

    /// Exposure to one measure.
    public struct MeasureExposure: Sendable, Codable {
        public let measure: String
        public let exposedAtEnd: Int64
        public let personDays: Int64
        /// Person-days that rest only on penalties for conduct that is not unlawful.
        public let personDaysNotUnlawfulOnly: Int64
    }

    public struct KeyDate: Sendable, Codable {
        public let date: SimDate
        public let day: Int
        public let residents: [String: Int64]
        public let shares: [String: Double]
    }

    public init(_ result: RunResult) {
        let s = result.scenario
        scenario = s.meta.name
        title = s.meta.title
        start = s.run.start
        end = s.run.end
        population = s.population.size
        seed = s.run.seed
        generator = s.run.generator.name
        keyDates = result.snapshots.map { snapshot in
            let counts = result.counts(onDay: snapshot.day)
            let total = Double(counts.reduce(0, +))
            return KeyDate(
                date: result.date(ofDay: snapshot.day), day: snapshot.day,
                residents: Dictionary(uniqueKeysWithValues: zip(result.states, counts)),
                shares: Dictionary(
                    uniqueKeysWithValues: zip(result.states, counts.map { Double($0) / total })))
        }
        finalScores = result.finalScores.summary
        guard let optedOutCount = result.counts(onDay: result.days - 1).last else {
            preconditionFailure("the states always end with 'opted_out' (invariant)")
        }
        optedOut = optedOutCount
        everPenalised = result.everPenalised.reduce(0, +)
        everPenalisedNotUnlawful = result.everPenalisedNotUnlawful.reduce(0, +)
        let behaviours = Dictionary(uniqueKeysWithValues: s.behaviours.map { ($0.id, $0) })
        var byLawfulness: [String: Int64] = ["yes": 0, "no": 0, "unclear": 0]
        var withoutBasis: Int64 = 0
        var events: [String: Int64] = [:]
        for rule in result.rules {
            guard let behaviour = behaviours[rule.behaviour] else {
                preconditionFailure("every rule's behaviour is a behaviour of the scenario (invariant)")
            }
            byLawfulness[behaviour.unlawful.rawValue, default: 0] += rule.pointsRemoved
            if behaviour.basis == .none { withoutBasis += rule.pointsRemoved }
            events[rule.behaviour, default: 0] += rule.events
        }
        pointsRemovedByLawfulness = byLawfulness
        pointsRemovedWithoutLegalBasis = withoutBasis
        pointsAdded = result.rules.reduce(0) { $0 + $1.pointsAdded }
        lapsedPoints = result.lapsedPoints
        voidedPoints = result.voidedPoints
        eventsByBehaviour = events
        largestDrop = result.topDrops.first
        measures = result.measures.enumerated().map { m, id in
            let days = result.personDays(measure: m)
            return MeasureExposure(
                measure: id, exposedAtEnd: result.exposed(measure: m, onDay: result.days - 1).all,
                personDays: days.all,
                personDaysNotUnlawfulOnly: days.notUnlawfulOnly)
        }
        suppressedLawfulEvents = result.suppressedLawfulEvents
    }
}
