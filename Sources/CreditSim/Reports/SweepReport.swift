internal import Foundation
internal import GSL

/// The report of a finished (or merged) sweep folder: every metric against every swept parameter.
///
/// Grid designs are drawn as lines (one per combination of the other parameters, when there are
/// at most `maxLines`; else averaged over them), each point the mean over replicates with its 95 %
/// band. Sampled designs (lhs, sobol, saltelli, morris) are drawn as the design points (means
/// over replicates) with binned means and their 95 % band.
struct SweepReport {
    let input: ReportInput
    let manifest: SweepManifestSummary
    let parameters: [String]
    /// results.csv rows: run, point, replicate, parameter values…, metric, value.
    let rows: [(point: Int, values: [String], metric: String, value: Double)]
    let metrics: [String]

    /// Lines per panel before the other parameters are averaged over instead.
    static let maxLines = 6
    /// Bins of a sampled parameter's range.
    static let bins = 8

    struct SweepManifestSummary: Decodable {
        let plan: String
        let design: String
        let parameters: [String]
        let runs: Int
        let version: String
        let command: [String]
        let inputs: [ReportManifest.Input]
    }

    init(_ input: ReportInput) throws(ReportError) {
        self.input = input
        manifest = try input.json(SweepManifestSummary.self, "manifest.json")
        guard let text = input.text("results.csv") else {
            throw .missingFile(folder: input.name, file: "results.csv")
        }
        let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        guard header.count >= 6, header.prefix(4) == ["run", "point", "replicate", "seed"],
            header.suffix(2) == ["metric", "value"]
        else {
            throw .unreadable(
                folder: input.name, file: "results.csv",
                reason: "the header is not run,point,replicate,seed,<parameters>,metric,value")
        }
        parameters = Array(header[4..<(header.count - 2)])
        let table = try input.rows(of: "results.csv", ["point"] + parameters + ["metric", "value"])
        var rows: [(point: Int, values: [String], metric: String, value: Double)] = []
        var metrics: [String] = []
        for row in table {
            guard let point = Int(row[0]), let value = Double(row[row.count - 1]) else {
                throw .unreadable(
                    folder: input.name, file: "results.csv", reason: "row \(row.joined(separator: ","))")
            }
            let metric = row[row.count - 2]
            if !metrics.contains(metric) { metrics.append(metric) }
            rows.append((point, Array(row[1..<(row.count - 2)]), metric, value))
        }
        self.rows = rows
        self.metrics = metrics
    }

    var isGrid: Bool { manifest.design == "grid" }

    /// A parameter's axis: numbers as they are, dates as days from the first, text by position.
    struct Axis {
        let positions: [String: Double]
        let label: (Double) -> String
        let categorical: Bool

