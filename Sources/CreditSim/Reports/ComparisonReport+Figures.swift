/// The figures of a comparison report: every scenario on the same figure, uncertainty shown, one
/// unit per axis.
extension ComparisonReport {
    /// Grade shares over time as small multiples, one panel per grade (and opted out), every
    /// scenario's line and 95 % band in each panel, on the same time axis.
    func addGradeFigure(to figures: inout FigureList) throws(ReportError) {
        let bands = try input.table(.bands, ["scenario", "date", "state", "mean", "ci_low", "ci_high"])
        guard !bands.isEmpty, let start = manifest.resolvedScenarios?.first?.run.start else { return }
        let day = { (row: [String]) in Double(SimDate(row[1]).map { start.days(until: $0) } ?? 0) }
        let lastDay = bands.map(day).max() ?? 0
        var markers: [(x: Double, label: String)] = []
        for scenario in manifest.resolvedScenarios ?? [] {
            for book in scenario.scheme.rulebooks.dropFirst() {
                let x = Double(start.days(until: book.effective))
                if x <= lastDay && !markers.contains(where: { $0.x == x }) {
                    markers.append((x, "rulebook \(book.id)"))
                }
            }
        }
        var widest = 0.0
        var panels: [(title: String, svg: String)] = []
        var empty: [String] = []
        let styles = BarChart.colours.enumerated().map {
            (colour: $1, dash: Palette.dashes[$0 % Palette.dashes.count])
        }
        for state in orderedStates() {
            let occupied = bands.contains { $0[2] == state && (Double($0[5]) ?? 0) > 0 }
            guard occupied else {
                empty.append(state == Scheme.optedOut ? "opted out" : "at grade \(state)")
                continue
            }
            let series = labels.map { label -> LineChart.Series in
                let own = bands.filter { $0[0] == label && $0[2] == state }
                let band = own.map { row -> (x: Double, lower: Double, upper: Double) in
                    let lower = max(0, Double(row[4]) ?? .nan)
                    let upper = min(1, Double(row[5]) ?? .nan)
                    if upper - lower > widest { widest = upper - lower }
                    return (day(row), lower, upper)
                }
                return LineChart.Series(
                    name: label, points: own.map { (day($0), Double($0[3]) ?? .nan) }, band: band)
            }
            let name = state == Scheme.optedOut ? "Opted out" : "Grade \(state)"
            var frame = ChartFrame(
                title: name, description: "Share of residents: \(name.lowercased()), by scenario",
                xLabel: "Date (end of day)", yLabel: "Share of residents")
            frame.width = 360
            frame.height = 250
            frame.left = 66
            frame.legendColumns = 1
            panels.append(
                (
                    name,
                    LineChart(
                        frame: frame, series: series, markers: markers, start: start,
                        yFormat: { NumberText.significant($0 * 100, digits: 2) + " %" }, yMinimum: 0,
                        styles: styles
                    ).svg()
                ))
        }
        var dates: [String] = []
        for row in bands where !dates.contains(row[1]) { dates.append(row[1]) }
        let shown = Set(
            stride(from: 0, to: dates.count, by: max(1, dates.count / 10)).map { dates[$0] } + dates.suffix(1)
        )
        let lines =
            replicatesOnly
            ? "The line is the mean across replicates"
            : "Each scenario has its own line, the mean across replicates, in the colours of the bars below "
                + "(solid blue: the baseline, \(labels[0]))"
        let absent =
            empty.isEmpty
            ? ""
            : " No resident was ever \(empty.joined(separator: " or ")) in any scenario, so those panels are left out."
        figures.add(
            "Grade shares over time",
            HTML.panels(panels, columns: 3),
            "\(lines); the shaded band around it is its 95 % interval. The widest band in this figure spans "
                + "\(NumberText.significant(widest * 100, digits: 2)) percentage points, so most bands are "
                + "thinner than their line. Each panel has its own vertical scale."
                + (markers.isEmpty ? "" : " Grey dotted vertical lines mark new rulebooks (overhauls).")
                + absent,
            HTML.table(
                ["scenario", "date", "state", "mean", "95 % interval"],
                bands.filter { shown.contains($0[1]) }.map {
                    [
                        $0[0], $0[1], Scheme.displayName(ofState: $0[2]),
                        NumberText.percent(Double($0[3]) ?? .nan),
                        "[\(NumberText.percent(Double($0[4]) ?? .nan)), \(NumberText.percent(Double($0[5]) ?? .nan))]",
                    ]
                }))
    }

