internal import Foundation

/// Simulates one resident at a time, event to event, with scratch state reused across
/// residents (no allocation per resident once the buffers have grown).
///
/// Each behaviour is a Poisson process driven by its own unit-rate stream (random time change):
/// the resident's detected-event intensity for behaviour `b` on a day is
/// `μ_b = λ_b · p · m · g_b · e_b`, constant between interesting days, and the process fires on
/// the day its integrated intensity passes the next arrival of the stream. This is exactly the
/// day-by-day model of `docs/model.md` (independent Poisson counts per day and behaviour), but
/// costs work only on days when something happens. Rate changes consume no random numbers,
/// which keeps common random numbers across scenarios. See `docs/model.md` for the argument.
final class ResidentSimulator {
    private let model: CompiledModel
    private let behaviourStreams: [RandomStream]
    private let populationStream: RandomStream
    private let enrolmentStream: RandomStream
    private let groups: DiscreteDistribution?

    // Per-behaviour scratch state, indexed by behaviour. A simulator belongs to one worker and
    // its methods never overlap, so dynamic exclusivity checks (40 % of the run time when on)
    // are switched off for these properties.
    @exclusivity(unchecked) private var deterrence: [Double]
    /// Remaining internal time to the next arrival, as of the start of `anchor`.
    @exclusivity(unchecked) private var remaining: [Double]
    @exclusivity(unchecked) private var anchor: [Int]
    @exclusivity(unchecked) private var rate: [Double]
    /// Day of the next detected event at the current rate (`Int.max`: none).
    @exclusivity(unchecked) private var nextDay: [Int]
    @exclusivity(unchecked) private var counts: [Int]
    /// Points currently on record per behaviour (for `void_removed` migrations).
    @exclusivity(unchecked) private var onRecord: [Int]
    @exclusivity(unchecked) private var capWindow: [Int]
    @exclusivity(unchecked) private var capUsed: [Int]
    /// Pending lapses, latest first (the next one is at the end).
    @exclusivity(unchecked) private var lapses: [(day: Int, behaviour: Int, points: Int)] = []
    /// End-of-day score after each change, for the drop window.
    @exclusivity(unchecked) private var history: [(day: Int, score: Int)] = []

    init(model: CompiledModel) {
        self.model = model
        let b = model.behaviourCount
        behaviourStreams = (0..<b).map { _ in RandomStream(generator: model.generator, seed: model.seed) }
        populationStream = RandomStream(generator: model.generator, seed: model.seed)
        enrolmentStream = RandomStream(generator: model.generator, seed: model.seed)
        groups = model.groupCount > 1 ? try? DiscreteDistribution(weights: model.groupWeights) : nil
        deterrence = Array(repeating: 1, count: b)
        remaining = Array(repeating: 0, count: b)
        anchor = Array(repeating: 0, count: b)
        rate = Array(repeating: 0, count: b)
        nextDay = Array(repeating: Int.max, count: b)
        counts = Array(repeating: 0, count: b)
        onRecord = Array(repeating: 0, count: b)
        capWindow = Array(repeating: -1, count: b)
        capUsed = Array(repeating: 0, count: b)
        lapses.reserveCapacity(64)
        history.reserveCapacity(64)
    }

    /// The next unit exponential of behaviour `b`'s stream.
    @inline(__always)
    private func exponential(_ b: Int) -> Double {
        behaviourStreams[b].exponential()
    }

    /// The day on which behaviour `b` next fires at its current rate.
    @inline(__always)
    private func scheduleNext(_ b: Int) {
        let mu = rate[b]
        if mu <= 0 {
            nextDay[b] = Int.max
            return
        }
        let wait = remaining[b] / mu
        nextDay[b] = wait >= Double(model.days) ? Int.max : anchor[b] + max(0, Int(wait.rounded(.up)) - 1)
    }

    /// Moves behaviour `b`'s clock to the start of `day` at its current rate.
    @inline(__always)
    private func advance(_ b: Int, to day: Int) {
        remaining[b] -= Double(day - anchor[b]) * rate[b]
        anchor[b] = day
    }

    @inline(__always)
    private func setRate(_ b: Int, segment: Int, group: Int, propensity: Double) {
        let n = model.behaviourCount
        rate[b] =
            model.segmentRates[segment * n + b] * model.groupMultipliers[group * n + b] * propensity
            * deterrence[b]
    }

