import CreditSim
import Foundation
import Testing

/// Each clause of a guidance profile on a tiny scenario built to violate it, and the compliant
/// variant that the audit writes.
@Suite("guidance audit and compliant variant")
struct GuidanceTests {
    static let scenarioYAML = miniScenario(
        size: 2000, days: 400,
        behaviours: """
              - {id: fraud, rate: 0.002, unlawful: "yes", basis: administrative}
              - {id: judgment, rate: 0.002, unlawful: "yes", basis: judgment}
              - {id: speech, rate: 0.004, unlawful: "unclear", basis: none}
              - {id: heating, rate: 0.004, unlawful: "unclear", basis: administrative}
              - {id: petition, rate: 0.004, unlawful: "no", basis: none}
              - {id: volunteer, rate: 0.01, unlawful: "no", basis: none}
            """,
        rulebooks: """
                - id: v1
                  effective: 2020-01-01
                  rules:
                    - {behaviour: fraud, points: -150, retention: 365}
                    - {behaviour: judgment, points: -50}
                    - {behaviour: speech, points: -50, retention: 365}
                    - {behaviour: heating, points: -20, retention: 2000}
                    - {behaviour: petition, points: -50, retention: 365}
                    - {behaviour: volunteer, points: 5}
            """,
        extra: """
            consequences:
              measures:
                - {id: discount, kind: reward, grades: [AAA]}
                - {id: low-grade-ban, kind: restriction, grades: [C, D]}
                - {id: travel, kind: restriction, sanction: flights, behaviours: [judgment], duration: 2000}
                - {id: karaoke-ban, kind: restriction, sanction: karaoke, behaviours: [fraud], duration: 365, repair: {after: 100, probability: 1}}
                - {id: speech-list, kind: publicity, behaviours: [speech], duration: 365}
            """)

    static let profileYAML = """
        guidance: 1
        meta: {name: test-profile, sources: [{id: s, citation: "Test source", confidence: illustrative}]}
        clauses:
          - {id: legal-basis, text: t, check: legal_basis, sources: [s]}
          - {id: proportional, text: t, check: max_points, max_points: 100, sources: [s]}
          - {id: no-score-sanction, text: t, check: no_grade_restrictions, sources: [s]}
          - {id: permitted, text: t, check: permitted_sanctions, permitted: [flights], sources: [s]}
          - {id: publicity, text: t, check: max_duration, max_days: 1095, sources: [s]}
          - {id: retention, text: t, check: max_retention, max_days: 1095, sources: [s]}
          - {id: repair, text: t, check: repair_available, after: 365, probability: 0.5, sources: [s]}
          - {id: consent, text: t, check: consent_required, probability: 0.7, sources: [s]}
        """

