internal import Foundation

/// The HTML report section and Markdown summary of one run's result folder.
struct RunReport {
    let input: ReportInput
    let manifest: ReportManifest
    let scenario: ResolvedScenario
    let summary: RunSummary
    let states: [String]
    /// The unedited scheme on the same residents, drawn as dashed lines behind the grade shares
    /// and the final score distribution (the explorer's "before"); `nil` in reports of runs.
    var baseline: ReportInput?

    init(_ input: ReportInput) throws(ReportError) {
        self.input = input
        manifest = try input.json(ReportManifest.self, "manifest.json")
        guard let scenario = manifest.resolvedScenario else {
            throw .unreadable(folder: input.name, file: "manifest.json", reason: "no resolved scenario")
        }
        self.scenario = scenario
        summary = try input.json(RunSummary.self, "summary.json")
        states = scenario.scheme.grades.map(\.id) + [Scheme.optedOut]
    }

    var start: SimDate { scenario.run.start }
    var days: Int { scenario.run.days }
    var overhauls: [(day: Int, label: String)] {
        scenario.scheme.rulebooks.dropFirst().map { (start.days(until: $0.effective), "rulebook \($0.id)") }
    }

    /// The grade shares as stacked layers, lowest grade at the bottom and opted out on top.
    func gradeLayers(_ daily: [[Int64]], sample: [Int]) -> [(name: String, colour: String, values: [Double])]
    {
        let population = Double(scenario.population.size)
        let layers = states.enumerated().map { k, state in
            (
                name: Scheme.displayName(ofState: state),
                colour: state == Scheme.optedOut ? Palette.optedOut : Palette.ordered(states.count - 1)[k],
                values: sample.map { Double(daily[$0][k]) / population }
            )
        }
        return layers.dropLast().reversed() + layers.suffix(1)
    }

    /// The baseline, when it covers the same days and states (else nothing is drawn behind).
    func comparableBaseline() throws(ReportError) -> RunReport? {
        guard let input = baseline else { return nil }
        let report = try RunReport(input)
        return report.start == start && report.days == days && report.states == states ? report : nil
    }

    /// Every k-th day (and the last), so a chart has at most about 400 points.
    var sampleDays: [Int] {
        let every = max(1, days / 400)
        var out = Array(stride(from: 0, to: days, by: every))
        if out.last != days - 1 { out.append(days - 1) }
        return out
    }

