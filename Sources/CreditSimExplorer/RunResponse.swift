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

/// One headline number of a run, as the page lists it.
struct KeyNumber: Encodable, Sendable {
    let id: String
    let label: String
    let value: Double
    let text: String

    /// The headline numbers of a run, in display order: grades from the highest, then opted out.
    static func of(_ summary: RunSummary, states: [String]) -> [KeyNumber] {
        let population = Double(max(1, summary.population))
        let last = summary.keyDates.last
        let grades = summary.keyDates.last.map { Array($0.shares.keys) } ?? []
        var out: [KeyNumber] = []
        func add(_ id: String, _ label: String, _ value: Double, _ text: String) {
            out.append(KeyNumber(id: id, label: label, value: value, text: text))
        }
        if let scores = summary.finalScores {
            add("mean-score", "Mean score at the end", scores.mean, String(format: "%.1f", scores.mean))
            add(
                "sd-score", "Standard deviation of scores", scores.standardDeviation,
                String(format: "%.1f", scores.standardDeviation))
            add("min-score", "Lowest score", Double(scores.minimum), String(scores.minimum))
        }
        for grade in grades.sorted(by: {
            (states.firstIndex(of: $0) ?? .max) < (states.firstIndex(of: $1) ?? .max)
        }) {
            let share = last?.shares[grade] ?? 0
            add(
                "share-\(grade)",
                "Share \(grade == Scheme.optedOut ? "opted out" : "in grade \(grade)") at the end", share,
                percentText(share))
        }
        let penalised = Double(summary.everPenalised) / population
        add("ever-penalised", "Ever penalised", penalised, percentText(penalised))
        let notUnlawful = Double(summary.everPenalisedNotUnlawful) / population
        add(
            "penalised-not-unlawful", "Penalised for conduct that is not unlawful", notUnlawful,
            percentText(notUnlawful))
        let noBasis = Double(summary.pointsRemovedWithoutLegalBasis) / population
        add(
            "points-no-basis", "Points taken without legal basis, per resident", noBasis,
            String(format: "%.2f", noBasis))
        let drop = Double(summary.largestDrop?.drop ?? 0)
        add("largest-drop", "Largest drop", drop, String(Int(drop)))
        return out
    }
}

func percentText(_ share: Double) -> String { String(format: "%.2f %%", share * 100) }
