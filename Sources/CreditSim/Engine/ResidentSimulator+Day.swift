/// The steps of one day for one resident, in the order of `docs/model.md` ("One day for one
/// enrolled resident, in order"), and the scan that finds the next day on which anything happens.
extension ResidentSimulator {
    /// The next day on which anything can happen to the resident — a behaviour's event, a lapse,
    /// a rulebook change or the enrolment day, or leaving — with the behaviours due on it listed in
    /// `clocks.due`; `nil` when nothing happens before the end of the run.
    @inline(__always)
    func nextDay(_ r: inout ResidentState) -> DayState? {
        // One pass, in behaviour order, without branches: which behaviour comes next is random, so
        // branches would mispredict. An earlier day empties the list, the day itself joins it.
        var day = tables.boundaries[r.boundary]
        var dueCount = 0
        for i in 0..<r.liveCount {
            let b = clocks.live[i]
            let next = clocks.nextDay[b]
            dueCount &= ~((next &- day) >> 63)  // all ones when `next` comes before `day`
            day = Swift.min(day, next)
            clocks.due[dueCount] = b
            dueCount &-= (next &- day &- 1) >> 63  // minus all ones when `next` is `day`
        }
        if r.nextLapse < day {
            day = r.nextLapse
            dueCount = 0
        }
        if r.leaving.next < day {
            day = r.leaving.next
            dueCount = 0
        }
        if day >= days { return nil }
        return DayState(day: day, dueCount: dueCount, scoreBefore: r.score)
    }

    /// Counts the resident's score in every snapshot taken at the end of a day before `day`.
    @inline(__always)
    func takeSnapshots(before day: Int, _ r: inout ResidentState, acc: Accumulator) {
        while r.nextSnapshot < day {
            acc.snapshot(r.snapshot, group: r.group, score: r.score)
            r.snapshot &+= 1
            r.nextSnapshot =
                r.snapshot < tables.snapshotDays.count ? tables.snapshotDays[r.snapshot] : Int.max
        }
    }

    /// Step 1, the start of the day: an overhaul (new rates, migration of records), consent or the
    /// start of leaving on the enrolment day, and the lapses due.
    @inline(__always)
    func startOfDay(_ today: inout DayState, _ r: inout ResidentState, acc: Accumulator) {
        let day = today.day
        if day == tables.boundaries[r.boundary] {
            r.boundary &+= 1
            if tables.segmentStarts[r.segment + 1] == day {
                r.segment += 1
                (r.score, r.notUnlawfulPenalties) = overhaul(
                    day: day, RateInputs(r), live: r.liveCount, score: r.score,
                    notUnlawfulPenalties: r.notUnlawfulPenalties, acc: acc)
                r.nextLapse = lapses.last?.day ?? Int.max
                today.switched = true
            }
            if day == model.enrolment.fromDay { startEnrolment(day: day, &r) }
        }
        if r.nextLapse == day {
            while let lapse = lapses.last, lapse.day == day {
                lapses.removeLast()
                r.score -= lapse.points
                r.notUnlawfulPenalties &+= addToRecord(-lapse.points, behaviour: lapse.behaviour)
                acc.lapsedPoints += Int64(abs(lapse.points))
            }
            r.nextLapse = lapses.last?.day ?? Int.max
        }
    }

    /// A new rulebook takes effect at the start of `day`.
    ///
    /// Every clock moves to the new rates (a behaviour scored for the first time draws its first
    /// arrival), then records migrate. Rare, so out of line; it takes values, not the resident's
    /// state, which can then stay in registers on the hot path.
    /// - Returns: the score and the penalties on record for conduct that is not unlawful after the
    ///   migration.
    @inline(never)
    private func overhaul(
        day: Int, _ rates: RateInputs, live: Int, score: Int, notUnlawfulPenalties: Int, acc: Accumulator
    ) -> (score: Int, notUnlawfulPenalties: Int) {
        for i in 0..<live {
            let b = clocks.live[i]
            clocks.advance(b, to: day)
            if clocks.remaining[b] < 0 && tables.rule(of: b, in: rates.segment) >= 0 {
                clocks.remaining[b] = firstArrival(b)  // first rule for this behaviour
            }
            setRate(b, rates)
            clocks.scheduleNext(b, days: days)
        }
        return migrate(
            from: rates.segment - 1, to: rates.segment, score: score,
            notUnlawfulPenalties: notUnlawfulPenalties,
            acc: acc)
    }

    /// The enrolment day: with consent, a resident who does not consent is opted out before any
    /// events; otherwise leaving applies from this day (its first check is today's step 5).
    @inline(__always)
    private func startEnrolment(day: Int, _ r: inout ResidentState) {
        let e = model.enrolment
        if e.mode == .consent && enrolmentStream.uniform() >= e.consent(r.score) {
            r.optedOut = true
        } else {
            r.leaving.active = true
            r.leaving.anchor = day
            r.leaving.hazard = tables.hazard(r.score)
            r.leaving.next = day
        }
    }

