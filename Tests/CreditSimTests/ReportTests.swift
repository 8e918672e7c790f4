import CreditSim
import Foundation
import Testing

@Suite("reports")
struct ReportTests {
    @Test(
        "nice scales put ticks on 1, 2, 5 × 10ⁿ and cover the data",
        arguments: [
            (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (3.0, 97.0, [0.0, 20, 40, 60, 80, 100]),
            // Heckbert: range 21 → nice 50, step 50/5 = 10 → nice 10; range 30 → 50, step 10.
            (-17.0, 4.0, [-20.0, -10, 0, 10]),
            (980.0, 1010.0, [980.0, 990, 1000, 1010]),
        ])
    func niceScale(low: Double, high: Double, ticks: [Double]) {
        let scale = NiceScale(minimum: low, maximum: high)
        #expect(scale.ticks.map { ($0 * 1e9).rounded() / 1e9 } == ticks)
        #expect(scale.lower <= low && scale.upper >= high)
        #expect(scale.position(scale.lower, from: 10, to: 110) == 10)
        #expect(scale.position(scale.upper, from: 10, to: 110) == 110)
    }

    @Test("degenerate ranges still give a usable scale")
    func degenerate() {
        #expect(NiceScale(minimum: 0, maximum: 0).ticks.count >= 2)
        #expect(NiceScale(minimum: 5, maximum: 5).ticks.count >= 2)
        #expect(NiceScale(minimum: .nan, maximum: 1).ticks.count >= 2)
        #expect(NiceScale(minimum: 0, maximum: 0.000_37).label(0.0002) == "0.0002")
    }

    /// The run folder of the golden scenario, with the manifest's machine-dependent fields fixed.
    static func goldenFiles() throws -> [(name: String, data: Data)] {
        let path = fixtures.appendingPathComponent("golden/tiny.yaml").path
        let loaded = try ScenarioLoader.load(path: path)
        let result = try Simulation.run(loaded.scenario, options: .init(threads: 1))
        let files = try RunOutput.files(for: result)
        let manifest = Manifest(
            command: ["creditsim", "run", "tiny.yaml"], loaded: loaded, result: result,
            startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            timings: .init(loadSeconds: 0, simulateSeconds: 0, writeSeconds: 0), files: files)
        var object = try #require(
            try JSONSerialization.jsonObject(with: try encodeJSON(manifest)) as? [String: Any])
        object["peak_memory_bytes"] = 0
        object["host"] = "host"
        object["inputs"] = [["path": "tiny.yaml", "sha256": loaded.inputs[0].sha256]]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return files + [("manifest.json", data)]
    }

    @Test("the report of a tiny run matches the committed snapshot (CREDITSIM_RECORD=1 re-records)")
    func golden() throws {
        let report = try Report([ReportInput(name: "results/tiny/run", files: try Self.goldenFiles())])
        try expectGolden(
            Data(report.html.utf8), at: fixtures.appendingPathComponent("golden/tiny/report.html"))
        try expectGolden(
            Data(report.markdown.utf8), at: fixtures.appendingPathComponent("golden/tiny/summary.md"))
    }

