internal import CreditSim

/// What `creditsim serve` binds to, where it finds scenarios, and the limits it enforces.
public struct ExplorerConfiguration: Sendable {
    /// Address to bind; `127.0.0.1` unless the user asks otherwise.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The folder of scenario files offered in the page (its `*.yaml` files, not subfolders); by
    /// default the shipped scenarios.
    public var scenarioFolder = ShippedData.scenarioFolder ?? "scenarios"
    /// The folder of guidance profiles offered for comparison.
    public var guidanceFolder = ShippedData.guidanceFolder ?? "scenarios/guidance"
    /// The largest population a page may ask for: a whole Rongcheng (590,000 natural persons).
    public var maximumPopulation = 600_000
    /// The population the page starts with when the file's is larger.
    public var defaultPopulation = 100_000
    /// The longest run a page may ask for, in days (20 years).
    public var maximumDays = 7_305
    /// The largest request body, in bytes.
    public var maximumBodyBytes = 256 << 10
    /// Runs simulated at once; further runs wait in a queue.
    public var concurrentRuns = 2
    /// Runs allowed to wait for a free slot before the server answers 503.
    public var queuedRuns = 32
    /// Threads each run uses.
    public var threadsPerRun = 1

    public init() {}
}
