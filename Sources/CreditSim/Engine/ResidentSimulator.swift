internal import Foundation
internal import GSL

/// Simulates one resident at a time, event to event, with scratch state reused across
/// residents (no allocation per resident once the buffers have grown).
///
/// The resident's detected-event intensity for behaviour `b` on a day is
/// `μ_b = λ_b · p · m · g_b · e_b`, constant between interesting days; each behaviour's process
/// fires on the day its integrated intensity passes the next arrival of its unit-rate stream.
/// This is exactly the day-by-day model of `docs/model.md` (independent Poisson counts per day
/// and behaviour), but costs work only on days when something happens. Rate changes consume no
/// random numbers, which keeps common random numbers across scenarios.
///
/// `simulate` is the loop; each numbered step of a day in `docs/model.md` is one method in
/// `ResidentSimulator+Day.swift`; records, lapses and drops are in `+Records`, measures in
/// `+Consequences`.
final class ResidentSimulator {
    let model: CompiledModel
    let tables: ModelTables
    let clocks: BehaviourClocks
    let exposures: ExposureState
    /// Whether the behaviour streams are Philox streams, drawn from `clocks.philox` without going
    /// through GSL (otherwise `behaviourStreams` draw through GSL's own generators).
    let usesPhilox: Bool
    let behaviourStreams: [RandomStream]
    let populationStream: RandomStream
    let enrolmentStream: RandomStream
    /// The seed of the resident's first arrivals (`StreamPurpose.firstArrivals`; Philox runs only).
    let arrivalSeedStream: RandomStream
    let repairStream: RandomStream
    let ziggurat = ExponentialZiggurat.shared
    let groups: DiscreteDistribution?
    let tracksConsequences: Bool
    let tracksSuppression: Bool
    /// No chilling responses and no suppression tracking: a penalty only scales its own rate.
    let plainResponses: Bool
    // Growable per-resident lists. A simulator belongs to one worker and its methods never
    // overlap, so dynamic exclusivity checks are switched off for them.
    /// Pending lapses, latest first (the next one is at the end).
    @exclusivity(unchecked) var lapses: [(day: Int, behaviour: Int, points: Int)] = []
    /// End-of-day score after each change, for the drop window.
    @exclusivity(unchecked) var history = ScratchBuffer<(day: Int, score: Int)>(repeating: (0, 0), count: 64)
    @exclusivity(unchecked) var historyCount = 0

    var behaviourCount: Int { tables.behaviourCount }
    var days: Int { tables.days }

    /// - Throws: `GSLError` when the population's group weights cannot make a GSL table.
    init(model: CompiledModel) throws(GSLError) {
        self.model = model
        tables = ModelTables(model)
        behaviourStreams = (0..<model.behaviourCount).map { _ in
            RandomStream(generator: model.generator, seed: model.seed)
        }
        populationStream = RandomStream(generator: model.generator, seed: model.seed)
        enrolmentStream = RandomStream(generator: model.generator, seed: model.seed)
        arrivalSeedStream = RandomStream(generator: model.generator, seed: model.seed)
        repairStream = RandomStream(generator: model.generator, seed: model.seed)
        groups = model.groupCount > 1 ? try DiscreteDistribution(weights: model.groupWeights) : nil
        usesPhilox = model.generator == .philox
        clocks = BehaviourClocks(
            behaviours: model.behaviourCount,
            philox: behaviourStreams.map { $0.philox?.pointee ?? PhiloxState(key: 0, resident: 0, stream: 0) }
        )
        exposures = ExposureState(measures: model.measureCount)
        tracksConsequences = model.measureCount > 0
        tracksSuppression = model.suppressionTracked.contains(true)
        plainResponses = !tracksSuppression && model.chillingTargets.isEmpty
        lapses.reserveCapacity(64)
    }

    /// Simulates resident `resident` over the whole run and adds it to `acc`.
    ///
    /// - Parameters:
    ///   - resident: The resident's index in the population.
    ///   - acc: The worker's accumulator the resident is added to.
    ///   - trace: Record the resident's whole trajectory even if it is not sampled.
    /// - Complexity: O(B + E·B) for B behaviours and E days on which something happens to it.
    func simulate(resident: Int, into acc: Accumulator, trace: Bool = false) {
        var r = start(resident: resident, acc: acc, trace: trace)
        while var today = nextDay(&r) {
            takeSnapshots(before: today.day, &r, acc: acc)
            startOfDay(&today, &r, acc: acc)  // 1
            detectEvents(&today, r)  // 2
            applyPointsAndResponses(today, &r, acc: acc)  // 3 and 4
            leave(today, &r)  // 5
            if endOfDay(today, &r, acc: acc) { break }  // 6
        }
        finish(&r, acc: acc)
    }

