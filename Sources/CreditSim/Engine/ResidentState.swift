/// The state of the resident being simulated that is not per behaviour.
///
/// That is its draws, score and grade, where it stands in the run's schedule, enrolment, and what
/// it adds to the totals at the end. Lives on the stack for one resident.
struct ResidentState {
    let resident: Int
    let group: Int
    /// Propensity `p` (1 for `constant`).
    let propensity: Double
    /// Whether the whole trajectory is recorded.
    let sampled: Bool
    /// The rulebook in force (index into the model's segments).
    var segment = 0
    /// How many behaviours are in `BehaviourClocks.live`.
    var liveCount = 0
    var score: Int
    /// End-of-day state: grade index, or the opted-out state.
    var state: Int
    var optedOut = false
    /// The next entry of the run's boundaries (overhauls and the enrolment day) to reach.
    var boundary = 0
    /// The next snapshot to take, and its day (`Int.max`: none left).
    var snapshot = 0
    var nextSnapshot: Int
    /// The day of the next pending lapse (`Int.max`: none).
    var nextLapse = Int.max
    var leaving = LeavingClock()
    var penalised = false
    var penalisedNotUnlawful = false
    /// The penalties on record for conduct that is not unlawful: the sum over such behaviours of
    /// their points on record where negative (kept as records change; read for justified exposures).
    var notUnlawfulPenalties = 0
    /// Lawful events lost to chilling so far (expected value).
    var suppressed = 0.0
    /// The resident's largest drop so far, if it could enter the list of largest drops.
    var bestDrop: ScoreDrop?
    /// The highest end-of-day score so far.
    var peak: Int
    /// The floor of the worker's list of largest drops (fixed while this resident is simulated).
    let dropFloor: Int
}

/// The leaving process of an enrolled resident: a daily hazard by score band, integrated like a
/// behaviour's clock (step 5 of a day).
struct LeavingClock {
    /// Whether leaving applies (from the enrolment `from` day, for residents who took part).
    var active = false
    /// Remaining unit-exponential time to leaving, as of the start of `anchor`.
    var remaining = Double.infinity
    var hazard = 0.0
    var anchor = 0
    /// The day the resident leaves at the current hazard (`Int.max`: not within the run).
    var next = Int.max
}

/// One day of one resident, from the scan that finds it to its end.
struct DayState {
    let day: Int
    /// Behaviours in `BehaviourClocks.due`: due on this day, then (after step 2) those that fired.
    var dueCount: Int
    /// The score at the start of the day.
    let scoreBefore: Int
    /// Whether a new rulebook took effect at the start of the day.
    var switched = false
}

/// What a behaviour's rate depends on besides the behaviour: the rulebook in force and the
/// resident's group and propensity (its response factor is in `BehaviourClocks`).
struct RateInputs {
    let segment: Int
    let group: Int
    let propensity: Double

    @inline(__always)
    init(_ r: borrowing ResidentState) {
        self.init(segment: r.segment, group: r.group, propensity: r.propensity)
    }

    @inline(__always)
    init(segment: Int, group: Int, propensity: Double) {
        self.segment = segment
        self.group = group
        self.propensity = propensity
    }
}
