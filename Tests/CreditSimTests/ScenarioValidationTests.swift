import CreditSim
import Foundation
import Testing

/// Every file in `Fixtures/invalid` is refused with exactly the messages in its `.expected` twin.
///
/// Re-record the expected texts with `CREDITSIM_RECORD=1 swift test`.
@Suite("scenario validation")
struct ScenarioValidationTests {
    static let invalid = fixtures.appendingPathComponent("invalid")
    static let cases: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: invalid.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("_") }.sorted()

    @Test("there are malformed fixtures")
    func fixturesExist() { #expect(Self.cases.count >= 20) }

    @Test("malformed fixtures are rejected with located messages", arguments: cases)
    func rejects(file: String) throws {
        let path = "Fixtures/invalid/\(file)"
        // Loaded by absolute path and shown relative to the test folder (changing the working
        // directory would race with the other cases, which run in parallel).
        let folder = fixtures.deletingLastPathComponent().path + "/"
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: folder + path) }
        let text = (error?.description ?? "").replacingOccurrences(of: folder, with: "") + "\n"
        let expectedURL = Self.invalid.appendingPathComponent(
            file.replacingOccurrences(of: ".yaml", with: ".expected"))
        try expectGolden(Data(text.utf8), at: expectedURL)
        for line in text.split(separator: "\n") where !line.hasPrefix("    hint:") {
            #expect(line.hasPrefix(path + ":"), "not located: \(line)")
        }
    }

    @Test(
        "the shipped scenarios are valid",
        arguments: ["reference-bench", "rongcheng-2013", "rongcheng-2016", "rongcheng-2021"])
    func shipped(name: String) throws {
        let path = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scenarios/\(name).yaml").path
        let loaded = try ScenarioLoader.load(path: path)
        #expect(loaded.scenario.meta.name == name)
        #expect(loaded.inputs.allSatisfy { $0.sha256.count == 64 })
    }

    @Test("an overlay changes only what it names")
    func overlay() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "creditsim-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = miniScenario(
            size: 100, days: 30,
            behaviours: "  - {id: a, rate: 0.1, unlawful: \"no\"}\n  - {id: b, rate: 0.1, unlawful: \"yes\"}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: a, points: -5}, {behaviour: b, points: -7}]}"
        )
        try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        let variant = """
            extends: base.yaml
            meta: {name: variant}
            scheme:
              rulebooks:
                - id: v1
                  rules:
                    - {behaviour: a, remove: true}
                    - {behaviour: b, points: -9}
            """
        try variant.write(to: dir.appendingPathComponent("variant.yaml"), atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader.load(path: dir.appendingPathComponent("variant.yaml").path)
        let s = loaded.scenario
        #expect(s.meta.name == "variant")
        #expect(s.population.size == 100)
        #expect(s.scheme.rulebooks[0].rules.map(\.behaviour) == ["b"])
        #expect(s.scheme.rulebooks[0].rules[0].points == -9)
        #expect(loaded.inputs.count == 2)
    }
}
