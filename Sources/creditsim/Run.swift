import ArgumentParser
import CreditSim
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario and write a new result folder.",
        discussion: """
            Writes results/<scenario>/<run-id>/ (or --out): manifest.json, summary.json, daily.csv, \
            rules.csv, histograms.csv, drops.csv, trajectories.csv, exposures.csv. Existing folders are never \
            overwritten. See docs/outputs.md.
            """)

    @Argument(
        help: "The scenario file (YAML), or a shipped scenario's name (creditsim scenarios).",
        completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @OptionGroup var options: RunOptions

    @Option(help: "Also write the run in the bench-v1 JSON form of the reference baselines.")
    var referenceJSON: String?

    @Flag(help: "Also write report.html (self-contained HTML report) and summary.md into the result folder.")
    var report = false

    @Flag(help: "Print the summary as JSON on stdout.")
    var json = false

    func run() throws {
        let startedAt = Date()
        let clock = ContinuousClock()
        let loadStart = clock.now
        var loaded = try loadOrExit(scenario)
        if let seed = options.seed { loaded = loaded.overriding(seed: seed) }
        if let population = options.population { loaded = loaded.overriding(population: population) }
        let s = loaded.scenario
        var job = RunJob(loaded, command: CommandLine.arguments, startedAt: startedAt, report: report)
        let folder = options.out ?? job.defaultFolder
        if let refusal = RunPlan(s, threads: options.threads, outputFolder: folder).refusal {
            printError("\(scenario): error: \(refusal.description) (use fewer --threads, or shorten the run)")
            throw ExitCode(1)
        }
        if let referenceJSON {
            try orExit { () throws(ResultFolder.Failure) in try ResultFolder.ensureAbsent(referenceJSON) }
        }
        job.loadSeconds = (clock.now - loadStart).seconds

        let bar = options.quiet ? nil : ProgressBar.standardError(label: s.meta.name)
        var simulation = Simulation.Options(threads: options.threads)
        if let bar { simulation.progress = { bar.update($0) } }
        let output = try orExit { () throws(RunJob.Failure) in
            try job.write(to: folder, options: simulation)
        }
        bar?.finish()
        if let referenceJSON {
            let data = try orExit { () throws(EncodingFailure) in try output.result.referenceJSON() }
            do {
                try data.write(to: URL(fileURLWithPath: referenceJSON), options: .withoutOverwriting)
            } catch {
                printError("\(referenceJSON): error: cannot write: \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        if json {
            try printJSON(RunReport(folder: folder, summary: output.summary))
        } else if !options.quiet {
            print(SummaryPrinter.text(output.summary, result: output.result, folder: folder))
        }
    }
}

/// What `run --json` prints: where the results are and the summary.
struct RunReport: Encodable {
    let folder: String
    let summary: RunSummary
}