    /// Step 2, the detected events of the day at the rates in force at its start: leaves in
    /// `clocks.due` the behaviours that fired, with their counts in `clocks.counts`.
    @inline(__always)
    func detectEvents(_ today: inout DayState, _ r: borrowing ResidentState) {
        let day = today.day
        guard !r.optedOut else {
            today.dueCount = 0
            return
        }
        if today.switched {  // a new rulebook may bring events forward to today
            today.dueCount = 0
            for i in 0..<r.liveCount where clocks.nextDay[clocks.live[i]] == day {
                clocks.due[today.dueCount] = clocks.live[i]
                today.dueCount += 1
            }
        }
        var fired = 0
        for i in 0..<today.dueCount {
            let b = clocks.due[i]
            let mu = clocks.rate[b]
            var remaining = clocks.remaining[b] - Double(day &- clocks.anchor[b]) * mu
            var k = 0
            while remaining <= mu {
                k &+= 1
                remaining += exponential(b)
            }
            clocks.remaining[b] = remaining - mu
            clocks.anchor[b] = day &+ 1
            clocks.counts[b] = k
            if k > 0 {
                clocks.due[fired] = b
                fired &+= 1
            } else {
                clocks.scheduleNext(b, days: days)
            }
        }
        today.dueCount = fired
    }

    /// Steps 3 and 4: each fired behaviour's points (within its cap), its record and measures,
    /// then the responses to penalties (rates change from the next day on).
    // `@_transparent`: with `@inline(__always)` this hot step stayed out of line (measured).
    @_transparent
    func applyPointsAndResponses(_ today: DayState, _ r: inout ResidentState, acc: Accumulator) {
        let day = today.day
        // The resident's values this step reads and changes, held in locals over the loop (so
        // they stay in registers) and written back at its end.
        let rates = RateInputs(r)
        var score = r.score
        var penalised = r.penalised
        var penalisedNotUnlawful = r.penalisedNotUnlawful
        var notUnlawfulPenalties = r.notUnlawfulPenalties
        var suppressed = r.suppressed
        var nextLapse = r.nextLapse
        for i in 0..<today.dueCount {
            let b = clocks.due[i]
            let k = clocks.counts[b]
            clocks.counts[b] = 0
            let rule = tables.rule(of: b, in: rates.segment)
            let rulePoints = tables.rulePoints[rule]
            let points = cappedPoints(k, behaviour: b, rule: rule, day: day, acc: acc)
            acc.events[rule] &+= Int64(k)
            if tracksConsequences { recordExposures(behaviour: b, day: day, group: rates.group, acc: acc) }
            // Without branches from here on where the outcome depends on which behaviour fired
            // (random, so branches would mispredict).
            let added = points & ~(points >> 63)  // max(points, 0), inlined
            acc.pointsAdded[rule] &+= Int64(added)
            acc.pointsRemoved[rule] &+= Int64(added &- points)
            penalised = penalised || points < 0
            penalisedNotUnlawful = penalisedNotUnlawful || (points < 0 && tables.notUnlawful[b])
            score += points
            notUnlawfulPenalties &+= addToRecord(points, behaviour: b)
            let retention = tables.ruleRetention[rule]
            if retention != Int.max && points != 0 && day + retention < days {
                insertLapse((day + retention, b, points))
                nextLapse = lapses.last?.day ?? Int.max  // never nil: just inserted
            }
            suppressed += respond(to: b, times: k, penalty: rulePoints < 0, day: day, rates)
        }
        r.score = score
        r.penalised = penalised
        r.penalisedNotUnlawful = penalisedNotUnlawful
        r.notUnlawfulPenalties = notUnlawfulPenalties
        r.suppressed = suppressed
        r.nextLapse = nextLapse
    }

    /// The points of `k` events of behaviour `b` under `rule`, withheld beyond the rule's cap in the
    /// current window (the withheld events are counted in `cappedEvents`).
    @inline(__always)
    private func cappedPoints(_ k: Int, behaviour b: Int, rule: Int, day: Int, acc: Accumulator) -> Int {
        let rulePoints = tables.rulePoints[rule]
        let capPoints = tables.ruleCapPoints[rule]
        var points = k * rulePoints
        guard capPoints != Int.max else { return points }
        let window = day / tables.ruleCapPeriod[rule]
        if clocks.capWindow[b] != window {
            clocks.capWindow[b] = window
            clocks.capUsed[b] = 0
        }
        let allowed = max(0, capPoints - clocks.capUsed[b])
        if abs(points) > allowed {
            acc.cappedEvents[rule] += Int64(k - allowed / max(1, abs(rulePoints)))
            points = points < 0 ? -allowed : allowed
        }
        clocks.capUsed[b] += abs(points)
        return points
    }