    func html(figureOffset: Int) throws(ReportError) -> (html: String, figures: Int) {
        var body = "<section><h2>\(HTML.escape(scenario.meta.title))</h2>"
        body += "<p class=\"lede\">\(HTML.escape(introduction()))</p>"
        body += "<div class=\"summary\"><h3>Summary</h3><ul>" + facts().map(\.html).joined() + "</ul></div>"
        body += "<p class=\"note\">\(HTML.escape(scenario.meta.description))</p>"
        var figures = FigureList(offset: figureOffset)
        let daily = try dailyCounts()
        let sample = sampleDays
        let population = Double(scenario.population.size)
        let layers = gradeLayers(daily, sample: sample)
        let comparable = try comparableBaseline()  // read once, drawn in two figures
        var ghost: (label: String, tops: [[Double]])?
        if let b = comparable {
            var top = [Double](repeating: 0, count: sample.count)
            let tops = b.gradeLayers(try b.dailyCounts(), sample: sample).map { layer in
                top = zip(top, layer.values).map { $0 + $1 }
                return top
            }
            ghost = (label: "unedited scheme", tops: tops)
        }
        let ghostNote = ghost == nil ? "" : " Dashed black lines: the unedited scheme on the same residents."
        let yearly = tableDays()
        figures.add(
            "Grade shares over time",
            StackedAreaChart(
                frame: ChartFrame(
                    title: "Grade shares over time",
                    description: "Stacked shares of residents in each grade and opted out",
                    xLabel: "Date (end of day)", yLabel: "Share of residents"),
                days: sample, layers: layers, markers: overhauls, start: start, ghost: ghost
            ).svg(),
            "Share of all residents in each grade at the end of each day, and opted out; dashed lines mark overhauls (new rulebooks)."
                + ghostNote,
            HTML.table(
                ["date"] + states,
                yearly.map { d in
                    [start.adding(days: d).description] + daily[d].map { percent(Double($0) / population) }
                }))

        // date, bin_lower, bin_upper, residents
        let histogram = try input.table(
            .histograms, ["date", "bin_lower", "bin_upper", "residents"], group: "all")
        let dates = Array(Set(histogram.map { $0[0] })).sorted()
        let baselineHistogram = try comparable?.input.table(
            .histograms, ["date", "bin_lower", "bin_upper", "residents"], group: "all")
        // The axis spans the occupied bins (and one empty bin either side), not the whole table.
        let occupied = (histogram + (baselineHistogram ?? [])).filter { (Double($0[3]) ?? 0) > 0 }.compactMap
        {
            Double($0[1])
        }
        let width = histogram.first.flatMap { row in Double(row[2]).map { $0 - (Double(row[1]) ?? 0) } } ?? 0
        let shown = (occupied.min() ?? -.infinity) - width...(occupied.max() ?? .infinity) + width
        func distribution(_ rows: [[String]], name: String, ghost: Bool) -> LineChart.Series {
            let rows = rows.filter { shown.contains(Double($0[1]) ?? 0) }
            let total = rows.reduce(0.0) { $0 + (Double($1[3]) ?? 0) }
            var points = rows.map { (x: Double($0[1]) ?? 0, y: (Double($0[3]) ?? 0) / max(1, total)) }
            if let last = rows.last { points.append((x: Double(last[2]) ?? 0, y: points.last?.y ?? 0)) }
            return .init(name: name, points: points, ghost: ghost)
        }
        var histogramSeries = dates.map { date in
            distribution(histogram.filter { $0[0] == date }, name: date, ghost: false)
        }
        if let baselineHistogram, let last = dates.last {
            histogramSeries.append(
                distribution(
                    baselineHistogram.filter { $0[0] == last }, name: "unedited scheme, \(last)", ghost: true)
            )
        }
        figures.add(
            "Score distribution",
            LineChart(
                frame: ChartFrame(
                    title: "Score distribution",
                    description: "Share of residents per score bin at chosen dates",
                    xLabel: "Score (points)", yLabel: "Share of residents per bin"),
                series: histogramSeries, step: true, yFormat: { percent($0) }
            ).svg(),
            "Share of scored residents in each score bin at the end of the given dates (opted-out residents at their frozen score when frozen)."
                + (baselineHistogram == nil ? "" : " Dashed grey: the unedited scheme at the last date."),
            HTML.table(
                ["date", "bin from", "bin to", "residents"], histogram))

        let timeline = ruleTimeline()
        figures.add(
            "Rule timeline",
            TimelineChart(
                frame: ChartFrame(
                    title: "Rule timeline", description: "Which rules were in force when, with their points",
                    xLabel: "Date", yLabel: ""),
                start: start, days: days, rows: timeline.rows, markers: overhauls
            ).svg(),
            "Each bar is a rule in force, labelled with the points per detected event (negative: penalty).",
            HTML.table(["behaviour", "rulebook", "from", "to", "points"], timeline.table))

        let categories = try pointsByCategory()
        figures.add(
            "Points by rule category",
            BarChart(
                frame: ChartFrame(
                    title: "Points by rule category",
                    description: "Points added and removed per category over the run",
                    xLabel: "Points per resident over the run", yLabel: ""),
                categories: categories.map(\.category),
                series: [
                    ("added", categories.map { $0.added / population }, nil),
                    ("removed", categories.map { -$0.removed / population }, nil),
                ], format: { String(format: "%.3g", $0) }
            ).svg(),
            "Points added (positive) and removed (negative) per resident, by the category of the behaviour.",
            HTML.table(
                ["category", "points added", "points removed"],
                categories.map { [$0.category, String(Int($0.added)), String(Int($0.removed))] }))

        let opted = states.count - 1
        if (0..<days).allSatisfy({ daily[$0][opted] == 0 }) {
            body +=
                "<p class=\"note\">Nobody opted out (enrolment: \(HTML.escape(scenario.enrolment.mode))), so there is no opt-out chart.</p>"
        } else {
            figures.add(
                "Opted out over time",
                LineChart(
                    frame: ChartFrame(
                        title: "Opted out over time",
                        description: "Share of residents opted out or not consenting",
                        xLabel: "Date (end of day)", yLabel: "Share of residents"),
                    series: [
                        .init(
                            name: "opted out",
                            points: sample.map { (Double($0), Double(daily[$0][opted]) / population) })
                    ],
                    markers: overhauls.map { (Double($0.day), $0.label) }, start: start,
                    yFormat: { percent($0) }, yMinimum: 0
                ).svg(),
                "Share of residents who have left the scheme (opt-out) or did not consent, by day. Enrolment mode: \(scenario.enrolment.mode)"
                    + (scenario.enrolment.from.map { " from \($0)" } ?? "") + ".",
                HTML.table(
                    ["date", "opted out"],
                    yearly.map { [start.adding(days: $0).description, String(daily[$0][opted])] }))
        }

        if !scenario.consequences.measures.isEmpty {
            let exposure = try exposures()
            let series = scenario.consequences.measures.map { m in
                LineChart.Series(
                    name: m.id,
                    points: sample.map { (Double($0), Double(exposure[m.id]?[$0] ?? 0) / population) })
            }
            figures.add(
                "Exposure to measures",
                LineChart(
                    frame: ChartFrame(
                        title: "Exposure to measures",
                        description: "Share of residents exposed to each measure by day",
                        xLabel: "Date (end of day)", yLabel: "Share of residents exposed"),
                    series: series, markers: overhauls.map { (Double($0.day), $0.label) }, start: start,
                    yFormat: { percent($0) }, yMinimum: 0
                ).svg(),
                "Residents exposed to each reward, restriction or publicity measure at the end of each day, as a share of all residents.",
                HTML.table(
                    ["date"] + scenario.consequences.measures.map(\.id),
                    yearly.map { d in
                        [start.adding(days: d).description]
                            + scenario.consequences.measures.map { String(exposure[$0.id]?[d] ?? 0) }
                    }))
        }

        let trajectories = try trajectorySeries()
        let drops = try input.table(.drops, ResultTable.drops.columns)
        figures.add(
            "Individual trajectories",
            LineChart(
                frame: ChartFrame(
                    title: "Individual trajectories", description: "Scores of sampled residents over time",
                    xLabel: "Date (end of day)", yLabel: "Score (points)"),
                series: trajectories, markers: overhauls.map { (Double($0.day), $0.label) }, step: true,
                start: start,
                yFormat: { String(Int($0)) }
            ).svg(),
            "Scores of the resident with the largest drop (the first line; dashed markers bound the drop) and of sampled residents (taken at a fixed stride). The table lists the largest drops within "
                + "\(summary.largestDrop.map { "\($0.endDay - $0.startDay + 1)" } ?? "the")-day window"
                + (summary.largestDrop.map {
                    ": resident \($0.resident) lost \($0.drop) points from \(start.adding(days: $0.startDay)) to \(start.adding(days: $0.endDay))."
                } ?? "."),
            HTML.table(["rank", "resident", "group", "from", "to", "before", "after", "drop"], drops))
        body += "<h2>Figures</h2>" + figures.html.joined()
        body += "<h2>Technical record</h2>" + HTML.metaTable(technicalRecord()) + "</section>"
        return (body, figures.count)
    }

