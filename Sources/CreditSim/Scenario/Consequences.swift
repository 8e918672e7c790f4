/// What a grade or a record does to a person: rewards, restrictions and public display.
public struct Consequences: Sendable, Encodable {
    public var measures: [Measure]

    public static let none = Consequences(measures: [])
}

/// One measure, attached either to grades (in force while the resident holds one of them) or to
/// records of behaviours (in force for `duration` days after each detected event).
public struct Measure: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case reward, restriction, publicity
    }

    public var id: String
    public var kind: Kind
    public var description: String
    /// The kind of sanction, as a guidance profile's permitted list names it.
    ///
    /// For example `flights`.
    public var sanction: String?
    /// Grades that bring the measure (grade-based measures).
    public var grades: [String]
    /// Behaviours whose records bring the measure (record-based measures).
    public var behaviours: [String]
    /// Days a record-based measure lasts after each triggering record (its publicity period).
    public var duration: Int?
    public var repair: Repair?
    public var sources: [String]

    /// Whether the measure follows grades rather than records.
    public var isGradeBased: Bool { !grades.isEmpty }
}

/// Credit repair: `after` days into a record-based measure, the record is removed early with
/// `probability` (the resident corrected the conduct and applied).
public struct Repair: Sendable, Encodable {
    public var after: Int
    public var probability: Double
}

extension Scenario {
    static func decodeConsequences(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ behaviours: Set<String>?,
        _ grades: [Grade]
    ) -> Consequences? {
        guard let f = Fields(node, path, sink, allowed: ["measures"]) else { return nil }
        var measures: [Measure] = []
        for (item, itemPath) in f.list("measures", label: { $0.idLabel }) {
            guard
                let m = Fields(
                    item, itemPath, sink,
                    allowed: [
                        "id", "kind", "description", "sanction", "grades", "behaviours", "duration", "repair",
                        "sources",
                    ])
            else { continue }
            let id = m.string("id", required: true)
            let kind = m.choice("kind", Measure.Kind.self, required: true)
            let gradeIDs = m.strings("grades")
            let behaviourIDs = m.strings("behaviours")
            for (key, ids, known) in [
                ("grades", gradeIDs, Set(grades.map(\.id)) as Set<String>?),
                ("behaviours", behaviourIDs, behaviours),
            ] {
                guard let known, let node = m.value(key) else { continue }
                for unknown in ids where !known.contains(unknown) {
                    sink.report(
                        node, itemPath.key(key),
                        "unknown \(key == "grades" ? "grade" : "behaviour") '\(unknown)'",
                        hint: NearMiss.suggestion(for: unknown, among: known.sorted()).map {
                            "did you mean '\($0)'?"
                        })
                }
            }
            if gradeIDs.isEmpty == behaviourIDs.isEmpty {
                sink.report(
                    item, itemPath, "a measure follows either 'grades' or 'behaviours' (exactly one of them)")
            }
            let duration = m.int(ScenarioKeys.measureDuration, required: !behaviourIDs.isEmpty)
            if !gradeIDs.isEmpty, let extra = m.value("duration") {
                sink.report(
                    extra, itemPath.key("duration"),
                    "a grade-based measure lasts as long as the grade; it has no 'duration'")
            }
            var repair: Repair?
            if let repairNode = m.value("repair"),
                let r = Fields(repairNode, itemPath.key("repair"), sink, allowed: ["after", "probability"])
            {
                if !gradeIDs.isEmpty {
                    sink.report(
                        repairNode, itemPath.key("repair"), "credit repair applies to record-based measures")
                }
                if let after = r.int(ScenarioKeys.repairAfter, required: true),
                    let probability = r.double(ScenarioKeys.repairProbability, required: true)
                {
                    repair = Repair(after: after, probability: probability)
                    if let duration, after >= duration {
                        sink.report(
                            repairNode, itemPath.key("repair").key("after"),
                            "repair after \(after) days never comes within the measure's \(duration) days")
                    }
                }
            }
            guard let id, let kind else { continue }
            if measures.contains(where: { $0.id == id }) {
                sink.report(item, itemPath, "duplicate measure id '\(id)'")
            }
            measures.append(
                Measure(
                    id: id, kind: kind, description: m.string("description") ?? id,
                    sanction: m.string("sanction"),
                    grades: gradeIDs, behaviours: behaviourIDs, duration: gradeIDs.isEmpty ? duration : nil,
                    repair: repair, sources: m.sources()))
        }
        return Consequences(measures: measures)
    }
}
