internal import FlyingSocks
internal import Foundation

/// A socket pool that closes connections which stall: every wait of a connection for data to read
/// (or room to write) ends after `seconds`, which makes the connection fail and close.
///
/// This bounds unfinished headers, bodies shorter than their `Content-Length`, idle keep-alive
/// connections and clients that stop reading. The listening socket waits for new connections
/// without a bound. FlyingFox has no read or idle timeout of its own, so this wraps its pool.
struct IdleTimeoutPool<Inner: AsyncSocketPool>: AsyncSocketPool {
    let inner: Inner
    let seconds: Double

    /// The error a stalled connection fails with.
    struct Stalled: Error {}

    func prepare() async throws { try await inner.prepare() }

    func run() async throws { try await inner.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        if (try? socket.getValue(for: BoolSocketOption(name: SO_ACCEPTCONN))) == true {
            return try await inner.suspendSocket(socket, untilReadyFor: events)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await inner.suspendSocket(socket, untilReadyFor: events) }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw Stalled()
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
