import ArgumentParser
import CreditSim
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare scenarios over replicates with common random numbers.",
        discussion: """
            The first scenario is the baseline. With --guidance and one scenario, the scenario is \
            compared with its compliant variant. Writes results/compare-<names>/<run-id>/: metrics.csv \
            (scenario, replicate, metric, value), summary.csv, differences.csv (paired differences with \
            95 % intervals, and the unpaired intervals for comparison), manifest.json.
            """)

    @Argument(
        help: "Scenario files; the first is the baseline.", completion: .file(extensions: ["yaml", "yml"]))
    var scenarios: [String]

    @Option(help: "Compare the (single) scenario with its compliant variant under this guidance profile.")
    var guidance: String?

    @Option(parsing: .unconditional, help: "Replicates (seeds base, base+1, …).")
    var replicates: Int = 10

    @Flag(help: "Also write report.html (self-contained HTML report) and summary.md into the result folder.")
    var report = false

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard (2...10_000).contains(replicates) else {
            throw ValidationError("--replicates \(replicates) is out of range: it must be in [2, 10000]")
        }
        if guidance != nil && scenarios.count != 1 {
            throw ValidationError(
                "--guidance compares one scenario with its compliant variant; give exactly one scenario")
        }
        if guidance == nil && scenarios.count < 2 {
            throw ValidationError("give at least two scenarios, or one with --guidance")
        }
    }

    func run() throws {
        let startedAt = Date()
        var loaded = try scenarios.map { try loadOrExit($0) }
        var extraFiles: [(name: String, data: Data)] = []
        var inputs = loaded.flatMap(\.inputs)
        if let guidance {
            let profile = try loadGuidanceOrExit(guidance)
            inputs.append(profile.input)
            let scenarioPath = ShippedData.scenario(scenarios[0]).path
            let directory = FilePath.parent(of: scenarioPath)
            let compliant = try orExit { () throws(ScenarioError) in
                try CompliantScenario(
                    base: loaded[0].scenario, scenarioPath: scenarioPath,
                    overlayPath: (directory as NSString).appendingPathComponent(
                        "\(loaded[0].scenario.meta.name)-compliant.yaml"),
                    directory: directory, profile: profile.profile)
            }
            loaded.append(compliant.loaded)
            extraFiles += try orExit { () throws(EncodingFailure) in try compliant.files() }
        }
        var list = loaded.map(\.scenario)
        if let population = options.population {
            list = list.map {
                var s = $0
                s.population.size = population
                return s
            }
        }
        let sizes = Set(list.map(\.population.size))
        if sizes.count > 1 {
            printError(
                "warning: the scenarios have different population sizes \(sizes.sorted()); residents beyond the smallest have no counterpart"
            )
        }
        let labels = uniqueLabels(list.map(\.meta.name))
        let folder =
            options.out
            ?? ResultFolder.defaultPath(
                parent: "results/compare-\(labels.joined(separator: "-vs-"))", startedAt: startedAt,
                seed: options.seed ?? list[0].run.seed)
        try orExit { () throws(ResultFolder.Failure) in try ResultFolder.ensureAbsent(folder) }
        let bar = options.quiet ? nil : ProgressBar.standardError(label: "compare")
        var progress: (@Sendable (Double) -> Void)?
        if let bar { progress = { bar.update($0) } }
        let entries: [(label: String, scenario: Scenario)] = zip(labels, list).map { ($0, $1) }
        let comparison = try Comparison.run(
            entries, replicates: replicates, baseSeed: options.seed ?? list[0].run.seed,
            options: Simulation.Options(threads: options.threads), progress: progress)
        bar?.finish()
        var files: [(name: String, data: Data)] =
            [
                ("metrics.csv", Data(comparison.metricsTable.utf8)),
                ("summary.csv", Data(comparison.summaryTable.utf8)),
                ("differences.csv", Data(comparison.differencesTable.utf8)),
                ("daily-bands.csv", Data(comparison.bandsTable.utf8)),
            ] + extraFiles
        let manifest = ComparisonManifest(
            command: CommandLine.arguments, scenarios: list, labels: labels, inputs: inputs,
            comparison: comparison,
            startedAt: startedAt, files: files)
        files.append(("manifest.json", try orExit { () throws(EncodingFailure) in try encodeJSON(manifest) }))
        if report {
            files += try orExit { () throws(ReportError) in try Report.files(for: files, name: folder) }
        }
        try orExit { () throws(ResultFolder.Failure) in try ResultFolder.write(files, to: folder) }
        if !options.quiet { print(ComparisonPrinter.text(comparison, folder: folder, scenarios: list)) }
    }

    private func uniqueLabels(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            let count = seen[name, default: 0] + 1
            seen[name] = count
            return count == 1 ? name : "\(name)-\(count)"
        }
    }
}

