/// The summary in words of a comparison, in HTML and in `summary.md`.
extension ComparisonReport {
    /// The summary's blocks: a heading (for comparisons with several variants) and its sentences.
    func summaryBlocks() -> [(heading: String?, sentences: [SummaryInWords.Sentence])] {
        if replicatesOnly {
            let label = labels[0]
            let facts = SummaryInWords.facts(
                value: { id in summaries[label]?[id].map { ($0.0, ($0.1, $0.2)) } },
                grades: orderedStates().dropLast(), lastDate: lastDate)
            return [(nil, facts)]
        }
        var blocks: [(heading: String?, sentences: [SummaryInWords.Sentence])] = []
        for variant in labels.dropFirst() {
            let own = effects.filter { $0.variant == variant }.map(\.effect)
            let leads = SummaryInWords.leads(own, lastDate: lastDate)
            var sentences = leads.map { SummaryInWords.sentence($0, population: population) }
            let clear = own.filter { $0.excludesZero }.count
            sentences.append(
                .init(
                    lead: "Other metrics",
                    text:
                        "\(clear - leads.count) more change clearly (their 95 % interval excludes zero) and "
                        + "\(own.count - clear) do not; the tables below list every metric."))
            blocks.append((labels.count > 2 ? "\(variant) compared with \(labels[0])" : nil, sentences))
        }
        if let audit, let sentence = SummaryInWords.audit(audit) {
            blocks.append((nil, [sentence]))
        }
        return blocks
    }

    func summaryHTML() -> String {
        var out = "<div class=\"summary\"><h3>Summary</h3>"
        for block in summaryBlocks() {
            if let heading = block.heading { out += "<h4>\(HTML.escape(heading))</h4>" }
            out += "<ul>" + block.sentences.map(\.html).joined() + "</ul>"
        }
        if !replicatesOnly { out += "<p class=\"note\">\(HTML.escape(SummaryInWords.leadRule))</p>" }
        return out + "</div>"
    }

    /// `summary.md`: the summary in words, every metric in words with its unit, then the
    /// technical record.
    func markdown() -> String {
        var lines = [
            replicatesOnly
                ? "## Replicates of \(labels[0])" : "## Comparison: \(labels.joined(separator: " vs "))",
            "", introduction(), "",
        ]
        for block in summaryBlocks() {
            if let heading = block.heading { lines += ["### \(heading)", ""] }
            lines += block.sentences.map(\.markdown) + [""]
        }
        if !replicatesOnly { lines += [SummaryInWords.leadRule, ""] }
        let rows = metricOrder.filter { describe($0).date == nil || describe($0).date == lastDate }
        if replicatesOnly {
            lines += ["| metric | mean [95 % interval] |", "|---|---|"]
            for id in rows {
                guard let s = summaries[labels[0]]?[id] else { continue }
                lines.append("| \(describe(id).words) | \(describe(id).value(s.0, interval: (s.1, s.2))) |")
            }
        } else {
            lines += [
                "| metric | \(labels.map { "\($0) mean" }.joined(separator: " | ")) | difference [95 % interval] |",
                "|---|" + String(repeating: "---|", count: labels.count + 1),
            ]
            for id in rows {
                let m = describe(id)
                let means = labels.map { label in summaries[label]?[id].map { m.value($0.0) } ?? "–" }
                let differences = effects.filter { $0.effect.metric.id == id }.map { entry in
                    let e = entry.effect
                    let text = m.difference(e.difference, interval: e.interval)
                    return labels.count > 2 ? "\(entry.variant): \(text)" : text
                }
                lines.append(
                    "| \(m.words) | \(means.joined(separator: " | ")) | \(differences.joined(separator: "; ")) |"
                )
            }
        }
        lines += ["", "Technical record:", ""] + technicalRecord().map { "- \($0[0]): \($0[1])" }
        return lines.joined(separator: "\n") + "\n"
    }
}
