internal import Foundation

/// A pre-flight estimate of what a run needs — memory, disk and (after a short calibration run)
/// time — and whether it fits this machine.
///
/// Memory does not depend on the population: each worker keeps difference arrays of
/// days × states × groups, exposures of days × measures × groups and exact score counts; the
/// merged result holds the same once more, and the CSV tables are built in memory before they
/// are written. Disk is the size of those tables.
public struct RunPlan: Sendable, Encodable {
    public let residents: Int
    public let days: Int
    public let threads: Int
    /// Estimated peak memory in bytes.
    public let memoryBytes: Int
    /// Estimated size of the result folder in bytes.
    public let diskBytes: Int
    /// Memory available to the run (`MemAvailable` of /proc/meminfo), if known.
    public let availableMemoryBytes: Int?
    /// Free space where the results go, if known.
    public let freeDiskBytes: Int?
    /// Estimated simulation time, from a calibration run (nil until calibrated).
    public var seconds: Double?
    /// Residents simulated by the calibration run.
    public var calibrationResidents: Int?

    /// The share of available memory or free disk a run may take.
    public static let headroom = 0.8

    /// What the machine offers a run: memory available and free disk near a folder.
    ///
    /// `nil` means unknown. Tests pass fixed figures; runs use `current`.
    public struct Host: Sendable {
        public var availableMemoryBytes: @Sendable () -> Int?
        public var freeDiskBytes: @Sendable (_ near: String) -> Int?

        public init(
            availableMemoryBytes: @escaping @Sendable () -> Int?,
            freeDiskBytes: @escaping @Sendable (_ near: String) -> Int?
        ) {
            self.availableMemoryBytes = availableMemoryBytes
            self.freeDiskBytes = freeDiskBytes
        }

        /// This machine: `MemAvailable` of /proc/meminfo and the file system's free size.
        public static let current = Host(
            availableMemoryBytes: { RunPlan.availableMemory() }, freeDiskBytes: { RunPlan.freeDisk(near: $0) }
        )

        /// A machine with fixed figures.
        public static func fixed(memory: Int?, disk: Int?) -> Host {
            Host(availableMemoryBytes: { memory }, freeDiskBytes: { _ in disk })
        }
    }

    /// Why a run would not fit, with the numbers, in the library's words.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        /// Memory needed and available, when memory is short.
        public let memory: (needed: Int, available: Int)?
        /// Disk needed and free, when disk is short.
        public let disk: (needed: Int, free: Int)?

        public static func == (a: Refusal, b: Refusal) -> Bool {
            a.memory?.needed == b.memory?.needed && a.memory?.available == b.memory?.available
                && a.disk?.needed == b.disk?.needed && a.disk?.free == b.disk?.free
        }

        public var description: String {
            var reasons: [String] = []
            if let memory {
                reasons.append(
                    "it needs about \(formatBytes(memory.needed)) of memory and \(formatBytes(memory.available)) "
                        + "is available (days × states × groups × threads drive it)")
            }
            if let disk {
                reasons.append(
                    "its results take about \(formatBytes(disk.needed)) and \(formatBytes(disk.free)) of disk is free"
                )
            }
            return "the run would not fit this machine: " + reasons.joined(separator: "; ")
        }
    }

    /// Estimates `scenario` on `threads` workers, writing under `outputFolder`, on `host`.
    public init(_ scenario: Scenario, threads: Int, outputFolder: String, host: Host = .current) {
        let model = CompiledModel(scenario)
        let workers = max(
            1, min(threads, (model.population + Simulation.blockSize - 1) / Simulation.blockSize))
        let t = model.days
        let daily = model.groupCount * t * model.stateCount * 8
        let exposure = model.groupCount * model.measureCount * (t + 1) * 2 * 8
        // Score counts: one slot per integer score in the range reached, per snapshot and group;
        // a generous bound is 4,000 points either side of the base.
        let scores = model.snapshotDays.count * model.groupCount * 8_000 * 8
        let perWorker = daily + exposure + scores + model.rules.count * 4 * 8 + 64 * 1024
        let dailyRows = t * model.stateCount * (model.groupCount > 1 ? model.groupCount + 1 : 1)
        let exposureRows = t * model.measureCount * (model.groupCount > 1 ? model.groupCount + 1 : 1)
        let tables = dailyRows * 40 + exposureRows * 48 + 2 * 1024 * 1024
        residents = model.population
        days = t
        self.threads = workers
        memoryBytes = 40 * 1024 * 1024 + workers * perWorker + 2 * (daily + exposure) + 2 * tables
        diskBytes = tables
        availableMemoryBytes = host.availableMemoryBytes()
        freeDiskBytes = host.freeDiskBytes(outputFolder)
    }

    /// Why the run would not fit, or `nil` when it fits.
    public var refusal: Refusal? {
        var memory: (Int, Int)?
        var disk: (Int, Int)?
        if let available = availableMemoryBytes, Double(memoryBytes) > RunPlan.headroom * Double(available) {
            memory = (memoryBytes, available)
        }
        if let free = freeDiskBytes, Double(diskBytes) > RunPlan.headroom * Double(free) {
            disk = (diskBytes, free)
        }
        return memory == nil && disk == nil ? nil : Refusal(memory: memory, disk: disk)
    }

    /// Times a run of the first `sample` residents and scales it to the whole population.
    public mutating func calibrate(_ scenario: Scenario, sample: Int = 50_000) throws(Simulation.Failure) {
        var small = scenario
        let count = min(scenario.population.size, max(Simulation.blockSize, sample))
        small.population.size = count
        let result = try Simulation.run(small, options: .init(threads: 1))
        calibrationResidents = count
        seconds = result.simulationSeconds / Double(count) * Double(residents) / Double(threads)
    }

    static func availableMemory() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return digits.map { $0 * 1024 }
        }
        return nil
    }

    static func freeDisk(near folder: String) -> Int? {
        var path = (folder as NSString).standardizingPath
        while !FileManager.default.fileExists(atPath: path) && path != "/" && !path.isEmpty {
            path = FilePath.parent(of: path)
        }
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: path.isEmpty ? "." : path)
        return (attributes?[.systemFreeSize] as? NSNumber)?.intValue
    }
}

/// Bytes as MiB or GiB, for messages.
public func formatBytes(_ bytes: Int) -> String {
    bytes >= 1 << 30
        ? String(format: "%.1f GiB", Double(bytes) / Double(1 << 30))
        : String(format: "%.0f MiB", Double(bytes) / Double(1 << 20))
}