    /// Draws the resident's group, propensity and first arrivals, and counts its starting state.
    @inline(__always)
    private func start(resident: Int, acc: Accumulator, trace: Bool) -> ResidentState {
        let id = UInt64(resident)
        populationStream.select(resident: id, .population)
        let group = groups.map { populationStream.discrete($0) } ?? 0
        let propensity: Double
        switch model.propensity {
        case .constant: propensity = 1
        case .gamma(let shape, let scale): propensity = populationStream.gamma(shape: shape, scale: scale)
        case .lognormal(let sigma):
            propensity = populationStream.lognormal(zeta: -0.5 * sigma * sigma, sigma: sigma)
        }
        let sampled =
            trace
            || model.trajectoryCount > 0 && resident % model.trajectoryStride == 0
                && resident / model.trajectoryStride < model.trajectoryCount
        let score = tables.base
        var r = ResidentState(
            resident: resident, group: group, propensity: propensity, sampled: sampled, score: score,
            state: tables.grade(score), nextSnapshot: tables.snapshotDays[0], peak: score,
            dropFloor: acc.topDrops.floor)
        (r.liveCount, r.leaving.remaining) = startClocks(
            resident: resident, group: group, propensity: propensity)
        if !lapses.isEmpty { lapses.removeAll(keepingCapacity: true) }
        history[0] = (-1, score)
        historyCount = 1
        acc.initial[group &* tables.stateCount &+ r.state] &+= 1
        acc.residents &+= 1
        if tracksConsequences { startExposures(resident: resident, group: group, score: score, acc: acc) }
        if tracksSuppression { for b in 0..<behaviourCount { clocks.suppressionAnchor[b] = 0 } }
        if sampled {
            acc.trajectories.append(
                TrajectoryPoint(resident: resident, group: group, day: -1, score: score, state: r.state))
        }
        return r
    }

    /// Resets the behaviour clocks and draws every first arrival.
    ///
    /// Once per resident, so out of line; it takes values, not the resident's state, which can then
    /// stay in registers on the hot path.
    /// - Returns: how many behaviours are live, and the leaving clock's first arrival (infinite
    ///   under mandatory enrolment).
    @inline(never)
    private func startClocks(resident: Int, group: Int, propensity: Double) -> (live: Int, leaving: Double) {
        let id = UInt64(resident)
        var leaving = Double.infinity
        let mandatory = model.enrolment.mode == .mandatory
        if !mandatory { enrolmentStream.select(resident: id, .enrolment) }
        for b in 0..<behaviourCount {
            clocks.deterrence[b] = 1
            clocks.anchor[b] = 0
            clocks.onRecord[b] = 0
            clocks.capWindow[b] = -1
            clocks.capUsed[b] = 0
        }
        if usesPhilox {
            // Each behaviour's first word is the SplitMix64 output at its stream number, seeded by
            // the first Philox word of the resident's first-arrivals stream: one Philox block per
            // resident instead of one per behaviour (half of them never draw again: see dormancy
            // below). Its later words come from its own Philox stream, so what one behaviour draws
            // still depends on nothing but the seed, the resident and its id. The leaving clock's
            // first arrival is drawn the same way, at the enrolment stream's number.
            guard let arrivalSeedPhilox = arrivalSeedStream.philox else {
                preconditionFailure("usesPhilox: the first-arrivals stream is a Philox stream (invariant)")
            }
            let purpose = StreamPurpose.firstArrivals.number
            let seed = arrivalSeedPhilox.pointee.start(resident: id, stream: purpose)
            for b in 0..<behaviourCount {
                clocks.firstWords[b] = SplitMix64.output(seed: seed, index: UInt64(tables.streamNumbers[b]))
                clocks.philox.pointer(at: b).pointee.select(resident: id, stream: tables.streamNumbers[b])
            }
            if !mandatory {
                guard let enrolmentPhilox = enrolmentStream.philox else {
                    preconditionFailure("usesPhilox: the enrolment stream is a Philox stream (invariant)")
                }
                leaving = ziggurat.sample(
                    startingWith: SplitMix64.output(
                        seed: seed, index: UInt64(StreamPurpose.enrolment.number)),
                    &enrolmentPhilox.pointee)
            }
        } else {
            for b in 0..<behaviourCount {
                behaviourStreams[b].select(resident: id, stream: tables.streamNumbers[b])
            }
            if !mandatory { leaving = enrolmentStream.exponential() }
        }
        var liveCount = 0
        for b in 0..<behaviourCount {
            if tables.segmentRules[b] < 0 {
                clocks.remaining[b] = -1  // drawn when a rulebook first scores the behaviour
            } else {
                let first = firstArrival(b)
                // Dormant: more intensity than the run can integrate before the first event
                // (the behaviour's detected rates summed over the rulebooks; infinite when a
                // chilling response can raise them). It never fires, so it is left out of the
                // scan, and an infinite clock keeps any later rate change from scheduling it.
                let bound =
                    tables.firstArrivalBound[b] * tables.groupMultipliers[group &* behaviourCount &+ b]
                    * propensity
                if first > bound {
                    clocks.remaining[b] = .infinity
                    clocks.nextDay[b] = Int.max
                    continue
                }
                clocks.remaining[b] = first
            }
            clocks.live[liveCount] = b
            liveCount &+= 1
            setRate(b, RateInputs(segment: 0, group: group, propensity: propensity))
            clocks.scheduleNext(b, days: days)
        }
        return (liveCount, leaving)
    }

