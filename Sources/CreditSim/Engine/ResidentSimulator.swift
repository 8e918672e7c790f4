internal import Foundation
internal import GSL

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
    let model: CompiledModel
    private let behaviourStreams: [RandomStream]
    private let populationStream: RandomStream
    private let enrolmentStream: RandomStream
    /// Stream 3 of each resident: the seed of its behaviours' first arrivals (Philox runs only).
    private let arrivalSeedStream: RandomStream
    private let groups: DiscreteDistribution?

    // Model tables copied into flat buffers for the inner loop (see `CompiledModel` for layout).
    let behaviourCount: Int
    private let segmentRates: ScratchBuffer<Double>
    private let segmentRules: ScratchBuffer<Int>
    private let groupMultipliers: ScratchBuffer<Double>
    private let boundaries: ScratchBuffer<Int>
    private let snapshotDays: ScratchBuffer<Int>
    private let chillingStart: ScratchBuffer<Int>
    private let chillingTarget: ScratchBuffer<Int>
    private let chillingFactor: ScratchBuffer<Double>
    private let streamNumbers: ScratchBuffer<UInt32>
    private let rulePoints: ScratchBuffer<Int>
    private let ruleRetention: ScratchBuffer<Int>
    private let ruleCapPoints: ScratchBuffer<Int>
    private let ruleCapPeriod: ScratchBuffer<Int>
    let notUnlawful: ScratchBuffer<Bool>
    private let gradeMinimums: ScratchBuffer<Int>
    private let leaveBelow: ScratchBuffer<Int>
    private let leaveHazard: ScratchBuffer<Double>
    private let segmentStarts: ScratchBuffer<Int>
    private let firstArrivalBound: ScratchBuffer<Double>
    let days: Int
    private let base: Int
    private let stateCount: Int
    private let groupCount: Int
    private let deterrenceFactor: Double
    /// Whether the behaviour streams are Philox streams, drawn from `philox` without going through
    /// GSL (otherwise `behaviourStreams` draw through GSL's own generators).
    private let usesPhilox: Bool
    /// The Philox state of each behaviour stream, side by side.
    private let philox: ScratchBuffer<PhiloxState>
    private let ziggurat = ExponentialZiggurat.shared

    // Per-behaviour state of the resident being simulated, indexed by behaviour.
    let deterrence: ScratchBuffer<Double>
    /// Remaining internal time to the next arrival, as of the start of `anchor`.
    private let remaining: ScratchBuffer<Double>
    private let anchor: ScratchBuffer<Int>
    private let rate: ScratchBuffer<Double>
    /// Day of the next detected event at the current rate (`Int.max`: none).
    private let nextDay: ScratchBuffer<Int>
    private let counts: ScratchBuffer<Int>
    // Exposure state (see ResidentSimulator+Consequences.swift), indexed by measure.
    let exposureUntil: ScratchBuffer<Int>
    let justifiedUntil: ScratchBuffer<Int>
    let gradeExposure: ScratchBuffer<Int>
    /// Day from which the lost lawful events of a chilled behaviour are still to be counted.
    let suppressionAnchor: ScratchBuffer<Int>
    let repairStream: RandomStream
    private let tracksConsequences: Bool
    private let tracksSuppression: Bool
    /// No chilling responses and no suppression tracking: a penalty only scales its own rate.
    private let plainResponses: Bool
    /// Behaviours with an event due on the day being simulated (then those that fired).
    private let due: ScratchBuffer<Int>
    /// The behaviours that can still fire for the resident being simulated, in behaviour order.
    private let live: ScratchBuffer<Int>
    /// The word each behaviour draws its first arrival from, for the resident being simulated.
    private let firstWords: ScratchBuffer<UInt64>
    /// Points currently on record per behaviour (for `void_removed` migrations).
    let onRecord: ScratchBuffer<Int>
    private let capWindow: ScratchBuffer<Int>
    private let capUsed: ScratchBuffer<Int>
    // Growable per-resident lists. A simulator belongs to one worker and its methods never
    // overlap, so dynamic exclusivity checks are switched off for them.
    /// Pending lapses, latest first (the next one is at the end).
    @exclusivity(unchecked) private var lapses: [(day: Int, behaviour: Int, points: Int)] = []
    /// End-of-day score after each change, for the drop window.
    @exclusivity(unchecked) private var history = ScratchBuffer<(day: Int, score: Int)>(
        repeating: (0, 0), count: 64)
    @exclusivity(unchecked) private var historyCount = 0

    init(model: CompiledModel) {
        self.model = model
        let b = model.behaviourCount
        behaviourStreams = (0..<b).map { _ in RandomStream(generator: model.generator, seed: model.seed) }
        populationStream = RandomStream(generator: model.generator, seed: model.seed)
        enrolmentStream = RandomStream(generator: model.generator, seed: model.seed)
        arrivalSeedStream = RandomStream(generator: model.generator, seed: model.seed)
        groups = model.groupCount > 1 ? try? DiscreteDistribution(weights: model.groupWeights) : nil
        behaviourCount = b
        segmentRates = ScratchBuffer(model.segmentRates)
        segmentRules = ScratchBuffer(model.segmentRules)
        groupMultipliers = ScratchBuffer(model.groupMultipliers)
        boundaries = ScratchBuffer(model.boundaries)
        snapshotDays = ScratchBuffer(model.snapshotDays)
        chillingStart = ScratchBuffer(model.chillingStart)
        chillingTarget = ScratchBuffer(model.chillingTargets.map(\.target))
        chillingFactor = ScratchBuffer(model.chillingTargets.map(\.factor))
        streamNumbers = ScratchBuffer(model.behaviourStreams)
        usesPhilox = model.generator == .philox
        philox = ScratchBuffer(
            behaviourStreams.map { $0.philox?.pointee ?? PhiloxState(key: 0, resident: 0, stream: 0) })
        rulePoints = ScratchBuffer(model.rules.map(\.points))
        ruleRetention = ScratchBuffer(model.rules.map(\.retention))
        ruleCapPoints = ScratchBuffer(model.rules.map(\.capPoints))
        ruleCapPeriod = ScratchBuffer(model.rules.map(\.capPeriod))
        notUnlawful = ScratchBuffer(model.notUnlawful)
        gradeMinimums = ScratchBuffer(model.gradeMinimums)
        leaveBelow = ScratchBuffer(model.enrolment.leaveBelow)
        leaveHazard = ScratchBuffer(model.enrolment.leaveHazard)
        segmentStarts = ScratchBuffer(model.segments.map(\.start) + [Int.max])
        firstArrivalBound = ScratchBuffer(model.firstArrivalBound)
        days = model.days
        base = model.base
        stateCount = model.stateCount
        groupCount = model.groupCount
        deterrenceFactor = model.deterrence
        deterrence = ScratchBuffer(repeating: 1, count: b)
        remaining = ScratchBuffer(repeating: 0, count: b)
        anchor = ScratchBuffer(repeating: 0, count: b)
        rate = ScratchBuffer(repeating: 0, count: b)
        nextDay = ScratchBuffer(repeating: Int.max, count: b)
        counts = ScratchBuffer(repeating: 0, count: b)
        due = ScratchBuffer(repeating: 0, count: b)
        live = ScratchBuffer(repeating: 0, count: b)
        firstWords = ScratchBuffer(repeating: 0, count: b)
        exposureUntil = ScratchBuffer(repeating: 0, count: model.measureCount)
        justifiedUntil = ScratchBuffer(repeating: 0, count: model.measureCount)
        gradeExposure = ScratchBuffer(repeating: 0, count: model.measureCount)
        suppressionAnchor = ScratchBuffer(repeating: 0, count: b)
        repairStream = RandomStream(generator: model.generator, seed: model.seed)
        tracksConsequences = model.measureCount > 0
        tracksSuppression = model.suppressionTracked.contains(true)
        plainResponses = !tracksSuppression && model.chillingTargets.isEmpty
        onRecord = ScratchBuffer(repeating: 0, count: b)
        capWindow = ScratchBuffer(repeating: -1, count: b)
        capUsed = ScratchBuffer(repeating: 0, count: b)
        lapses.reserveCapacity(64)
    }

    deinit {
        segmentRates.deallocate()
        segmentRules.deallocate()
        groupMultipliers.deallocate()
        boundaries.deallocate()
        snapshotDays.deallocate()
        chillingStart.deallocate()
        chillingTarget.deallocate()
        chillingFactor.deallocate()
        streamNumbers.deallocate()
        philox.deallocate()
        for buffer in [
            rulePoints, ruleRetention, ruleCapPoints, ruleCapPeriod, gradeMinimums, leaveBelow, segmentStarts,
        ] {
            buffer.deallocate()
        }
        notUnlawful.deallocate()
        leaveHazard.deallocate()
        firstArrivalBound.deallocate()
        deterrence.deallocate()
        remaining.deallocate()
        anchor.deallocate()
        rate.deallocate()
        nextDay.deallocate()
        counts.deallocate()
        due.deallocate()
        live.deallocate()
        firstWords.deallocate()
        history.deallocate()
        for buffer in [exposureUntil, justifiedUntil, gradeExposure, suppressionAnchor] {
            buffer.deallocate()
        }
        onRecord.deallocate()
        capWindow.deallocate()
        capUsed.deallocate()
    }

    /// Behaviour `b`'s first unit arrival: on Philox runs from its first word (`firstWords`), later
    /// words if the ziggurat needs more from its stream; otherwise the stream's first exponential.
    @inline(__always)
    private func firstArrival(_ b: Int) -> Double {
        if usesPhilox { return ziggurat.sample(startingWith: firstWords[b], &philox.base[b]) }
        return behaviourStreams[b].exponential()
    }

    /// The next unit exponential of behaviour `b`'s stream.
    @inline(__always)
    private func exponential(_ b: Int) -> Double {
        if usesPhilox { return ziggurat.sample(&philox.base[b]) }
        return behaviourStreams[b].exponential()
    }

    /// The day on which behaviour `b` next fires at its current rate.
    @inline(__always)
    private func scheduleNext(_ b: Int) {
        let mu = rate[b]
        if mu <= 0 {
            nextDay[b] = Int.max
            return
        }
        nextDay[b] = ResidentSimulator.dayOfArrival(after: remaining[b] / mu, from: anchor[b], days: days)
    }

    /// `factor^times`, without a libm call for the usual single event.
    @inline(__always)
    static func power(_ factor: Double, _ times: Int) -> Double {
        times == 1 ? factor : pow(factor, Double(times))
    }

    /// The day on which an arrival `wait` days of intensity after the start of `anchor` falls:
    /// `anchor + ⌈wait⌉ − 1` (at least `anchor`), or `Int.max` beyond the horizon.
    @inline(__always)
    static func dayOfArrival(after wait: Double, from anchor: Int, days: Int) -> Int {
        guard wait < Double(days) else { return Int.max }
        // ⌈w⌉ − 1 is the integer part of the largest double below w (w > 0), which for a
        // positive double is the one whose bit pattern is one less: no libm call, no branch.
        let w = wait > .leastNonzeroMagnitude ? wait : .leastNonzeroMagnitude
        return anchor &+ Int(Double(bitPattern: w.bitPattern &- 1))
    }

    /// The grade index (0 = highest) of a score.
    @inline(__always)
    func grade(_ score: Int) -> Int {
        var g = 0  // the minimums descend, so this counts those above the score (no branches)
        for i in 0..<gradeMinimums.count { g &+= score < gradeMinimums[i] ? 1 : 0 }
        return g
    }

    /// The daily leaving hazard for a score.
    @inline(__always)
    private func hazard(_ score: Int) -> Double {
        var i = 0  // the bands ascend, so this counts those the score is not below (no branches)
        for j in 0..<leaveBelow.count { i &+= score >= leaveBelow[j] ? 1 : 0 }
        return i < leaveHazard.count ? leaveHazard[i] : 0
    }

    /// Moves behaviour `b`'s clock to the start of `day` at its current rate.
    @inline(__always)
    private func advance(_ b: Int, to day: Int) {
        remaining[b] -= Double(day &- anchor[b]) * rate[b]
        anchor[b] = day
    }

    @inline(__always)
    private func setRate(_ b: Int, segment: Int, group: Int, propensity: Double) {
        let n = behaviourCount
        rate[b] =
            segmentRates[segment &* n &+ b] * groupMultipliers[group &* n &+ b] * propensity * deterrence[b]
    }

    // swiftlint:disable:next function_body_length
    /// Simulates resident `resident` over the whole run and adds it to `acc`.
    /// - Parameter trace: record the resident's whole trajectory even if it is not sampled.
    func simulate(resident: Int, into acc: Accumulator, trace: Bool = false) {
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
        var leaveRemaining = Double.infinity

        var segment = 0
        var liveCount = 0
        for b in 0..<behaviourCount {
            deterrence[b] = 1
            anchor[b] = 0
            onRecord[b] = 0
            capWindow[b] = -1
            capUsed[b] = 0
        }
        if usesPhilox {
            // Each behaviour's first word is the SplitMix64 output at its stream number, seeded by
            // the first Philox word of the resident's stream 3: one Philox block per resident
            // instead of one per behaviour (half of them never draw again: see dormancy below).
            // Its later words come from its own Philox stream, so what one behaviour draws still
            // depends on nothing but the seed, the resident and its id.
            // The leaving clock's first arrival is drawn the same way, at the enrolment stream's number.
            let seed = arrivalSeedStream.philox!.pointee.start(resident: id, stream: 3)
            for b in 0..<behaviourCount {
                firstWords[b] = SplitMix64.output(seed: seed, index: UInt64(streamNumbers[b]))
                philox.base[b].select(resident: id, stream: streamNumbers[b])
            }
            if e.mode != .mandatory {
                leaveRemaining = ziggurat.sample(
                    startingWith: SplitMix64.output(seed: seed, index: 1), &enrolmentStream.philox!.pointee)
            }
        } else {
            for b in 0..<behaviourCount { behaviourStreams[b].select(resident: id, stream: streamNumbers[b]) }
            if e.mode != .mandatory { leaveRemaining = enrolmentStream.exponential() }
        }
        for b in 0..<behaviourCount {
            if segmentRules[b] < 0 {
                remaining[b] = -1  // drawn when a rulebook first scores the behaviour
            } else {
                let first = firstArrival(b)
                // Dormant: more intensity than the run can integrate before the first event
                // (the behaviour's detected rates summed over the rulebooks; infinite when a
                // chilling response can raise them). It never fires, so it is left out of the
                // scan, and an infinite clock keeps any later rate change from scheduling it.
                if first > firstArrivalBound[b] * groupMultipliers[group &* behaviourCount &+ b] * propensity
                {
                    remaining[b] = .infinity
                    nextDay[b] = Int.max
                    continue
                }
                remaining[b] = first
            }
            live[liveCount] = b
            liveCount &+= 1
            setRate(b, segment: 0, group: group, propensity: propensity)
            scheduleNext(b)
        }
        if !lapses.isEmpty { lapses.removeAll(keepingCapacity: true) }
        history[0] = (-1, base)
        historyCount = 1
        var nextLapse = Int.max  // the day of the next pending lapse (`Int.max`: none)

        var score = base
        var state = grade(score)
        acc.initial[group &* stateCount &+ state] &+= 1
        acc.residents &+= 1
        var suppressed = 0.0
        if tracksConsequences { startExposures(resident: resident, group: group, score: score, acc: acc) }
        if tracksSuppression { for b in 0..<behaviourCount { suppressionAnchor[b] = 0 } }
        var leaving = false
        var hazard = 0.0
        var leaveAnchor = 0
        var leaveNext = Int.max
        var boundary = 0
        var snapshot = 0
        var nextSnapshot = snapshotDays[0]
        var penalised = false
        var penalisedNotUnlawful = false
        var bestDrop: ScoreDrop?
        // A drop is looked for only if it could enter the list of largest drops: it is at most
        // the highest end-of-day score so far (`peak`) minus today's, and the list refuses any
        // drop below its floor (fixed while this resident is simulated).
        let dropFloor = acc.topDrops.floor
        var peak = base
        let sampled =
            trace
            || model.trajectoryCount > 0 && resident % model.trajectoryStride == 0
                && resident / model.trajectoryStride < model.trajectoryCount
        if sampled {
            acc.trajectories.append(
                TrajectoryPoint(resident: resident, group: group, day: -1, score: score, state: state))
        }
        var optedOut = false

        while true {
            // The next day on which anything can happen.
            // `due` lists, in behaviour order, the behaviours whose next event falls on it.
            // Without branches: which behaviour comes next is random, so branches would mispredict.
            // One pass: an earlier day empties the list, the day itself joins it.
            var day = boundaries[boundary]
            var dueCount = 0
            for i in 0..<liveCount {
                let b = live[i]
                let next = nextDay[b]
                dueCount &= ~((next &- day) >> 63)  // all ones when `next` comes before `day`
                day = Swift.min(day, next)
                due[dueCount] = b
                dueCount &-= (next &- day &- 1) >> 63  // minus all ones when `next` is `day`
            }
            if nextLapse < day {
                day = nextLapse
                dueCount = 0
            }
            if leaveNext < day {
                day = leaveNext
                dueCount = 0
            }
            if day >= days { break }

            while nextSnapshot < day {
                acc.snapshot(snapshot, group: group, score: score)
                snapshot &+= 1
                nextSnapshot = snapshot < snapshotDays.count ? snapshotDays[snapshot] : Int.max
            }
            let before = score

            // 1. Start of the day: overhaul, consent, lapses.
            var switched = false
            if day == boundaries[boundary] {
                boundary &+= 1
                if segmentStarts[segment + 1] == day {
                    let old = segment
                    segment += 1
                    switched = true
                    for i in 0..<liveCount {
                        let b = live[i]
                        advance(b, to: day)
                        if remaining[b] < 0 && segmentRules[segment * behaviourCount + b] >= 0 {
                            remaining[b] = firstArrival(b)  // first rule for this behaviour
                        }
                        setRate(b, segment: segment, group: group, propensity: propensity)
                        scheduleNext(b)
                    }
                    score = migrate(from: old, to: segment, score: score, acc: acc)
                    nextLapse = lapses.last?.day ?? Int.max
                }
                if day == e.fromDay {
                    if e.mode == .consent && enrolmentStream.uniform() >= e.consent(score) {
                        optedOut = true
                    } else {
                        leaving = true
                        leaveAnchor = day
                        hazard = self.hazard(score)
                        leaveNext = day  // schedules the first leaving day below
                    }
                }
            }
            if nextLapse == day {
                while let lapse = lapses.last, lapse.day == day {
                    lapses.removeLast()
                    score -= lapse.points
                    onRecord[lapse.behaviour] -= lapse.points
                    acc.lapsedPoints += Int64(abs(lapse.points))
                }
                nextLapse = lapses.last?.day ?? Int.max
            }

            // 2. Detected events of the day, with the rates in force at its start.
            var firedCount = 0
            if !optedOut {
                if switched {  // a new rulebook may bring events forward to today
                    dueCount = 0
                    for i in 0..<liveCount where nextDay[live[i]] == day {
                        let b = live[i]
                        due[dueCount] = b
                        dueCount += 1
                    }
                }
                for i in 0..<dueCount {
                    let b = due[i]
                    let mu = rate[b]
                    var r = remaining[b] - Double(day &- anchor[b]) * mu
                    var k = 0
                    while r <= mu {
                        k &+= 1
                        r += exponential(b)
                    }
                    remaining[b] = r - mu
                    anchor[b] = day &+ 1
                    counts[b] = k
                    if k > 0 {
                        due[firedCount] = b
                        firedCount &+= 1
                    } else {
                        scheduleNext(b)
                    }
                }
            }

            // 3. Points, records and 4. responses (rates change from the next day on).
            if firedCount > 0 {
                for i in 0..<firedCount {
                    let b = due[i]
                    let k = counts[b]
                    counts[b] = 0
                    let r = segmentRules[segment &* behaviourCount &+ b]
                    let rulePoints = rulePoints[r]
                    let capPoints = ruleCapPoints[r]
                    var points = k * rulePoints
                    if capPoints != Int.max {
                        let window = day / ruleCapPeriod[r]
                        if capWindow[b] != window {
                            capWindow[b] = window
                            capUsed[b] = 0
                        }
                        let allowed = max(0, capPoints - capUsed[b])
                        if abs(points) > allowed {
                            acc.cappedEvents[r] += Int64(k - allowed / max(1, abs(rulePoints)))
                            points = points < 0 ? -allowed : allowed
                        }
                        capUsed[b] += abs(points)
                    }
                    acc.events[r] &+= Int64(k)
                    if tracksConsequences { recordExposures(behaviour: b, day: day, group: group, acc: acc) }
                    // Without branches from here on where the outcome depends on which behaviour
                    // fired (random, so branches would mispredict).
                    let added = points & ~(points >> 63)  // max(points, 0), inlined
                    acc.pointsAdded[r] &+= Int64(added)
                    acc.pointsRemoved[r] &+= Int64(added &- points)
                    penalised = penalised || points < 0
                    penalisedNotUnlawful = penalisedNotUnlawful || (points < 0 && notUnlawful[b])
                    score += points
                    onRecord[b] += points
                    let retention = ruleRetention[r]
                    if retention != Int.max && points != 0 && day + retention < days {
                        insertLapse((day + retention, b, points))
                        nextLapse = lapses.last!.day
                    }
                    if plainResponses {  // deterrence only: e_b ← e_b · factor^k for penalties
                        let factor = rulePoints < 0 ? deterrenceFactor : 1
                        deterrence[b] *= ResidentSimulator.power(factor, k)
                    } else if rulePoints < 0 {
                        if deterrenceFactor != 1 {
                            suppressed += respond(
                                b, factor: deterrenceFactor, times: k, day: day, group: group,
                                propensity: propensity)
                        }
                        for c in chillingStart[b]..<chillingStart[b &+ 1] {
                            suppressed += respond(
                                chillingTarget[c], factor: chillingFactor[c], times: k, day: day,
                                group: group,
                                propensity: propensity)
                        }
                    }
                    setRate(b, segment: segment, group: group, propensity: propensity)
                    scheduleNext(b)
                    for c in chillingStart[b]..<chillingStart[b &+ 1] {
                        let target = chillingTarget[c]
                        setRate(target, segment: segment, group: group, propensity: propensity)
                        scheduleNext(target)
                    }
                }
            }

            // 5. Leaving, on the score at the end of the day.
            // While the hazard stays the same, the clock and `leaveNext` stay valid: only a day
            // with a new hazard, or the leaving day itself, moves them.
            let newHazard = leaving && !optedOut ? self.hazard(score) : hazard
            if leaving && !optedOut && (day >= leaveNext || newHazard != hazard) {
                leaveRemaining -= Double(day - leaveAnchor) * hazard
                hazard = newHazard
                leaveRemaining -= hazard
                leaveAnchor = day + 1
                if leaveRemaining <= 0 {
                    optedOut = true
                    leaveNext = Int.max
                } else if hazard > 0 {
                    leaveNext = ResidentSimulator.dayOfArrival(
                        after: leaveRemaining / hazard, from: leaveAnchor, days: days)
                } else {
                    leaveNext = Int.max
                }
            }

            // 6. End of the day: state, drops, trajectory.
            let newState = optedOut ? stateCount - 1 : grade(score)
            if tracksConsequences && (newState != state || score != before) {
                updateGradeExposures(day: day, group: group, score: score, optedOut: optedOut, acc: acc)
            }
            if newState != state {
                acc.change(group: group, day: day, from: state, to: newState)
                state = newState
            }
            if score != before {
                if score < before, peak &- score >= dropFloor,
                    let drop = windowDrop(day: day, score: score, resident: resident, group: group),
                    bestDrop.map({ drop.drop > $0.drop }) ?? true
                {
                    bestDrop = drop
                }
                appendHistory(day: day, score: score)
                peak = Swift.max(peak, score)
            }
            if sampled && (score != before || optedOut) {
                acc.trajectories.append(
                    TrajectoryPoint(resident: resident, group: group, day: day, score: score, state: state))
            }
            if optedOut {
                if !e.frozen { snapshot = snapshotDays.count }
                break
            }
        }
        while snapshot < snapshotDays.count {
            acc.snapshot(snapshot, group: group, score: score)
            snapshot &+= 1
        }
        if tracksSuppression {
            for b in 0..<behaviourCount where model.suppressionTracked[b] {
                suppressed += closeSuppression(
                    b, until: days, baseRate: suppressionRate(b, group: group, propensity: propensity))
            }
            acc.suppressedMicroEvents += Int64((suppressed * 1e6).rounded())
        }
        if penalised { acc.everPenalised[group] += 1 }
        if penalisedNotUnlawful { acc.everPenalisedNotUnlawful[group] += 1 }
        if let bestDrop { acc.topDrops.offer(bestDrop) }
    }

    /// Applies an overhaul's migration of records at the start of the new rulebook's first day.
    private func migrate(from old: Int, to new: Int, score: Int, acc: Accumulator) -> Int {
        switch model.segments[new].migration {
        case .keep:
            return score
        case .reset:
            for b in 0..<behaviourCount { onRecord[b] = 0 }
            lapses.removeAll(keepingCapacity: true)
            acc.voidedPoints += Int64(abs(score - model.base))
            return model.base
        case .voidRemoved:
            var score = score
            for b in 0..<behaviourCount
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
    private func respond(_ b: Int, factor: Double, times: Int, day: Int, group: Int, propensity: Double)
        -> Double
    {
        if anchor[b] <= day { advance(b, to: day + 1) }
        var lost = 0.0
        if tracksSuppression && model.suppressionTracked[b] {
            lost = closeSuppression(
                b, until: day + 1, baseRate: suppressionRate(b, group: group, propensity: propensity))
        }
        deterrence[b] *= ResidentSimulator.power(factor, times)
        return lost
    }

    /// The resident's own daily rate of behaviour `b` before responses.
    private func suppressionRate(_ b: Int, group: Int, propensity: Double) -> Double {
        model.baseRates[b] * model.groupMultipliers[group * behaviourCount + b] * propensity
    }

    private func insertLapse(_ lapse: (day: Int, behaviour: Int, points: Int)) {
        var i = lapses.count
        while i > 0 && lapses[i - 1].day < lapse.day { i -= 1 }
        lapses.insert(lapse, at: i)
    }

    /// Records an end-of-day score change, growing the buffer when it is full.
    @inline(__always)
    private func appendHistory(day: Int, score: Int) {
        if historyCount == history.count {
            let grown = ScratchBuffer<(day: Int, score: Int)>(repeating: (0, 0), count: 2 * history.count)
            grown.base.update(from: history.base, count: historyCount)
            history.deallocate()
            history = grown
        }
        history[historyCount] = (day, score)
        historyCount &+= 1
    }

    /// The drop ending today: the highest end-of-day score in the window's earlier days minus today's.
    private func windowDrop(day: Int, score: Int, resident: Int, group: Int) -> ScoreDrop? {
        let first = day - model.dropWindow  // the end of the day before the window opens
        var highest = Int.min
        var highestFrom = first
        for i in stride(from: historyCount - 1, through: 0, by: -1) {
            let entry = history[i]
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
