/// The measures in force for the resident being simulated (indexed by measure); see
/// `ResidentSimulator+Consequences.swift`.
struct ExposureState: ~Copyable {
    /// Day on which the resident's current record-based exposure ends (every trigger).
    let until: ScratchBuffer<Int>
    /// The same, counting only triggers that are unlawful conduct.
    let justifiedUntil: ScratchBuffer<Int>
    /// Grade-based exposure: bit 0 exposed, bit 1 justified (see `updateGradeExposures`).
    let grade: ScratchBuffer<Int>
    /// The grade and the grade without penalties for conduct that is not unlawful (−1: opted
    /// out) when grade-based exposures were last read; they depend on nothing else.
    let gradesRead: ScratchBuffer<Int>

    init(measures: Int) {
        until = ScratchBuffer(repeating: 0, count: measures)
        justifiedUntil = ScratchBuffer(repeating: 0, count: measures)
        grade = ScratchBuffer(repeating: 0, count: measures)
        gradesRead = ScratchBuffer(repeating: Int.min, count: 2)
    }
}