    @Test("a renamed column or a row of another width is an error naming the file")
    func tablesReadByName() throws {
        let files = try Self.goldenFiles()
        func edited(_ change: (String) -> String) -> [(name: String, data: Data)] {
            files.map {
                $0.name == "rules.csv"
                    ? ($0.name, Data(change(String(decoding: $0.data, as: UTF8.self)).utf8)) : $0
            }
        }
        let renamed = edited { $0.replacingOccurrences(of: ",points_added,", with: ",added,") }
        let missing = #expect(throws: ReportError.self) {
            try Report([ReportInput(name: "x", files: renamed)])
        }
        guard case .missingColumn(_, let file, let column, _) = missing else {
            Issue.record("expected a missing column, got \(String(describing: missing))")
            return
        }
        #expect(file == "rules.csv" && column == "points_added")
        let widened = edited {
            $0.replacingOccurrences(of: "\n", with: ",extra\n").replacingOccurrences(
                of: "points_removed,extra\n", with: "points_removed\n")
        }
        let wide = #expect(throws: ReportError.self) { try Report([ReportInput(name: "x", files: widened)]) }
        guard case .rowWidth(_, let widthFile, let row, _, _) = wide else {
            Issue.record("expected a row-width error, got \(String(describing: wide))")
            return
        }
        #expect(widthFile == "rules.csv" && row == 1)
        // Reordered columns read the same: the report does not depend on column positions.
        let reordered = edited { text in
            text.split(separator: "\n").map { line -> String in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false)
                fields.swapAt(0, fields.count - 1)
                return fields.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        #expect(
            try Report([ReportInput(name: "x", files: reordered)]).html
                == Report([ReportInput(name: "x", files: files)]).html)
    }

    @Test("a run report is self-contained and every figure has a title, axes, caption and table")
    func selfContained() throws {
        let html = try Report([ReportInput(name: "x", files: try Self.goldenFiles())]).html
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").dropFirst().allSatisfy {
                    $0.hasPrefix("www.w3.org/2000/svg")
                })
        #expect(!html.contains("https://"))
        let figures = html.components(separatedBy: "<figure ").count - 1
        #expect(figures >= 6)
        #expect(html.components(separatedBy: "<figcaption>").count - 1 == figures)
        #expect(html.components(separatedBy: "<details>").count - 1 == figures)
        #expect(html.components(separatedBy: "class=\"axis-label\"").count - 1 >= figures)
        #expect(html.contains("rerun with"))
    }

    @Test(
        "a comparison report shows paired differences in words, the leading effects highlighted, and the overlay"
    )
    func comparison() throws {
        let yaml = miniScenario(
            size: 500, days: 120,
            behaviours:
                "  - {id: a, rate: 0.02, unlawful: \"no\"}\n  - {id: b, rate: 0.01, unlawful: \"yes\", basis: judgment}",
            rulebooks:
                "    - {id: v1, effective: 2020-01-01, rules: [{behaviour: a, points: -20}, {behaviour: b, points: -30}]}"
        )
        let base = try scenario(yaml)
        let variant = try scenario(yaml.replacingOccurrences(of: "points: -20", with: "points: -5"))
        let c = try Comparison.run([("base", base), ("variant", variant)], replicates: 3, baseSeed: 1)
        var files: [(name: String, data: Data)] = [
            ("metrics.csv", Data(c.metricsTable.utf8)), ("summary.csv", Data(c.summaryTable.utf8)),
            ("differences.csv", Data(c.differencesTable.utf8)), ("daily-bands.csv", Data(c.bandsTable.utf8)),
            ("compliant-overlay.yaml", Data("extends: base.yaml\n".utf8)),
        ]
        let manifest = ComparisonManifest(
            command: ["creditsim", "compare"], scenarios: [base, variant], labels: ["base", "variant"],
            inputs: [],
            comparison: c, startedAt: Date(timeIntervalSince1970: 0), files: files)
        files.append(("manifest.json", try encodeJSON(manifest)))
        let report = try Report([ReportInput(name: "cmp", files: files)])
        #expect(report.html.contains("Comparison: base vs variant"))
        #expect(report.html.contains("<tr class=\"hit\"><td>"))
        #expect(report.html.contains("extends: base.yaml"))
        #expect(report.html.contains("Grade shares over time"))
        #expect(report.html.contains("fill-opacity=\"0.3\""))
        #expect(report.markdown.contains("| Mean score at the end |"))
        #expect(!report.html.contains("mean_score"), "a metric identifier where a reader reads")
    }

    @Test("a folder that is not a result folder is refused")
    func notAFolder() {
        #expect(throws: ReportError.self) { try ReportInput(folder: "/nonexistent-creditsim-folder") }
    }
}