    /// Counts the resident's end state in the remaining snapshots and its totals.
    @inline(__always)
    private func finish(_ r: inout ResidentState, acc: Accumulator) {
        while r.snapshot < tables.snapshotDays.count {
            acc.snapshot(r.snapshot, group: r.group, score: r.score)
            r.snapshot &+= 1
        }
        if tracksSuppression {
            for b in 0..<behaviourCount where tables.suppressionTracked[b] {
                r.suppressed += closeSuppression(b, until: days, baseRate: suppressionRate(b, RateInputs(r)))
            }
            acc.suppressedMicroEvents += Int64((r.suppressed * 1e6).rounded())
        }
        if r.penalised { acc.everPenalised[r.group] += 1 }
        if r.penalisedNotUnlawful { acc.everPenalisedNotUnlawful[r.group] += 1 }
        if let bestDrop = r.bestDrop { acc.topDrops.offer(bestDrop) }
    }

    /// Behaviour `b`'s first unit arrival: on Philox runs from its first word (`firstWords`), later
    /// words if the ziggurat needs more from its stream; otherwise the stream's first exponential.
    @inline(__always)
    func firstArrival(_ b: Int) -> Double {
        if usesPhilox {
            return ziggurat.sample(startingWith: clocks.firstWords[b], &clocks.philox.pointer(at: b).pointee)
        }
        return behaviourStreams[b].exponential()
    }

    /// The next unit exponential of behaviour `b`'s stream.
    @inline(__always)
    func exponential(_ b: Int) -> Double {
        if usesPhilox { return ziggurat.sample(&clocks.philox.pointer(at: b).pointee) }
        return behaviourStreams[b].exponential()
    }

    /// Sets behaviour `b`'s rate from the rulebook in force, the resident's draws and its response.
    @inline(__always)
    func setRate(_ b: Int, _ rates: RateInputs) {
        let n = behaviourCount
        clocks.rate[b] =
            tables.segmentRates[rates.segment &* n &+ b] * tables.groupMultipliers[rates.group &* n &+ b]
            * rates.propensity * clocks.deterrence[b]
    }

    /// `factor^times`, without a libm call for the usual single event.
    @inline(__always)
    static func power(_ factor: Double, _ times: Int) -> Double {
        times == 1 ? factor : pow(factor, Double(times))
    }

    /// The resident's own daily rate of behaviour `b` before responses.
    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func suppressionRate(_ b: Int, _ rates: RateInputs) -> Double {
        tables.baseRates[b] * tables.groupMultipliers[rates.group &* behaviourCount &+ b] * rates.propensity
    }
}
