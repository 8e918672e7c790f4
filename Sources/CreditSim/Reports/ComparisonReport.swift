internal import Foundation

/// The HTML report section and Markdown summary of a comparison's result folder.
struct ComparisonReport {
    let input: ReportInput
    let manifest: ReportManifest
    /// summary.csv rows: scenario → metric → (mean, low, high).
    let summaries: [String: [String: (Double, Double, Double)]]
    /// differences.csv rows.
    let differences: [[String]]
    let labels: [String]

    struct AuditItem: Decodable {
        let subject: String
        let name: String
        let clause: String
        let verdict: String
        let reason: String
        let source: String
    }
    struct Audit: Decodable {
        let guidance: String
        let items: [AuditItem]
    }

    init(_ input: ReportInput) throws(ReportError) {
        self.input = input
        manifest = try input.json(ReportManifest.self, "manifest.json")
        var summaries: [String: [String: (Double, Double, Double)]] = [:]
        for row in try input.table(.summary, ["scenario", "metric", "mean", "ci_low", "ci_high"]) {
            summaries[row[0], default: [:]][row[1]] = (
                Double(row[2]) ?? .nan, Double(row[3]) ?? .nan, Double(row[4]) ?? .nan
            )
        }
        self.summaries = summaries
        differences = try input.table(.differences, ResultTable.differences.columns)
        labels = manifest.scenarios ?? []
    }

