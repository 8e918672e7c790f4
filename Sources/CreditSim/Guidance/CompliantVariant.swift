internal import Foundation

/// The compliant variant of a scenario under a guidance profile, written as an ordinary scenario
/// overlay (`extends:` the original), so a reader sees exactly what changed and why.
///
/// The transformation, clause by clause (also in `docs/guidance.md`):
/// - `legal_basis`: penalty rules for conduct that is not unlawful, or without a legal basis, are
///   removed; such behaviours no longer trigger record-based measures (a measure left with no
///   trigger is removed). Rules whose lawfulness is unclear are kept and flagged.
/// - `max_points`: larger penalties are cut to the maximum.
/// - `no_grade_restrictions`: restrictions and publicity attached to grades are removed.
/// - `permitted_sanctions`: record-based restrictions not on the list are removed.
/// - `max_duration`: longer record-based measures are cut to the maximum.
/// - `max_retention`: penalty records lapse after at most the maximum.
/// - `repair_available`: record-based restrictions and publicity get the profile's credit repair.
/// - `consent_required`: scoring needs consent from the run's start (non-consenters unscored).
public struct CompliantVariant: Sendable {
    /// The overlay's YAML text.
    public let overlay: String
    /// Every change, with the clause that requires it.
    public let changes: [Change]

    public struct Change: Sendable, Encodable {
        public let clause: String
        public let subject: String
        public let change: String
    }

