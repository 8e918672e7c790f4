internal import Foundation
internal import GSL

/// A validated scenario flattened into the arrays the engine reads in its inner loop.
///
/// Behaviours are indexed `0..<behaviourCount` in catalogue order; rules are indexed globally
/// across rulebooks; states are the grades (highest first) followed by "opted out".
struct CompiledModel: Sendable {
    let scenario: Scenario
    let days: Int
    let population: Int
    let behaviourCount: Int
    let groupCount: Int
    let groupWeights: [Double]
    let propensity: Propensity
    /// Rate multiplier of group `g` for behaviour `b` at `g * behaviourCount + b`.
    let groupMultipliers: [Double]
    let base: Int
    /// Minimum score of each grade but the last, descending.
    let gradeMinimums: [Int]
    let stateCount: Int
    let segments: [Segment]
    /// Detected-event rate of behaviour `b` under segment `k` (0 when unscored), at `k * behaviourCount + b`.
    let segmentRates: [Double]
    /// Global rule index of behaviour `b` under segment `k` (−1 when unscored), at `k * behaviourCount + b`.
    let segmentRules: [Int]
    let rules: [CompiledRule]
    let deterrence: Double
    /// Chilling responses triggered by behaviour `b`: `chillingTargets[chillingStart[b]..<chillingStart[b+1]]`.
    let chillingStart: [Int]
    let chillingTargets: [(target: Int, factor: Double)]
    /// Per behaviour, a bound on the intensity a resident (propensity and group multiplier 1) can
    /// integrate over the run before the behaviour's first event: its detected rates over the
    /// rulebooks, with a margin for rounding; infinite when a chilling response can raise the rate.
    let firstArrivalBound: [Double]
    let enrolment: CompiledEnrolment
    /// Days of the run on which something may happen to everyone: rulebook switches and the
    /// day leaving or consent begins; ascending, then `days` as a sentinel.
    let boundaries: [Int]
    /// Days at whose end score histograms are taken, ascending; the last is `days - 1`.
    let snapshotDays: [Int]
    let trajectoryStride: Int
    let trajectoryCount: Int
    let dropWindow: Int
    let topDrops: Int
    /// Random stream number of each behaviour, derived from its id (so streams follow the
    /// behaviour, not its position in the catalogue).
    let behaviourStreams: [UInt32]
    let generator: GeneratorKind
    let seed: UInt64
    /// Behaviours that are not unlawful under national law (`unlawful: no`).
    let notUnlawful: [Bool]
    /// Base daily rates (events per resident per day).
    let baseRates: [Double]
    /// Lawful behaviours that some chilling response targets: their lost events are counted.
    let suppressionTracked: [Bool]
    let measureCount: Int
    let gradeMeasureCount: Int
    /// Grades (bit g = grade index g) of each grade-based measure; 0 for record-based ones.
    let measureGradeMask: [UInt64]
    let measureDuration: [Int]
    /// Repair delay of each record-based measure (`Int.max` without repair) and its probability.
    let measureRepairAfter: [Int]
    let measureRepairProbability: [Double]
    let hasRepair: Bool
    /// Record-based measures of behaviour `b`: `recordMeasures[recordMeasureStart[b]..<recordMeasureStart[b+1]]`.
    let recordMeasureStart: [Int]
    let recordMeasures: [Int]

    /// The rulebook in force from `start` (a day of the run).
    struct Segment: Sendable {
        let start: Int
        let migration: Migration
        /// Global rule index for each behaviour, or -1 when the behaviour is not scored.
        let ruleOfBehaviour: [Int]
    }

    struct CompiledRule: Sendable {
        let rulebook: Int
        let behaviour: Int
        let points: Int
        /// Base rate times detection probability: detected events per resident-day before
        /// propensity, group and deterrence.
        let detectedRate: Double
        /// Days until a record lapses; `Int.max` keeps it.
        let retention: Int
        let capPoints: Int
        let capPeriod: Int
    }

    struct CompiledEnrolment: Sendable {
        let mode: Enrolment.Mode
        /// First day leaving or consent applies; `Int.max` when enrolment is mandatory.
        let fromDay: Int
        let frozen: Bool
        /// Daily leaving hazards `-log(1 - p)` by score band (upper bounds ascending, last unbounded).
        let leaveBelow: [Int]
        let leaveHazard: [Double]
        let consentBelow: [Int]
        let consentProbability: [Double]

        func consent(_ score: Int) -> Double {
            for (i, bound) in consentBelow.enumerated() where score < bound { return consentProbability[i] }
            return consentProbability.last ?? 1
        }
    }

