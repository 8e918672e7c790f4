internal import Foundation

/// The HTML report section and Markdown summary of a comparison's result folder (or of one
/// scenario's replicates, from `run --replicates`).
///
/// Both open with the summary in words, then the figures and tables; the technical record
/// (inputs with their hashes, version, rerun command) comes last.
struct ComparisonReport {
    let input: ReportInput
    let manifest: ReportManifest
    /// summary.csv rows: scenario → metric → (mean, low, high).
    let summaries: [String: [String: (Double, Double, Double)]]
    /// differences.csv rows, parsed; empty for one scenario's replicates.
    let effects: [(variant: String, effect: SummaryInWords.Effect)]
    /// Metric ids in the order of summary.csv.
    let metricOrder: [String]
    let labels: [String]
    let audit: AuditSummary?

    init(_ input: ReportInput) throws(ReportError) {
        self.input = input
        manifest = try input.json(ReportManifest.self, "manifest.json")
        labels = manifest.scenarios ?? []
        var summaries: [String: [String: (Double, Double, Double)]] = [:]
        var order: [String] = []
        for row in try input.table(.summary, ["scenario", "metric", "mean", "ci_low", "ci_high"]) {
            summaries[row[0], default: [:]][row[1]] = (
                try Self.number(row[2], input), try Self.number(row[3], input), try Self.number(row[4], input)
            )
            if row[0] == labels.first { order.append(row[1]) }
        }
        self.summaries = summaries
        metricOrder = order
        let measures = Self.measureNames(manifest)
        var effects: [(variant: String, effect: SummaryInWords.Effect)] = []
        for row in try input.table(
            .differences,
            [
                "metric", "baseline", "variant", "difference", "ci_low", "ci_high", "excludes_zero",
                "unpaired_ci_low", "unpaired_ci_high",
            ])
        {
            effects.append(
                (
                    row[2],
                    SummaryInWords.Effect(
                        metric: MetricCatalogue.describe(row[0], measures: measures),
                        difference: try Self.number(row[3], input),
                        interval: (try Self.number(row[4], input), try Self.number(row[5], input)),
                        excludesZero: row[6] == "true",
                        baseline: summaries[row[1]]?[row[0]]?.0 ?? .nan,
                        variant: summaries[row[2]]?[row[0]]?.0 ?? .nan,
                        unpaired: Double(row[7]).flatMap { lo in Double(row[8]).map { (lo, $0) } })
                ))
        }
        self.effects = effects
        audit = input.files["audit.json"] != nil ? try input.json(AuditSummary.self, "audit.json") : nil
    }

    /// A number field of a result table (`nan` and `inf` as Swift writes them).
    private static func number(_ text: String, _ input: ReportInput) throws(ReportError) -> Double {
        guard let x = Double(text) else {
            throw .unreadable(
                folder: input.name, file: "summary or differences table", reason: "'\(text)' is no number")
        }
        return x
    }

    var replicatesOnly: Bool { labels.count == 1 }
    var population: Int { manifest.resolvedScenarios?.first?.population.size ?? 0 }
    var replicates: Int { manifest.replicates ?? manifest.seeds?.count ?? 0 }

    /// Readable names of the measures of every scenario, by id.
    var measureNames: [String: String] { Self.measureNames(manifest) }

    private static func measureNames(_ manifest: ReportManifest) -> [String: String] {
        Dictionary(
            (manifest.resolvedScenarios ?? []).flatMap(\.consequences.measures).map {
                ($0.id, $0.description)
            },
            uniquingKeysWith: { a, _ in a })
    }

    func describe(_ metric: String) -> MetricDescription {
        MetricCatalogue.describe(metric, measures: measureNames)
    }

    /// The date of the last grade shares in summary.csv.
    var lastDate: String? {
        metricOrder.compactMap { describe($0).date }.max()
    }

    /// The grades and opted out, best grade first.
    func orderedStates() -> [String] {
        (manifest.resolvedScenarios?.first?.scheme.grades.map(\.id) ?? []) + [Scheme.optedOut]
    }

    func html(figureOffset: Int) throws(ReportError) -> (html: String, figures: Int) {
        var body =
            replicatesOnly
            ? "<section><h2>Replicates of \(HTML.escape(labels[0]))</h2>"
            : "<section><h2>Comparison: \(HTML.escape(labels.joined(separator: " vs ")))</h2>"
        body += "<p class=\"lede\">\(HTML.escape(introduction()))</p>"
        body += summaryHTML()
        var figures = FigureList(offset: figureOffset)
        try addGradeFigure(to: &figures)
        addLastGradesFigure(to: &figures)
        if !replicatesOnly { addDifferencesFigure(to: &figures) }
        addExposureFigure(to: &figures)
        body += "<h2>Figures</h2>" + figures.html.joined()
        body += metricTables()
        if let audit { body += auditHTML(audit) }
        if let overlay = input.text("compliant-overlay.yaml") {
            body +=
                "<h2>The compliant variant</h2><p class=\"note\">The overlay that turned the local scheme into the compliant one:</p>"
            body += "<pre>\(HTML.escape(overlay))</pre>"
        }
        body += "<h2>Technical record</h2>" + HTML.metaTable(technicalRecord())
        return (body + "</section>", figures.count)
    }

    /// What was compared, in one sentence.
    func introduction() -> String {
        let residents = NumberText.grouped(Int64(population))
        if replicatesOnly {
            return
                "\(labels[0]) run \(replicates) times (seeds as listed at the end) with \(residents) residents "
                + "each: means across the replicates with 95 % intervals."
        }
        let variants = labels.dropFirst().joined(separator: " and ")
        return
            "\(variants) compared with \(labels[0]) (the baseline): \(replicates) replicates of \(residents) "
            + "residents, each with the same residents and random draws in every scenario (common random "
            + "numbers), so differences come from the rules alone. Differences are paired by replicate, "
            + "with 95 % intervals."
    }

    func technicalRecord() -> [[String]] {
        let seeds = manifest.seeds ?? []
        return [
            ["scenarios", labels.joined(separator: ", ")],
            [
                "replicates",
                "\(replicates) (seeds \(seeds.first.map(String.init) ?? "?")…\(seeds.last.map(String.init) ?? "?")"
                    + (replicatesOnly ? ")" : ", common random numbers)"),
            ],
            ["population", NumberText.grouped(Int64(population))],
            ["CreditSim", manifest.version],
            ["run started", manifest.startedAt],
            [
                "rerun with",
                manifest.command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "),
            ],
        ] + manifest.inputs.map { ["input", "\($0.path)  sha256 \($0.sha256)"] }
    }
}