    /// Builds the overlay for `scenario` (read from `scenarioPath`), to be saved as `overlayPath`.
    public init(scenario: Scenario, scenarioPath: String, overlayPath: String, profile: GuidanceProfile) {
        var changes: [Change] = []
        var removedRules = Set<String>()  // "rulebook/behaviour"
        var ruleEdits: [String: [(String, String)]] = [:]  // key → [(yaml key, value)]
        var removedMeasures = Set<String>()
        var measureEdits: [String: [(String, String)]] = [:]
        var measureTriggers: [String: [String]] = [:]
        var enrolment: String?
        let report = Audit.run(scenario, profile)
        let measures = Dictionary(uniqueKeysWithValues: scenario.consequences.measures.map { ($0.id, $0) })

        for clause in profile.clauses {
            let violations = report.items.filter { $0.clause == clause.id && $0.verdict == .violates }
            for item in violations {
                func note(_ text: String) {
                    changes.append(Change(clause: clause.id, subject: item.subject, change: text))
                }
                switch (clause.check, item.kind) {
                case (.legalBasis, .rule):
                    removedRules.insert(item.subject)
                    note("rule removed: \(item.reason)")
                case (.legalBasis, .measure):
                    guard let measure = measures[item.subject] else {
                        preconditionFailure("the audit's measure items name scenario measures (invariant)")
                    }
                    let behaviours = Dictionary(uniqueKeysWithValues: scenario.behaviours.map { ($0.id, $0) })
                    let kept = (measureTriggers[item.subject] ?? measure.behaviours).filter { id in
                        guard let behaviour = behaviours[id] else {
                            preconditionFailure("validated scenario: measures' behaviours exist (invariant)")
                        }
                        return behaviour.unlawful != .no && behaviour.basis != .none
                    }
                    if kept.isEmpty {
                        removedMeasures.insert(item.subject)
                        note("measure removed: no trigger with a legal basis is left")
                    } else {
                        measureTriggers[item.subject] = kept
                        note("triggers limited to \(kept.joined(separator: ", "))")
                    }
                case (.maxPoints(let limit), _):
                    ruleEdits[item.subject, default: []].append(("points", String(-limit)))
                    note("points cut to -\(limit)")
                case (.noGradeRestrictions, _), (.permittedSanctions, _):
                    removedMeasures.insert(item.subject)
                    note("measure removed: \(item.reason)")
                case (.maxDuration(let limit), _):
                    measureEdits[item.subject, default: []].append(("duration", String(limit)))
                    note("duration cut to \(limit) days")
                case (.maxRetention(let limit), _):
                    ruleEdits[item.subject, default: []].append(("retention", String(limit)))
                    note("records lapse after \(limit) days")
                case (.repairAvailable(let after, let probability), _):
                    let duration = measures[item.subject]?.duration ?? after
                    let delay = min(after, duration)
                    measureEdits[item.subject, default: []].append(
                        ("repair", "{after: \(delay), probability: \(probability)}"))
                    note("credit repair after \(delay) days with probability \(probability)")
                case (.consentRequired(let probability), _):
                    enrolment =
                        "enrolment:\n  mode: consent\n  from: \(scenario.run.start)\n  opted_out: unscored\n"
                        + "  consent: [{probability: \(probability)}]\n"
                        + (scenario.enrolment.leave.isEmpty
                            ? ""
                            : "  leave: [" + scenario.enrolment.leave.map(Self.band).joined(separator: ", ")
                                + "]\n")
                    note("scoring needs consent (probability \(probability)); non-consenters are unscored")
                default:
                    break
                }
            }
        }

        var lines = [
            "# Compliant variant of \(scenario.meta.name) under the guidance profile \(profile.name),",
            "# written by `creditsim audit --emit-compliant`. Every change names the clause that requires it;",
            "# docs/guidance.md describes the transformation clause by clause.",
            "schema: \(Scenario.formatVersion)",
            "extends: \(Self.quote(Self.relativePath(from: overlayPath, to: scenarioPath)))",
            "meta:",
            "  name: \(Self.quote(scenario.meta.name + "-compliant"))",
            "  title: \(Self.quote(scenario.meta.title + " — compliant with " + profile.name))",
        ]
        let ruleLines = scenario.scheme.rulebooks.compactMap { book -> String? in
            let items = book.rules.compactMap { rule -> String? in
                let key = "\(book.id)/\(rule.behaviour)"
                let removal = removedRules.contains(key)
                let clauses = changes.filter {
                    $0.subject == key && (!removal || $0.change.hasPrefix("rule removed"))
                }
                .map(\.clause)
                let comment =
                    clauses.isEmpty ? "" : "  # " + Array(Set(clauses)).sorted().joined(separator: ", ")
                if removal {
                    return "        - {behaviour: \(Self.quote(rule.behaviour)), remove: true}\(comment)"
                }
                guard let edits = ruleEdits[key] else { return nil }
                return "        - {behaviour: \(Self.quote(rule.behaviour)), "
                    + edits.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}\(comment)"
            }
            return items.isEmpty
                ? nil : "    - id: \(Self.quote(book.id))\n      rules:\n" + items.joined(separator: "\n")
        }
        if !ruleLines.isEmpty { lines += ["scheme:", "  rulebooks:"] + ruleLines }
        let measureLines = scenario.consequences.measures.compactMap { measure -> String? in
            let removal = removedMeasures.contains(measure.id)
            let clauses = changes.filter {
                $0.subject == measure.id && (!removal || $0.change.hasPrefix("measure removed"))
            }
            .map(\.clause)
            let comment = clauses.isEmpty ? "" : "  # " + Array(Set(clauses)).sorted().joined(separator: ", ")
            if removal { return "    - {id: \(Self.quote(measure.id)), remove: true}\(comment)" }
            var edits = measureEdits[measure.id] ?? []
            if let triggers = measureTriggers[measure.id] {
                edits.append(("behaviours", "[" + triggers.map(Self.quote).joined(separator: ", ") + "]"))
            }
            guard !edits.isEmpty else { return nil }
            return "    - {id: \(Self.quote(measure.id)), "
                + edits.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}\(comment)"
        }
        if !measureLines.isEmpty { lines += ["consequences:", "  measures:"] + measureLines }
        if let enrolment { lines.append(enrolment.trimmingCharacters(in: .newlines)) }
        overlay = lines.joined(separator: "\n") + "\n"
        self.changes = changes
    }

    private static func band(_ band: Band) -> String {
        band.below.map { "{below: \($0), probability: \(band.probability)}" }
            ?? "{probability: \(band.probability)}"
    }

    /// A YAML double-quoted string (JSON escaping is valid YAML).
    static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `target` as seen from the folder of `file` (both relative to the working directory or absolute).
    static func relativePath(from file: String, to target: String) -> String {
        let base = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.pathComponents
        let goal = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, goal.count) && base[common] == goal[common] { common += 1 }
        // Nothing shared but "/": an absolute path reads better than a climb to the root.
        if common <= 1 { return URL(fileURLWithPath: target).standardizedFileURL.path }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + goal[common...]).joined(separator: "/")
    }
}
