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
        } else if emitCompliant == nil {
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
            if !json { print(AuditPrinter.changes(variant, path: path, report: report)) }
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

/// The audit for a reader: counts per clause first (each clause's source once), then the verdicts
/// grouped by clause, violations first.
enum AuditPrinter {
    static func text(_ report: AuditReport, profile: GuidanceProfile) -> String {
        var lines = [
            "Audit of \(report.scenario) against \(profile.name) — \(profile.title.printable())", "",
        ]
        lines.append(summary(report))
        let clauses = clauseOrder(report, profile)
        let width = max(6, clauses.map(\.count).max() ?? 0)
        lines.append("")
        lines.append(
            "  " + "clause".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  violates  complies  cannot tell  source")
        for id in clauses {
            let items = report.items.filter { $0.clause == id }
            let counts = [AuditReport.Verdict.violates, .complies, .cannotTell].map { verdict in
                items.filter { $0.verdict == verdict }.count
            }
            let source = profile.clauses.first { $0.id == id }.map { profile.citation(of: $0) } ?? ""
            lines.append(
                "  \(id.padding(toLength: width, withPad: " ", startingAt: 0))  \(pad(counts[0], 8))  "
                    + "\(pad(counts[1], 8))  \(pad(counts[2], 11))  \(source.printable(limit: 400))")
        }
        let subjectWidth = min(36, report.items.map(\.subject.count).max() ?? 0)
        for id in clauses {
            lines.append("")
            lines.append(id + ":")
            let items = report.items.filter { $0.clause == id }.sorted { rank($0.verdict) < rank($1.verdict) }
            for item in items {
                lines.append(
                    "  \(label(item.verdict).padding(toLength: 11, withPad: " ", startingAt: 0))  "
                        + "\(item.subject.padding(toLength: subjectWidth, withPad: " ", startingAt: 0))  "
                        + "\(item.name): \(item.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What `--emit-compliant` wrote: the file and its changes, grouped by clause.
    static func changes(_ variant: CompliantVariant, path: String, report: AuditReport) -> String {
        var lines = [
            summary(report), "Compliant variant written to \(path) (\(variant.changes.count) changes):",
        ]
        let subjectWidth = min(36, variant.changes.map(\.subject.count).max() ?? 0)
        for clause in Array(Set(variant.changes.map(\.clause))).sorted() {
            lines.append("  \(clause):")
            for change in variant.changes where change.clause == clause {
                lines.append(
                    "    \(change.subject.padding(toLength: subjectWidth, withPad: " ", startingAt: 0))  \(change.change)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "38 violations of 5 clauses (24 of them: retention-limit); …" in one line.
    static func summary(_ report: AuditReport) -> String {
        let violations = report.violations
        let unclear = report.items.filter { $0.verdict == .cannotTell }.count
        guard !violations.isEmpty else {
            return "No clause is violated."
                + cannotTell(unclear)
        }
        let byClause = Dictionary(grouping: violations, by: \.clause).mapValues(\.count)
        let most = byClause.max { ($0.value, $1.key) < ($1.value, $0.key) }
        return "\(violations.count) violations of \(byClause.count) clauses"
            + (most.map { " (most: \($0.key), \($0.value))" } ?? "") + "."
            + cannotTell(unclear)
    }

    private static func cannotTell(_ count: Int) -> String {
        count == 0
            ? ""
            : count == 1
                ? " 1 item cannot be told from the scenario."
                : " \(count) items cannot be told from the scenario."
    }

    /// Clauses with violations first (most first), then the others in the profile's order.
    private static func clauseOrder(_ report: AuditReport, _ profile: GuidanceProfile) -> [String] {
        let ids = profile.clauses.map(\.id).filter { id in report.items.contains { $0.clause == id } }
        let violations = Dictionary(grouping: report.violations, by: \.clause).mapValues(\.count)
        return ids.enumerated().sorted {
            (-(violations[$0.element] ?? 0), $0.offset) < (-(violations[$1.element] ?? 0), $1.offset)
        }.map(\.element)
    }

    private static func rank(_ verdict: AuditReport.Verdict) -> Int {
        switch verdict {
        case .violates: 0
        case .cannotTell: 1
        case .complies: 2
        }
    }

    private static func label(_ verdict: AuditReport.Verdict) -> String {
        switch verdict {
        case .complies: "complies"
        case .violates: "VIOLATES"
        case .cannotTell: "cannot tell"
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - String(n).count)) + String(n)
    }
}
