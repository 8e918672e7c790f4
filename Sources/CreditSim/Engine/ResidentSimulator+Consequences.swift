/// Exposure to measures and the lawful behaviour suppressed by chilling, for the resident being
/// simulated. Only called when the scenario has measures (or chilling targets to track).
extension ResidentSimulator {
    /// Starts a resident's exposures: grade-based measures of its starting grade apply from day 0.
    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func startExposures(resident: Int, group: Int, score: Int, acc: Accumulator) {
        for m in 0..<exposures.until.count {
            exposures.until[m] = 0
            exposures.justifiedUntil[m] = 0
            exposures.grade[m] = 0
        }
        exposures.gradesRead.fill(Int.min)
        if model.hasRepair { repairStream.select(resident: UInt64(resident), .repair) }
        updateGradeExposures(
            day: 0, group: group, score: score, optedOut: false, notUnlawfulPenalties: 0, acc: acc)
    }

    /// Re-reads grade-based measures at the end of `day` (effective that day).
    ///
    /// A grade exposure is *justified* when the resident would hold a qualifying grade even
    /// without the penalties for conduct that is not unlawful.
    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func updateGradeExposures(
        day: Int, group: Int, score: Int, optedOut: Bool, notUnlawfulPenalties: Int, acc: Accumulator
    ) {
        guard tables.gradeMeasures.count > 0 else { return }
        let grade = optedOut ? -1 : tables.grade(score)
        let lawfulGrade = optedOut ? -1 : tables.grade(score - notUnlawfulPenalties)
        // Every measure's state is a function of these two grades: unchanged grades, no change.
        guard grade != exposures.gradesRead[0] || lawfulGrade != exposures.gradesRead[1] else { return }
        exposures.gradesRead[0] = grade
        exposures.gradesRead[1] = lawfulGrade
        for i in 0..<tables.gradeMeasures.count {
            let m = tables.gradeMeasures[i]
            let mask = tables.measureGradeMask[m]
            let exposed = grade >= 0 && mask & (1 << UInt64(grade)) != 0
            let justified = exposed && lawfulGrade >= 0 && mask & (1 << UInt64(lawfulGrade)) != 0
            let state = (exposed ? 1 : 0) | (justified ? 2 : 0)
            let old = exposures.grade[m]
            guard state != old else { continue }
            let any = (state & 1) - (old & 1)
            let kept = (state >> 1) - (old >> 1)
            if any != 0 { acc.expose(group: group, measure: m, day: day, kind: 0, by: Int64(any)) }
            if kept != 0 { acc.expose(group: group, measure: m, day: day, kind: 1, by: Int64(kept)) }
            exposures.grade[m] = state
        }
    }

    /// Opens (or extends) the record-based measures of behaviour `b` after a detected event on `day`.
    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func recordExposures(behaviour b: Int, day: Int, group: Int, acc: Accumulator) {
        for i in tables.recordMeasureStart[b]..<tables.recordMeasureStart[b &+ 1] {
            let m = tables.recordMeasures[i]
            var end = day &+ tables.measureDuration[m]
            let after = tables.measureRepairAfter[m]
            if after < tables.measureDuration[m]
                && repairStream.uniform() < tables.measureRepairProbability[m]
            {
                end = day + after
            }
            extend(measure: m, kind: 0, day: day, end: end, group: group, acc: acc)
            if !tables.notUnlawful[b] {
                extend(measure: m, kind: 1, day: day, end: end, group: group, acc: acc)
            }
        }
    }

    /// Extends an exposure interval to `[day, end)` (union with what is already running).
    private func extend(measure m: Int, kind: Int, day: Int, end: Int, group: Int, acc: Accumulator) {
        let until = kind == 0 ? exposures.until[m] : exposures.justifiedUntil[m]
        guard end > until else { return }
        if day < until {
            if until < days { acc.expose(group: group, measure: m, day: until, kind: kind, by: 1) }
        } else {
            acc.expose(group: group, measure: m, day: day, kind: kind, by: 1)
        }
        if end < days { acc.expose(group: group, measure: m, day: end, kind: kind, by: -1) }
        if kind == 0 { exposures.until[m] = end } else { exposures.justifiedUntil[m] = end }
    }

    /// Adds the lawful events behaviour `b` lost to its response factor from `suppressionAnchor`
    /// up to `day` (exclusive), at the factor in force over that span.
    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func closeSuppression(_ b: Int, until day: Int, baseRate: Double) -> Double {
        let lost = Double(day - clocks.suppressionAnchor[b]) * baseRate * (1 - clocks.deterrence[b])
        clocks.suppressionAnchor[b] = day
        return lost
    }
}
