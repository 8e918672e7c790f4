/// The aggregated outcome of one run: daily state counts, rule totals, score distributions,
/// the largest drops and sampled trajectories.
public struct RunResult: Sendable {
    public let scenario: Scenario
    public let days: Int
    /// State names: the grades, highest first, then `opted_out`.
    public let states: [String]
    /// Group ids (`all` when the scenario declares none).
    public let groups: [String]
    /// End-of-day residents per group, day and state: `daily[(g * days + d) * states.count + s]`.
    public let daily: [Int64]
    public let rules: [RuleTotals]
    /// Score distribution at the end of each snapshot day, overall and per group.
    public let snapshots: [Snapshot]
    public let topDrops: [ScoreDrop]
    public let trajectories: [TrajectoryPoint]
    public let everPenalised: [Int64]
    public let everPenalisedNotUnlawful: [Int64]
    /// Measure ids, in scenario order.
    public let measures: [String]
    /// End-of-day residents exposed to each measure, laid out by `exposureLayout`:
    /// `exposure[((g * measures.count + m) * days + d) * 2 + kind]`, kind 0 all exposures,
    /// kind 1 those that would remain without the penalties for conduct that is not unlawful.
    public let exposure: [Int64]
    let exposureLayout: ExposureLayout
    /// Lawful events (of behaviours that chilling responses target) that did not happen.
    public let suppressedLawfulEvents: Double
    public let lapsedPoints: Int64
    public let voidedPoints: Int64
    public let simulationSeconds: Double
    public let threads: Int

    /// Totals of one rule (a behaviour in one rulebook).
    public struct RuleTotals: Sendable, Codable {
        public let rulebook: String
        public let behaviour: String
        public let points: Int
        public let detection: Double
        public let events: Int64
        public let cappedEvents: Int64
        public let pointsAdded: Int64
        public let pointsRemoved: Int64
    }

    /// Score distributions at the end of one day.
    public struct Snapshot: Sendable {
        public let day: Int
        public let overall: ScoreCounts
        public let byGroup: [ScoreCounts]
    }

    init(model: CompiledModel, totals: Accumulator, simulationSeconds: Double, threads: Int) {
        scenario = model.scenario
        days = model.days
        states = model.scenario.scheme.states
        groups =
            model.scenario.population.groups.isEmpty ? ["all"] : model.scenario.population.groups.map(\.id)
        // Prefix sums of the difference arrays give end-of-day counts.
        var daily = [Int64](repeating: 0, count: totals.diff.count)
        let initial = totals.initial.array
        let s = model.stateCount
        for g in 0..<model.groupCount {
            var running = Array(initial[(g * s)..<(g * s + s)])
            for d in 0..<model.days {
                let at = (g * model.days + d) * s
                for k in 0..<s {
                    running[k] += totals.diff[at + k]
                    daily[at + k] = running[k]
                }
            }
        }
        self.daily = daily
        rules = model.rules.enumerated().map { r, rule in
            let book = model.scenario.scheme.rulebooks[rule.rulebook]
            guard
                let spec = book.rules.first(where: {
                    $0.behaviour == model.scenario.behaviours[rule.behaviour].id
                })
            else {
                preconditionFailure("every compiled rule comes from a rule of its rulebook (invariant)")
            }
            return RuleTotals(
                rulebook: book.id, behaviour: spec.behaviour, points: rule.points, detection: spec.detection,
                events: totals.events[r], cappedEvents: totals.cappedEvents[r],
                pointsAdded: totals.pointsAdded[r],
                pointsRemoved: totals.pointsRemoved[r])
        }
        snapshots = model.snapshotDays.enumerated().map { k, day in
            let byGroup = Array(totals.snapshots[(k * model.groupCount)..<((k + 1) * model.groupCount)])
            var overall = ScoreCounts()
            for counts in byGroup { overall.merge(counts) }
            return Snapshot(day: day, overall: overall, byGroup: byGroup)
        }
        topDrops = totals.topDrops.drops
        trajectories = totals.trajectories.sorted { ($0.resident, $0.day) < ($1.resident, $1.day) }
        everPenalised = totals.everPenalised.array
        everPenalisedNotUnlawful = totals.everPenalisedNotUnlawful.array
        measures = model.scenario.consequences.measures.map(\.id)
        let changes = totals.exposure.array
        let from = totals.exposureLayout
        let layout = ExposureLayout(groups: model.groupCount, measures: model.measureCount, days: model.days)
        var exposure = [Int64](repeating: 0, count: layout.count)
        for g in 0..<model.groupCount {
            for m in 0..<model.measureCount {
                var running: (Int64, Int64) = (0, 0)
                for d in 0..<model.days {
                    running.0 += changes[from.index(group: g, measure: m, day: d, kind: 0)]
                    running.1 += changes[from.index(group: g, measure: m, day: d, kind: 1)]
                    exposure[layout.index(group: g, measure: m, day: d, kind: 0)] = running.0
                    exposure[layout.index(group: g, measure: m, day: d, kind: 1)] = running.1
                }
            }
        }
        exposureLayout = layout
        self.exposure = exposure
        suppressedLawfulEvents = Double(totals.suppressedMicroEvents) / 1e6
        lapsedPoints = totals.lapsedPoints
        voidedPoints = totals.voidedPoints
        self.simulationSeconds = simulationSeconds
        self.threads = threads
    }

    /// End-of-day residents in each state on `day`, summed over groups (or for one group).
    public func counts(onDay day: Int, group: Int? = nil) -> [Int64] {
        let s = states.count
        var out = [Int64](repeating: 0, count: s)
        for g in group.map({ [$0] }) ?? Array(groups.indices) {
            let at = (g * days + day) * s
            for k in 0..<s { out[k] += daily[at + k] }
        }
        return out
    }

    /// Residents exposed to measure `m` at the end of `day` (all groups unless one is given):
    /// every exposure, and those resting only on conduct that is not unlawful.
    public func exposed(measure m: Int, onDay day: Int, group: Int? = nil) -> (
        all: Int64, notUnlawfulOnly: Int64
    ) {
        var all: Int64 = 0
        var kept: Int64 = 0
        for g in group.map({ [$0] }) ?? Array(groups.indices) {
            all += exposure[exposureLayout.index(group: g, measure: m, day: day, kind: 0)]
            kept += exposure[exposureLayout.index(group: g, measure: m, day: day, kind: 1)]
        }
        return (all, all - kept)
    }

    /// Person-days of exposure to measure `m` over the run: every exposure, and those resting
    /// only on conduct that is not unlawful.
    public func personDays(measure m: Int) -> (all: Int64, notUnlawfulOnly: Int64) {
        var total: (Int64, Int64) = (0, 0)
        for d in 0..<days {
            let e = exposed(measure: m, onDay: d)
            total.0 += e.all
            total.1 += e.notUnlawfulOnly
        }
        return total
    }

    /// The final score distribution (end of the last day).
    public var finalScores: ScoreCounts {
        guard let last = snapshots.last else {
            preconditionFailure("the last day is always a snapshot day (invariant)")
        }
        return last.overall
    }

    /// The simulated date of a day index.
    public func date(ofDay day: Int) -> SimDate { scenario.run.start.adding(days: day) }
}