    /// What was run, in one sentence.
    func introduction() -> String {
        "One run of \(scenario.meta.name) from \(start) to \(start.adding(days: days - 1)) (\(NumberText.grouped(Int64(days))) "
            + "days) with \(NumberText.grouped(Int64(scenario.population.size))) residents, seed "
            + "\(manifest.seed.map(String.init) ?? "?"). One run has no error bars: creditsim run --replicates N "
            + "repeats it over N seeds and gives 95 % intervals."
    }

    /// The summary in words: the same facts, in the same order, as a comparison's replicates.
    func facts() -> [SummaryInWords.Sentence] {
        let n = Double(scenario.population.size)
        let last = summary.keyDates.last
        var values: [String: Double] = [
            "ever_penalised_share": Double(summary.everPenalised) / n,
            "penalised_not_unlawful_share": Double(summary.everPenalisedNotUnlawful) / n,
            "opted_out_share": Double(summary.optedOut) / n,
            "points_removed_not_unlawful_per_resident": Double(summary.pointsRemovedByLawfulness["no"] ?? 0)
                / n,
        ]
        if let f = summary.finalScores { values["mean_score"] = f.mean }
        if let d = summary.largestDrop { values["largest_drop"] = Double(d.drop) }
        for (state, share) in last?.shares ?? [:] {
            values["share_\(state)@\(last?.date.description ?? "")"] = share
        }
        var sentences = SummaryInWords.facts(
            value: { values[$0].map { ($0, nil) } }, grades: scenario.scheme.grades.map(\.id),
            lastDate: last?.date.description)
        if let d = summary.largestDrop, let i = sentences.firstIndex(where: { $0.lead.hasPrefix("Largest") })
        {
            sentences[i] = .init(
                lead: sentences[i].lead,
                text:
                    "\(NumberText.grouped(Int64(d.drop))) points (resident \(d.resident), from \(d.before) to \(d.after) "
                    + "between \(start.adding(days: d.startDay)) and \(start.adding(days: d.endDay)))")
        }
        return sentences
    }