    func html(figureOffset: Int) throws(ReportError) -> (html: String, figures: Int) {
        let replicatesOnly = labels.count == 1
        var body =
            replicatesOnly
            ? "<section><h2>Replicates of \(HTML.escape(labels[0]))</h2>"
            : "<section><h2>Comparison: \(HTML.escape(labels.joined(separator: " vs ")))</h2>"
        let seeds = manifest.seeds ?? []
        let rows: [[String]] =
            [
                ["scenarios", labels.joined(separator: ", ")],
                [
                    "replicates",
                    "\(manifest.replicates ?? seeds.count) (seeds \(seeds.first.map(String.init) ?? "?")…\(seeds.last.map(String.init) ?? "?")"
                        + (replicatesOnly ? ")" : ", common random numbers)"),
                ],
                ["population", String(manifest.resolvedScenarios?.first?.population.size ?? 0)],
                ["CreditSim", manifest.version],
                ["run started", manifest.startedAt],
                [
                    "rerun with",
                    manifest.command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "),
                ],
            ] + manifest.inputs.map { ["input", "\($0.path)  sha256 \($0.sha256)"] }
        body += HTML.metaTable(rows)
        var figures = FigureList(offset: figureOffset)

        // Grade shares over time with replicate bands, one figure per scenario.
        let bands = try input.table(.bands, ["scenario", "date", "state", "mean", "ci_low", "ci_high"])
        if !bands.isEmpty {
            let states = orderedStates()
            for (s, label) in labels.enumerated() {
                let rows = bands.filter { $0[0] == label }
                guard let start = manifest.resolvedScenarios?.first?.run.start, !rows.isEmpty else {
                    continue
                }
                let own = manifest.resolvedScenarios.flatMap { s < $0.count ? $0[s] : nil }
                let lastDay = rows.last.flatMap { SimDate($0[1]) }.map { start.days(until: $0) } ?? 0
                let markers = (own?.scheme.rulebooks.dropFirst() ?? []).map {
                    (x: Double(start.days(until: $0.effective)), label: "rulebook \($0.id)")
                }.filter { $0.x <= Double(lastDay) }
                // Every state, even one that stays empty, so colours mean the same in every figure.
                let series = states.map { state -> LineChart.Series in
                    let own = rows.filter { $0[2] == state }
                    let day = { (row: [String]) in Double(SimDate(row[1]).map { start.days(until: $0) } ?? 0)
                    }
                    return LineChart.Series(
                        name: Scheme.displayName(ofState: state),
                        points: own.map { (day($0), Double($0[3]) ?? .nan) },
                        band: own.map {
                            (day($0), max(0, Double($0[4]) ?? .nan), min(1, Double($0[5]) ?? .nan))
                        })
                }
                var dates: [String] = []
                for row in rows where dates.last != row[1] { dates.append(row[1]) }
                guard let lastBandDate = dates.last else {
                    preconditionFailure("`rows` is non-empty (guard above), so `dates` is too (invariant)")
                }
                let shown = Set(
                    stride(from: 0, to: dates.count, by: max(1, dates.count / 10)).map { dates[$0] } + [
                        lastBandDate
                    ])
                let tableRows = rows.filter { shown.contains($0[1]) }
                figures.add(
                    "Grade shares over time: \(label)",
                    LineChart(
                        frame: ChartFrame(
                            title: "Grade shares over time: \(label)",
                            description: "Share of residents in each grade with 95 % replicate bands",
                            xLabel: "Date (end of day)", yLabel: "Share of residents"),
                        series: series, markers: markers, start: start, yFormat: { percent($0) }, yMinimum: 0
                    ).svg(),
                    "\(label): mean share of residents in each grade and opted out across replicates; shaded bands are 95 % intervals. Dashed lines mark overhauls.",
                    HTML.table(
                        ["date", "state", "mean", "95 % interval"],
                        tableRows.map {
                            [
                                $0[1], $0[2], percent(Double($0[3]) ?? .nan),
                                "[\(percent(Double($0[4]) ?? .nan)), \(percent(Double($0[5]) ?? .nan))]",
                            ]
                        }))
            }
        }

        // Grade shares at the last key date, per scenario, with intervals.
        let shareMetrics =
            summaries[labels.first ?? ""]?.keys.filter { $0.hasPrefix("share_") }.sorted() ?? []
        let lastDate = shareMetrics.compactMap { $0.split(separator: "@").last.map(String.init) }.max() ?? ""
        let stateMetrics = orderedStates().map { "share_\($0)@\(lastDate)" }.filter {
            shareMetrics.contains($0)
        }
        figures.add(
            "Grade shares at \(lastDate)",
            BarChart(
                frame: ChartFrame(
                    title: "Grade shares at \(lastDate)",
                    description: "Mean share per grade and scenario with 95 % intervals",
                    xLabel: "Share of residents (mean over replicates)", yLabel: ""),
                categories: stateMetrics.map { stateName($0) },
                series: labels.map { label in
                    (
                        label, stateMetrics.map { summaries[label]?[$0]?.0 ?? .nan },
                        stateMetrics.map { m in
                            let s = summaries[label]?[m] ?? (.nan, .nan, .nan)
                            return (s.1, s.2)
                        }
                    )
                }, format: { percent($0) }
            ).svg(),
            "Mean share of residents in each grade at the end of \(lastDate) across replicates; whiskers are 95 % intervals.",
            HTML.table(
                ["grade"] + labels.map { "\($0) mean [95 % interval]" },
                stateMetrics.map { m in [stateName(m)] + labels.map { interval(summaries[$0]?[m]) } }))

        // Relative paired differences of the headline metrics.
        let headline = differences.filter { row in
            !row[0].hasPrefix("share_") && !row[0].contains("[") && (Double(row[3]).map { $0 != 0 } ?? false)
        }
        let relative = headline.compactMap { row -> (String, Double, (Double, Double))? in
            guard let base = summaries[row[1]]?[row[0]]?.0, base != 0, let d = Double(row[3]),
                let lo = Double(row[4]),
                let hi = Double(row[5])
            else { return nil }
            let name = labels.count == 2 ? row[0] : "\(row[0]) (\(row[2]))"
            return (name, d / abs(base), (lo / abs(base), hi / abs(base)))
        }
        if !relative.isEmpty {
            figures.add(
                "Paired differences",
                BarChart(
                    frame: ChartFrame(
                        title: "Paired differences",
                        description: "Relative paired difference from the baseline with 95 % intervals",
                        xLabel: "Difference relative to the baseline mean", yLabel: ""),
                    categories: relative.map(\.0),
                    series: [("paired difference", relative.map(\.1), relative.map(\.2))],
                    format: { percent($0) }
                ).svg(),
                "Variant minus baseline, paired by replicate, divided by the baseline mean; whiskers are 95 % intervals. Metrics that do not change are left out.",
                HTML.table(
                    ["metric", "relative difference", "95 % interval"],
                    relative.map { [$0.0, percent($0.1), "[\(percent($0.2.0)), \(percent($0.2.1))]"] }))
        }

        let measures =
            summaries[labels.first ?? ""]?.keys.filter { $0.hasPrefix("person_days_per_resident[") }.sorted()
            ?? []
        if !measures.isEmpty {
            let name = { (m: String) in String(m.dropFirst("person_days_per_resident[".count).dropLast()) }
            figures.add(
                "Exposure to measures",
                BarChart(
                    frame: ChartFrame(
                        title: "Exposure to measures",
                        description: "Person-days of exposure per resident, by measure and scenario",
                        xLabel: "Person-days per resident over the run (mean over replicates)", yLabel: ""),
                    categories: measures.map(name),
                    series: labels.map { label in
                        (
                            label, measures.map { summaries[label]?[$0]?.0 ?? 0 },
                            measures.map { m in
                                let s = summaries[label]?[m] ?? (0, 0, 0)
                                return (s.1, s.2)
                            }
                        )
                    }, format: { String(format: "%.3g", $0) }
                ).svg(),
                "Days residents spent exposed to each measure, per resident, with 95 % intervals across replicates.",
                HTML.table(
                    ["measure"] + labels.map { "\($0) mean [95 %]" },
                    measures.map { m in [name(m)] + labels.map { interval(summaries[$0]?[m]) } }))
        }
        body += "<h2>Figures</h2>" + figures.html.joined()
        if replicatesOnly {
            // One scenario (`run --replicates`): each metric's mean across replicates, no differences.
            let metrics = (summaries[labels[0]] ?? [:]).keys.sorted()
            body +=
                "<h2>Metrics</h2><p class=\"note\">Means over \(manifest.replicates ?? 0) replicates (seeds as "
                + "listed above) with 95 % intervals from the spread across replicates.</p>"
            body += HTML.table(
                ["metric", "mean [95 %]"], metrics.map { [$0, interval(summaries[labels[0]]?[$0])] })
            return (body + "</section>", figures.count)
        }
        let single = labels.count == 2
        body +=
            "<h2>Metrics</h2><p class=\"note\">Means over replicates with 95 % intervals; the paired difference is "
            + "variant − baseline (\(HTML.escape(labels.first ?? ""))) per replicate. Highlighted rows: the paired "
            + "interval excludes zero.</p>"
        body += HTML.table(
            ["metric"] + (single ? [] : ["variant"])
                + [
                    "\(labels.first ?? "baseline") mean [95 %]",
                    single ? "\(labels[1]) mean [95 %]" : "variant mean [95 %]",
                    "paired difference [95 %]", "unpaired interval",
                ],
            differences.map { row in
                [row[0]] + (single ? [] : [row[2]])
                    + [
                        interval(summaries[row[1]]?[row[0]]), interval(summaries[row[2]]?[row[0]]),
                        "\(number(row[3])) [\(number(row[4])), \(number(row[5]))]",
                        "[\(number(row[6])), \(number(row[7]))]",
                    ]
            }, highlight: { differences[$0][9] == "true" })
        if input.files["audit.json"] != nil {
            let audit = try input.json(Audit.self, "audit.json")
            body += "<h2>Guidance audit (\(HTML.escape(audit.guidance)))</h2>"
            body += HTML.table(
                ["subject", "what", "clause", "verdict", "reason", "source"],
                audit.items.map {
                    [
                        $0.subject, $0.name, $0.clause, $0.verdict.replacingOccurrences(of: "_", with: " "),
                        $0.reason, $0.source,
                    ]
                },
                highlight: { audit.items[$0].verdict == "violates" })
        }
        if let overlay = input.text("compliant-overlay.yaml") {
            body +=
                "<h2>The compliant variant</h2><p class=\"note\">The overlay that turned the local scheme into the compliant one:</p>"
            body += "<pre>\(HTML.escape(overlay))</pre>"
        }
        return (body + "</section>", figures.count)
    }

