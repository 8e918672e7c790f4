internal import GSL

/// The per-behaviour state of the resident being simulated (indexed by behaviour), reused from
/// one resident to the next by the worker that owns it.
///
/// Each behaviour is a Poisson process driven by its own unit-rate stream (random time change):
/// `remaining[b]` is the internal time left to its next arrival as of the start of `anchor[b]`,
/// and `rate[b]` its daily intensity since then (see `docs/model.md`).
struct BehaviourClocks: ~Copyable {
    /// Response factor `e_b` (deterrence and chilling), 1 at the start.
    let deterrence: ScratchBuffer<Double>
    /// Remaining internal time to the next arrival, as of the start of `anchor`; −1 until a
    /// rulebook first scores the behaviour, infinite for a dormant behaviour.
    let remaining: ScratchBuffer<Double>
    let anchor: ScratchBuffer<Int>
    let rate: ScratchBuffer<Double>
    /// Day of the next detected event at the current rate (`Int.max`: none).
    let nextDay: ScratchBuffer<Int>
    /// Events of the day being simulated.
    let counts: ScratchBuffer<Int>
    /// Behaviours with an event due on the day being simulated (then those that fired).
    let due: ScratchBuffer<Int>
    /// The behaviours that can still fire, in behaviour order (dormant ones are left out).
    let live: ScratchBuffer<Int>
    /// The word each behaviour draws its first arrival from (Philox runs).
    let firstWords: ScratchBuffer<UInt64>
    /// The Philox state of each behaviour's stream (Philox runs).
    let philox: ScratchBuffer<PhiloxState>
    /// Points currently on record per behaviour (for `void_removed` migrations and justified exposures).
    let onRecord: ScratchBuffer<Int>
    /// The cap window each behaviour's `capUsed` counts in (−1: none yet).
    let capWindow: ScratchBuffer<Int>
    let capUsed: ScratchBuffer<Int>
    /// Day from which the lost lawful events of a chilled behaviour are still to be counted.
    let suppressionAnchor: ScratchBuffer<Int>

    init(behaviours b: Int, philox states: [PhiloxState]) {
        deterrence = ScratchBuffer(repeating: 1, count: b)
        remaining = ScratchBuffer(repeating: 0, count: b)
        anchor = ScratchBuffer(repeating: 0, count: b)
        rate = ScratchBuffer(repeating: 0, count: b)
        nextDay = ScratchBuffer(repeating: Int.max, count: b)
        counts = ScratchBuffer(repeating: 0, count: b)
        due = ScratchBuffer(repeating: 0, count: b)
        live = ScratchBuffer(repeating: 0, count: b)
        firstWords = ScratchBuffer(repeating: 0, count: b)
        philox = ScratchBuffer(states)
        onRecord = ScratchBuffer(repeating: 0, count: b)
        capWindow = ScratchBuffer(repeating: -1, count: b)
        capUsed = ScratchBuffer(repeating: 0, count: b)
        suppressionAnchor = ScratchBuffer(repeating: 0, count: b)
    }

    /// Moves behaviour `b`'s clock to the start of `day` at its current rate.
    @inline(__always)
    func advance(_ b: Int, to day: Int) {
        remaining[b] -= Double(day &- anchor[b]) * rate[b]
        anchor[b] = day
    }

    /// Sets `nextDay[b]`: the day on which behaviour `b` next fires at its current rate.
    @inline(__always)
    func scheduleNext(_ b: Int, days: Int) {
        let mu = rate[b]
        if mu <= 0 {
            nextDay[b] = Int.max
            return
        }
        nextDay[b] = Self.dayOfArrival(after: remaining[b] / mu, from: anchor[b], days: days)
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
}
