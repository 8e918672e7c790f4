import FlyingFox
import FlyingSocks
import Foundation
import Testing

@testable import CreditSimExplorer

/// Requests another web page, a rebinding name or a stalled client could send are refused
/// (docs/explorer.md, "Security").
@Suite("Explorer security")
struct SecurityTests {
    static let run = Data(#"{"scenario": "rongcheng-2016", "edits": "population:\n  size: 1000\n"}"#.utf8)

    @Test("a request addressed to another host name is refused (DNS rebinding)")
    func foreignHost() async throws {
        try await withExplorer { client in
            for (path, method, body) in [("/", HTTPMethod.GET, Data()), ("/api/run", .POST, Self.run)] {
                try await client.execute(
                    uri: path, method: method,
                    headers: [.host: "evil.example:8080", .contentType: "application/json"],
                    body: body
                ) { response in
                    #expect(response.status.code == 421, "\(path)")
                    #expect(text(response).contains("not for 'evil.example:8080'"))
                }
            }
            try await client.execute(uri: "/api/limits", method: .GET, headers: [.host: "localhost:1"]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("a cross-origin write is refused before anything runs")
    func crossOrigin() async throws {
        try await withExplorer { client in
            // The form another page can send without a preflight: text/plain, its own Origin.
            try await client.execute(
                uri: "/api/run", method: .POST,
                headers: [.contentType: "text/plain", HTTPHeader("Origin"): "http://evil.example"],
                body: Self.run
            ) { response in
                #expect(response.status == .forbidden)
                #expect(json(response)["key_numbers"] == nil)
            }
            try await client.execute(
                uri: "/api/run", method: .POST,
                headers: [.contentType: "application/json", HTTPHeader("Sec-Fetch-Site"): "cross-site"],
                body: Self.run
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/scenario.yaml", method: .POST, headers: [.contentType: "text/plain"],
                body: Self.run
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(text(response).contains("application/json"))
            }
            // The page's own request: same origin, JSON.
            try await client.execute(
                uri: "/api/scenario.yaml", method: .POST,
                headers: [
                    .contentType: "application/json; charset=utf-8",
                    HTTPHeader("Origin"): "http://127.0.0.1:\(client.port)",
                    HTTPHeader("Sec-Fetch-Site"): "same-origin",
                ], body: Self.run
            ) { #expect($0.status == .ok) }
        }
    }

    @Test("every answer carries the security headers")
    func headers() async throws {
        try await withExplorer { client in
            for path in ["/", "/assets/explorer.js", "/api/limits", "/no-such-page"] {
                try await client.execute(uri: path, method: .GET) { response in
                    let policy = response.headers[HTTPHeader("Content-Security-Policy")] ?? ""
                    #expect(
                        policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"),
                        "\(path)")
                    #expect(response.headers[HTTPHeader("X-Content-Type-Options")] == "nosniff")
                    #expect(response.headers[HTTPHeader("X-Frame-Options")] == "DENY")
                    #expect(response.headers[HTTPHeader("Referrer-Policy")] == "no-referrer")
                }
            }
        }
    }

    @Test("a connection that stalls is closed after the idle time")
    func stalled() async throws {
        var configuration = testConfiguration()
        configuration.idleSeconds = 1
        try await withExplorer(configuration) { client in
            let started = ContinuousClock.now
            let closed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for partial in [
                    "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n",  // headers never finished
                    "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{",  // a body shorter than it says
                ] {
                    group.addTask {
                        let socket = try await AsyncSocket.connected(
                            to: try sockaddr_in.inet(ip4: "127.0.0.1", port: client.port), timeout: 120)
                        try await socket.write(Data(partial.utf8))
                        do {
                            _ = try await socket.read(atMost: 100)
                            return false
                        } catch {
                            return true  // the server closed it
                        }
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(60))
                    return false
                }
                var closed = 0
                for try await outcome in group {
                    if !outcome { break }
                    closed += 1
                    if closed == 2 { break }
                }
                group.cancelAll()
                return closed
            }
            #expect(closed == 2)
            // Bounded, not instant: the other suites may keep the cores busy meanwhile.
            #expect(started.duration(to: .now) < .seconds(30))
            try await client.execute(uri: "/api/limits", method: .GET) { #expect($0.status == .ok) }
        }
    }

    @Test("a refused request's unread body is never read as a second request (no smuggling)")
    func smuggling() async throws {
        var configuration = testConfiguration()
        configuration.idleSeconds = 1
        try await withExplorer(configuration) { client in
            // A body above FlyingFox's 2 MiB replay size, starting with a request of its own.
            let inner = Data("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
            let body = inner + Data(repeating: UInt8(ascii: "x"), count: 3 << 20)
            let head =
                "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Origin: http://evil.example\r\nContent-Length: \(body.count)\r\n\r\n"
            let bytes = try await client.exchange(Data(head.utf8) + body)  // ends after the idle time
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.components(separatedBy: "HTTP/1.1 ").count - 1 == 1, "\(text.prefix(400))")
            #expect(text.hasPrefix("HTTP/1.1 403"))
        }
    }

    @Test("a request whose daily tables would be huge is refused before it runs")
    func costly() async throws {
        // 512 groups × 7,305 days: a reply of hundreds of megabytes before this limit.
        let groups = (0..<512).map { "    - {id: g\($0), share: 0.001953125}" }.joined(separator: "\n")
        let edits = "population:\n  size: 1000\n  groups:\n\(groups)\nrun:\n  days: 7305\n"
        try await withExplorer { client in
            try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders,
                body: try runBody(scenario: "reference-bench", edits: edits)
            ) { response in
                #expect(response.status == .unprocessableContent, "\(text(response))")
                #expect(text(response).contains("limit is 2000000"))
            }
        }
    }

    @Test("links and files that are not scenarios are never served or quoted")
    func strayFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "explorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "root:x:0:0:root:/root:/bin/bash\n"
        let secretFile = folder.appendingPathComponent("secret.txt")
        try Data(secret.utf8).write(to: secretFile)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked.yaml").path, withDestinationPath: secretFile.path)
        try Data(secret.utf8).write(to: folder.appendingPathComponent("stray.yaml"))
        var configuration = testConfiguration()
        configuration.scenarioFolder = folder.path
        try await withExplorer(configuration) { client in
            try await client.execute(uri: "/api/scenarios/linked", method: .GET) { response in
                #expect(response.status == .notFound)
                #expect(!text(response).contains("root:"))
            }
            try await client.execute(uri: "/api/scenarios/stray", method: .GET) { response in
                #expect(response.status == .unprocessableContent)
                #expect(!text(response).contains("root:"))
            }
            try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders,
                body: try runBody(scenario: "stray", edits: small)
            ) { response in
                #expect(!text(response).contains("root:"), "\(text(response))")
            }
        }
    }
}
