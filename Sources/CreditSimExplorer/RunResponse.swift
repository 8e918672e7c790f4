internal import CreditSim
internal import Foundation

/// What `POST /api/run` answers: the run's key numbers, its report section, the edited scenario
/// and the result tables; with `compliant` when a guidance comparison was asked for.
struct RunResponse: Encodable, Sendable {
    let scenario: String
    let title: String
    let population: Int
    let seed: UInt64
    let seconds: Double
    let keyNumbers: [KeyNumber]
    /// The report section (HTML with inline SVG charts), as `creditsim report` writes it.
    let report: String
    /// The edited scenario as one standalone YAML file (runs with `creditsim run` unchanged).
    let standalone: String
    /// The edits as an overlay next to the base file.
    let overlay: String
    /// The result tables the page offers for download, as `creditsim run` writes them.
    let files: [String: String]
    static let downloads: Set = ["daily.csv", "rules.csv"]
    let compliant: Compliant?
    /// The unedited scheme on the same residents, when the request named it.
    let baseline: Baseline?

    struct Baseline: Encodable, Sendable {
        let keyNumbers: [KeyNumber]
    }

    struct Compliant: Encodable, Sendable {
        let guidance: String
        let title: String
        let keyNumbers: [KeyNumber]
        let report: String
        let audit: AuditReport
        let changes: [CompliantVariant.Change]
        let overlay: String
    }
}

/// One headline number of a run, as the page lists it, named and written by `MetricCatalogue`.
struct KeyNumber: Encodable, Sendable {
    let id: String
    let label: String
    let value: Double
    let text: String
    /// How the page writes a difference of two values: times `scale`, then `differenceUnit`
    /// (shares differ in percentage points).
    let scale: Double
    let differenceUnit: String

    /// The headline numbers of a run, in display order: grades from the highest, then opted out.
    static func of(_ summary: RunSummary, states: [String]) -> [KeyNumber] {
        let population = Double(max(1, summary.population))
        let last = summary.keyDates.last
        let grades = summary.keyDates.last.map { Array($0.shares.keys) } ?? []
        var out: [KeyNumber] = []
        func add(_ id: String, _ metric: String, _ value: Double) {
            let m = MetricCatalogue.describe(metric)
            out.append(
                KeyNumber(
                    id: id, label: m.words, value: value, text: m.value(value), scale: m.unit.scale,
                    differenceUnit: m.unit.differenceSuffix))
        }
        if let scores = summary.finalScores {
            add("mean-score", "mean_score", scores.mean)
            add("sd-score", "score_sd", scores.standardDeviation)
            add("min-score", "score_min", Double(scores.minimum))
        }
        for grade in grades.sorted(by: {
            (states.firstIndex(of: $0) ?? .max) < (states.firstIndex(of: $1) ?? .max)
        }) {
            add("share-\(grade)", "share_\(grade)", last?.shares[grade] ?? 0)
        }
        add("ever-penalised", "ever_penalised_share", Double(summary.everPenalised) / population)
        add(
            "penalised-not-unlawful", "penalised_not_unlawful_share",
            Double(summary.everPenalisedNotUnlawful) / population)
        add(
            "points-no-basis", "points_removed_without_legal_basis_per_resident",
            Double(summary.pointsRemovedWithoutLegalBasis) / population)
        add("largest-drop", "largest_drop", Double(summary.largestDrop?.drop ?? 0))
        return out
    }
}
