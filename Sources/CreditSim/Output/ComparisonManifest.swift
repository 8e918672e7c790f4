public import Foundation

/// `manifest.json` of a comparison folder: every input file's hash, the seeds, timings.
public struct ComparisonManifest: Sendable, Encodable {
    public let tool = "creditsim"
    public let version = CreditSimVersion.current
    public let command: [String]
    public let scenarios: [String]
    public let inputs: [ScenarioLoader.Input]
    public let replicates: Int
    public let seeds: [UInt64]
    public let population: Int
    public let startedAt: String
    public let simulateSeconds: Double
    public let peakMemoryBytes: Int
    public let files: [String: String]
    public let resolvedScenarios: [Scenario]

    public init(
        command: [String], scenarios: [Scenario], labels: [String], inputs: [ScenarioLoader.Input],
        comparison: Comparison, startedAt: Date, files: [(name: String, data: Data)]
    ) {
        self.command = command
        self.scenarios = labels
        self.inputs = inputs
        replicates = comparison.seeds.count
        seeds = comparison.seeds
        population = scenarios.first?.population.size ?? 0
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        simulateSeconds = comparison.simulationSeconds
        peakMemoryBytes = ProcessMemory.peakResidentBytes
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.name, ScenarioLoader.sha256($0.data)) })
        resolvedScenarios = scenarios
    }
}