    private func technicalRecord() -> [[String]] {
        let rows: [[String]] =
            [
                ["scenario", "\(scenario.meta.name) — \(scenario.meta.title)"],
                ["dates", "\(start) to \(start.adding(days: days - 1)) (\(days) days)"],
                ["population", String(scenario.population.size)],
                ["seed", manifest.seed.map(String.init) ?? "?"],
                ["generator", manifest.generator ?? "?"],
                ["CreditSim", manifest.version],
                ["run started", manifest.startedAt],
                [
                    "rerun with",
                    manifest.command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "),
                ],
            ] + manifest.inputs.map { ["input", "\($0.path)  sha256 \($0.sha256)"] }
        return rows
    }

    /// End-of-day counts per state for all residents, by day.
    func dailyCounts() throws(ReportError) -> [[Int64]] {
        var out = Array(repeating: [Int64](repeating: 0, count: states.count), count: days)
        let index = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1, $0) })
        for row in try input.table(.daily, ["day", "state", "residents"], group: "all") {
            guard let d = Int(row[0]), d < days, let k = index[row[1]], let v = Int64(row[2]) else {
                throw .unreadable(
                    folder: input.name, file: "daily.csv", reason: "row \(row.joined(separator: ","))")
            }
            out[d][k] = v
        }
        return out
    }

    /// Days listed in the tables: the first, the first of each year, and the last.
    func tableDays() -> [Int] {
        var out = [0]
        for d in 1..<days
        where start.adding(days: d).components.month == 1 && start.adding(days: d).components.day == 1 {
            out.append(d)
        }
        if out.last != days - 1 { out.append(days - 1) }
        return out
    }

    func ruleTimeline() -> (
        rows: [(label: String, spans: [(from: Int, to: Int, text: String)])], table: [[String]]
    ) {
        let books = scenario.scheme.rulebooks
        let names = Dictionary(uniqueKeysWithValues: scenario.behaviours.map { ($0.id, $0.name) })
        var order: [String] = []
        for book in books {
            for rule in book.rules where !order.contains(rule.behaviour) { order.append(rule.behaviour) }
        }
        var table: [[String]] = []
        let rows = order.map { behaviour -> (label: String, spans: [(from: Int, to: Int, text: String)]) in
            var spans: [(Int, Int, String)] = []
            for (k, book) in books.enumerated() {
                guard let rule = book.rules.first(where: { $0.behaviour == behaviour }) else { continue }
                let from = start.days(until: book.effective)
                let to = k + 1 < books.count ? start.days(until: books[k + 1].effective) : days
                spans.append((from, to, rule.points > 0 ? "+\(rule.points)" : "\(rule.points)"))
                table.append([
                    behaviour, book.id, start.adding(days: from).description,
                    start.adding(days: to - 1).description, String(rule.points),
                ])
            }
            let name = names[behaviour] ?? behaviour
            return (label: name.count > 48 ? String(name.prefix(47)) + "…" : name, spans: spans)
        }
        return (rows, table)
    }

    func pointsByCategory() throws(ReportError) -> [(category: String, added: Double, removed: Double)] {
        var out: [(category: String, added: Double, removed: Double)] = []
        for row in try input.table(.rules, ["category", "points_added", "points_removed"]) {
            let added = Double(row[1]) ?? 0
            let removed = Double(row[2]) ?? 0
            if let i = out.firstIndex(where: { $0.category == row[0] }) {
                out[i].added += added
                out[i].removed += removed
            } else {
                out.append((row[0], added, removed))
            }
        }
        return out
    }

    func exposures() throws(ReportError) -> [String: [Int64]] {
        var out: [String: [Int64]] = [:]
        for row in try input.table(.exposures, ["day", "measure", "exposed"], group: "all") {
            guard let d = Int(row[0]), d < days, let v = Int64(row[2]) else {
                throw .unreadable(
                    folder: input.name, file: "exposures.csv", reason: "row \(row.joined(separator: ","))")
            }
            out[row[1], default: [Int64](repeating: 0, count: days)][d] = v
        }
        return out
    }

    /// The largest-drop resident first (its trajectory is always recorded), then sampled ones, up to 8.
    func trajectorySeries() throws(ReportError) -> [LineChart.Series] {
        var byResident: [String: [(x: Double, y: Double)]] = [:]
        var order: [String] = []
        for row in try input.table(.trajectories, ["resident", "day", "score"]) {
            guard let day = Double(row[1]), let score = Double(row[2]) else {
                throw .unreadable(
                    folder: input.name, file: "trajectories.csv", reason: "row \(row.joined(separator: ","))")
            }
            if byResident[row[0]] == nil { order.append(row[0]) }
            byResident[row[0], default: []].append((x: max(0, day), y: score))
        }
        let top = summary.largestDrop.map { String($0.resident) }
        if let top, let i = order.firstIndex(of: top) { order.insert(order.remove(at: i), at: 0) }
        return order.prefix(8).map { resident in
            guard var points = byResident[resident] else {
                preconditionFailure("every resident in `order` has points (invariant)")
            }
            if let last = points.last, last.x < Double(days - 1) { points.append((Double(days - 1), last.y)) }
            return LineChart.Series(
                name: "resident \(resident)\(resident == top ? " (largest drop)" : "")", points: points)
        }
    }

    /// `summary.md`: the summary in words, the grade shares at each key date, the technical record.
    func markdown() -> String {
        var lines = ["## \(scenario.meta.title)", "", introduction(), ""]
        lines += facts().map(\.markdown) + [""]
        lines += [
            "| grades at the end of | " + states.map(Scheme.displayName(ofState:)).joined(separator: " | ")
                + " |"
        ]
        lines.append("|---|" + String(repeating: "---|", count: states.count))
        for key in summary.keyDates {
            lines.append(
                "| \(key.date) | "
                    + states.map { NumberText.percent(key.shares[$0] ?? 0) }.joined(separator: " | ")
                    + " |")
        }
        lines += ["", "Technical record:", ""] + technicalRecord().map { "- \($0[0]): \($0[1])" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A share as a percentage with one decimal.
func percent(_ x: Double) -> String { NumberText.percent(x) }
