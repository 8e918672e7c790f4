import Foundation
import Testing

@testable import CreditSim

/// Reports a director reads: numbers in words with units, a summary traceable to the tables.
@Suite("readable reports")
struct ReadableReportTests {
    @Test(
        "numbers are plain decimals with grouped thousands, never scientific notation",
        arguments: [
            (0.000_062_2, 3, "0.0000622"), (6e-06, 2, "0.0000060"), (42.0, 3, "42.0"), (80.36, 3, "80.4"),
            (1012.43, 3, "1,012"), (-0.028_04, 3, "-0.0280"), (1_140_000_000, 3, "1,140,000,000"),
            (0, 3, "0"),
        ])
    func plainNumbers(x: Double, digits: Int, text: String) {
        #expect(NumberText.significant(x, digits: digits) == text)
        #expect(!NumberText.significant(x, digits: digits).contains("e"))
    }

    @Test("approximate counts round whole numbers too; percentages keep one decimal")
    func approximate() {
        #expect(NumberText.approximately(40_178) == "40,200")
        #expect(NumberText.approximately(987) == "987")
        #expect(NumberText.percent(0.927) == "92.7 %")
        #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberText.fixed(-0.0001, decimals: 2) == "0.00")
    }

    @Test("every metric a comparison writes has words and a unit, and docs/outputs.md names each family")
    func catalogue() throws {
        let ids = RunMetrics.names(
            dates: [SimDate(year: 2020, month: 12, day: 31)], states: ["A", "B", Scheme.optedOut],
            measures: ["travel-ban"])
        for id in ids + ["share_B", "score_sd", "score_min"] {
            let m = MetricCatalogue.describe(id, measures: ["travel-ban": "barred from flights"])
            #expect(m.words != id && m.unit != .number, "\(id) has no words or unit")
            #expect(!m.words.contains("_"), "\(id): \(m.words)")
        }
        #expect(
            MetricCatalogue.describe("exposed_at_end_share[travel-ban]", measures: ["travel-ban": "barred"])
                .words
                == "Residents under ‘barred’ at the end")
        let docs = try String(
            contentsOf: repositoryScenariosFolder.deletingLastPathComponent().appendingPathComponent(
                "docs/outputs.md"), encoding: .utf8)
        for family in MetricCatalogue.families {
            #expect(docs.contains("`\(family.pattern)`"), "docs/outputs.md lacks \(family.pattern)")
            #expect(docs.contains(family.words), "docs/outputs.md lacks the words of \(family.pattern)")
        }
    }

    @Test("differences are written in their unit: shares in percentage points, with the direction in words")
    func unitsInWords() {
        let share = MetricCatalogue.describe("penalised_not_unlawful_share")
        #expect(
            share.change(-0.806, interval: (-0.810, -0.802)) == "80.6 percentage points fewer [80.2, 81.0]")
        #expect(share.difference(0.5, interval: (0.4, 0.6)) == "+50.0 percentage points [40.0, 60.0]")
        let points = MetricCatalogue.describe("points_removed_not_unlawful_per_resident")
        #expect(
            points.change(-42.27, interval: (-42.39, -42.16)) == "42.3 fewer points per resident [42.2, 42.4]"
        )
        #expect(
            MetricCatalogue.describe("mean_score").change(73.41, interval: (73.28, 73.54))
                == "73.4 points higher [73.3, 73.5]")
        #expect(MetricCatalogue.describe("mean_score").value(1012.4) == "1,012 points")
    }

    /// Effects with hand-set sizes, for the lead rule.
    private func effect(_ id: String, _ d: Double, base: Double, clear: Bool = true) -> SummaryInWords.Effect
    {
        .init(
            metric: MetricCatalogue.describe(id), difference: d, interval: (d - 0.001, d + 0.001),
            excludesZero: clear, baseline: base, variant: base + d)
    }

    @Test(
        "the lead rule: clear effects only; shares by percentage points, others by relative size; last date")
    func leadRule() {
        let effects = [
            effect("share_A@2019-12-31", 0.9, base: 0.05),  // an earlier date: never leads
            effect("share_A@2020-12-31", 0.2, base: 0.5),
            effect("share_B@2020-12-31", -0.3, base: 0.4),
            effect("ever_penalised_share", -0.05, base: 0.9),
            effect("penalised_not_unlawful_share", -0.6, base: 0.6, clear: false),  // not clear
            effect("opted_out_share", 0.01, base: 0),
            effect("mean_score", 50, base: 950),  // 5 % of the larger mean (1,000)
            effect("gini", -0.02, base: 0.04),  // 50 %
            effect("largest_drop", -10, base: 200),  // 5 %
            effect("points_removed_not_unlawful_per_resident", -40, base: 40),  // 100 %
        ]
        let leads = SummaryInWords.leads(effects, lastDate: "2020-12-31").map(\.metric.id)
        #expect(
            leads == [
                "share_B@2020-12-31", "share_A@2020-12-31", "ever_penalised_share",
                "points_removed_not_unlawful_per_resident", "gini", "mean_score",
            ])
    }

    /// A fixed small comparison (two rule sets, 3 replicates) as its result folder holds it.
    static func comparisonFiles() throws -> [(name: String, data: Data)] {
        let yaml = miniScenario(
            size: 2000, days: 400, seed: 7,
            behaviours:
                "  - {id: a, rate: 0.004, unlawful: \"no\"}\n  - {id: b, rate: 0.002, unlawful: \"yes\", basis: judgment}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: a, points: -50}, {behaviour: b, points: -30}]}"
        )
        let base = try scenario(yaml)
        let variant = try scenario(yaml.replacingOccurrences(of: "points: -50", with: "points: -5"))
        let c = try Comparison.run([("local", base), ("revised", variant)], replicates: 3, baseSeed: 1)
        var files: [(name: String, data: Data)] = [
            ("metrics.csv", Data(c.metricsTable.utf8)), ("summary.csv", Data(c.summaryTable.utf8)),
            ("differences.csv", Data(c.differencesTable.utf8)), ("daily-bands.csv", Data(c.bandsTable.utf8)),
        ]
        let manifest = ComparisonManifest(
            command: ["creditsim", "compare"], scenarios: [base, variant], labels: ["local", "revised"],
            inputs: [], comparison: c, startedAt: Date(timeIntervalSince1970: 0), files: files)
        files.append(("manifest.json", try encodeJSON(manifest)))
        return files
    }

    @Test("the summary's sentences match the golden text (CREDITSIM_RECORD=1 re-records)")
    func summaryGolden() throws {
        let report = try ComparisonReport(ReportInput(name: "cmp", files: try Self.comparisonFiles()))
        let text = report.summaryBlocks().flatMap(\.sentences).map(\.markdown).joined(separator: "\n") + "\n"
        try expectGolden(Data(text.utf8), at: fixtures.appendingPathComponent("golden/comparison-summary.md"))
    }

    @Test("every number of the summary is the formatted value of a row of differences.csv and summary.csv")
    func summaryTraceable() throws {
        let files = try Self.comparisonFiles()
        let report = try ComparisonReport(ReportInput(name: "cmp", files: files))
        let input = ReportInput(name: "cmp", files: files)
        let differences = try input.table(
            .differences, ["metric", "difference", "ci_low", "ci_high", "excludes_zero"])
        let means = try input.table(.summary, ["scenario", "metric", "mean"])
        let sentences = report.summaryBlocks().flatMap(\.sentences).filter { $0.lead != "Other metrics" }
        #expect(sentences.count >= 3)
        for sentence in sentences {
            let row = try #require(
                differences.first { MetricCatalogue.describe($0[0]).words == sentence.lead },
                "no row of differences.csv for \(sentence.lead)")
            #expect(row[4] == "true", "\(sentence.lead) leads although its interval includes zero")
            let m = MetricCatalogue.describe(row[0])
            let d = try #require(Double(row[1]))
            let interval = (try #require(Double(row[2])), try #require(Double(row[3])))
            #expect(sentence.text.hasPrefix(m.change(d, interval: interval)), "\(sentence.text)")
            for scenario in ["local", "revised"] {
                let mean = try #require(
                    means.first { $0[0] == scenario && $0[1] == row[0] }.flatMap { Double($0[2]) })
                #expect(sentence.text.contains(m.bare(mean)), "\(sentence.text) lacks the \(scenario) mean")
            }
        }
        // The HTML report opens with the same sentences, and the technical record comes last.
        let html = try Report([input]).html
        let summary = try #require(html.range(of: "<h3>Summary</h3>"))
        let record = try #require(html.range(of: "<h2>Technical record</h2>"))
        let figures = try #require(html.range(of: "<h2>Figures</h2>"))
        #expect(summary.lowerBound < figures.lowerBound && figures.lowerBound < record.lowerBound)
        #expect(!html.contains("e-0"), "scientific notation in the report")
    }

    @Test("a grid sweep's report draws every varying metric against every parameter, with bands")
    func sweepReport() throws {
        let folder = try temporaryFolder("sweep-report")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let root = folder.appendingPathComponent("out").path
        _ = try Sweep.execute(loaded, root: root, options: .init(threads: 1))
        let report = try Report([try ReportInput(folder: root)])
        let figures = report.html.components(separatedBy: "<figure ").count - 1
        // mean_score, share_D and ever_penalised_share vary with the parameters here.
        #expect(figures == 3)
        #expect(report.html.components(separatedBy: "class=\"panel\"").count - 1 == 2 * figures)
        #expect(report.html.contains("speech_points = -50"))
        #expect(report.html.contains("fill-opacity=\"0.3\""))
        // An unfinished sweep is refused with the remedy.
        try FileManager.default.removeItem(atPath: root + "/results.csv")
        #expect(throws: ReportError.unfinishedSweep(folder: root)) { try ReportInput(folder: root) }
    }
}
