/// The verdicts of a guidance profile's clauses on every rule, measure and enrolment setting of
/// a scenario.
public struct AuditReport: Sendable, Encodable {
    public let scenario: String
    public let guidance: String
    /// The profile's clauses in its order: what each requires, in words, and its source.
    public let clauses: [Clause]
    public let items: [Item]

    /// A clause as the audit shows it.
    public struct Clause: Sendable, Encodable {
        public let id: String
        public let text: String
        public let source: String
    }

    /// What a clause says of one part of the scheme.
    public enum Verdict: String, Sendable, Encodable {
        case complies
        case violates
        case cannotTell = "cannot_tell"
    }

    /// The part of a scheme a verdict is about.
    public enum Kind: String, Sendable, Encodable {
        case rule
        case measure
        case enrolment
    }

    /// One verdict.
    public struct Item: Sendable, Encodable {
        public let kind: Kind
        /// `rulebook/behaviour` for rules, the measure id, or `enrolment`.
        public let subject: String
        /// The behaviour's name or the measure's description.
        public let name: String
        public let clause: String
        public let verdict: Verdict
        public let reason: String
        public let source: String
    }

    /// Whether no clause is violated.
    public var complies: Bool { !items.contains { $0.verdict == .violates } }

    public var violations: [Item] { items.filter { $0.verdict == .violates } }
}

/// Checks a scenario against a guidance profile.
public enum Audit {
    /// Every clause's verdict on every part of `scenario` it applies to, in scenario order.
    public static func run(_ scenario: Scenario, _ profile: GuidanceProfile) -> AuditReport {
        let behaviours = Dictionary(uniqueKeysWithValues: scenario.behaviours.map { ($0.id, $0) })
        var items: [AuditReport.Item] = []
        for clause in profile.clauses {
            let source = profile.citation(of: clause)
            func add(
                _ kind: AuditReport.Kind, _ subject: String, _ verdict: AuditReport.Verdict, _ reason: String
            ) {
                let name =
                    switch kind {
                    case .rule: behaviours[String(subject.split(separator: "/").last ?? "")]?.name ?? subject
                    case .measure:
                        scenario.consequences.measures.first { $0.id == subject }?.description ?? subject
                    case .enrolment: "who is scored"
                    }
                items.append(
                    .init(
                        kind: kind, subject: subject, name: name, clause: clause.id, verdict: verdict,
                        reason: reason,
                        source: source))
            }
            switch clause.check {
            case .legalBasis:
                for book in scenario.scheme.rulebooks {
                    for rule in book.rules where rule.points < 0 {
                        guard let behaviour = behaviours[rule.behaviour] else {
                            preconditionFailure("validated scenario: a rule's behaviour exists (invariant)")
                        }
                        let (verdict, reason) = legalBasis(behaviour)
                        add(.rule, "\(book.id)/\(rule.behaviour)", verdict, reason)
                    }
                }
                for measure in scenario.consequences.measures where !measure.isGradeBased {
                    let verdicts = measure.behaviours.map { id in
                        guard let behaviour = behaviours[id] else {
                            preconditionFailure("validated scenario: measures' behaviours exist (invariant)")
                        }
                        return legalBasis(behaviour)
                    }
                    if let bad = zip(measure.behaviours, verdicts).first(where: { $0.1.0 == .violates }) {
                        add(.measure, measure.id, .violates, "triggered by '\(bad.0)': \(bad.1.1)")
                    } else if verdicts.contains(where: { $0.0 == .cannotTell }) {
                        add(
                            .measure, measure.id, .cannotTell,
                            "a triggering behaviour's lawfulness is unclear")
                    } else {
                        add(
                            .measure, measure.id, .complies,
                            "every triggering behaviour is unlawful with a legal basis")
                    }
                }
            case .maxPoints(let limit):
                for book in scenario.scheme.rulebooks {
                    for rule in book.rules where rule.points < 0 {
                        let ok = -rule.points <= limit
                        add(
                            .rule, "\(book.id)/\(rule.behaviour)", ok ? .complies : .violates,
                            ok
                                ? "\(rule.points) points is within \(limit)"
                                : "\(rule.points) points exceeds \(limit) per event")
                    }
                }
            case .noGradeRestrictions:
                for measure in scenario.consequences.measures where measure.isGradeBased {
                    let punitive = measure.kind != .reward
                    add(
                        .measure, measure.id, punitive ? .violates : .complies,
                        punitive
                            ? "\(measure.kind.rawValue) attached to grades \(measure.grades.joined(separator: ", ")): a low score alone is no ground"
                            : "a reward attached to grades")
                }
            case .permittedSanctions(let permitted):
                for measure in scenario.consequences.measures
                where !measure.isGradeBased && measure.kind == .restriction {
                    if let sanction = measure.sanction {
                        let ok = permitted.contains(sanction)
                        add(
                            .measure, measure.id, ok ? .complies : .violates,
                            ok
                                ? "'\(sanction)' is on the permitted list"
                                : "'\(sanction)' is not on the permitted list")
                    } else {
                        add(
                            .measure, measure.id, .cannotTell,
                            "the measure names no 'sanction' to compare with the list")
                    }
                }
            case .maxDuration(let limit):
                for measure in scenario.consequences.measures where !measure.isGradeBased {
                    let days = measure.duration ?? 0
                    add(
                        .measure, measure.id, days <= limit ? .complies : .violates,
                        days <= limit ? "\(days) days is within \(limit)" : "\(days) days exceeds \(limit)")
                }
            case .maxRetention(let limit):
                for book in scenario.scheme.rulebooks {
                    for rule in book.rules where rule.points < 0 {
                        let subject = "\(book.id)/\(rule.behaviour)"
                        if let retention = rule.retention, retention <= limit {
                            add(.rule, subject, .complies, "records lapse after \(retention) days")
                        } else {
                            add(
                                .rule, subject, .violates,
                                rule.retention.map { "records are kept \($0) days, more than \(limit)" }
                                    ?? "records never lapse")
                        }
                    }
                }
            case .repairAvailable:
                for measure in scenario.consequences.measures
                where !measure.isGradeBased && measure.kind != .reward {
                    add(
                        .measure, measure.id, measure.repair == nil ? .violates : .complies,
                        measure.repair.map { "repair possible after \($0.after) days" } ?? "no credit repair")
                }
            case .consentRequired:
                let ok = scenario.enrolment.mode == .consent
                add(
                    .enrolment, "enrolment", ok ? .complies : .violates,
                    ok
                        ? "scoring needs consent"
                        : "scoring without consent (mode \(scenario.enrolment.mode.rawValue))")
            }
        }
        return AuditReport(
            scenario: scenario.meta.name, guidance: profile.name,
            clauses: profile.clauses.map {
                .init(id: $0.id, text: $0.text, source: profile.citation(of: $0))
            },
            items: items)
    }

    private static func legalBasis(_ b: Behaviour) -> (AuditReport.Verdict, String) {
        if b.unlawful == .no { return (.violates, "penalises conduct that is not unlawful") }
        if b.basis == .none { return (.violates, "no legal basis (no judgment or administrative decision)") }
        if b.unlawful == .unclear { return (.cannotTell, "whether the conduct is unlawful is unclear") }
        return (
            .complies,
            "unlawful conduct established by \(b.basis == .judgment ? "a judgment" : "an administrative decision")"
        )
    }
}
