internal import GSL

/// The read-only tables of a `CompiledModel` that the inner loop reads.
///
/// They are copied into flat unchecked buffers (one copy per worker). Layouts are those of
/// `CompiledModel`: per segment and behaviour at `k * behaviourCount + b`, per group and behaviour
/// at `g * behaviourCount + b`.
struct ModelTables: ~Copyable {
    let behaviourCount: Int
    let days: Int
    let base: Int
    let stateCount: Int
    let deterrenceFactor: Double
    /// Detected-event rate of each behaviour under each segment (0 when unscored).
    let segmentRates: ScratchBuffer<Double>
    /// Global rule index of each behaviour under each segment (−1 when unscored).
    let segmentRules: ScratchBuffer<Int>
    /// First day of each segment, then `Int.max`.
    let segmentStarts: ScratchBuffer<Int>
    let groupMultipliers: ScratchBuffer<Double>
    /// Days on which something may happen to everyone, then `days`.
    let boundaries: ScratchBuffer<Int>
    let snapshotDays: ScratchBuffer<Int>
    /// Chilling responses of behaviour `b`: `chillingTarget[chillingStart[b]..<chillingStart[b+1]]`.
    let chillingStart: ScratchBuffer<Int>
    let chillingTarget: ScratchBuffer<Int>
    let chillingFactor: ScratchBuffer<Double>
    /// Stream number of each behaviour (`StreamPurpose.behaviour`).
    let streamNumbers: ScratchBuffer<UInt32>
    let rulePoints: ScratchBuffer<Int>
    let ruleRetention: ScratchBuffer<Int>
    let ruleCapPoints: ScratchBuffer<Int>
    let ruleCapPeriod: ScratchBuffer<Int>
    let notUnlawful: ScratchBuffer<Bool>
    /// Minimum score of each grade but the last, descending.
    let gradeMinimums: ScratchBuffer<Int>
    /// Leaving hazard bands: upper bounds ascending, and one more hazard for the last band.
    let leaveBelow: ScratchBuffer<Int>
    let leaveHazard: ScratchBuffer<Double>
    /// Per behaviour, the intensity bound beyond which a first arrival makes it dormant.
    let firstArrivalBound: ScratchBuffer<Double>
    /// Base daily rate of each behaviour.
    let baseRates: ScratchBuffer<Double>
    /// Lawful behaviours whose lost events are counted (chilling targets).
    let suppressionTracked: ScratchBuffer<Bool>
    /// Grade-based measures, by index, and each measure's grades (bit g = grade index g).
    let gradeMeasures: ScratchBuffer<Int>
    let measureGradeMask: ScratchBuffer<UInt64>
    /// Record-based measures of behaviour `b`: `recordMeasures[recordMeasureStart[b]..<recordMeasureStart[b+1]]`.
    let recordMeasureStart: ScratchBuffer<Int>
    let recordMeasures: ScratchBuffer<Int>
    let measureDuration: ScratchBuffer<Int>
    let measureRepairAfter: ScratchBuffer<Int>
    let measureRepairProbability: ScratchBuffer<Double>

    init(_ model: CompiledModel) {
        behaviourCount = model.behaviourCount
        days = model.days
        base = model.base
        stateCount = model.stateCount
        deterrenceFactor = model.deterrence
        segmentRates = ScratchBuffer(model.segmentRates)
        segmentRules = ScratchBuffer(model.segmentRules)
        segmentStarts = ScratchBuffer(model.segments.map(\.start) + [Int.max])
        groupMultipliers = ScratchBuffer(model.groupMultipliers)
        boundaries = ScratchBuffer(model.boundaries)
        snapshotDays = ScratchBuffer(model.snapshotDays)
        chillingStart = ScratchBuffer(model.chillingStart)
        chillingTarget = ScratchBuffer(model.chillingTargets.map(\.target))
        chillingFactor = ScratchBuffer(model.chillingTargets.map(\.factor))
        streamNumbers = ScratchBuffer(model.behaviourStreams)
        rulePoints = ScratchBuffer(model.rules.map(\.points))
        ruleRetention = ScratchBuffer(model.rules.map(\.retention))
        ruleCapPoints = ScratchBuffer(model.rules.map(\.capPoints))
        ruleCapPeriod = ScratchBuffer(model.rules.map(\.capPeriod))
        notUnlawful = ScratchBuffer(model.notUnlawful)
        gradeMinimums = ScratchBuffer(model.gradeMinimums)
        leaveBelow = ScratchBuffer(model.enrolment.leaveBelow)
        leaveHazard = ScratchBuffer(model.enrolment.leaveHazard)
        firstArrivalBound = ScratchBuffer(model.firstArrivalBound)
        baseRates = ScratchBuffer(model.baseRates)
        suppressionTracked = ScratchBuffer(model.suppressionTracked)
        gradeMeasures = ScratchBuffer(
            model.measureGradeMask.indices.filter { model.measureGradeMask[$0] != 0 })
        measureGradeMask = ScratchBuffer(model.measureGradeMask)
        recordMeasureStart = ScratchBuffer(model.recordMeasureStart)
        recordMeasures = ScratchBuffer(model.recordMeasures)
        measureDuration = ScratchBuffer(model.measureDuration)
        measureRepairAfter = ScratchBuffer(model.measureRepairAfter)
        measureRepairProbability = ScratchBuffer(model.measureRepairProbability)
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
    func hazard(_ score: Int) -> Double {
        var i = 0  // the bands ascend, so this counts those the score is not below (no branches)
        for j in 0..<leaveBelow.count { i &+= score >= leaveBelow[j] ? 1 : 0 }
        return i < leaveHazard.count ? leaveHazard[i] : 0
    }

    /// The rule index of behaviour `b` under segment `segment` (−1 when unscored).
    @inline(__always)
    func rule(of b: Int, in segment: Int) -> Int { segmentRules[segment &* behaviourCount &+ b] }
}
