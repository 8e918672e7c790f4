import ArgumentParser
import CreditSim
import Foundation

/// The options every simulating command shares (`run`, `compare`).
struct RunOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "The seed (replicates of `compare` use seed, seed+1, …). Default: the scenario's.")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Population size for every scenario. Default: the scenario's.")
    var population: Int?

    @Option(
        parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The result folder to create (must not exist). Default: a new folder under results/.")
    var out: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard (1...1024).contains(threads) else {
            throw ValidationError("--threads \(threads) is out of range: it must be in [1, 1024]")
        }
        if let population, !(1...Scenario.maximumPopulation).contains(population) {
            throw ValidationError(
                "--population \(population) is out of range: it must be in [1, \(Scenario.maximumPopulation)]"
            )
        }
    }
}
