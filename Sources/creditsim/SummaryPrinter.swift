import CreditSim
import Foundation

/// The short human summary `creditsim run` prints on stdout.
enum SummaryPrinter {
    static func text(_ s: RunSummary, result: RunResult, folder: String) -> String {
        var lines: [String] = []
        lines.append("\(s.scenario) — \(s.title.printable())")
        lines.append("  \(s.start) to \(s.end), \(number(Int64(s.population))) residents, seed \(s.seed)")
        let states = result.states
        let header = states.map { Scheme.displayName(ofState: $0).leftPad(10) }.joined()
        lines.append("Grade shares at the end of".padding(toLength: 28, withPad: " ", startingAt: 0) + header)
        for key in s.keyDates {
            let row = states.map { percent(key.shares[$0] ?? 0).leftPad(10) }.joined()
            lines.append("  \(key.date)".padding(toLength: 28, withPad: " ", startingAt: 0) + row)
        }
        if let f = s.finalScores {
            lines.append(
                "Final score                 mean \(fixed(f.mean, 1))  sd \(fixed(f.standardDeviation, 1))  "
                    + "Gini \(fixed(f.gini, 4))  min \(f.minimum)  max \(f.maximum)")
        }
        let n = Double(s.population)
        lines.append("Opted out                   \(number(s.optedOut)) (\(percent(Double(s.optedOut) / n)))")
        lines.append(
            "Penalised                   \(number(s.everPenalised)) residents (\(percent(Double(s.everPenalised) / n))); "
                + "\(number(s.everPenalisedNotUnlawful)) for conduct that is not unlawful")
        let removed = s.pointsRemovedByLawfulness
        lines.append(
            "Points taken                \(number(removed["no"] ?? 0)) for conduct that is not unlawful, "
                + "\(number(removed["unclear"] ?? 0)) unclear, \(number(removed["yes"] ?? 0)) unlawful")
        if let d = s.largestDrop {
            let window = result.scenario.outputs.dropWindow
            lines.append(
                "Largest \(window)-day drop        resident \(d.resident): \(d.before) → \(d.after) (−\(d.drop)), "
                    + "\(result.date(ofDay: d.startDay)) to \(result.date(ofDay: d.endDay))")
        }
        lines.append(
            "Results                     \(folder)  (simulated in \(fixed(result.simulationSeconds, 2)) s)")
        return lines.joined(separator: "\n")
    }

    static func percent(_ x: Double) -> String { NumberText.percent(x) }
    static func fixed(_ x: Double, _ digits: Int) -> String { NumberText.fixed(x, decimals: digits) }
    static func number(_ x: Int64) -> String { NumberText.grouped(x) }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