    /// Grade shares at the last reported date, every scenario side by side with whiskers.
    func addLastGradesFigure(to figures: inout FigureList) {
        guard let lastDate else { return }
        let metrics = orderedStates().map { "share_\($0)@\(lastDate)" }.filter {
            summaries[labels[0]]?[$0] != nil
        }
        guard !metrics.isEmpty else { return }
        let name = { (id: String) in
            let state = id.dropFirst("share_".count).split(separator: "@").first.map(String.init) ?? id
            return Scheme.displayName(ofState: state)
        }
        figures.add(
            "Grade shares on \(lastDate)",
            BarChart(
                frame: ChartFrame(
                    title: "Grade shares on \(lastDate)",
                    description: "Mean share of residents per grade and scenario with 95 % intervals",
                    xLabel: "Share of residents (mean over replicates)", yLabel: ""),
                categories: metrics.map(name),
                series: labels.map { label in
                    (
                        label, metrics.map { summaries[label]?[$0]?.0 ?? .nan },
                        metrics.map { m in
                            let s = summaries[label]?[m] ?? (.nan, .nan, .nan)
                            return (s.1, s.2)
                        }
                    )
                }, format: { NumberText.percent($0, decimals: 0) }
            ).svg(),
            "Mean share of residents in each grade at the end of \(lastDate) across replicates, one bar per "
                + "scenario; the black whisker on each bar is its 95 % interval.",
            HTML.table(
                ["grade"] + labels.map { "\($0) mean [95 % interval]" },
                metrics.map { m in
                    [name(m)]
                        + labels.map { label in
                            summaries[label]?[m].map { describe(m).value($0.0, interval: ($0.1, $0.2)) }
                                ?? "–"
                        }
                }))
    }

    /// Paired differences, one figure per unit (each with its own scale), largest first.
    func addDifferencesFigure(to figures: inout FigureList) {
        let variants = Array(labels.dropFirst())
        let shown = effects.filter { entry in
            let e = entry.effect
            return (e.metric.date == nil || e.metric.date == lastDate)
                && (e.difference != 0 || e.interval.0 != e.interval.1) && e.difference.isFinite
        }
        var axes: [String] = []
        for unit in MetricUnit.allCases where !axes.contains(unit.differenceAxis) {
            axes.append(unit.differenceAxis)
        }
        for axis in axes {
            let own = shown.filter { $0.effect.metric.unit.differenceAxis == axis }
            let unit = own.first?.effect.metric.unit ?? .number
            var ids: [String] = []
            for entry in own.sorted(by: { abs($0.effect.difference) > abs($1.effect.difference) })
            where !ids.contains(entry.effect.metric.id) {
                ids.append(entry.effect.metric.id)
            }
            guard !ids.isEmpty else { continue }
            let scale = unit == .share ? 100.0 : 1.0
            let series = variants.map { variant in
                let lookup = { (id: String) in
                    own.first { $0.variant == variant && $0.effect.metric.id == id }?.effect
                }
                return (
                    name: "\(variant) − \(labels[0])",
                    values: ids.map { (lookup($0)?.difference ?? .nan) * scale },
                    intervals: Optional(
                        ids.map { id -> (Double, Double) in
                            let e = lookup(id)
                            return ((e?.interval.0 ?? .nan) * scale, (e?.interval.1 ?? .nan) * scale)
                        })
                )
            }
            let title = "What changes, in \(unit.differenceAxis)"
            let rows = own.map { entry in
                [
                    entry.effect.metric.words, entry.variant,
                    entry.effect.metric.difference(entry.effect.difference, interval: entry.effect.interval),
                ]
            }
            figures.add(
                title,
                BarChart(
                    frame: ChartFrame(
                        title: title,
                        description: "Paired differences from the baseline in \(unit.differenceAxis)",
                        xLabel: "Variant − baseline (\(unit.differenceAxis))", yLabel: ""),
                    categories: ids.map { describe($0).words }, series: series,
                    format: { NumberText.fixed($0, decimals: 4, trimming: true) }
                ).svg(),
                "Variant minus baseline in \(unit.differenceAxis), paired by replicate, largest first; the black "
                    + "whisker on each bar is its 95 % interval. Metrics in other units have their own figures and "
                    + "scales"
                    + (unit == .share ? "; grade shares are those on \(lastDate ?? "the last date")" : "")
                    + "; metrics that do not change are left out.",
                HTML.table(["metric", "variant", "difference [95 % interval]"], rows))
        }
    }

    /// Person-days under each measure per resident, every scenario side by side.
    func addExposureFigure(to figures: inout FigureList) {
        let prefix = "person_days_per_resident["
        let measures = metricOrder.filter { $0.hasPrefix(prefix) }
        guard !measures.isEmpty else { return }
        let name = { (m: String) in
            let id = String(m.dropFirst(prefix.count).dropLast())
            return measureNames[id] ?? id
        }
        figures.add(
            "Exposure to measures",
            BarChart(
                frame: ChartFrame(
                    title: "Exposure to measures",
                    description: "Days under each measure per resident, by scenario",
                    xLabel: "Days per resident over the run (mean over replicates)", yLabel: ""),
                categories: measures.map(name),
                series: labels.map { label in
                    (
                        label, measures.map { summaries[label]?[$0]?.0 ?? 0 },
                        measures.map { m in
                            let s = summaries[label]?[m] ?? (0, 0, 0)
                            return (s.1, s.2)
                        }
                    )
                }, format: { NumberText.significant($0, digits: 3) }
            ).svg(),
            "Days residents spent under each reward, restriction or publicity measure, per resident, one "
                + "bar per scenario; the black whisker on each bar is its 95 % interval across replicates.",
            HTML.table(
                ["measure"] + labels.map { "\($0) mean [95 % interval]" },
                measures.map { m in
                    [name(m)]
                        + labels.map { label in
                            summaries[label]?[m].map { describe(m).value($0.0, interval: ($0.1, $0.2)) }
                                ?? "–"
                        }
                }))
    }
}
