/// Everything a worker adds up while it simulates residents; merged across workers at the end.
///
/// All totals are integers, so the merged result does not depend on the thread count.
///
/// `@unchecked Sendable`: an accumulator is created, filled and read by one worker; it is handed
/// to the merging thread through a mutex only after that worker has finished with it.
final class Accumulator: @unchecked Sendable {
    let stateCount: Int
    let groupCount: Int
    let days: Int
    /// Residents per group and state at the start (before day 0), at `g * stateCount + s`.
    let initial: ScratchBuffer<Int64>
    /// Changes of end-of-day state: `diff[(g * days + d) * stateCount + s]`.
    let diff: ScratchBuffer<Int64>
    let events: ScratchBuffer<Int64>
    let pointsAdded: ScratchBuffer<Int64>
    let pointsRemoved: ScratchBuffer<Int64>
    /// Detected events whose points a cap withheld, per rule.
    let cappedEvents: ScratchBuffer<Int64>
    let everPenalised: ScratchBuffer<Int64>
    let everPenalisedNotUnlawful: ScratchBuffer<Int64>
    let measureCount: Int
    /// Exposure changes, laid out by `exposureLayout` (`days + 1` day slots).
    let exposure: ScratchBuffer<Int64>
    let exposureLayout: ExposureLayout
    /// Snapshot scores within `denseWidth` of `denseLowest`, counted densely.
    ///
    /// Dense counting needs no allocation or copy-on-write check per resident:
    /// `dense[(k * groupCount + g) * denseWidth + score − denseLowest]`. `foldDense()` moves them
    /// into `snapshots`.
    let dense: ScratchBuffer<Int64>
    let denseLowest: Int
    static let denseWidth = 2048
    // Only the owning worker touches these (see the type's comment), so no exclusivity checks.
    /// Score distribution at each snapshot day, per group (`snapshots[k * groupCount + g]`); scores
    /// near the base are in `dense` until `foldDense()`.
    @exclusivity(unchecked) var snapshots: [ScoreCounts]
    @exclusivity(unchecked) var topDrops: TopDrops
    @exclusivity(unchecked) var trajectories: [TrajectoryPoint] = []
    @exclusivity(unchecked) var lapsedPoints: Int64 = 0
    @exclusivity(unchecked) var voidedPoints: Int64 = 0
    @exclusivity(unchecked) var residents: Int64 = 0
    /// Lawful events lost to chilling responses, in millionths of an event (fixed point, so the
    /// total does not depend on summation order).
    @exclusivity(unchecked) var suppressedMicroEvents: Int64 = 0

    init(_ model: CompiledModel) {
        stateCount = model.stateCount
        groupCount = model.groupCount
        days = model.days
        initial = ScratchBuffer(repeating: 0, count: model.groupCount * model.stateCount)
        diff = ScratchBuffer(repeating: 0, count: model.groupCount * model.days * model.stateCount)
        events = ScratchBuffer(repeating: 0, count: model.rules.count)
        pointsAdded = ScratchBuffer(repeating: 0, count: model.rules.count)
        pointsRemoved = ScratchBuffer(repeating: 0, count: model.rules.count)
        cappedEvents = ScratchBuffer(repeating: 0, count: model.rules.count)
        everPenalised = ScratchBuffer(repeating: 0, count: model.groupCount)
        everPenalisedNotUnlawful = ScratchBuffer(repeating: 0, count: model.groupCount)
        measureCount = model.measureCount
        exposureLayout = ExposureLayout(
            groups: model.groupCount, measures: model.measureCount, days: model.days + 1)
        exposure = ScratchBuffer(repeating: 0, count: exposureLayout.count)
        snapshots = Array(repeating: ScoreCounts(), count: model.snapshotDays.count * model.groupCount)
        dense = ScratchBuffer(repeating: 0, count: snapshots.count * Accumulator.denseWidth)
        denseLowest = model.base - Accumulator.denseWidth / 2
        topDrops = TopDrops(capacity: model.topDrops)
    }

    @inline(__always)
    func change(group: Int, day: Int, from old: Int, to new: Int) {
        let at = (group &* days &+ day) &* stateCount  // within `diff`, whose size was allocated
        diff[at &+ old] &-= 1
        diff[at &+ new] &+= 1
    }

    func merge(_ other: Accumulator) {
        initial.add(other.initial)
        diff.add(other.diff)
        events.add(other.events)
        pointsAdded.add(other.pointsAdded)
        pointsRemoved.add(other.pointsRemoved)
        cappedEvents.add(other.cappedEvents)
        everPenalised.add(other.everPenalised)
        everPenalisedNotUnlawful.add(other.everPenalisedNotUnlawful)
        exposure.add(other.exposure)
        dense.add(other.dense)
        for i in snapshots.indices { snapshots[i].merge(other.snapshots[i]) }
        topDrops.merge(other.topDrops)
        trajectories += other.trajectories
        lapsedPoints += other.lapsedPoints
        voidedPoints += other.voidedPoints
        residents += other.residents
        suppressedMicroEvents += other.suppressedMicroEvents
    }

    /// Counts `score` in snapshot `k` of `group`.
    @inline(__always)
    func snapshot(_ k: Int, group: Int, score: Int) {
        let offset = score &- denseLowest
        if offset >= 0 && offset < Accumulator.denseWidth {
            dense[(k &* groupCount &+ group) &* Accumulator.denseWidth &+ offset] &+= 1
        } else {
            snapshots[k * groupCount + group].add(score)
        }
    }

    /// Moves the dense snapshot counts into `snapshots`.
    func foldDense() {
        for i in snapshots.indices {
            for offset in 0..<Accumulator.denseWidth {
                let count = dense[i * Accumulator.denseWidth + offset]
                if count != 0 { snapshots[i].add(denseLowest + offset, count: count) }
            }
        }
        dense.fill(0)
    }

    @inline(__always)
    func expose(group: Int, measure: Int, day: Int, kind: Int, by change: Int64) {
        exposure[exposureLayout.index(group: group, measure: measure, day: day, kind: kind)] += change
    }
}