    init(_ scenario: Scenario) {
        self.scenario = scenario
        let start = scenario.run.start
        days = scenario.run.days
        population = scenario.population.size
        let behaviours = scenario.behaviours
        behaviourCount = behaviours.count
        let index = Dictionary(uniqueKeysWithValues: behaviours.enumerated().map { ($1.id, $0) })
        let groups =
            scenario.population.groups.isEmpty
            ? [Group(id: "all", share: 1, attributes: [:], multipliers: [:])] : scenario.population.groups
        groupCount = groups.count
        groupWeights = groups.map(\.share)
        propensity = scenario.population.propensity
        groupMultipliers = groups.flatMap { group in behaviours.map { group.multipliers[$0.id] ?? 1 } }
        base = scenario.scheme.base
        gradeMinimums = scenario.scheme.grades.compactMap(\.min)
        stateCount = scenario.scheme.grades.count + 1
        var rules: [CompiledRule] = []
        var segments: [Segment] = []
        for (k, book) in scenario.scheme.rulebooks.enumerated() {
            var ruleOf = Array(repeating: -1, count: behaviours.count)
            for rule in book.rules {
                guard let b = index[rule.behaviour] else {
                    preconditionFailure("validated scenario: a rule's behaviour exists (invariant)")
                }
                ruleOf[b] = rules.count
                rules.append(
                    CompiledRule(
                        rulebook: k, behaviour: b, points: rule.points,
                        detectedRate: behaviours[b].rate * rule.detection,
                        retention: rule.retention ?? Int.max, capPoints: rule.cap?.points ?? Int.max,
                        capPeriod: rule.cap?.period ?? Int.max))
            }
            segments.append(
                Segment(
                    start: start.days(until: book.effective), migration: book.migration,
                    ruleOfBehaviour: ruleOf))
        }
        self.rules = rules
        self.segments = segments
        segmentRules = segments.flatMap(\.ruleOfBehaviour)
        segmentRates = segmentRules.map { $0 < 0 ? 0 : rules[$0].detectedRate }
        deterrence = scenario.responses.deterrence
        var chillingStart = [0]
        var chillingTargets: [(Int, Double)] = []
        for behaviour in behaviours {
            for c in scenario.responses.chilling where c.trigger == behaviour.id {
                guard let target = index[c.target] else {
                    preconditionFailure("validated scenario: a chilling target exists (invariant)")
                }
                chillingTargets.append((target, c.factor))
            }
            chillingStart.append(chillingTargets.count)
        }
        self.chillingStart = chillingStart
        self.chillingTargets = chillingTargets
        var bound = [Double](repeating: 0, count: behaviours.count)
        for (k, segment) in segments.enumerated() {
            let from = max(0, segment.start)
            let to = min(days, k + 1 < segments.count ? segments[k + 1].start : days)
            guard to > from else { continue }
            for b in behaviours.indices {
                bound[b] += segmentRates[k * behaviours.count + b] * Double(to - from)
            }
        }
        for (target, factor) in chillingTargets where factor > 1 { bound[target] = .infinity }
        firstArrivalBound = bound.map { $0 * (1 + 1e-9) + 1e-12 }
        let e = scenario.enrolment
        let fromDay = e.mode == .mandatory ? Int.max : start.days(until: e.from ?? start)
        enrolment = CompiledEnrolment(
            mode: e.mode, fromDay: fromDay, frozen: e.optedOut == .frozen,
            leaveBelow: e.leave.compactMap(\.below), leaveHazard: e.leave.map { -log1p(-$0.probability) },
            consentBelow: e.consent.compactMap(\.below), consentProbability: e.consent.map(\.probability))
        var boundaries = Set(segments.dropFirst().map(\.start))
        if fromDay < days { boundaries.insert(fromDay) }
        self.boundaries = boundaries.sorted() + [days]
        snapshotDays = Array(Set(scenario.outputs.histograms.map { start.days(until: $0) } + [days - 1]))
            .sorted()
        trajectoryCount = min(scenario.outputs.trajectories, population)
        trajectoryStride = max(1, population / max(1, trajectoryCount))
        dropWindow = scenario.outputs.dropWindow
        topDrops = scenario.outputs.topDrops
        behaviourStreams = behaviours.map { StreamPurpose.behaviour(id: $0.id).number }
        generator = scenario.run.generator
        seed = scenario.run.seed
        notUnlawful = behaviours.map { $0.unlawful == .no }
        baseRates = behaviours.map(\.rate)
        let targets = Set(scenario.responses.chilling.map(\.target))
        suppressionTracked = behaviours.map { targets.contains($0.id) && $0.unlawful == .no }
        let measures = scenario.consequences.measures
        let gradeIndex = Dictionary(
            uniqueKeysWithValues: scenario.scheme.grades.enumerated().map { ($1.id, $0) })
        measureCount = measures.count
        measureGradeMask = measures.map { m in
            m.grades.reduce(UInt64(0)) { mask, grade in
                guard let g = gradeIndex[grade] else {
                    preconditionFailure("validated scenario: a measure's grades exist (invariant)")
                }
                return mask | (1 << UInt64(g))
            }
        }
        gradeMeasureCount = measures.filter(\.isGradeBased).count
        measureDuration = measures.map { $0.duration ?? Int.max }
        measureRepairAfter = measures.map { $0.repair?.after ?? Int.max }
        measureRepairProbability = measures.map { $0.repair?.probability ?? 0 }
        hasRepair = measures.contains { $0.repair != nil }
        var recordStart = [0]
        var record: [Int] = []
        for behaviour in behaviours {
            for (m, measure) in measures.enumerated() where measure.behaviours.contains(behaviour.id) {
                record.append(m)
            }
            recordStart.append(record.count)
        }
        recordMeasureStart = recordStart
        recordMeasures = record
    }
}
