import ArgumentParser
import CreditSim
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check a scenario against a guidance profile.",
        discussion: """
            Prints every rule, measure and enrolment setting with its verdict (complies / violates / \
            cannot tell), the clause and its source. Exit code 0 when the scenario complies, 3 when a \
            clause is violated, 1 on bad input.
            """)

    @Argument(
        help: "The scenario file, or a shipped scenario's name (creditsim scenarios).",
        completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "A guidance profile: a shipped name (creditsim scenarios --guidance) or a path.")
    var guidance: String

    @Flag(help: "Print the verdicts as JSON.")
    var json = false

    @Option(
        name: .customLong("emit-compliant"),
        help: ArgumentHelp(
            "Write the compliant variant as an overlay scenario to this path (must not exist).",
            valueName: "path"))
    var emitCompliant: String?

    func run() throws {
        let loaded = try loadOrExit(scenario)
        let profile = try loadGuidanceOrExit(guidance)
        let report = Audit.run(loaded.scenario, profile.profile)
        if json {
            try printJSON(report)
        } else {
            print(AuditPrinter.text(report, profile: profile.profile))
        }
        if let path = emitCompliant {
            let variant = CompliantVariant(
                scenario: loaded.scenario, scenarioPath: ShippedData.scenario(scenario).path,
                overlayPath: path,
                profile: profile.profile
            )
            do {
                try Data(variant.overlay.utf8).write(
                    to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                printError(
                    "\(path): error: cannot write the compliant variant (\(error.localizedDescription)); existing files are never overwritten"
                )
                throw ExitCode(1)
            }
            if !json { print("Compliant variant written to \(path) (\(variant.changes.count) changes)") }
        }
        if !report.complies { throw ExitCode(3) }
    }
}

/// Loads a guidance profile, printing located errors and exiting with 1 on failure.
func loadGuidanceOrExit(_ name: String) throws -> (profile: GuidanceProfile, input: ScenarioLoader.Input) {
    let path = try shippedOrExit(
        name, ShippedData.guidance(name), in: ShippedData.guidanceFolder, kind: "guidance profile",
        list: "creditsim scenarios --guidance")
    return try orExit { () throws(ScenarioError) in try GuidanceLoader.load(path) }
}

enum AuditPrinter {
    static func text(_ report: AuditReport, profile: GuidanceProfile) -> String {
        var lines = ["Audit of \(report.scenario) against \(profile.name) — \(profile.title.printable())"]
        let subjectWidth = min(36, report.items.map(\.subject.count).max() ?? 0)
        let clauseWidth = report.items.map(\.clause.count).max() ?? 0
        for item in report.items {
            let verdict =
                switch item.verdict {
                case .complies: "complies"
                case .violates: "VIOLATES"
                case .cannotTell: "cannot tell"
                }
            lines.append(
                "  \(item.subject.padding(toLength: subjectWidth, withPad: " ", startingAt: 0))  "
                    + "\(item.clause.padding(toLength: clauseWidth, withPad: " ", startingAt: 0))  "
                    + "\(verdict.padding(toLength: 11, withPad: " ", startingAt: 0))  \(item.name): \(item.reason)"
            )
        }
        let violations = report.violations
        lines.append("")
        let unclear = report.items.filter { $0.verdict == .cannotTell }.count
        lines.append(
            (violations.isEmpty
                ? "No clause is violated."
                : "\(violations.count) violations of \(Set(violations.map(\.clause)).count) clauses.")
                + (unclear > 0 ? " \(unclear) items cannot be told from the scenario." : ""))
        lines.append("Sources:")
        for clause in profile.clauses { lines.append("  \(clause.id): \(profile.citation(of: clause))") }
        return lines.joined(separator: "\n")
    }
}
