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
        if !options.quiet { print(ComparisonPrinter.text(comparison, folder: folder)) }
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
    static func text(_ c: Comparison, folder: String) -> String {
        guard let firstSeed = c.seeds.first, let lastSeed = c.seeds.last else {
            preconditionFailure("--replicates is at least 2, so there are seeds (invariant)")
        }
        var lines: [String] = []
        lines.append(
            "\(c.labels.joined(separator: " vs ")): \(c.seeds.count) replicates (seeds \(firstSeed)…\(lastSeed)), "
                + "common random numbers")
        let width = min(56, c.metrics.map(\.count).max() ?? 0)
        for s in c.labels.indices.dropFirst() {
            lines.append("")
            lines.append(
                "  " + "\(c.labels[s]) − \(c.labels[0])".padding(toLength: width, withPad: " ", startingAt: 0)
                    + "   difference   95% paired interval          paired width  unpaired width")
            var ratios: [Double] = []
            for (k, metric) in c.metrics.enumerated() {
                guard let d = c.difference(variant: s, metric: k), d.paired.estimate.isFinite else {
                    continue
                }
                let bothVary = [0, s].allSatisfy {
                    c.summary(scenario: $0, metric: k).map { $0.width > 0 } ?? false
                }
                if bothVary && d.unpaired.width > 0 { ratios.append(d.paired.width / d.unpaired.width) }
                guard d.paired.estimate != 0 || d.paired.width != 0 else { continue }
                let mark = d.paired.excludesZero ? "*" : " "
                lines.append(
                    "\(mark) \(metric.padding(toLength: width, withPad: " ", startingAt: 0)) \(num(d.paired.estimate).leftPad(12))   "
                        + "[\(num(d.paired.lower)), \(num(d.paired.upper))]".padding(
                            toLength: 28, withPad: " ", startingAt: 0)
                        + "\(num(d.paired.width).leftPad(12))  \(num(d.unpaired.width).leftPad(14))")
            }
            if !ratios.isEmpty {
                let sorted = ratios.sorted()
                lines.append(
                    "Paired intervals are narrower than unpaired ones for \(ratios.filter { $0 < 1 }.count) of the "
                        + "\(ratios.count) metrics that vary in both scenarios (median width ratio "
                        + "\(String(format: "%.2f", sorted[sorted.count / 2])))")
            }
        }
        lines.append("* the paired 95% interval excludes zero")
        lines.append("Results: \(folder)  (simulated in \(String(format: "%.1f", c.simulationSeconds)) s)")
        return lines.joined(separator: "\n")
    }

    /// Four significant digits in plain decimals, never in scientific notation (`0.0000622`, not
    /// `6.22e-05`); whole numbers and values of 1,000 or more with one decimal.
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return String(x) }
        if abs(x) >= 1000 || x == x.rounded() { return String(format: "%.1f", x) }
        let decimals = max(0, min(15, 3 - Int(floor(log10(abs(x))))))
        var text = String(format: "%.\(decimals)f", x)
        while text.contains(".") && text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
