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

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
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
        let folder =
            options.out
            ?? ResultFolder.freshPath(
                parent: "results/\(s.meta.name)", stem: RunID.make(date: startedAt, seed: s.run.seed))
        if let refusal = RunPlan(s, threads: options.threads, outputFolder: folder).refusal {
            printError("\(scenario): error: \(refusal)")
            throw ExitCode(1)
        }
        do {
            try ResultFolder.ensureAbsent(folder)
            if let referenceJSON { try ResultFolder.ensureAbsent(referenceJSON) }
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let loadSeconds = (clock.now - loadStart).seconds

        let bar = options.quiet ? nil : ProgressBar.standardError(label: s.meta.name)
        var simulation = Simulation.Options(threads: options.threads)
        if let bar { simulation.progress = { bar.update($0) } }
        let result = try Simulation.run(s, options: simulation)
        bar?.finish()

        let writeStart = clock.now
        var files = try RunOutput.files(for: result)
        let manifest = Manifest(
            command: CommandLine.arguments, loaded: loaded, result: result, startedAt: startedAt,
            timings: .init(
                loadSeconds: loadSeconds, simulateSeconds: result.simulationSeconds,
                writeSeconds: (clock.now - writeStart).seconds),
            files: files)
        files.append(("manifest.json", encodeJSON(manifest)))
        if report { files = try withReport(files, folder: folder) }
        do {
            try ResultFolder.write(files, to: folder)
            if let referenceJSON {
                try Data(result.referenceJSON().utf8).write(
                    to: URL(fileURLWithPath: referenceJSON), options: .withoutOverwriting)
            }
        } catch let failure as ResultFolder.Failure {
            printError(failure.description)
            throw ExitCode(1)
        }
        let summary = RunSummary(result)
        if json {
            print(
                String(decoding: encodeJSON(RunReport(folder: folder, summary: summary)), as: UTF8.self),
                terminator: "")
        } else if !options.quiet {
            print(SummaryPrinter.text(summary, result: result, folder: folder))
        }
    }
}

/// What `run --json` prints: where the results are and the summary.
struct RunReport: Encodable {
    let folder: String
    let summary: RunSummary
}

enum RunID {
    /// `YYYYMMDD-HHMMSS-seedN` in UTC.
    static func make(date: Date, seed: UInt64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "\(formatter.string(from: date))-seed\(seed)"
    }
}
