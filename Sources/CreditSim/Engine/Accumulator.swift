/// Everything a worker adds up while it simulates residents; merged across workers in a fixed
/// order. All totals are integers, so the merged result does not depend on the thread count.
struct Accumulator: Sendable {
    let stateCount: Int
    let groupCount: Int
    let days: Int
    /// Residents per group and state at the start (before day 0).
    var initial: [Int64]
    /// Changes of end-of-day state: `diff[(g * days + d) * stateCount + s]`.
    var diff: [Int64]
    var events: [Int64]
    var pointsAdded: [Int64]
    var pointsRemoved: [Int64]
    /// Detected events whose points a cap withheld, per rule.
    var cappedEvents: [Int64]
    /// Score distribution at each snapshot day, per group (`snapshots[k * groupCount + g]`).
    var snapshots: [ScoreCounts]
    var topDrops: TopDrops
    var trajectories: [TrajectoryPoint] = []
    var everPenalised: [Int64]
    var everPenalisedNotUnlawful: [Int64]
    var lapsedPoints: Int64 = 0
    var voidedPoints: Int64 = 0
    var residents: Int64 = 0

    init(_ model: CompiledModel) {
        stateCount = model.stateCount
        groupCount = model.groupCount
        days = model.days
        initial = Array(repeating: 0, count: model.groupCount * model.stateCount)
        diff = Array(repeating: 0, count: model.groupCount * model.days * model.stateCount)
        events = Array(repeating: 0, count: model.rules.count)
        pointsAdded = events
        pointsRemoved = events
        cappedEvents = events
        snapshots = Array(repeating: ScoreCounts(), count: model.snapshotDays.count * model.groupCount)
        topDrops = TopDrops(capacity: model.topDrops)
        everPenalised = Array(repeating: 0, count: model.groupCount)
        everPenalisedNotUnlawful = everPenalised
    }

    @inline(__always)
    mutating func change(group: Int, day: Int, from old: Int, to new: Int) {
        let at = (group * days + day) * stateCount
        diff[at + old] -= 1
        diff[at + new] += 1
    }

    mutating func merge(_ other: Accumulator) {
        func add(_ a: inout [Int64], _ b: [Int64]) { for i in a.indices { a[i] += b[i] } }
        add(&initial, other.initial)
        add(&diff, other.diff)
        add(&events, other.events)
        add(&pointsAdded, other.pointsAdded)
        add(&pointsRemoved, other.pointsRemoved)
        add(&cappedEvents, other.cappedEvents)
        add(&everPenalised, other.everPenalised)
        add(&everPenalisedNotUnlawful, other.everPenalisedNotUnlawful)
        for i in snapshots.indices { snapshots[i].merge(other.snapshots[i]) }
        topDrops.merge(other.topDrops)
        trajectories += other.trajectories
        lapsedPoints += other.lapsedPoints
        voidedPoints += other.voidedPoints
        residents += other.residents
    }
}