    private func orderedStates() -> [String] {
        (manifest.resolvedScenarios?.first?.scheme.grades.map(\.id) ?? []) + [Scheme.optedOut]
    }

    private func stateName(_ metric: String) -> String {
        let state = metric.dropFirst("share_".count).split(separator: "@").first.map(String.init) ?? metric
        return Scheme.displayName(ofState: state)
    }

    private func interval(_ s: (Double, Double, Double)?) -> String {
        guard let s else { return "–" }
        return "\(number(String(s.0))) [\(number(String(s.1))), \(number(String(s.2)))]"
    }

    private func number(_ text: String) -> String {
        guard let x = Double(text), x.isFinite else { return text }
        return abs(x) >= 100 ? String(format: "%.1f", x) : String(format: "%.4g", x)
    }

    func markdown() -> String {
        var lines = [
            "## Comparison: \(labels.joined(separator: " vs "))", "",
            "\(manifest.replicates ?? 0) replicates with common random numbers, CreditSim \(manifest.version). Paired differences (variant − baseline) with 95 % intervals; * excludes zero.",
            "", "| metric | variant | difference | 95 % interval |", "|---|---|---|---|",
        ]
        for row in differences where row[9] == "true" {
            lines.append(
                "| \(row[0]) | \(row[2]) | \(number(row[3])) * | [\(number(row[4])), \(number(row[5]))] |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
