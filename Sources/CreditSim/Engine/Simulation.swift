internal import Dispatch
internal import Foundation
public import GSL
internal import Synchronization

/// Runs a scenario: residents in fixed blocks, blocks shared out to worker threads, per-worker
/// totals merged at the end.
public enum Simulation {
    /// Residents per block: the unit of work handed to a thread and of progress reports.
    public static let blockSize = 4096
    /// How many of the residents with the largest drops get their trajectory recorded.
    public static let tracedDrops = 3

    /// How a run is carried out (none of this changes its results).
    public struct Options: Sendable {
        public var threads: Int
        /// Called after each finished block with the fraction done; from any thread.
        public var progress: (@Sendable (Double) -> Void)?
        /// Checked between blocks; a run that sees `true` stops and throws `Cancelled`.
        public var isCancelled: (@Sendable () -> Bool)?

        /// - Parameters:
        ///   - threads: Worker threads; `nil` uses every core.
        ///   - progress: Called after each finished block with the fraction done; from any thread.
        ///   - isCancelled: Checked between blocks; a run that sees `true` stops and throws `Cancelled`.
        public init(
            threads: Int? = nil, progress: (@Sendable (Double) -> Void)? = nil,
            isCancelled: (@Sendable () -> Bool)? = nil
        ) {
            self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
            self.progress = progress
            self.isCancelled = isCancelled
        }
    }

    /// Why a run did not finish.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// `Options.isCancelled` said so before the run finished.
        case cancelled
        /// GSL refused the scenario's numbers (for example the population's group weights).
        case numerics(GSLError)

        public var description: String {
            switch self {
            case .cancelled: "the run was cancelled"
            case .numerics(let error): "the run's random numbers could not be set up: \(error)"
            }
        }
    }

    /// Simulates `scenario` and returns its aggregated results.
    /// - Complexity: O(N · (B + E)) time for N residents, B behaviours and E events per resident;
    ///   memory O(T · S · G · threads) for T days, S states and G groups, independent of N.
    public static func run(_ scenario: Scenario, options: Options = Options()) throws(Failure) -> RunResult {
        let started = ContinuousClock.now
        let model = CompiledModel(scenario)
        let blocks = (model.population + blockSize - 1) / blockSize
        let workers = min(options.threads, blocks)
        let nextBlock = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let cancelled = Atomic<Bool>(false)
        let failure = Mutex<GSLError?>(nil)
        let results = Mutex<[Accumulator?]>(Array(repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let simulator: ResidentSimulator
            do throws(GSLError) {
                simulator = try ResidentSimulator(model: model)
            } catch {
                failure.withLock { $0 = error }
                return
            }
            let acc = Accumulator(model)
            while true {
                let block = nextBlock.add(1, ordering: .relaxed).oldValue
                if block >= blocks { break }
                if options.isCancelled?() == true {
                    cancelled.store(true, ordering: .relaxed)
                    break
                }
                let end = min(model.population, (block + 1) * blockSize)
                for resident in block * blockSize..<end {
                    simulator.simulate(resident: resident, into: acc)
                }
                let done = finished.add(1, ordering: .relaxed).newValue
                options.progress?(Double(done) / Double(blocks))
            }
            results.withLock { $0[worker] = acc }
        }
        if let error = failure.withLock({ $0 }) { throw .numerics(error) }
        if cancelled.load(ordering: .relaxed) { throw .cancelled }
        let total = Accumulator(model)
        for acc in results.withLock({ $0 }) {
            guard let acc else {
                preconditionFailure("every worker that did not fail stored its accumulator (invariant)")
            }
            total.merge(acc)
        }
        total.foldDense()
        // The residents with the largest drops are simulated again, alone, to record their
        // trajectories: their streams depend on nothing else, so the replay is exact.
        let sampled = Set(total.trajectories.map(\.resident))
        let replay: ResidentSimulator
        do {
            replay = try ResidentSimulator(model: model)
        } catch {
            throw .numerics(error)
        }
        for drop in total.topDrops.drops.prefix(Simulation.tracedDrops) where !sampled.contains(drop.resident)
        {
            let scratch = Accumulator(model)
            replay.simulate(resident: drop.resident, into: scratch, trace: true)
            total.trajectories += scratch.trajectories
        }
        return RunResult(
            model: model, totals: total, simulationSeconds: started.duration(to: .now).seconds,
            threads: workers)
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
