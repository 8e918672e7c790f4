import CreditSim
import Foundation
import Testing

/// A fresh temporary folder, removed by the caller.
func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "creditsim-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Removes a temporary file or folder of a test.
func removeTemporary(_ url: URL) {
    // Best effort: a leftover in the temporary folder does not change any test's outcome.
    try? FileManager.default.removeItem(at: url)
}

/// The repository's `plans/` folder.
let repositoryPlansFolder = repositoryScenariosFolder.deletingLastPathComponent().appendingPathComponent(
    "plans")

/// Writes a plan on the reference-bench scenario (absolute path) into `folder` and returns its path.
func writePlan(_ folder: URL, name: String = "test-plan", body: String) throws -> String {
    let scenario = repositoryScenariosFolder.appendingPathComponent("reference-bench.yaml").path
    let text = """
        plan: 1
        name: \(name)
        scenario: \(scenario)
        \(body)
        """
    let path = folder.appendingPathComponent("\(name).yaml").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// A small plan: 2 × 2 grid, 2 replicates, 1,500 residents over 400 days.
let smallPlanBody = """
    population: 1500
    seed: 5
    replicates: 2
    parameters:
      - {name: speech_points, path: "scheme.rulebooks[v1].rules[r2].points", values: [-50, -10]}
      - {name: deterrence, path: "responses.deterrence", min: 0.5, max: 1}
    design: {kind: grid, levels: 2}
    metrics: [mean_score, share_D, ever_penalised_share]
    """

func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
