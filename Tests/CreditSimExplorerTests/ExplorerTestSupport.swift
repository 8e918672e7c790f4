import CreditSimExplorer
import FlyingFox
import FlyingSocks
import Foundation

/// The repository's `scenarios` folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func testConfiguration() -> ExplorerConfiguration {
    var configuration = ExplorerConfiguration()
    configuration.scenarioFolder = repositoryRoot.appendingPathComponent("scenarios").path
    configuration.guidanceFolder = repositoryRoot.appendingPathComponent("scenarios/guidance").path
    configuration.concurrentRuns = 2
    configuration.port = 0  // the system chooses a free port
    return configuration
}

/// A response as a test reads it: its status, headers and whole body.
struct TestResponse: Sendable {
    let status: HTTPStatusCode
    let headers: HTTPHeaders
    let body: Data
}

/// Sends requests to an explorer listening on a loopback port.
///
/// One connection per request (`Connection: close`), read to its end. Written here rather than
/// with FlyingFox's `HTTPClient`, whose 5 s connect timeout fails when the test run's other
/// suites keep every core busy.
struct TestClient: Sendable {
    let port: UInt16

    func execute<T>(
        uri: String, method: HTTPMethod, headers: HTTPHeaders = [:], body: Data = Data(),
        _ check: (TestResponse) async throws -> T
    ) async throws -> T {
        var headers = headers
        headers[.host] = headers[.host] ?? "127.0.0.1:\(port)"
        headers[.contentLength] = "\(body.count)"
        headers[.connection] = "close"
        var head = "\(method.rawValue) \(uri) HTTP/1.1\r\n"
        for (name, value) in headers { head += "\(name.rawValue): \(value)\r\n" }
        return try await check(try Self.parse(try await exchange(Data((head + "\r\n").utf8) + body)))
    }

    /// Sends `bytes` on a new connection and returns everything the server sends until it closes
    /// the connection (after `Connection: close`, or after its idle time).
    func exchange(_ bytes: Data) async throws -> [UInt8] {
        let socket = try await AsyncSocket.connected(
            to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 120)
        defer { try? socket.close() }
        try await socket.write(bytes)
        var received: [UInt8] = []
        while true {
            do {
                let chunk = try await socket.read(atMost: 1 << 16)
                if chunk.isEmpty { break }
                received += chunk
            } catch {
                break  // the server closed the connection
            }
        }
        return received
    }

    /// The status line, headers and body of a whole HTTP/1.1 response.
    static func parse(_ bytes: [UInt8]) throws -> TestResponse {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator })
        else {
            throw URLError(.badServerResponse)
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard status.count >= 2, let code = Int(status[1]) else { throw URLError(.badServerResponse) }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[HTTPHeader(String(line[..<colon]))] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return TestResponse(
            status: HTTPStatusCode(code, phrase: status.count > 2 ? status[2] : ""), headers: headers,
            body: Data(bytes[(end + 4)...]))
    }
}

/// Runs `test` against an explorer served on a free loopback port, stopped afterwards.
func withExplorer(
    _ configuration: ExplorerConfiguration = testConfiguration(),
    _ test: @escaping @Sendable (TestClient) async throws -> Void
) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let server = Task { try await Explorer.serve(configuration) { continuation.yield($0) } }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    try await test(TestClient(port: UInt16(port)))
}

/// A JSON request body for `/api/run`.
func runBody(
    scenario: String = "rongcheng-2016", edits: String, guidance: String? = nil, baseline: String? = nil
) throws -> Data {
    var object: [String: Any] = ["scenario": scenario, "edits": edits, "session": "tests"]
    if let guidance { object["guidance"] = guidance }
    if let baseline { object["baseline"] = baseline }
    return try JSONSerialization.data(withJSONObject: object)
}

func json(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
}

func text(_ response: TestResponse) -> String { String(decoding: response.body, as: UTF8.self) }

let jsonHeaders: HTTPHeaders = [.contentType: "application/json"]

extension HTTPStatusCode {
    /// 413 as the explorer names it (RFC 9110).
    static let contentTooLarge = HTTPStatusCode(413, phrase: "Content Too Large")
}

/// Small runs keep the debug-build tests fast.
let small = "population:\n  size: 3000\n"