    func setUp() throws -> (dir: URL, scenario: Scenario, profile: GuidanceProfile) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "creditsim-guidance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.scenarioYAML.write(
            to: dir.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        try Self.profileYAML.write(
            to: dir.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: dir.appendingPathComponent("local.yaml").path).scenario
        let profile = try GuidanceLoader.load(dir.appendingPathComponent("profile.yaml").path).profile
        return (dir, scenario, profile)
    }

    func verdict(_ report: AuditReport, _ clause: String, _ subject: String) -> AuditReport.Verdict? {
        report.items.first { $0.clause == clause && $0.subject == subject }?.verdict
    }

    @Test(
        "each clause gives the expected verdicts",
        arguments: [
            ("legal-basis", "v1/fraud", AuditReport.Verdict.complies),
            ("legal-basis", "v1/judgment", .complies),
            ("legal-basis", "v1/speech", .violates),
            ("legal-basis", "v1/heating", .cannotTell),
            ("legal-basis", "v1/petition", .violates),
            ("legal-basis", "speech-list", .violates),
            ("legal-basis", "travel", .complies),
            ("proportional", "v1/fraud", .violates),
            ("proportional", "v1/judgment", .complies),
            ("no-score-sanction", "low-grade-ban", .violates),
            ("no-score-sanction", "discount", .complies),
            ("permitted", "travel", .complies),
            ("permitted", "karaoke-ban", .violates),
            ("publicity", "travel", .violates),
            ("publicity", "karaoke-ban", .complies),
            ("retention", "v1/judgment", .violates),
            ("retention", "v1/heating", .violates),
            ("retention", "v1/fraud", .complies),
            ("repair", "travel", .violates),
            ("repair", "karaoke-ban", .complies),
            ("consent", "enrolment", .violates),
        ])
    func verdicts(clause: String, subject: String, expected: AuditReport.Verdict) throws {
        let (dir, scenario, profile) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = Audit.run(scenario, profile)
        #expect(verdict(report, clause, subject) == expected)
        #expect(!report.complies)
        #expect(report.items.allSatisfy { $0.source == "Test source" })
        // Rewards are not punishments: no clause speaks of the volunteering rule.
        #expect(!report.items.contains { $0.subject == "v1/volunteer" })
    }

    @Test(
        "the emitted overlay is an ordinary scenario that complies, and changes only what the clauses require"
    )
    func compliantVariant() throws {
        let (dir, scenario, profile) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let overlayPath = dir.appendingPathComponent("local-compliant.yaml").path
        let variant = CompliantVariant(
            scenario: scenario, scenarioPath: dir.appendingPathComponent("local.yaml").path,
            overlayPath: overlayPath,
            profile: profile)
        try variant.overlay.write(toFile: overlayPath, atomically: true, encoding: .utf8)
        #expect(variant.overlay.contains("extends: \"local.yaml\""))
        let compliant = try ScenarioLoader.load(path: overlayPath).scenario
        let report = Audit.run(compliant, profile)
        #expect(report.violations.isEmpty, "\(report.violations.map { "\($0.clause) \($0.subject)" })")
        let rules = Dictionary(
            uniqueKeysWithValues: compliant.scheme.rulebooks[0].rules.map { ($0.behaviour, $0) })
        #expect(Set(rules.keys) == ["fraud", "judgment", "heating", "volunteer"])
        #expect(rules["fraud"]?.points == -100)
        #expect(rules["judgment"]?.retention == 1095)
        #expect(rules["volunteer"]?.points == 5 && rules["volunteer"]?.retention == nil)
        let measures = Dictionary(uniqueKeysWithValues: compliant.consequences.measures.map { ($0.id, $0) })
        #expect(Set(measures.keys) == ["discount", "travel"])
        #expect(measures["travel"]?.duration == 1095)
        #expect(measures["travel"]?.repair?.after == 365)
        #expect(compliant.enrolment.mode == .consent)
        #expect(compliant.population.size == scenario.population.size)
        #expect(Set(variant.changes.map(\.clause)) == Set(profile.clauses.map(\.id)))
    }

    @Test("a profile with an unknown check is refused with a located message")
    func badProfile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "creditsim-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.yaml").path
        try "guidance: 1\nmeta: {name: bad}\nclauses:\n  - {id: x, text: t, check: be_nice}\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ScenarioError.self) { try GuidanceLoader.load(path) }
        #expect(
            error?.description.hasPrefix("\(path):4:29: error: unknown check 'be_nice' (clauses[x].check)")
                == true)
    }

    @Test(
        "the shipped central-2020 profile flags the harmful-information and petition rules of rongcheng-2016")
    func shipped() throws {
        let root = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let scenario = try ScenarioLoader.load(
            path: root.appendingPathComponent("scenarios/rongcheng-2016.yaml").path
        ).scenario
        let profile = try GuidanceLoader.load(
            root.appendingPathComponent("scenarios/guidance/central-2020.yaml").path
        ).profile
        let report = Audit.run(scenario, profile)
        #expect(verdict(report, "legal-basis", "v2016/rc-b01") == .violates)
        #expect(verdict(report, "legal-basis", "v2016/rc-p01") == .violates)
        #expect(verdict(report, "legal-basis", "v2016/rc-t01") == .complies)
        #expect(verdict(report, "legal-basis", "v2016/judgment-default") == .complies)
    }
}
