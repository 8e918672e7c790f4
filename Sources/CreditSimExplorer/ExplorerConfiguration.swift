internal import CreditSim

/// What `creditsim serve` binds to, where it finds scenarios, and the limits it enforces.
public struct ExplorerConfiguration: Sendable {
    /// Address to bind; `127.0.0.1` unless the user asks otherwise.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The folder of scenario files offered in the page (its `*.yaml` files, not subfolders); by
    /// default the shipped scenarios.
    public var scenarioFolder = ShippedData.scenarioFolder ?? "scenarios"
    /// The folder of the documentation the page links to (its `*.md` files).
    public var docsFolder = ShippedData.root.map { "\($0)/docs" } ?? "docs"
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
    /// Host names, besides the loopback names and `host`, that requests may be addressed to
    /// (`serve --allow-host`).
    public var allowedHosts: [String] = []
    /// Seconds a connection may wait for the client (to send, or to read) before it is closed.
    public var idleSeconds = 15.0
    /// The most cells (days × groups × grade and opted-out states) a run's daily tables may have;
    /// bounds the size of a reply.
    public var maximumDailyCells = 2_000_000
    /// Threads each run uses.
    public var threadsPerRun = 1

    public init() {}
}
