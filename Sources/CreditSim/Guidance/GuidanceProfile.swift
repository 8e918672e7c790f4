/// A guidance profile: the clauses a local scheme is checked against (format version 1).
///
/// Each clause names a built-in check and its parameters, and cites its source; the
/// transformation that makes a scheme comply is documented clause by clause in `docs/guidance.md`.
public struct GuidanceProfile: Sendable, Encodable {
    public static let formatVersion = 1

    public var name: String
    public var title: String
    public var sources: [Source]
    public var clauses: [Clause]

    /// One clause of a profile.
    public struct Clause: Sendable, Encodable {
        public var id: String
        public var text: String
        public var check: Check
        public var sources: [String]
    }

    /// The built-in checks a clause can ask for.
    public enum Check: Sendable, Encodable, Equatable {
        /// Penalties only for conduct that is unlawful and established by a judgment or an
        /// administrative decision.
        case legalBasis
        /// No penalty larger than `maxPoints` points per event.
        case maxPoints(Int)
        /// No restriction or publicity attached to a grade (a low score alone is no ground).
        case noGradeRestrictions
        /// Record-based restrictions only from the permitted list.
        case permittedSanctions([String])
        /// Record-based measures (publicity periods) last at most `days`.
        case maxDuration(days: Int)
        /// Records lapse within `days`.
        case maxRetention(days: Int)
        /// Every record-based restriction or publicity allows credit repair.
        case repairAvailable(after: Int, probability: Double)
        /// Scoring only with consent.
        case consentRequired(probability: Double)

        public var name: String {
            switch self {
            case .legalBasis: "legal_basis"
            case .maxPoints: "max_points"
            case .noGradeRestrictions: "no_grade_restrictions"
            case .permittedSanctions: "permitted_sanctions"
            case .maxDuration: "max_duration"
            case .maxRetention: "max_retention"
            case .repairAvailable: "repair_available"
            case .consentRequired: "consent_required"
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(name)
        }
    }
}

extension GuidanceProfile {
    static let checkNames = [
        "legal_basis", "max_points", "no_grade_restrictions", "permitted_sanctions", "max_duration",
        "max_retention",
        "repair_available", "consent_required",
    ]

    static func decode(_ root: YAMLNode, _ sink: DiagnosticSink) -> GuidanceProfile? {
        let top = KeyPath.root
        guard let f = Fields(root, top, sink, allowed: ["guidance", "meta", "clauses"]) else { return nil }
        guard let versionNode = f.value("guidance", required: true),
            let version = versionNode.int(
                top.key("guidance"), sink, "guidance format version", in: 0...Int.max)
        else { return nil }
        guard version == formatVersion else {
            sink.report(
                versionNode, top.key("guidance"), "unknown guidance format version \(version)",
                hint: "this build reads 1")
            return nil
        }
        let meta = f.value("meta", required: true).flatMap { Scenario.decodeMeta($0, top.key("meta"), sink) }
        if let meta { sink.knownSources = Set(meta.sources.map(\.id)) }
        var clauses: [Clause] = []
        for (item, path) in f.list("clauses", required: true, label: { $0.idLabel }) {
            guard
                let c = Fields(
                    item, path, sink,
                    allowed: [
                        "id", "text", "check", "sources", "max_points", "permitted", "max_days", "after",
                        "probability",
                    ])
            else { continue }
            let id = c.string("id", required: true)
            let text = c.string("text", required: true)
            guard let checkNode = c.value("check", required: true),
                let name = checkNode.string(path.key("check"), sink)
            else { continue }
            let check: Check?
            switch name {
            case "legal_basis": check = .legalBasis
            case "max_points":
                check = c.int("max_points", "maximum points", in: 1...1_000_000, required: true).map {
                    .maxPoints($0)
                }
            case "no_grade_restrictions": check = .noGradeRestrictions
            case "permitted_sanctions":
                check = c.has("permitted") ? .permittedSanctions(c.strings("permitted")) : nil
                if !c.has("permitted") {
                    c.sink.report(item, path.key("permitted"), "missing key 'permitted'")
                }
            case "max_duration":
                check = c.int(
                    "max_days", "maximum duration in days", in: 1...Scenario.maximumDays, required: true
                ).map {
                    .maxDuration(days: $0)
                }
            case "max_retention":
                check = c.int(
                    "max_days", "maximum retention in days", in: 1...Scenario.maximumDays, required: true
                ).map {
                    .maxRetention(days: $0)
                }
            case "repair_available":
                if let after = c.int(
                    "after", "repair delay in days", in: 1...Scenario.maximumDays, required: true),
                    let p = c.double("probability", "repair probability", in: 0...1, required: true)
                {
                    check = .repairAvailable(after: after, probability: p)
                } else {
                    check = nil
                }
            case "consent_required":
                check = c.double("probability", "consent probability", in: 0...1, required: true).map {
                    .consentRequired(probability: $0)
                }
            default:
                sink.report(
                    checkNode, path.key("check"), "unknown check '\(name)'",
                    hint: "checks: \(checkNames.joined(separator: ", "))")
                check = nil
            }
            guard let id, let text, let check else { continue }
            if clauses.contains(where: { $0.id == id }) {
                sink.report(item, path, "duplicate clause id '\(id)'")
            }
            clauses.append(Clause(id: id, text: text, check: check, sources: c.sources()))
        }
        guard let meta, sink.isEmpty else { return nil }
        return GuidanceProfile(name: meta.name, title: meta.title, sources: meta.sources, clauses: clauses)
    }

    /// The citation of a clause's first source, for verdict tables.
    public func citation(of clause: Clause) -> String {
        clause.sources.compactMap { id in sources.first { $0.id == id } }.map(\.citation).first
            ?? "no source given"
    }
}

/// Reads guidance profiles, by path or by the name of a shipped one.
public enum GuidanceLoader {
    /// Loads and validates a profile: a path, or the name of a shipped one (`ShippedData.guidance`).
    /// - Throws: `ScenarioError` with located diagnostics.
    public static func load(_ name: String) throws(ScenarioError) -> (
        profile: GuidanceProfile, input: ScenarioLoader.Input
    ) {
        let path = ShippedData.guidance(name).path
        let read = try ScenarioLoader.readTree(path: path)
        let sink = DiagnosticSink()
        guard let profile = GuidanceProfile.decode(read.tree, sink) else {
            throw ScenarioError(sink.diagnostics)
        }
        return (profile, ScenarioLoader.Input(path: path, sha256: read.sha256))
    }
}