    // swiftlint:disable:next function_body_length
    /// Simulates resident `resident` over the whole run and adds it to `acc`.
    func simulate(resident: Int, into acc: inout Accumulator) {
        let days = model.days
        let id = UInt64(resident)
        populationStream.select(resident: id, stream: 0)
        let group = groups.map { populationStream.discrete($0) } ?? 0
        let propensity: Double
        switch model.propensity {
        case .constant: propensity = 1
        case .gamma(let shape, let scale): propensity = populationStream.gamma(shape: shape, scale: scale)
        case .lognormal(let sigma):
            propensity = populationStream.lognormal(zeta: -0.5 * sigma * sigma, sigma: sigma)
        }
        let e = model.enrolment
        if e.mode != .mandatory { enrolmentStream.select(resident: id, stream: 1) }
        var leaveRemaining = e.mode != .mandatory ? enrolmentStream.exponential() : .infinity

        var segment = 0
        for b in 0..<model.behaviourCount {
            behaviourStreams[b].select(resident: id, stream: model.behaviourStreams[b])
            deterrence[b] = 1
            remaining[b] = model.segmentRules[b] >= 0 ? exponential(b) : -1
            anchor[b] = 0
            onRecord[b] = 0
            capWindow[b] = -1
            capUsed[b] = 0
            setRate(b, segment: 0, group: group, propensity: propensity)
            scheduleNext(b)
        }
        lapses.removeAll(keepingCapacity: true)
        history.removeAll(keepingCapacity: true)
        history.append((-1, model.base))

        var score = model.base
        var state = model.grade(score)
        acc.initial[group * model.stateCount + state] += 1
        acc.residents += 1
        var leaving = false
        var hazard = 0.0
        var leaveAnchor = 0
        var leaveNext = Int.max
        var boundary = 0
        var snapshot = 0
        var penalised = false
        var penalisedNotUnlawful = false
        var bestDrop: ScoreDrop?
        let sampled =
            model.trajectoryCount > 0 && resident % model.trajectoryStride == 0
            && resident / model.trajectoryStride < model.trajectoryCount
        if sampled {
            acc.trajectories.append(
                TrajectoryPoint(resident: resident, group: group, day: -1, score: score, state: state))
        }
        var optedOut = false

        while true {
            // The next day on which anything can happen.
            var day = model.boundaries[boundary]
            for b in 0..<model.behaviourCount where nextDay[b] < day { day = nextDay[b] }
            if let lapse = lapses.last, lapse.day < day { day = lapse.day }
            if leaveNext < day { day = leaveNext }
            if day >= days { break }

            while snapshot < model.snapshotDays.count && model.snapshotDays[snapshot] < day {
                acc.snapshots[snapshot * model.groupCount + group].add(score)
                snapshot += 1
            }
            let before = score

            // 1. Start of the day: overhaul, consent, lapses.
            if day == model.boundaries[boundary] {
                boundary += 1
                if segment + 1 < model.segments.count && model.segments[segment + 1].start == day {
                    let old = segment
                    segment += 1
                    for b in 0..<model.behaviourCount {
                        advance(b, to: day)
                        if remaining[b] < 0 && model.segmentRules[segment * model.behaviourCount + b] >= 0 {
                            remaining[b] = exponential(b)  // first rule for this behaviour
                        }
                        setRate(b, segment: segment, group: group, propensity: propensity)
                        scheduleNext(b)
                    }
                    score = migrate(from: old, to: segment, score: score, acc: &acc)
                }
                if day == e.fromDay {
                    if e.mode == .consent && enrolmentStream.uniform() >= e.consent(score) {
                        optedOut = true
                    } else {
                        leaving = true
                        leaveAnchor = day
                        hazard = e.hazard(score)
                    }
                }
            }
            while let lapse = lapses.last, lapse.day == day {
                lapses.removeLast()
                score -= lapse.points
                onRecord[lapse.behaviour] -= lapse.points
                acc.lapsedPoints += Int64(abs(lapse.points))
            }

            // 2. Detected events of the day, with the rates in force at its start.
            var fired = false
            if !optedOut {
                for b in 0..<model.behaviourCount where nextDay[b] == day {
                    let mu = rate[b]
                    var r = remaining[b] - Double(day - anchor[b]) * mu
                    var k = 0
                    while r <= mu {
                        k += 1
                        r += exponential(b)
                    }
                    remaining[b] = r - mu
                    anchor[b] = day + 1
                    counts[b] = k
                    fired = fired || k > 0
                    if k == 0 { scheduleNext(b) }
                }
            }

            // 3. Points, records and 4. responses (rates change from the next day on).
            if fired {
                for b in 0..<model.behaviourCount where counts[b] > 0 {
                    let k = counts[b]
                    counts[b] = 0
                    let r = model.segmentRules[segment * model.behaviourCount + b]
                    let rule = model.rules[r]
                    var points = k * rule.points
                    if rule.capPoints != Int.max {
                        let window = day / rule.capPeriod
                        if capWindow[b] != window {
                            capWindow[b] = window
                            capUsed[b] = 0
                        }
                        let allowed = max(0, rule.capPoints - capUsed[b])
                        if abs(points) > allowed {
                            acc.cappedEvents[r] += Int64(k - allowed / max(1, abs(rule.points)))
                            points = points < 0 ? -allowed : allowed
                        }
                        capUsed[b] += abs(points)
                    }
                    acc.events[r] += Int64(k)
                    if points > 0 { acc.pointsAdded[r] += Int64(points) }
                    if points < 0 {
                        acc.pointsRemoved[r] -= Int64(points)
                        penalised = true
                        if model.notUnlawful[b] { penalisedNotUnlawful = true }
                    }
                    score += points
                    onRecord[b] += points
                    if rule.retention != Int.max && points != 0 && day + rule.retention < days {
                        insertLapse((day + rule.retention, b, points))
                    }
                    if rule.isPenalty {
                        if model.deterrence != 1 { respond(b, factor: model.deterrence, times: k, day: day) }
                        for c in model.chillingStart[b]..<model.chillingStart[b + 1] {
                            let target = model.chillingTargets[c]
                            respond(target.target, factor: target.factor, times: k, day: day)
                        }
                    }
                    setRate(b, segment: segment, group: group, propensity: propensity)
                    scheduleNext(b)
                    for c in model.chillingStart[b]..<model.chillingStart[b + 1] {
                        let target = model.chillingTargets[c].target
                        setRate(target, segment: segment, group: group, propensity: propensity)
                        scheduleNext(target)
                    }
                }
            }

            // 5. Leaving, on the score at the end of the day.
            if leaving && !optedOut {
                leaveRemaining -= Double(day - leaveAnchor) * hazard
                hazard = e.hazard(score)
                leaveRemaining -= hazard
                leaveAnchor = day + 1
                if leaveRemaining <= 0 {
                    optedOut = true
                    leaveNext = Int.max
                } else if hazard > 0 {
                    let wait = leaveRemaining / hazard
                    leaveNext =
                        wait >= Double(days) ? Int.max : leaveAnchor + max(0, Int(wait.rounded(.up)) - 1)
                } else {
                    leaveNext = Int.max
                }
            }

            // 6. End of the day: state, drops, trajectory.
            let newState = optedOut ? model.optedOutState : model.grade(score)
            if newState != state {
                acc.change(group: group, day: day, from: state, to: newState)
                state = newState
            }
            if score != before {
                if score < before,
                    let drop = windowDrop(day: day, score: score, resident: resident, group: group),
                    bestDrop.map({ drop.drop > $0.drop }) ?? true
                {
                    bestDrop = drop
                }
                history.append((day, score))
            }
            if sampled && (score != before || optedOut) {
                acc.trajectories.append(
                    TrajectoryPoint(resident: resident, group: group, day: day, score: score, state: state))
            }
            if optedOut {
                if !e.frozen { snapshot = model.snapshotDays.count }
                break
            }
        }
        while snapshot < model.snapshotDays.count {
            acc.snapshots[snapshot * model.groupCount + group].add(score)
            snapshot += 1
        }
        if penalised { acc.everPenalised[group] += 1 }
        if penalisedNotUnlawful { acc.everPenalisedNotUnlawful[group] += 1 }
        if let bestDrop { acc.topDrops.offer(bestDrop) }
    }