enum ComparisonPrinter {
    /// The comparison for a reader: the leading effects in words, then every metric (grade shares
    /// at the last date only) with its unit, then where the rest is.
    static func text(_ c: Comparison, folder: String, scenarios: [Scenario]) -> String {
        guard let firstSeed = c.seeds.first, let lastSeed = c.seeds.last else {
            preconditionFailure("--replicates is at least 2, so there are seeds (invariant)")
        }
        let population = scenarios.map(\.population.size).min() ?? 0
        let measures = measureNames(scenarios)
        var lines: [String] = []
        lines.append(
            "\(c.labels.joined(separator: " vs ")): \(c.seeds.count) replicates of "
                + "\(NumberText.grouped(Int64(population))) residents (seeds \(firstSeed)…\(lastSeed)), "
                + "common random numbers")
        let last = c.lastShareDate
        for s in c.labels.indices.dropFirst() {
            lines.append("")
            lines.append("\(c.labels[s]) compared with \(c.labels[0]), leading effects:")
            lines += c.leadSentences(variant: s, population: population, measures: measures).map { "  " + $0 }
            lines.append("")
            lines.append(
                "Every metric (\(c.labels[s]) − \(c.labels[0]), paired 95 % interval; * excludes zero):")
            var ratios: [Double] = []
            var rows: [(String, String)] = []
            for (k, id) in c.metrics.enumerated() {
                guard let d = c.difference(variant: s, metric: k), d.paired.estimate.isFinite else {
                    continue
                }
                let bothVary = [0, s].allSatisfy {
                    c.summary(scenario: $0, metric: k).map { $0.width > 0 } ?? false
                }
                if bothVary && d.unpaired.width > 0 { ratios.append(d.paired.width / d.unpaired.width) }
                let m = MetricCatalogue.describe(id, measures: measures)
                guard m.date == nil || m.date == last, d.paired.estimate != 0 || d.paired.width != 0 else {
                    continue
                }
                let mark = d.paired.excludesZero ? "*" : " "
                rows.append(
                    (
                        "\(mark) \(m.words)",
                        m.difference(d.paired.estimate, interval: (d.paired.lower, d.paired.upper))
                    ))
            }
            let width = min(64, rows.map(\.0.count).max() ?? 0)
            for (name, value) in rows {
                let shown = name.count > width ? String(name.prefix(width - 1)) + "…" : name
                lines.append("  \(shown.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)")
            }
            if !ratios.isEmpty {
                let sorted = ratios.sorted()
                lines.append(
                    "Paired intervals are narrower than unpaired ones for \(ratios.filter { $0 < 1 }.count) of the "
                        + "\(ratios.count) metrics that vary in both scenarios (median width ratio "
                        + "\(NumberText.fixed(sorted[sorted.count / 2], decimals: 2)))")
            }
        }
        lines.append("Grade shares at earlier dates and the unpaired intervals: differences.csv.")
        lines.append(
            "Results: \(folder)  (simulated in \(NumberText.fixed(c.simulationSeconds, decimals: 1)) s)")
        return lines.joined(separator: "\n")
    }

    /// Readable names (descriptions) of the scenarios' measures, by id.
    static func measureNames(_ scenarios: [Scenario]) -> [String: String] {
        Dictionary(
            scenarios.flatMap(\.consequences.measures).map { ($0.id, $0.description) },
            uniquingKeysWith: { a, _ in a })
    }
}
