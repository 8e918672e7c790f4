/// The tables of a comparison report: metrics in words with their units, and the audit by clause.
extension ComparisonReport {
    /// The metrics (grade shares at earlier dates in a table of their own), each in words with its
    /// unit; the leading effects of the summary highlighted.
    func metricTables() -> String {
        let dated = metricOrder.filter { describe($0).date != nil && describe($0).date != lastDate }
        let main = metricOrder.filter { !dated.contains($0) }
        var out = "<h2>Metrics</h2>"
        if replicatesOnly {
            out +=
                "<p class=\"note\">Means over \(replicates) replicates with 95 % intervals from the spread "
                + "across replicates.</p>"
            let row = { (id: String) -> [String] in
                let m = self.describe(id)
                return [
                    m.words, m.unit.tableUnit,
                    self.summaries[self.labels[0]]?[id].map { m.bare($0.0, interval: ($0.1, $0.2)) } ?? "–",
                ]
            }
            out += HTML.table(["metric", "unit", "mean [95 % interval]"], main.map(row), align: .left)
            if !dated.isEmpty {
                out += "<h3>Grade shares at each date</h3>"
                out += HTML.table(["metric", "unit", "mean [95 % interval]"], dated.map(row), align: .left)
            }
            return out
        }
        let leads = Set(
            labels.dropFirst().flatMap { variant in
                SummaryInWords.leads(
                    effects.filter { $0.variant == variant }.map(\.effect), lastDate: lastDate
                )
                .map { "\(variant) \($0.metric.id)" }
            })
        out +=
            "<p class=\"note\">Means over \(replicates) replicates with 95 % intervals. The paired difference "
            + "is variant − baseline (\(HTML.escape(labels[0]))) within each replicate; the unpaired interval "
            + "(Welch) is shown for comparison: it ignores the pairing and is wider. “Clear” means the paired "
            + "interval excludes zero. Highlighted rows are the leading effects of the summary.</p>"
        let header =
            ["metric", "unit"] + (labels.count > 2 ? ["variant"] : [])
            + [
                "\(labels[0]) mean [95 %]", "variant mean [95 %]", "paired difference [95 %]",
                "unpaired interval", "clear",
            ]
        func rows(_ ids: [String]) -> (rows: [[String]], hits: [Bool]) {
            var out: [[String]] = []
            var hits: [Bool] = []
            for id in ids {
                for entry in effects where entry.effect.metric.id == id {
                    let e = entry.effect
                    let m = e.metric
                    let mean = { (label: String) in
                        self.summaries[label]?[id].map { m.bare($0.0, interval: ($0.1, $0.2)) } ?? "–"
                    }
                    let unpaired = e.unpaired
                    out.append(
                        [m.words, m.unit.tableUnit] + (labels.count > 2 ? [entry.variant] : [])
                            + [
                                mean(labels[0]), mean(entry.variant),
                                m.bareDifference(e.difference, interval: e.interval),
                                unpaired.map { m.bareInterval($0) } ?? "–",
                                e.excludesZero ? "yes" : "no",
                            ])
                    hits.append(leads.contains("\(entry.variant) \(id)"))
                }
            }
            return (out, hits)
        }
        let first = rows(main)
        out += HTML.table(header, first.rows, highlight: { first.hits[$0] }, align: .left)
        if !dated.isEmpty {
            let second = rows(dated)
            out += "<h3>Grade shares at earlier dates</h3>"
            out += HTML.table(header, second.rows, align: .left)
        }
        return out
    }

    /// The audit: a count per clause with what the clause requires and its source (once), then
    /// the verdicts grouped by clause, violations first.
    func auditHTML(_ audit: AuditSummary) -> String {
        var out = "<h2>Guidance audit: \(HTML.escape(audit.guidance))</h2>"
        if let sentence = SummaryInWords.audit(audit) {
            out += "<p>\(HTML.escape(sentence.text))</p>"
        }
        let clauses = audit.clauseIDs
        let verdicts = ["violates", "cannot_tell", "complies"]
        out += HTML.table(
            ["clause", "what it requires", "violates", "cannot tell", "complies", "source"],
            clauses.map { id in
                let clause = audit.clauses?.first { $0.id == id }
                let items = audit.items.filter { $0.clause == id }
                return [id, clause?.text ?? ""]
                    + verdicts.map { v in String(items.filter { $0.verdict == v }.count) }
                    + [clause?.source ?? items.first?.source ?? ""]
            },
            highlight: { i in audit.items.contains { $0.clause == clauses[i] && $0.verdict == "violates" } },
            align: .left)
        for id in clauses {
            let items = audit.items.filter { $0.clause == id }.sorted {
                (verdicts.firstIndex(of: $0.verdict) ?? 3) < (verdicts.firstIndex(of: $1.verdict) ?? 3)
            }
            guard !items.isEmpty else { continue }
            out += "<h3>\(HTML.escape(id))</h3>"
            out += HTML.table(
                ["verdict", "part of the scheme", "what", "why"],
                items.map {
                    [$0.verdict.replacingOccurrences(of: "_", with: " "), $0.subject, $0.name, $0.reason]
                },
                highlight: { items[$0].verdict == "violates" }, align: .left)
        }
        return out
    }
}
