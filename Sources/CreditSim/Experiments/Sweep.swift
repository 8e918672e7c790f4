internal import Dispatch
internal import Foundation
internal import Synchronization

/// Runs a plan's design points × replicates, resumably.
///
/// Each finished run is committed atomically as its own file (`runs/NNNNNNNN.csv`), a rerun skips
/// finished runs, and the tidy table is assembled from those files in run order — byte-identical
/// however often the sweep was stopped, whatever the thread count. Memory: one simulation per
/// worker plus the design's points; the table is streamed, never held.
public enum Sweep {
    /// One run of a plan.
    public struct RunRef: Sendable {
        public let index: Int
        public let point: Int
        public let replicate: Int
    }

    /// A slice `index` of `count` (1-based): runs whose index is `index − 1` modulo `count`.
    public struct Shard: Sendable, Equatable, CustomStringConvertible {
        public let index: Int
        public let count: Int
        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }
        public var description: String { "\(index)/\(count)" }
        /// The shard's folder name, zero-padded so folders sort in order.
        public var folderName: String {
            let width = String(count).count
            func pad(_ n: Int) -> String {
                String(repeating: "0", count: width - String(n).count) + String(n)
            }
            return "shard-\(pad(index))-of-\(pad(count))"
        }
        func contains(_ run: Int) -> Bool { run % count == index - 1 }
    }

    public struct Options: Sendable {
        public var threads: Int
        public var shard: Shard?
        /// Stop after this many new runs (a time-boxed job; rerun to continue).
        public var maximumNewRuns: Int?
        /// Called after each committed run with (finished, total) of this shard; from any thread.
        public var progress: (@Sendable (Int, Int) -> Void)?
        public var command: [String]
        /// The machine's free disk, for the check before the first run (tests pass fixed figures).
        public var host: RunPlan.Host = .current

        public init(
            threads: Int? = nil, shard: Shard? = nil, maximumNewRuns: Int? = nil, command: [String] = []
        ) {
            self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
            self.shard = shard
            self.maximumNewRuns = maximumNewRuns
            self.command = command
        }
    }

    /// What a sweep invocation did.
    public struct Outcome: Sendable {
        public let folder: String
        public let total: Int
        public let skipped: Int
        public let ran: Int
        /// Whether every run of the shard (or plan) is done and the tables are written.
        public let complete: Bool
        public let seconds: Double
    }

    /// Every run of the plan, in order: point-major, replicate-minor.
    public static func runs(_ loaded: PlanLoader.Loaded, points: Int) -> [RunRef] {
        let r = loaded.plan.replicates
        return (0..<(points * r)).map { RunRef(index: $0, point: $0 / r, replicate: $0 % r) }
    }

    /// The folder a sweep writes: `root`, or `root/shard-K-of-N` for a shard.
    public static func folder(root: String, shard: Shard?) -> String {
        shard.map { (root as NSString).appendingPathComponent($0.folderName) } ?? root
    }

    /// Runs (or resumes) the plan, or one shard of it, into `root`.
    /// - Throws: `SweepError` when the folder holds another plan, a run's scenario is invalid, or
    ///   files cannot be written. Finished runs stay committed.
    public static func execute(_ loaded: PlanLoader.Loaded, root: String, options: Options) throws(SweepError)
        -> Outcome
    {
        let started = ContinuousClock.now
        let folder = folder(root: root, shard: options.shard)
        let unit = loaded.unitPoints()
        let values = unit.map { loaded.values(at: $0) }
        let mine = runs(loaded, points: unit.count).filter { options.shard?.contains($0.index) ?? true }
        let state = try SweepFolder.open(folder, loaded: loaded, shard: options.shard, total: mine.count)
        if state.isComplete {
            return Outcome(
                folder: folder, total: mine.count, skipped: mine.count, ran: 0, complete: true, seconds: 0)
        }
        let done = try state.finishedRuns()
        let pending = mine.filter { !done.contains($0.index) }
        let todo = options.maximumNewRuns.map { Array(pending.prefix($0)) } ?? pending
        try checkDisk(for: pending.count, loaded: loaded, values: values, folder: folder, host: options.host)
        try perform(todo, loaded: loaded, values: values, state: state, options: options) { finished in
            options.progress?(done.count + finished, mine.count)
        }
        let complete = try state.finishedRuns().count == mine.count
        let seconds = (ContinuousClock.now - started).seconds
        if complete {
            try state.removeUnfinishedTables()
            try SweepTable.assemble(
                loaded, runs: mine, values: values, from: { state.runFile($0) }, into: folder,
                manifest: SweepManifest(
                    loaded: loaded, shard: options.shard, runs: mine.count, ranNow: todo.count,
                    seconds: seconds, command: options.command))
        }
        return Outcome(
            folder: folder, total: mine.count, skipped: done.count, ran: todo.count, complete: complete,
            seconds: seconds)
    }

    /// Refuses a sweep whose remaining files would not fit the free disk (with `RunPlan`'s headroom).
    ///
    /// Each run adds one row per metric three times over: its own file, `results.csv` and
    /// `results.sqlite` (counted at 1.5 times the text).
    private static func checkDisk(
        for runs: Int, loaded: PlanLoader.Loaded, values: [[String]], folder: String, host: RunPlan.Host
    ) throws(SweepError) {
        guard runs > 0, let first = values.first,
            let scenario = try? loaded.scenario(at: first, replicate: 0),
            let free = host.freeDiskBytes(folder)
        else { return }
        let names = loaded.metricNames(scenario)
        let rows =
            loaded.plan.metrics.isEmpty
            ? names.count : names.filter { loaded.plan.metrics.contains($0) }.count
        let rowBytes = 48 + first.reduce(0) { $0 + $1.utf8.count + 1 } + (names.map(\.utf8.count).max() ?? 0)
        let needed = runs * max(1, rows) * rowBytes * 7 / 2 + (1 << 20)
        if Double(needed) > RunPlan.headroom * Double(free) {
            throw .diskFull(folder: folder, needed: needed, free: free)
        }
    }

    /// Runs and commits `todo` on `options.threads` threads; `progress` gets the number committed so far.
    ///
    /// Small populations run several runs at once, one thread each; large ones (at least two blocks
    /// per thread) one at a time on every thread. The first failure stops the workers.
    private static func perform(
        _ todo: [RunRef], loaded: PlanLoader.Loaded, values: [[String]], state: SweepFolder, options: Options,
        progress: @Sendable (Int) -> Void
    ) throws(SweepError) {
        guard let first = todo.first else { return }
        let population: Int
        do {
            population = try loaded.scenario(at: values[first.point], replicate: 0).population.size
        } catch {
            throw .invalidScenario(run: first.index, point: first.point, error)
        }
        let blocks = (population + Simulation.blockSize - 1) / Simulation.blockSize
        let parallelRuns = blocks >= 2 * options.threads ? 1 : min(options.threads, todo.count)
        let threadsPerRun = parallelRuns == 1 ? options.threads : 1
        let next = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let failure = Mutex<SweepError?>(nil)
        DispatchQueue.concurrentPerform(iterations: parallelRuns) { _ in
            while failure.withLock({ $0 == nil }) {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < todo.count else { return }
                let run = todo[k]
                do throws(SweepError) {
                    try commit(
                        run, loaded: loaded, values: values[run.point], state: state, threads: threadsPerRun)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
                progress(finished.add(1, ordering: .relaxed).newValue)
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Simulates one run and commits its rows atomically.
    private static func commit(
        _ run: RunRef, loaded: PlanLoader.Loaded, values: [String], state: SweepFolder, threads: Int
    ) throws(SweepError) {
        let scenario: Scenario
        do {
            scenario = try loaded.scenario(at: values, replicate: run.replicate)
        } catch {
            throw .invalidScenario(run: run.index, point: run.point, error)
        }
        let result: RunResult
        do {
            result = try Simulation.run(scenario, options: .init(threads: threads))
        } catch {
            throw .simulation(run: run.index, error)
        }
        let metrics = SweepMetrics.extract(result, dates: loaded.plan.dates)
        let rows = SweepTable.rows(
            run, seed: scenario.run.seed, values: values, metrics: metrics, keep: loaded.plan.metrics)
        try state.commit(run: run.index, rows: rows)
    }
}