        init(_ values: [String]) {
            let distinct = Array(Set(values))
            if distinct.allSatisfy({ Double($0) != nil }) {
                positions = Dictionary(uniqueKeysWithValues: distinct.map { ($0, Double($0) ?? 0) })
                label = { NumberText.fixed($0, decimals: 6, trimming: true) }
                categorical = false
            } else if let first = distinct.compactMap(SimDate.init).min(),
                distinct.allSatisfy({ SimDate($0) != nil })
            {
                positions = Dictionary(
                    uniqueKeysWithValues: distinct.map {
                        ($0, Double(first.days(until: SimDate($0) ?? first)))
                    })
                label = { first.adding(days: Int($0.rounded())).description }
                categorical = false
            } else {
                let sorted = distinct.sorted()
                positions = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Double($0)) })
                label = { i in
                    let k = Int(i.rounded())
                    return i == i.rounded() && sorted.indices.contains(k) ? sorted[k] : ""
                }
                categorical = true
            }
        }
    }

    func html(figureOffset: Int) -> (html: String, figures: Int) {
        var body = "<section><h2>Sweep: \(HTML.escape(manifest.plan))</h2>"
        body += "<p class=\"lede\">\(HTML.escape(introduction()))</p>"
        var figures = FigureList(offset: figureOffset)
        var constant: [String] = []
        let axes = parameters.indices.map { p in Axis(rows.map { $0.values[p] }) }
        for metric in metrics {
            let own = rows.filter { $0.metric == metric }
            let values = own.map(\.value).filter(\.isFinite)
            guard let low = values.min(), let high = values.max(), low != high else {
                constant.append(MetricCatalogue.describe(metric).words)
                continue
            }
            addFigure(metric, own, axes: axes, to: &figures)
        }
        body += "<h2>Figures</h2>" + figures.html.joined()
        if !constant.isEmpty {
            body +=
                "<p class=\"note\">The same in every run, so not drawn: "
                + HTML.escape(constant.joined(separator: "; ")) + ".</p>"
        }
        body += "<h2>Technical record</h2>"
        body += HTML.metaTable(
            [
                ["plan", manifest.plan], ["design", manifest.design],
                ["parameters", manifest.parameters.joined(separator: "; ")],
                ["runs", NumberText.grouped(Int64(manifest.runs))], ["CreditSim", manifest.version],
                [
                    "rerun with",
                    manifest.command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "),
                ],
            ] + manifest.inputs.map { ["input", "\($0.path)  sha256 \($0.sha256)"] })
        return (body + "</section>", figures.count)
    }

    func introduction() -> String {
        let points = Set(rows.map(\.point)).count
        let replicates = points > 0 ? manifest.runs / points : 0
        return
            "Sweep \(manifest.plan): \(manifest.design) design over \(parameters.joined(separator: ", ")); "
            + "\(NumberText.grouped(Int64(points))) design points × \(replicates) replicate"
            + (replicates == 1 ? "" : "s")
            + " = \(NumberText.grouped(Int64(manifest.runs))) runs. Each figure is one "
            + "metric, with one panel per parameter."
    }

    private func addFigure(
        _ metric: String, _ own: [(point: Int, values: [String], metric: String, value: Double)],
        axes: [Axis],
        to figures: inout FigureList
    ) {
        let m = MetricCatalogue.describe(metric)
        let yFormat = { (y: Double) in
            NumberText.significant(y * m.unit.scale, digits: 2) + (m.unit == .share ? " %" : "")
        }
        // Means over replicates per design point.
        var byPoint: [Int: (values: [String], samples: [Double])] = [:]
        for row in own { byPoint[row.point, default: (row.values, [])].samples.append(row.value) }
        let points = byPoint.keys.sorted().compactMap { byPoint[$0] }
        var panels: [(title: String, svg: String)] = []
        var table: [[String]] = []
        var averaged = false
        for (p, name) in parameters.enumerated() {
            let axis = axes[p]
            var series: [LineChart.Series] = []
            if isGrid {
                let others = parameters.indices.filter { $0 != p }
                var combos: [[String]] = []
                for point in points {
                    let key = others.map { point.values[$0] }
                    if !combos.contains(key) { combos.append(key) }
                }
                let grouped = combos.count <= Self.maxLines
                if !grouped { averaged = true }
                for combo in grouped ? combos : [[]] {
                    let members = points.filter { point in
                        !grouped || others.map { point.values[$0] } == combo
                    }
                    var byX: [Double: [Double]] = [:]
                    for point in members {
                        byX[axis.positions[point.values[p]] ?? 0, default: []] += point.samples
                    }
                    let xs = byX.keys.sorted()
                    let stats = xs.map { x in (x, Statistics.meanInterval(byX[x] ?? []), byX[x] ?? []) }
                    let label =
                        others.isEmpty || !grouped
                        ? (others.isEmpty
                            ? m.words : "mean over \(others.map { parameters[$0] }.joined(separator: ", "))")
                        : zip(others, combo).map { "\(parameters[$0.0]) = \($0.1)" }.joined(separator: ", ")
                    series.append(
                        LineChart.Series(
                            name: label,
                            points: stats.map { ($0.0, $0.1?.estimate ?? ($0.2.first ?? .nan)) },
                            band: stats.compactMap { s in s.1.map { (s.0, $0.lower, $0.upper) } }))
                    for s in stats {
                        table.append([
                            name, axis.label(s.0), label, m.value(s.1?.estimate ?? (s.2.first ?? .nan)),
                            s.1.map { "[\(m.bare($0.lower)), \(m.bare($0.upper))]" } ?? "–",
                            String(s.2.count),
                        ])
                    }
                }
            } else {
                let xy = points.map {
                    (
                        x: axis.positions[$0.values[p]] ?? 0,
                        y: $0.samples.reduce(0, +) / Double($0.samples.count)
                    )
                }
                let low = xy.map(\.x).min() ?? 0
                let high = xy.map(\.x).max() ?? 1
                let width = max(1e-12, (high - low) / Double(Self.bins))
                var binned: [(x: Double, interval: Interval?, values: [Double])] = []
                for b in 0..<Self.bins {
                    let inBin = xy.filter { min(Self.bins - 1, Int(($0.x - low) / width)) == b }.map(\.y)
                    guard !inBin.isEmpty else { continue }
                    binned.append((low + (Double(b) + 0.5) * width, Statistics.meanInterval(inBin), inBin))
                }
                series.append(LineChart.Series(name: "design points", points: xy, dots: true))
                series.append(
                    LineChart.Series(
                        name: "binned mean",
                        points: binned.map { ($0.x, $0.interval?.estimate ?? ($0.values.first ?? .nan)) },
                        band: binned.compactMap { b in b.interval.map { (b.x, $0.lower, $0.upper) } }))
                for b in binned {
                    table.append([
                        name, axis.label(b.x), "bin mean",
                        m.value(b.interval?.estimate ?? (b.values.first ?? .nan)),
                        b.interval.map { "[\(m.bare($0.lower)), \(m.bare($0.upper))]" } ?? "–",
                        String(b.values.count),
                    ])
                }
            }
            var frame = ChartFrame(
                title: "\(m.words) against \(name)", description: "\(m.words) by \(name)", xLabel: name,
                yLabel: m.unit.valueAxis)
            frame.width = 480
            frame.height = 300
            frame.left = 70
            frame.legendColumns = 1
            panels.append(
                (
                    name,
                    LineChart(
                        frame: frame, series: series, yFormat: yFormat, xFormat: axis.label,
                        styles: isGrid ? nil : [(colour: "#555555", dash: ""), (colour: "#0072b2", dash: "")]
                    ).svg()
                ))
        }
        let how =
            isGrid
            ? "Each line joins the design points of one combination of the other parameters"
                + (averaged
                    ? " (averaged over them where there are more than \(Self.maxLines) combinations)" : "")
                + "; each point is the mean over replicates, the band its 95 % interval."
            : "Dots are design points (means over replicates); the line is the mean of the points in each of "
                + "\(Self.bins) equal bins of the parameter, the band its 95 % interval. The other parameters vary "
                + "too, so the spread around the line includes their effect."
        figures.add(
            m.words, HTML.panels(panels),
            "\(m.words) (\(m.unit.valueAxis)) against each swept parameter. \(how)",
            HTML.table(["parameter", "value", "line", "mean", "95 % interval", "runs or points"], table))
    }
}
