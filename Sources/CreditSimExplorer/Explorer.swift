internal import CreditSim
internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// The web explorer: a page served by the binary that edits a scenario, runs it and shows the report charts.
///
/// Every route is listed in `docs/explorer.md`. The server is FlyingFox (sockets and HTTP/1.1 in
/// about 7,000 lines of Swift): the release build of Hummingbird and SwiftNIO took 348 s of CPU, most
/// of the time a new user waits for the first command of the README (BENCHMARKS.md, session 6).
public enum Explorer {
    /// Serves the explorer until the task is cancelled (Ctrl-C).
    ///
    /// - Parameters:
    ///   - configuration: Where to bind, which folders to serve and the limits.
    ///   - listening: Called once the socket listens, with the port it listens on (useful when
    ///     `configuration.port` is 0 and the system chose one).
    /// - Throws: `ServerFailure` when the address cannot be bound.
    public static func serve(
        _ configuration: ExplorerConfiguration, listening: (@Sendable (Int) -> Void)? = nil
    ) async throws {
        let server = try server(configuration)
        if let listening {
            let started = Task {
                try await server.waitUntilListening(timeout: 30)
                listening(await server.listeningPort ?? configuration.port)
            }
            defer { started.cancel() }
            try await server.run()
        } else {
            try await server.run()
        }
    }

    /// The server bound as configured (127.0.0.1 unless told otherwise), with every route added.
    static func server(_ configuration: ExplorerConfiguration) throws -> HTTPServer {
        let address: any SocketAddress
        do {
            let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
            let port = UInt16(configuration.port)
            if host.contains(":") {
                address = try sockaddr_in6.inet6(ip6: host, port: port)
            } else {
                address = try sockaddr_in.inet(ip4: host, port: port)
            }
        } catch {
            throw ServerFailure.badAddress(configuration.host)
        }
        // Handlers are bounded by the run gate, not by this timeout: a queued run may wait its turn.
        // Connections that stall are closed by the pool.
        let pool = IdleTimeoutPool(inner: HTTPServer.defaultPool(), seconds: configuration.idleSeconds)
        return HTTPServer(
            config: .init(address: address, timeout: 3600, pool: pool, logger: .disabled),
            handler: ExplorerRoutes(configuration))
    }

    /// Why the explorer could not serve.
    public enum ServerFailure: Error, CustomStringConvertible {
        /// The host is not a numeric IPv4 or IPv6 address (or `localhost`).
        case badAddress(String)

        public var description: String {
            switch self {
            case .badAddress(let host):
                "cannot bind to '\(host)': give a numeric address such as 127.0.0.1 or ::1"
            }
        }
    }
}

extension HTTPServer {
    /// The port the server listens on, once it listens.
    var listeningPort: Int? {
        switch listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): Int(port)
        default: nil
        }
    }
}
