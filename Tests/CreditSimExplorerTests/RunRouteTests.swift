import CreditSim
import FlyingFox
import Foundation
import Testing

@Suite("Explorer runs")
struct RunRouteTests {
    /// The online-speech penalty raised from −50 to −400.
    static let harsher =
        small
        + "scheme:\n  rulebooks:\n    - id: v2016\n      rules:\n        - {behaviour: rc-b01, points: -400}\n"

    func keyNumber(_ body: [String: Any], _ id: String) -> Double? {
        (body["key_numbers"] as? [[String: Any]])?.first { $0["id"] as? String == id }?["value"] as? Double
    }

    @Test("a harsher online-speech penalty lowers the mean score (same seed, same residents)")
    func edit() async throws {
        try await withExplorer { client in
            let base = try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders, body: runBody(edits: small)
            ) { json($0) }
            let edited = try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders, body: runBody(edits: Self.harsher)
            ) { response in
                #expect(response.status == .ok)
                return json(response)
            }
            let before = try #require(keyNumber(base, "mean-score"))
            let after = try #require(keyNumber(edited, "mean-score"))
            #expect(after < before)
            #expect((edited["report"] as? String)?.contains("<svg") == true)
            #expect((edited["files"] as? [String: String])?["daily.csv"]?.hasPrefix("day,date,") == true)
            #expect((edited["overlay"] as? String)?.hasPrefix("extends: rongcheng-2016.yaml\n") == true)

            // The standalone YAML runs with the CLI's loader to the same numbers.
            let standalone = try #require(edited["standalone"] as? String)
            let loaded = try ScenarioLoader.load(text: standalone, name: "edited.yaml")
            #expect(!standalone.contains("extends"))
            let result = try Simulation.run(loaded.scenario, options: .init(threads: 1))
            #expect(RunSummary(result).finalScores?.mean == after)
        }
    }

    @Test("with the unedited overlay, the reply carries its key numbers and the charts draw it dashed behind")
    func baseline() async throws {
        try await withExplorer { client in
            let unedited = try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders, body: runBody(edits: small)
            ) { json($0) }
            let edited = try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders,
                body: runBody(edits: Self.harsher, baseline: small)
            ) { response in
                #expect(response.status == .ok, "\(text(response))")
                return json(response)
            }
            let baseline = try #require(edited["baseline"] as? [String: Any])
            #expect(keyNumber(baseline, "mean-score") == keyNumber(unedited, "mean-score"))
            #expect(try #require(keyNumber(edited, "mean-score")) < keyNumber(baseline, "mean-score") ?? 0)
            let report = try #require(edited["report"] as? String)
            #expect(report.contains("class=\"ghost\""))
            #expect(report.contains("unedited scheme"))
            #expect((unedited["report"] as? String)?.contains("class=\"ghost\"") == false)
        }
    }

    @Test("compare with central guidance adds the compliant variant and the audit")
    func compliant() async throws {
        try await withExplorer { client in
            try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders,
                body: runBody(edits: small, guidance: "central-2020")
            ) { response in
                #expect(response.status == .ok)
                let compliant = try #require(json(response)["compliant"] as? [String: Any])
                #expect(compliant["guidance"] as? String == "central-2020")
                let changes = try #require(compliant["changes"] as? [[String: Any]])
                #expect(changes.contains { $0["subject"] as? String == "v2016/rc-b01" })
                #expect((compliant["report"] as? String)?.contains("<svg") == true)
                let penalised = try #require(keyNumber(json(response), "penalised-not-unlawful"))
                let compliantPenalised = try #require(keyNumber(compliant, "penalised-not-unlawful"))
                #expect(compliantPenalised < penalised)
            }
        }
    }

    @Test("the edited scenario downloads as YAML")
    func download() async throws {
        try await withExplorer { client in
            try await client.execute(
                uri: "/api/scenario.yaml", method: .POST, headers: jsonHeaders,
                body: runBody(edits: small + "responses:\n  deterrence: 0.5\n")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("rongcheng-2016-edited.yaml") == true)
                let loaded = try ScenarioLoader.load(text: text(response), name: "download.yaml")
                #expect(loaded.scenario.responses.deterrence == 0.5)
                #expect(loaded.scenario.population.size == 3000)
            }
        }
    }

    @Test("switching a consent scheme to mandatory removes its consent settings")
    func mandatory() async throws {
        try await withExplorer { client in
            let edits =
                small + "enrolment:\n  mode: mandatory\n  from: null\n  leave: null\n  consent: null\n"
            try await client.execute(
                uri: "/api/run", method: .POST, headers: jsonHeaders,
                body: runBody(scenario: "rongcheng-2021", edits: edits)
            ) { response in
                #expect(response.status == .ok, "\(text(response))")
                #expect(keyNumber(json(response), "share-opted_out") == 0)
            }
        }
    }
}
