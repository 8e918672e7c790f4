import ArgumentParser
import CreditSim
import Foundation

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Estimate the time, memory and disk a run needs, from a short calibration run.",
        discussion: """
            Memory and disk follow from the scenario (days, states, groups, measures, threads), not from \
            the population; time comes from simulating a sample of residents. `run` makes the same memory \
            and disk check before it starts and refuses a run that would not fit.
            """)

    @Argument(
        help: "The scenario file, or a shipped scenario's name (creditsim scenarios).",
        completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @OptionGroup var options: RunOptions

    @Option(parsing: .unconditional, help: "Residents simulated by the calibration run.")
    var sample: Int = 50_000

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func validate() throws {
        guard sample >= 1 else {
            throw ValidationError("--sample \(sample) is out of range: it must be at least 1")
        }
    }

    func run() throws {
        var loaded = try loadOrExit(scenario)
        if let population = options.population { loaded = loaded.overriding(population: population) }
        let s = loaded.scenario
        var plan = RunPlan(s, threads: options.threads, outputFolder: options.out ?? "results")
        // A run that would not fit is refused before the calibration, which needs the same memory.
        if let refusal = plan.refusal {
            printError("\(scenario): error: \(refusal) (use fewer --threads, or shorten the run)")
            throw ExitCode(1)
        }
        try plan.calibrate(s, sample: sample)
        if json {
            try printJSON(plan)
        } else {
            print(
                "\(s.meta.name): \(plan.residents) residents × \(plan.days) days on \(plan.threads) threads")
            print(
                "  time    about \(String(format: "%.1f", plan.seconds ?? 0)) s (calibrated on \(plan.calibrationResidents ?? 0) residents)"
            )
            print(
                "  memory  about \(formatBytes(plan.memoryBytes))"
                    + (plan.availableMemoryBytes.map { " of \(formatBytes($0)) available" } ?? ""))
            print(
                "  disk    about \(formatBytes(plan.diskBytes))"
                    + (plan.freeDiskBytes.map { " of \(formatBytes($0)) free" } ?? ""))
        }
        if let refusal = plan.refusal {
            printError("\(scenario): error: \(refusal) (use fewer --threads, or shorten the run)")
            throw ExitCode(1)
        }
    }
}
