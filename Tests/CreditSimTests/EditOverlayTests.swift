import CreditSim
import Foundation
import Testing

@Suite("Edit overlays and standalone YAML")
struct EditOverlayTests {
    static let scenarios = repositoryScenarios.map(\.lastPathComponent)

    @Test("a scenario written back as standalone YAML decodes to the same scenario", arguments: scenarios)
    func roundTrip(file: String) throws {
        let path = repositoryScenariosFolder.appendingPathComponent(file).path
        let original = try ScenarioLoader.load(path: path)
        let edited = try ScenarioLoader.load(edits: "", name: "edits.yaml", basePath: path)
        #expect(!edited.standalone.contains("extends"))
        let reread = try ScenarioLoader.load(text: edited.standalone, name: "standalone.yaml")
        #expect(try encodeJSON(reread.scenario) == encodeJSON(original.scenario))
    }

    @Test("edits merge like an overlay file next to the base")
    func editsMatchOverlayFile() throws {
        let base = repositoryScenariosFolder.appendingPathComponent("rongcheng-2016.yaml").path
        let edits =
            "population:\n  size: 1234\nscheme:\n  rulebooks:\n    - id: v2016\n      rules:\n        - {behaviour: rc-p01, remove: true}\n        - {behaviour: rc-b01, points: -80, detection: 0.5}\n"
        let edited = try ScenarioLoader.load(edits: edits, name: "edits.yaml", basePath: base)
        let viaFile = try ScenarioLoader.load(
            text: edited.overlay, name: "overlay.yaml", directory: repositoryScenariosFolder.path)
        #expect(try encodeJSON(viaFile.scenario) == encodeJSON(edited.loaded.scenario))
        let rules = edited.loaded.scenario.scheme.rulebooks[0].rules
        #expect(!rules.contains { $0.behaviour == "rc-p01" })
        let b01 = try #require(rules.first { $0.behaviour == "rc-b01" })
        #expect(b01.points == -80 && b01.detection == 0.5)
        #expect(edited.loaded.scenario.population.size == 1234)
    }

    @Test("null in an overlay removes the base's value")
    func nullRemoves() throws {
        let base = repositoryScenariosFolder.appendingPathComponent("rongcheng-2021.yaml").path
        let consent = try ScenarioLoader.load(path: base).scenario.enrolment
        #expect(consent.mode == .consent && !consent.consent.isEmpty)
        let edited = try ScenarioLoader.load(
            edits: "enrolment:\n  mode: mandatory\n  from: null\n  consent: ~\n  leave: null\n",
            name: "edits.yaml",
            basePath: base)
        let enrolment = edited.loaded.scenario.enrolment
        #expect(enrolment.mode == .mandatory && enrolment.from == nil && enrolment.consent.isEmpty)
        #expect(enrolment.leave.isEmpty)
    }

    @Test("edits may not name other files")
    func noExtends() {
        let base = repositoryScenariosFolder.appendingPathComponent("reference-bench.yaml").path
        #expect {
            try ScenarioLoader.load(edits: "extends: /etc/passwd\n", name: "edits.yaml", basePath: base)
        } throws: { error in
            (error as? ScenarioError)?.description.contains(
                "edits.yaml:1:10: error: edits may not name another file") == true
        }
    }
}

let repositoryScenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

/// The shipped scenario files.
let repositoryScenarios =
    ((try? FileManager.default.contentsOfDirectory(
        at: repositoryScenariosFolder, includingPropertiesForKeys: nil))
    ?? []).filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
