/// The one place that names every metric for readers: its words, its unit, how it is written.
///
/// Reports, `summary.md`, the console tables and the explorer all read names from here; the
/// identifiers stay in CSV and JSON for programs.
public enum MetricCatalogue {
    /// A metric family: the identifier pattern, its words and unit.
    ///
    /// `<grade>`, `<date>` and `<measure>` stand for the parts filled in; `docs/outputs.md` lists
    /// the same rows.
    public struct Family: Sendable {
        public let pattern: String
        public let words: String
        public let unit: MetricUnit
    }

    /// Every family, in the order `RunMetrics` writes them.
    public static let families: [Family] = [
        .init(pattern: "share_<grade>@<date>", words: "Residents at grade <grade> on <date>", unit: .share),
        .init(pattern: "share_opted_out@<date>", words: "Residents opted out on <date>", unit: .share),
        .init(pattern: "share_<grade>", words: "Residents at grade <grade> at the end", unit: .share),
        .init(pattern: "mean_score", words: "Mean score at the end", unit: .score),
        .init(pattern: "score_sd", words: "Spread of scores at the end (standard deviation)", unit: .score),
        .init(pattern: "score_min", words: "Lowest score at the end", unit: .score),
        .init(pattern: "gini", words: "Inequality of scores at the end (Gini index, 0 to 1)", unit: .index),
        .init(pattern: "opted_out_share", words: "Residents opted out at the end", unit: .share),
        .init(pattern: "ever_penalised_share", words: "Residents penalised at least once", unit: .share),
        .init(
            pattern: "penalised_not_unlawful_share",
            words: "Residents penalised for conduct that is not unlawful",
            unit: .share),
        .init(
            pattern: "points_removed_not_unlawful_per_resident",
            words: "Points taken for conduct that is not unlawful", unit: .pointsPerResident),
        .init(
            pattern: "points_removed_unclear_per_resident",
            words: "Points taken for conduct of unclear lawfulness", unit: .pointsPerResident),
        .init(
            pattern: "points_removed_without_legal_basis_per_resident",
            words: "Points taken by rules without a legal basis", unit: .pointsPerResident),
        .init(pattern: "largest_drop", words: "Largest score drop of one resident", unit: .points),
        .init(pattern: "mean_top_drop", words: "Mean of the largest score drops listed", unit: .points),
        .init(
            pattern: "exposed_at_end_share[<measure>]", words: "Residents under ‘<measure>’ at the end",
            unit: .share),
        .init(
            pattern: "person_days_per_resident[<measure>]", words: "Days under ‘<measure>’",
            unit: .daysPerResident),
        .init(
            pattern: "person_days_not_unlawful_only_per_resident[<measure>]",
            words: "Days under ‘<measure>’ only for conduct that is not unlawful", unit: .daysPerResident),
        .init(
            pattern: "suppressed_lawful_events_per_resident",
            words: "Lawful acts not done for fear of the scheme", unit: .actsPerResident),
    ]

    /// The words and unit of metric `id`.
    ///
    /// - Parameters:
    ///   - id: A metric identifier as `RunMetrics` or `SweepMetrics` writes it.
    ///   - measures: Readable names of measures by id (their descriptions); ids not listed are
    ///     shown as they are.
    /// - Returns: The metric's description; an unknown identifier is shown as itself, unit-less.
    public static func describe(_ id: String, measures: [String: String] = [:]) -> MetricDescription {
        if id.hasPrefix("share_") {
            let rest = id.dropFirst("share_".count)
            let parts = rest.split(separator: "@", maxSplits: 1).map(String.init)
            let state = parts.first ?? ""
            let when = parts.count > 1 ? "on \(parts[1])" : "at the end"
            let words =
                state == Scheme.optedOut
                ? "Residents opted out \(when)" : "Residents at grade \(state) \(when)"
            return .init(id: id, words: words, unit: .share, date: parts.count > 1 ? parts[1] : nil)
        }
        if let open = id.firstIndex(of: "["), id.hasSuffix("]") {
            let measure = String(id[id.index(after: open)..<id.index(before: id.endIndex)])
            let pattern = id[..<open] + "[<measure>]"
            if let family = families.first(where: { $0.pattern == pattern }) {
                let name = measures[measure] ?? measure
                return .init(
                    id: id, words: family.words.replacingOccurrences(of: "<measure>", with: name),
                    unit: family.unit, date: nil)
            }
        }
        if let family = families.first(where: { $0.pattern == id }) {
            return .init(id: id, words: family.words, unit: family.unit, date: nil)
        }
        return .init(id: id, words: id, unit: .number, date: nil)
    }
}

/// A metric as a reader sees it.
public struct MetricDescription: Sendable, Equatable {
    /// The identifier in CSV and JSON.
    public let id: String
    /// The metric in words, sentence case.
    public let words: String
    public let unit: MetricUnit
    /// The date of a dated grade share.
    public let date: String?

    /// A value in its unit: `92.7 %`, `1,012 points`, `42.3 points per resident`.
    public func value(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return unit.shown(unit.scaled(x)) + unit.valueSuffix
    }

    /// A value without its unit: `42.3` (for "from 42.3 to 0 points per resident").
    public func bare(_ x: Double) -> String {
        x.isFinite ? unit.shown(unit.scaled(x)) : "–"
    }

    /// A value and its interval without the unit, for tables with a unit column: `92.7 [92.5, 92.9]`.
    public func bare(_ x: Double, interval: (Double, Double)) -> String {
        guard x.isFinite else { return "–" }
        return "\(bare(x)) [\(bare(interval.0)), \(bare(interval.1))]"
    }

