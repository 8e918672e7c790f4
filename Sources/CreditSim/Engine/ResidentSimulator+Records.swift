/// Records of the resident being simulated: lapses, overhaul migrations, and the history of
/// end-of-day scores from which drops are measured.
extension ResidentSimulator {
    /// Applies an overhaul's migration of records at the start of the new rulebook's first day;
    /// returns the score and the penalties on record for conduct that is not unlawful after it.
    func migrate(from old: Int, to new: Int, score: Int, notUnlawfulPenalties: Int, acc: Accumulator)
        -> (score: Int, notUnlawfulPenalties: Int)
    {
        switch model.segments[new].migration {
        case .keep:
            return (score, notUnlawfulPenalties)
        case .reset:
            for b in 0..<behaviourCount { clocks.onRecord[b] = 0 }
            lapses.removeAll(keepingCapacity: true)
            acc.voidedPoints += Int64(abs(score - model.base))
            return (model.base, 0)
        case .voidRemoved:
            var score = score
            var notUnlawfulPenalties = notUnlawfulPenalties
            for b in 0..<behaviourCount
            where model.segments[old].ruleOfBehaviour[b] >= 0 && model.segments[new].ruleOfBehaviour[b] < 0
                && clocks.onRecord[b] != 0
            {
                let points = clocks.onRecord[b]
                score -= points
                acc.voidedPoints += Int64(abs(points))
                notUnlawfulPenalties &+= addToRecord(-points, behaviour: b)
                lapses.removeAll { $0.behaviour == b }
            }
            return (score, notUnlawfulPenalties)
        }
    }

    /// Adds `points` to behaviour `b`'s record; returns the change of the resident's penalties on
    /// record for conduct that is not unlawful (`ResidentState.notUnlawfulPenalties`).
    @inline(__always)
    func addToRecord(_ points: Int, behaviour b: Int) -> Int {
        let old = clocks.onRecord[b]
        let new = old &+ points
        clocks.onRecord[b] = new
        let change = Swift.min(new, 0) &- Swift.min(old, 0)
        return tables.notUnlawful[b] ? change : 0
    }

    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func insertLapse(_ lapse: (day: Int, behaviour: Int, points: Int)) {
        var i = lapses.count
        while i > 0 && lapses[i - 1].day < lapse.day { i -= 1 }
        lapses.insert(lapse, at: i)
    }

    /// Records an end-of-day score change, growing the buffer when it is full.
    @inline(__always)
    func appendHistory(day: Int, score: Int) {
        if historyCount == history.count {
            history = ScratchBuffer(growing: history, to: 2 * history.count, fill: (0, 0))
        }
        history[historyCount] = (day, score)
        historyCount &+= 1
    }

    /// The drop ending today: the highest end-of-day score in the window's earlier days minus today's.
    @inline(never)  // off the hot path: keeps the day loop small enough to inline its steps
    func windowDrop(day: Int, score: Int, resident: Int, group: Int) -> ScoreDrop? {
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
