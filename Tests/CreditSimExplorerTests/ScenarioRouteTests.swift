import FlyingFox
import Foundation
import Testing

@Suite("Explorer scenario listing")
struct ScenarioRouteTests {
    @Test("lists the shipped scenarios and no guidance profile")
    func list() async throws {
        try await withExplorer { client in
            try await client.execute(uri: "/api/scenarios", method: .GET) { response in
                #expect(response.status == .ok)
                let entries =
                    try JSONSerialization.jsonObject(with: response.body)
                    as! [[String: Any]]
                let names = entries.compactMap { $0["name"] as? String }
                #expect(names.contains("rongcheng-2016"))
                #expect(names.contains("rongcheng-2021"))
                #expect(!names.contains("central-2020"))
            }
            try await client.execute(uri: "/api/guidance", method: .GET) { response in
                #expect(text(response).contains("\"central-2020\""))
            }
            try await client.execute(uri: "/api/limits", method: .GET) { response in
                #expect(json(response)["max_population"] as? Int == 600_000)
            }
        }
    }

    @Test("a scenario comes as its decoded model")
    func model() async throws {
        try await withExplorer { client in
            try await client.execute(uri: "/api/scenarios/rongcheng-2021", method: .GET) { response in
                #expect(response.status == .ok)
                let body = json(response)
                #expect((body["meta"] as? [String: Any])?["name"] as? String == "rongcheng-2021")
                let rulebooks = (body["scheme"] as? [String: Any])?["rulebooks"] as? [[String: Any]]
                #expect(rulebooks?.map { $0["id"] as? String } == ["v2016", "v2021"])
                #expect((body["enrolment"] as? [String: Any])?["mode"] as? String == "consent")
            }
        }
    }

    @Test("a scenario folder with a broken file still lists the others")
    func brokenFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("schema: 1\nmeta: [\n".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("scenarios/reference-bench.yaml"),
            to: folder.appendingPathComponent("reference-bench.yaml"))
        var configuration = testConfiguration()
        configuration.scenarioFolder = folder.path
        try await withExplorer(configuration) { client in
            try await client.execute(uri: "/api/scenarios", method: .GET) { response in
                #expect(text(response).contains("reference-bench"))
                #expect(!text(response).contains("broken"))
            }
            try await client.execute(uri: "/api/scenarios/broken", method: .GET) { response in
                #expect(response.status == .unprocessableContent)
                // Named, but not quoted: the file's lines never reach the page.
                #expect(text(response).contains("broken.yaml is invalid"))
                #expect((json(response)["diagnostics"] as? [String])?.isEmpty == true)
            }
        }
    }
}
