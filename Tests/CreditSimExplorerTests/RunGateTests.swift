import Testing

@testable import CreditSimExplorer

@Suite("Run gate")
struct RunGateTests {
    @Test("a full queue answers 503")
    func busy() async throws {
        let gate = RunGate(slots: 1, queueLimit: 0)
        _ = try await gate.enter(session: "a")
        await #expect(throws: APIError.self) { try await gate.enter(session: "b") }
        await gate.leave()
        _ = try await gate.enter(session: "b")
    }

    @Test("a new run from the same page cancels the previous one")
    func cancels() async throws {
        let gate = RunGate(slots: 2, queueLimit: 4)
        let first = try await gate.enter(session: "page")
        let other = try await gate.enter(session: "other page")
        #expect(!first.isCancelled)
        await gate.leave()
        let second = try await gate.enter(session: "page")
        #expect(first.isCancelled)
        #expect(!second.isCancelled)
        #expect(!other.isCancelled)
    }

    @Test("a queued run cancelled before its turn never starts")
    func queuedCancel() async throws {
        let gate = RunGate(slots: 1, queueLimit: 4)
        _ = try await gate.enter(session: "x")
        let queued = Task { try await gate.enter(session: "page") }
        await Self.waitUntil(gate, queues: 1)
        let newer = Task { try await gate.enter(session: "page") }
        await Self.waitUntil(gate, queues: 2)
        await gate.leave()  // the queued run gets the slot, sees its flag and gives it up
        await #expect(throws: APIError.self) { try await queued.value }
        let flag = try await newer.value
        #expect(!flag.isCancelled)
    }

    /// Yields until `count` runs wait at the gate: the order of the tasks is then known, with no
    /// timing assumption.
    static func waitUntil(_ gate: RunGate, queues count: Int) async {
        while await gate.queued < count { await Task.yield() }
    }
}
