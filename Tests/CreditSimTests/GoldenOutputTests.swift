import CreditSim
import Foundation
import Testing

/// The result files of `Fixtures/golden/tiny.yaml` must equal the committed ones byte for byte.
///
/// Re-record them (after a deliberate change of semantics or format) with
/// `CREDITSIM_RECORD=1 swift test --filter GoldenOutputTests`.
@Suite("golden outputs")
struct GoldenOutputTests {
    static let folder = fixtures.appendingPathComponent("golden/tiny")

    @Test("result files match the committed snapshot", arguments: RunOutput.dataFiles)
    func matches(file: String) throws {
        let loaded = try ScenarioLoader.load(path: fixtures.appendingPathComponent("golden/tiny.yaml").path)
        let result = try Simulation.run(loaded.scenario, options: .init(threads: 2))
        let data = try #require(try RunOutput.files(for: result).first { $0.name == file }?.data)
        try expectGolden(data, at: Self.folder.appendingPathComponent(file))
    }
}
