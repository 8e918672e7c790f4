/// The summary in words that opens every report and `summary.md`: sentences a reader takes in
/// within a minute, each traceable to a row of `summary.json`, `summary.csv` or `differences.csv`.
enum SummaryInWords {
    /// One sentence: what (in bold) and what happened to it.
    struct Sentence: Equatable {
        let lead: String
        let text: String

        var markdown: String { "- **\(lead)**: \(text)" }
        var html: String { "<li><strong>\(HTML.escape(lead))</strong>: \(HTML.escape(text))</li>" }
    }

    /// The rule that picks the leading effects of a comparison, as the reports state it.
    static let leadRule =
        "Which effects lead: those whose paired 95 % interval excludes zero; shares of residents ranked by "
        + "their change in percentage points (how many residents the change touches), other metrics by "
        + "their change relative to the larger of the two means; the three largest of each kind. Grade "
        + "shares count at the last reported date only."

    /// How many effects of each kind (shares, others) lead.
    static let leadsPerKind = 3

    /// A paired difference as `differences.csv` has it, with both scenarios' means.
    struct Effect {
        let metric: MetricDescription
        let difference: Double
        let interval: (Double, Double)
        let excludesZero: Bool
        let baseline: Double
        let variant: Double
        /// The unpaired (Welch) interval, for comparison in the tables.
        var unpaired: (Double, Double)? = nil

        /// The size the lead rule ranks by.
        var size: Double {
            if metric.unit == .share { return abs(difference) }
            let scale = max(abs(baseline), abs(variant))
            return scale > 0 ? abs(difference) / scale : 0
        }
    }

    /// The leading effects by `leadRule`, shares first, each kind largest first (ties in `effects`
    /// order).
    static func leads(_ effects: [Effect], lastDate: String?) -> [Effect] {
        let eligible = effects.filter {
            $0.excludesZero && $0.baseline.isFinite && $0.variant.isFinite && $0.difference.isFinite
                && ($0.metric.date == nil || $0.metric.date == lastDate)
        }
        func top(_ list: [Effect]) -> [Effect] {
            Array(
                list.enumerated().sorted { a, b in
                    a.element.size != b.element.size ? a.element.size > b.element.size : a.offset < b.offset
                }.prefix(leadsPerKind).map(\.element))
        }
        return top(eligible.filter { $0.metric.unit == .share })
            + top(eligible.filter { $0.metric.unit != .share })
    }

    /// The sentence of a leading effect, for a population of `population` residents.
    static func sentence(_ e: Effect, population: Int) -> Sentence {
        let m = e.metric
        var text = m.change(e.difference, interval: e.interval)
        if m.unit == .share {
            let touched = abs(e.difference) * Double(population)
            text +=
                ": from \(m.value(e.baseline)) to \(m.value(e.variant)), about "
                + "\(NumberText.approximately(touched)) of \(NumberText.grouped(Int64(population))) residents."
        } else {
            text += ": from \(m.bare(e.baseline)) to \(m.value(e.variant))"
            if e.baseline != 0 {
                let relative = e.difference / abs(e.baseline)
                text +=
                    " (\(relative < 0 ? "−" : "+")\(NumberText.significant(abs(relative) * 100, digits: 3)) %)."
            } else {
                text += "."
            }
        }
        return Sentence(lead: m.words, text: text)
    }

    /// The audit in one sentence: how many clauses the scheme breaks, how often, which most.
    static func audit(_ audit: AuditSummary) -> Sentence? {
        let violations = audit.items.filter { $0.verdict == "violates" }
        let clauses = audit.clauseIDs
        guard !clauses.isEmpty else { return nil }
        guard !violations.isEmpty else {
            return Sentence(
                lead: "Guidance \(audit.guidance)",
                text: "\(audit.scenario) complies with all \(clauses.count) of its clauses.")
        }
        var counts: [(String, Int)] = []
        for id in clauses {
            let n = violations.filter { $0.clause == id }.count
            if n > 0 { counts.append((id, n)) }
        }
        counts.sort { $0.1 > $1.1 }
        let list = counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return Sentence(
            lead: "Guidance \(audit.guidance)",
            text:
                "\(audit.scenario) breaks \(counts.count) of its \(clauses.count) clauses in \(violations.count) "
                + "places (\(list)); the audit below says what each clause requires and where.")
    }

    /// The facts of one scenario: a run's values or replicate means with intervals.
    ///
    /// - Parameters:
    ///   - value: The value (and 95 % interval, for replicates) of a metric by id, `nil` when absent.
    ///   - grades: The scheme's grades, best first.
    ///   - lastDate: The date of the last grade shares.
    /// - Returns: Sentences in a fixed order: who was penalised, the most common grade, opt-out,
    ///   the mean score, points taken for conduct that is not unlawful, the largest drop.
    static func facts(
        value: (String) -> (Double, (Double, Double)?)?, grades: [String], lastDate: String?
    ) -> [Sentence] {
        var out: [Sentence] = []
        func add(_ id: String, lead: String? = nil) {
            guard let (x, interval) = value(id), x.isFinite else { return }
            let m = MetricCatalogue.describe(id)
            out.append(
                Sentence(
                    lead: lead ?? m.words, text: interval.map { m.value(x, interval: $0) } ?? m.value(x)))
        }
        add("ever_penalised_share")
        add("penalised_not_unlawful_share")
        if let lastDate {
            let shares = grades.compactMap { g in value("share_\(g)@\(lastDate)").map { (g, $0.0) } }
            if let common = shares.max(by: { $0.1 < $1.1 }) {
                add("share_\(common.0)@\(lastDate)", lead: "Most common grade on \(lastDate): \(common.0)")
            }
        }
        add("opted_out_share")
        add("mean_score")
        add("points_removed_not_unlawful_per_resident")
        add("largest_drop")
        return out
    }
}

/// The parts of `audit.json` a report shows.
struct AuditSummary: Decodable {
    struct Item: Decodable {
        let subject: String
        let name: String
        let clause: String
        let verdict: String
        let reason: String
        /// The clause's source (also in `clauses`, in files that have it).
        let source: String
    }
    struct Clause: Decodable {
        let id: String
        let text: String
        let source: String
    }
    let scenario: String
    let guidance: String
    let clauses: [Clause]?
    let items: [Item]

    /// The clauses in the profile's order (in the items' order for files without `clauses`).
    var clauseIDs: [String] {
        if let clauses { return clauses.map(\.id) }
        var out: [String] = []
        for item in items where !out.contains(item.clause) { out.append(item.clause) }
        return out
    }
}