    /// A signed difference and its interval without the unit: `−39.5 [−39.7, −39.3]`.
    public func bareDifference(_ d: Double, interval: (Double, Double)) -> String {
        guard d.isFinite else { return "–" }
        return "\(signedBare(d)) \(bareInterval(interval))"
    }

    /// A signed interval without the unit: `[−39.7, −39.3]`.
    public func bareInterval(_ interval: (Double, Double)) -> String {
        "[\(signedBare(interval.0)), \(signedBare(interval.1))]"
    }

    private func signedBare(_ x: Double) -> String {
        (x < 0 ? "−" : (x > 0 ? "+" : "")) + unit.shown(abs(unit.scaled(x)))
    }

    /// A value with its 95 % interval: `92.7 % [92.5, 92.9]`.
    public func value(_ x: Double, interval: (Double, Double)) -> String {
        guard x.isFinite else { return "–" }
        return value(x) + " [\(unit.shown(unit.scaled(interval.0))), \(unit.shown(unit.scaled(interval.1)))]"
    }

    /// A signed difference in its unit: `−80.4 percentage points`, `+42.3 points per resident`.
    public func difference(_ d: Double) -> String {
        guard d.isFinite else { return "–" }
        let sign = d > 0 ? "+" : (d < 0 ? "−" : "")
        return sign + unit.shown(abs(unit.scaled(d))) + unit.differenceSuffix
    }

    /// A signed difference with its interval: `−80.4 percentage points [−80.5, −80.2]`.
    public func difference(_ d: Double, interval: (Double, Double)) -> String {
        guard d.isFinite else { return "–" }
        let signed = { (x: Double) in
            (x < 0 ? "−" : "") + self.unit.shown(abs(self.unit.scaled(x)))
        }
        return difference(d) + " [\(signed(interval.0)), \(signed(interval.1))]"
    }

    /// A difference whose interval excludes zero, in words: `80.4 percentage points fewer [80.2,
    /// 80.5]` (the interval as magnitudes in the stated direction).
    public func change(_ d: Double, interval: (Double, Double)) -> String {
        let words = d < 0 ? unit.direction.down : unit.direction.up
        let ends = [abs(unit.scaled(interval.0)), abs(unit.scaled(interval.1))].sorted()
        let magnitude = unit.shown(abs(unit.scaled(d)))
        let body = unit.changeTemplate.replacingOccurrences(of: "<m>", with: magnitude)
            .replacingOccurrences(of: "<dir>", with: words)
        return body + " [\(unit.shown(ends[0])), \(unit.shown(ends[1]))]"
    }
}

/// The unit of a metric and the words that go with it.
public enum MetricUnit: String, Sendable, CaseIterable {
    /// A share of all residents: shown in percent, differences in percentage points.
    case share
    /// A score, in points.
    case score
    /// A unit-less index (the Gini index).
    case index
    /// Points per resident over the run.
    case pointsPerResident
    /// Days per resident over the run.
    case daysPerResident
    /// Acts per resident over the run.
    case actsPerResident
    /// Points (a drop).
    case points
    /// A number without a known unit.
    case number

    /// The unit in words, for the axis of values.
    public var valueAxis: String {
        switch self {
        case .share: "% of residents"
        case .score, .points: "points"
        case .index: "index, 0 to 1"
        case .pointsPerResident: "points per resident"
        case .daysPerResident: "days per resident"
        case .actsPerResident: "acts per resident"
        case .number: "value"
        }
    }

    /// The unit in words for a table's unit column.
    public var tableUnit: String {
        switch self {
        case .share: "% of residents (differences: percentage points)"
        case .score, .points: "points"
        case .index: "index, 0 to 1"
        case .pointsPerResident: "points per resident"
        case .daysPerResident: "days per resident"
        case .actsPerResident: "acts per resident"
        case .number: ""
        }
    }

    /// The unit in words, for axis labels: differences of shares are in percentage points.
    public var differenceAxis: String {
        switch self {
        case .share: "percentage points"
        case .score, .points: "points"
        case .index: "index"
        case .pointsPerResident: "points per resident"
        case .daysPerResident: "days per resident"
        case .actsPerResident: "acts per resident"
        case .number: "value"
        }
    }

    /// The factor from a stored value to a shown one: 100 for shares (shown in percent).
    public var scale: Double { self == .share ? 100 : 1 }

    func scaled(_ x: Double) -> Double { x * scale }

    func shown(_ x: Double) -> String { NumberText.significant(x, digits: 3) }

    var valueSuffix: String {
        switch self {
        case .share: " %"
        case .score, .points: " points"
        case .pointsPerResident: " points per resident"
        case .daysPerResident: " days per resident"
        case .actsPerResident: " per resident"
        case .index, .number: ""
        }
    }

    /// What follows a shown difference: ` percentage points`, ` points per resident`.
    public var differenceSuffix: String {
        switch self {
        case .share: " percentage points"
        default: valueSuffix
        }
    }

    var direction: (up: String, down: String) {
        switch self {
        case .share, .pointsPerResident, .daysPerResident, .actsPerResident: ("more", "fewer")
        case .points: ("larger", "smaller")
        case .score, .index, .number: ("higher", "lower")
        }
    }

    var changeTemplate: String {
        switch self {
        case .share: "<m> percentage points <dir>"
        case .score, .points: "<m> points <dir>"
        case .pointsPerResident: "<m> <dir> points per resident"
        case .daysPerResident: "<m> <dir> days per resident"
        case .actsPerResident: "<m> <dir> per resident"
        case .index, .number: "<m> <dir>"
        }
    }
}
