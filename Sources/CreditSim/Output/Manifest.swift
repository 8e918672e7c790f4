public import Foundation

/// `manifest.json`: what produced a result folder and how long it took.
public struct Manifest: Sendable, Encodable {
    public let tool: String
    public let version: String
    public let command: [String]
    public let scenario: String
    public let inputs: [ScenarioLoader.Input]
    public let seed: UInt64
    public let generator: String
    public let population: Int
    public let threads: Int
    public let startedAt: String
    public let timings: Timings
    public let peakMemoryBytes: Int
    public let host: String
    /// SHA-256 of every other file in the folder.
    public let files: [String: String]
    /// The scenario after `extends` and defaults, exactly as simulated.
    public let resolvedScenario: Scenario

    public struct Timings: Sendable, Encodable {
        public let loadSeconds: Double
        public let simulateSeconds: Double
        public let writeSeconds: Double

        public init(loadSeconds: Double, simulateSeconds: Double, writeSeconds: Double) {
            self.loadSeconds = loadSeconds
            self.simulateSeconds = simulateSeconds
            self.writeSeconds = writeSeconds
        }
    }

    public init(
        command: [String], loaded: ScenarioLoader.Loaded, result: RunResult, startedAt: Date,
        timings: Timings, files: [(name: String, data: Data)]
    ) {
        tool = "creditsim"
        version = CreditSimVersion.current
        self.command = command
        scenario = loaded.scenario.meta.name
        inputs = loaded.inputs
        seed = loaded.scenario.run.seed
        generator = loaded.scenario.run.generator.name
        population = loaded.scenario.population.size
        threads = result.threads
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.timings = timings
        peakMemoryBytes = ProcessMemory.peakResidentBytes
        host = ProcessInfo.processInfo.hostName
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.name, ScenarioLoader.sha256($0.data)) })
        resolvedScenario = loaded.scenario
    }
}

/// The tool's version, recorded in every manifest.
public enum CreditSimVersion {
    public static let current = "0.3.0"
}

/// Peak resident memory of this process.
public enum ProcessMemory {
    /// `ru_maxrss` of `getrusage`, in bytes.
    public static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