    /// Step 4 for one fired behaviour: the responses to a penalty.
    ///
    /// Deterrence of a penalised behaviour and the chilling of its targets (`e ← e · factor^k`);
    /// the rates of `b` and its targets are set anew.
    /// - Returns: the lawful events lost so far by the behaviours whose factor changed (tracked
    ///   ones only).
    // `@_transparent`: with `@inline(__always)` this hot step stayed out of line (measured).
    @_transparent
    private func respond(to b: Int, times k: Int, penalty: Bool, day: Int, _ rates: RateInputs) -> Double {
        var lost = 0.0
        if plainResponses {  // deterrence only: e_b ← e_b · factor^k for penalties
            let factor = penalty ? tables.deterrenceFactor : 1
            clocks.deterrence[b] *= ResidentSimulator.power(factor, k)
        } else if penalty {
            if tables.deterrenceFactor != 1 {
                lost += scaleResponse(b, factor: tables.deterrenceFactor, times: k, day: day, rates)
            }
            for c in tables.chillingStart[b]..<tables.chillingStart[b &+ 1] {
                lost += scaleResponse(
                    tables.chillingTarget[c], factor: tables.chillingFactor[c], times: k, day: day, rates)
            }
        }
        setRate(b, rates)
        clocks.scheduleNext(b, days: days)
        for c in tables.chillingStart[b]..<tables.chillingStart[b &+ 1] {
            let target = tables.chillingTarget[c]
            setRate(target, rates)
            clocks.scheduleNext(target, days: days)
        }
        return lost
    }

    /// Multiplies behaviour `b`'s response factor by `factor^times`, its clock moved to the next
    /// day; returns the lawful events it lost so far (for a tracked behaviour).
    @inline(__always)
    private func scaleResponse(_ b: Int, factor: Double, times: Int, day: Int, _ rates: RateInputs) -> Double
    {
        if clocks.anchor[b] <= day { clocks.advance(b, to: day + 1) }
        var lost = 0.0
        if tracksSuppression && tables.suppressionTracked[b] {
            lost = closeSuppression(b, until: day + 1, baseRate: suppressionRate(b, rates))
        }
        clocks.deterrence[b] *= ResidentSimulator.power(factor, times)
        return lost
    }

    /// Step 5, leaving, on the score at the end of the day.
    ///
    /// While the hazard stays the same, the clock and `leaving.next` stay valid: only a day with a
    /// new hazard, or the leaving day itself, moves them.
    @inline(__always)
    func leave(_ today: DayState, _ r: inout ResidentState) {
        guard r.leaving.active && !r.optedOut else { return }
        let day = today.day
        let newHazard = tables.hazard(r.score)
        guard day >= r.leaving.next || newHazard != r.leaving.hazard else { return }
        r.leaving.remaining -= Double(day - r.leaving.anchor) * r.leaving.hazard
        r.leaving.hazard = newHazard
        r.leaving.remaining -= newHazard
        r.leaving.anchor = day + 1
        if r.leaving.remaining <= 0 {
            r.optedOut = true
            r.leaving.next = Int.max
        } else if newHazard > 0 {
            r.leaving.next = BehaviourClocks.dayOfArrival(
                after: r.leaving.remaining / newHazard, from: r.leaving.anchor, days: days)
        } else {
            r.leaving.next = Int.max
        }
    }

    /// Step 6, the end of the day.
    ///
    /// Updates the state, exposures to grade-based measures, daily counts, drops and the
    /// trajectory.
    ///
    /// - Parameters:
    ///   - today: The day being simulated.
    ///   - r: The resident's state, updated in place.
    ///   - acc: The worker's accumulator the day's changes are added to.
    /// - Returns: `true` when the resident has opted out (nothing more happens).
    // `@_transparent`: with `@inline(__always)` this hot step stayed out of line (measured).
    @_transparent
    func endOfDay(_ today: DayState, _ r: inout ResidentState, acc: Accumulator) -> Bool {
        let day = today.day
        let newState = r.optedOut ? tables.stateCount - 1 : tables.grade(r.score)
        let changed = r.score != today.scoreBefore
        if tracksConsequences && (newState != r.state || changed) {
            updateGradeExposures(
                day: day, group: r.group, score: r.score, optedOut: r.optedOut,
                notUnlawfulPenalties: r.notUnlawfulPenalties, acc: acc)
        }
        if newState != r.state {
            acc.change(group: r.group, day: day, from: r.state, to: newState)
            r.state = newState
        }
        if changed {
            if r.score < today.scoreBefore, r.peak &- r.score >= r.dropFloor,
                let drop = windowDrop(day: day, score: r.score, resident: r.resident, group: r.group),
                r.bestDrop.map({ drop.drop > $0.drop }) ?? true
            {
                r.bestDrop = drop
            }
            appendHistory(day: day, score: r.score)
            r.peak = Swift.max(r.peak, r.score)
        }
        if r.sampled && (changed || r.optedOut) {
            acc.trajectories.append(
                TrajectoryPoint(
                    resident: r.resident, group: r.group, day: day, score: r.score, state: r.state))
        }
        if r.optedOut && !model.enrolment.frozen { r.snapshot = tables.snapshotDays.count }
        return r.optedOut
    }
}
