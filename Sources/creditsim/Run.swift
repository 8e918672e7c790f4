import ArgumentParser
import CreditSim
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario and write a new result folder.",
        discussion: """
            Writes results/<scenario>/<run-id>/ (or --out): manifest.json, summary.json, daily.csv, \
            rules.csv, histograms.csv, drops.csv, trajectories.csv, exposures.csv. Existing folders are never \
            overwritten. With --replicates N: the scenario over N seeds (seed, seed+1, …) instead, with \
            each metric's mean and 95 % interval and the grade shares' daily bands (metrics.csv, \
            summary.csv, daily-bands.csv, manifest.json), as `compare` writes them. See docs/outputs.md.
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

    @Option(
        parsing: .unconditional,
        help: "Run this many replicates (seeds seed, seed+1, …) and write means with 95 % intervals.")
    var replicates: Int?

    func validate() throws {
        if let replicates, !(2...10_000).contains(replicates) {
            throw ValidationError("--replicates \(replicates) is out of range: it must be in [2, 10000]")
        }
        if replicates != nil && (referenceJSON != nil || json) {
            throw ValidationError(
                "--replicates writes a folder of means; it takes neither --reference-json nor --json")
        }
    }

    func run() throws {
        if let replicates { return try runReplicates(replicates) }
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

        try orExit { () throws(ResultFolder.Failure) in try ResultFolder.ensureAbsent(folder) }
        if !options.quiet && !json, let estimate = try longRunEstimate(s) { printError(estimate) }
        Interrupt.install()
        let bar = options.quiet ? nil : ProgressBar.standardError(label: s.meta.name)
        var simulation = Simulation.Options(threads: options.threads, isCancelled: { Interrupt.requested })
        if let bar { simulation.progress = { bar.update($0) } }
        let output = try Interrupt.run(closing: bar) { () throws(RunJob.Failure) in
            try job.write(to: folder, options: simulation)
        }
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

extension Run {
    /// `--replicates N`: the scenario over N seeds, written as `compare` writes one scenario.
    func runReplicates(_ count: Int) throws {
        let startedAt = Date()
        var loaded = try loadOrExit(scenario)
        if let population = options.population { loaded = loaded.overriding(population: population) }
        let s = loaded.scenario
        let folder =
            options.out
            ?? ResultFolder.defaultPath(
                parent: "results/\(s.meta.name)-replicates", startedAt: startedAt,
                seed: options.seed ?? s.run.seed)
        try orExit { () throws(ResultFolder.Failure) in try ResultFolder.ensureAbsent(folder) }
        Interrupt.install()
        let bar = options.quiet ? nil : ProgressBar.standardError(label: "\(s.meta.name) ×\(count)")
        var progress: (@Sendable (Double) -> Void)?
        if let bar { progress = { bar.update($0) } }
        let comparison = try Interrupt.run(closing: bar) { () throws(Simulation.Failure) in
            try Comparison.run(
                [(s.meta.name, s)], replicates: count, baseSeed: options.seed ?? s.run.seed,
                options: Simulation.Options(threads: options.threads, isCancelled: { Interrupt.requested }),
                progress: progress)
        }
        var files: [(name: String, data: Data)] = [
            ("metrics.csv", Data(comparison.metricsTable.utf8)),
            ("summary.csv", Data(comparison.summaryTable.utf8)),
            ("differences.csv", Data(comparison.differencesTable.utf8)),
            ("daily-bands.csv", Data(comparison.bandsTable.utf8)),
        ]
        let manifest = ComparisonManifest(
            command: CommandLine.arguments, scenarios: [s], labels: [s.meta.name], inputs: loaded.inputs,
            comparison: comparison, startedAt: startedAt, files: files)
        files.append(("manifest.json", try orExit { () throws(EncodingFailure) in try encodeJSON(manifest) }))
        if report {
            files += try orExit { () throws(ReportError) in try Report.files(for: files, name: folder) }
        }
        try orExit { () throws(ResultFolder.Failure) in try ResultFolder.write(files, to: folder) }
        if !options.quiet { print(ReplicatesPrinter.text(comparison, folder: folder, scenario: s)) }
    }

    /// Runs that would take longer than this many seconds say so before they start.
    static let announcedSeconds = 30.0

    /// "about 1.6 hours …" for a run estimated (from a short calibration) to take longer than
    /// `announcedSeconds`; `nil` for shorter runs, and without calibrating for small ones.
    func longRunEstimate(_ s: Scenario) throws -> String? {
        // Below about 10⁹ resident-days a run takes seconds: not worth a calibration.
        guard Double(s.population.size) * Double(s.run.days) > 1e9 else { return nil }
        var plan = RunPlan(s, threads: options.threads, outputFolder: ".")
        try orExit { () throws(Simulation.Failure) in try plan.calibrate(s, sample: 2 * Simulation.blockSize)
        }
        guard let seconds = plan.seconds, seconds > Run.announcedSeconds else { return nil }
        let time =
            seconds >= 5400
            ? String(format: "%.1f hours", seconds / 3600)
            : seconds >= 90 ? String(format: "%.0f minutes", seconds / 60) : String(format: "%.0f s", seconds)
        return "\(s.meta.name): \(plan.residents) residents × \(plan.days) days will take about \(time) on "
            + "\(plan.threads) threads (estimated from \(plan.calibrationResidents ?? 0) residents; "
            + "`creditsim plan` estimates from more). Ctrl-C stops it and writes nothing."
    }
}

/// What `run --json` prints: where the results are and the summary.
struct RunReport: Encodable {
    let folder: String
    let summary: RunSummary
}

/// The means of `run --replicates`, for the terminal: every metric in words with its unit (grade
/// shares at the last date only).
enum ReplicatesPrinter {
    static func text(_ c: Comparison, folder: String, scenario: Scenario) -> String {
        var lines = [
            "\(c.labels[0]): \(c.seeds.count) replicates of \(NumberText.grouped(Int64(scenario.population.size))) "
                + "residents (seeds \(c.seeds.first ?? 0)…\(c.seeds.last ?? 0)), means with 95 % intervals across replicates"
        ]
        let measures = ComparisonPrinter.measureNames([scenario])
        let last = c.lastShareDate
        var rows: [(String, String)] = []
        for (k, id) in c.metrics.enumerated() {
            let m = MetricCatalogue.describe(id, measures: measures)
            guard let i = c.summary(scenario: 0, metric: k), i.estimate.isFinite,
                m.date == nil || m.date == last
            else { continue }
            rows.append((m.words, m.value(i.estimate, interval: (i.lower, i.upper))))
        }
        let width = min(64, rows.map(\.0.count).max() ?? 0)
        for (name, value) in rows {
            let shown = name.count > width ? String(name.prefix(width - 1)) + "…" : name
            lines.append("  \(shown.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)")
        }
        lines.append("Grade shares at earlier dates: summary.csv.")
        lines.append(
            "Results: \(folder)  (simulated in \(NumberText.fixed(c.simulationSeconds, decimals: 1)) s)")
        return lines.joined(separator: "\n")
    }
}