    /// Applies an overhaul's migration of records at the start of the new rulebook's first day.
    private func migrate(from old: Int, to new: Int, score: Int, acc: inout Accumulator) -> Int {
        switch model.segments[new].migration {
        case .keep:
            return score
        case .reset:
            for b in 0..<model.behaviourCount { onRecord[b] = 0 }
            lapses.removeAll(keepingCapacity: true)
            acc.voidedPoints += Int64(abs(score - model.base))
            return model.base
        case .voidRemoved:
            var score = score
            for b in 0..<model.behaviourCount
            where model.segments[old].ruleOfBehaviour[b] >= 0 && model.segments[new].ruleOfBehaviour[b] < 0
                && onRecord[b] != 0
            {
                score -= onRecord[b]
                acc.voidedPoints += Int64(abs(onRecord[b]))
                onRecord[b] = 0
                lapses.removeAll { $0.behaviour == b }
            }
            return score
        }
    }

    /// Multiplies behaviour `b`'s rate factor by `factor^times`; its clock is moved to the next day.
    @inline(__always)
    private func respond(_ b: Int, factor: Double, times: Int, day: Int) {
        if anchor[b] <= day { advance(b, to: day + 1) }
        deterrence[b] *= times == 1 ? factor : pow(factor, Double(times))
    }

    private func insertLapse(_ lapse: (day: Int, behaviour: Int, points: Int)) {
        var i = lapses.count
        while i > 0 && lapses[i - 1].day < lapse.day { i -= 1 }
        lapses.insert(lapse, at: i)
    }

    /// The drop ending today: the highest end-of-day score in the window's earlier days minus today's.
    private func windowDrop(day: Int, score: Int, resident: Int, group: Int) -> ScoreDrop? {
        let first = day - model.dropWindow  // the end of the day before the window opens
        var highest = Int.min
        var highestFrom = first
        for entry in history.reversed() {
            if entry.score > highest {
                highest = entry.score
                highestFrom = max(entry.day, first)
            }
            if entry.day <= first { break }
        }
        guard highest > score else { return nil }
        return ScoreDrop(
            resident: resident, group: group, startDay: highestFrom + 1, endDay: day, before: highest,
            after: score)
    }
}
