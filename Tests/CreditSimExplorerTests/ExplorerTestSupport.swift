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
struct TestClient: Sendable {
    let port: UInt16

    func execute<T>(
        uri: String, method: HTTPMethod, headers: HTTPHeaders = [:], body: Data = Data(),
        _ check: (TestResponse) async throws -> T
    ) async throws -> T {
        var headers = headers
        headers[.host] = headers[.host] ?? "127.0.0.1:\(port)"
        headers[.contentLength] = "\(body.count)"
        let request = HTTPRequest(
            method: method, version: .http11, path: uri, query: [], headers: headers,
            body: HTTPBodySequence(data: body))
        var client = HTTPClient()
        let response = try await client.sendHTTPRequest(
            request, to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        return try await check(
            TestResponse(
                status: response.statusCode, headers: response.headers, body: try await response.bodyData))
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
func runBody(scenario: String = "rongcheng-2016", edits: String, guidance: String? = nil) throws -> Data {
    var object: [String: Any] = ["scenario": scenario, "edits": edits, "session": "tests"]
    if let guidance { object["guidance"] = guidance }
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
