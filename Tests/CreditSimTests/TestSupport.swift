import CreditSim
import Foundation
import Testing

/// The folder of committed test fixtures.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Compares `data` with the committed golden file at `url`.
///
/// With `CREDITSIM_RECORD=1` the file is written instead — and the test fails, so that a recording
/// run never passes as a check: rerun without the switch to confirm.
func expectGolden(
    _ data: Data, at url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    if ProcessInfo.processInfo.environment["CREDITSIM_RECORD"] == "1" {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        Issue.record(
            "re-recorded \(url.lastPathComponent); rerun without CREDITSIM_RECORD to check it",
            sourceLocation: sourceLocation)
        return
    }
    let expected = try Data(contentsOf: url)
    #expect(
        data == expected,
        "\(url.lastPathComponent) differs from the golden copy (CREDITSIM_RECORD=1 re-records)",
        sourceLocation: sourceLocation)
}

/// Loads a scenario from YAML text, failing the test with the diagnostics if it is invalid.
func scenario(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scenario {
    do {
        return try ScenarioLoader.load(text: yaml, name: "test.yaml").scenario
    } catch {
        Issue.record("invalid test scenario:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A small scenario with the given behaviours, rulebooks and extra sections (YAML fragments).
func miniScenario(
    size: Int = 1000, days: Int = 10, seed: Int = 1, propensity: String = "{distribution: constant}",
    behaviours: String, rulebooks: String, extra: String = ""
) -> String {
    """
    schema: 1
    meta: {name: test}
    run: {start: 2020-01-01, days: \(days), seed: \(seed)}
    population:
      size: \(size)
      propensity: \(propensity)
    behaviours:
    \(behaviours)
    scheme:
      base: 1000
      rulebooks:
    \(rulebooks)
    \(extra)
    """
}

/// Poisson probabilities P(K = k) for k in 0...kMax, by recurrence (independent of GSL).
func poissonPMF(mean: Double, upTo kMax: Int) -> [Double] {
    var p = [exp(-mean)]
    for k in stride(from: 1, through: kMax, by: 1) { p.append(p[k - 1] * mean / Double(k)) }
    return p
}
