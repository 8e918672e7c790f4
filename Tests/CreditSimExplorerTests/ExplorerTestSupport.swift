import CreditSimExplorer
import Foundation
import Hummingbird
import HummingbirdTesting

/// The repository's `scenarios` folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func testConfiguration() -> ExplorerConfiguration {
    var configuration = ExplorerConfiguration()
    configuration.scenarioFolder = repositoryRoot.appendingPathComponent("scenarios").path
    configuration.guidanceFolder = repositoryRoot.appendingPathComponent("scenarios/guidance").path
    configuration.concurrentRuns = 2
    return configuration
}

/// Runs `test` against the explorer's router, without a network.
func withExplorer(
    _ configuration: ExplorerConfiguration = testConfiguration(),
    _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let app = Application(router: Explorer.router(configuration))
    try await app.test(.router) { client in try await test(client) }
}

/// A JSON request body for `/api/run`.
func runBody(scenario: String = "rongcheng-2016", edits: String, guidance: String? = nil) throws -> ByteBuffer
{
    var object: [String: Any] = ["scenario": scenario, "edits": edits, "session": "tests"]
    if let guidance { object["guidance"] = guidance }
    return ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
}

func json(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// Small runs keep the debug-build tests fast.
let small = "population:\n  size: 3000\n"
