internal import DequeModule
internal import Synchronization

/// Bounds the runs simulated at once and cancels a page's earlier run when it starts a new one.
///
/// A run takes a slot or waits in a bounded FIFO queue; a page identifies itself with a session
/// string, and a new run from the same session raises the cancel flag of its previous run
/// (which stops at the next block of residents, or before it starts if still queued).
actor RunGate {
    let slots: Int
    let queueLimit: Int
    private var running = 0
    private var waiting: Deque<CheckedContinuation<Void, Never>> = []
    private var latest: [String: CancelFlag] = [:]

    init(slots: Int, queueLimit: Int) {
        self.slots = slots
        self.queueLimit = queueLimit
    }

    /// Waits for a slot and returns the run's cancel flag.
    ///
    /// Call `leave()` when done.
    /// - Throws: `APIError` 503 when the queue is full, 409 when cancelled while queued.
    func enter(session: String?) async throws(APIError) -> CancelFlag {
        let flag = CancelFlag()
        if let session {
            latest[session]?.cancel()
            latest[session] = flag
            if latest.count > 10_000 { latest = latest.filter { !$0.value.isCancelled } }
        }
        if running >= slots {
            guard waiting.count < queueLimit else {
                throw APIError(
                    status: .serviceUnavailable,
                    message: "the server is busy (\(waiting.count) runs waiting); try again"
                )
            }
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        if flag.isCancelled {
            leave()
            throw APIError.cancelled
        }
        return flag
    }

    /// How many runs wait for a slot.
    var queued: Int { waiting.count }

    /// Frees the slot, handing it to the first waiting run.
    func leave() {
        if let next = waiting.popFirst() {
            next.resume()  // the slot passes on; `running` is unchanged
        } else {
            running -= 1
        }
    }
}

/// Set when a newer run from the same page makes a run pointless.
final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
    func cancel() { flag.store(true, ordering: .relaxed) }
}

extension APIError {
    static let cancelled = APIError(
        status: .conflict, message: "cancelled: a newer run from the same page started")
}
