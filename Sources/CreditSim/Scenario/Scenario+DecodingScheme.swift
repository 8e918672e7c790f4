/// Reading `scheme`: base score, grades, rulebooks and their rules.
extension Scenario {
    static func decodeScheme(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ run: RunSettings,
        _ behaviours: Set<String>?
    ) -> Scheme? {
        guard let f = Fields(node, path, sink, allowed: ["base", "grades", "rulebooks"]) else { return nil }
        let base = f.int(orDefault: ScenarioKeys.baseScore)
        let grades = decodeGrades(f, sink)
        let rulebooks = decodeRulebooks(f, sink, run, behaviours)
        return Scheme(base: base, grades: grades, rulebooks: rulebooks)
    }

    /// The grades, highest first; the Rongcheng-style default when `grades` is absent.
    private static func decodeGrades(_ f: Fields, _ sink: DiagnosticSink) -> [Grade] {
        var grades: [Grade] = []
        let gradeItems = f.list("grades", label: { $0.idLabel })
        for (index, (item, itemPath)) in gradeItems.enumerated() {
            guard let g = Fields(item, itemPath, sink, allowed: ["id", "min"]) else { continue }
            guard let id = g.string("id", required: true) else { continue }
            let isLast = index == gradeItems.count - 1
            let min = g.int(ScenarioKeys.gradeMinimum, required: !isLast)
            if isLast, let minNode = g.value("min") {
                sink.report(
                    minNode, itemPath.key("min"),
                    "the lowest grade takes every score below the one above; it has no 'min'")
            }
            if let previous = grades.last?.min, let min, min >= previous {
                sink.report(
                    item, itemPath.key("min"),
                    "grades must be ordered from highest to lowest: \(min) is not below \(previous)")
            }
            if grades.contains(where: { $0.id == id }) {
                sink.report(item, itemPath, "duplicate grade id '\(id)'")
            }
            grades.append(Grade(id: id, min: isLast ? nil : min))
        }
        if f.value("grades") == nil { grades = Scheme.rongchengGrades }
        if grades.count > Scheme.maximumGrades, let node = f.value("grades") {
            sink.report(
                node, f.path.key("grades"),
                "\(grades.count) grades; at most \(Scheme.maximumGrades) are supported")
        }
        if grades.isEmpty, let node = f.value("grades") {
            sink.report(node, f.path.key("grades"), "a scheme needs at least one grade")
        }
        return grades
    }

    private static func decodeRulebooks(
        _ f: Fields, _ sink: DiagnosticSink, _ run: RunSettings, _ behaviours: Set<String>?
    ) -> [Rulebook] {
        var rulebooks: [Rulebook] = []
        let bookItems = f.list("rulebooks", required: true, label: { $0.idLabel })
        if bookItems.isEmpty, let node = f.value("rulebooks") {
            sink.report(node, f.path.key("rulebooks"), "a scheme needs at least one rulebook")
        }
        for (index, (item, itemPath)) in bookItems.enumerated() {
            guard
                let b = Fields(
                    item, itemPath, sink,
                    allowed: ["id", "effective", "migration", "rules", "sources"])
            else { continue }
            let id = b.string("id", required: true)
            let effective = b.date("effective", required: true)
            if let effective, let node = b.value("effective") {
                if index == 0, effective != run.start {
                    sink.report(
                        node, itemPath.key("effective"),
                        "the first rulebook must take effect on the run's start, \(run.start)")
                } else if effective < run.start || effective > run.end {
                    sink.report(
                        node, itemPath.key("effective"),
                        "date \(effective) is outside the run (\(run.start) to \(run.end))")
                } else if let previous = rulebooks.last?.effective, effective <= previous {
                    sink.report(
                        node, itemPath.key("effective"),
                        "rulebooks must take effect in date order: \(effective) is not after \(previous)")
                }
            }
            let migration = b.choice("migration", Migration.self) ?? .keep
            let rules = decodeRules(b, sink, behaviours)
            guard let id, let effective else { continue }
            if rulebooks.contains(where: { $0.id == id }) {
                sink.report(item, itemPath, "duplicate rulebook id '\(id)'")
            }
            rulebooks.append(
                Rulebook(
                    id: id, effective: effective, migration: migration, rules: rules,
                    sources: b.sources()))
        }
        return rulebooks
    }

    /// The rules of the rulebook `b`.
    private static func decodeRules(_ b: Fields, _ sink: DiagnosticSink, _ behaviours: Set<String>?) -> [Rule]
    {
        var rules: [Rule] = []
        for (ruleItem, rulePath) in b.list("rules", label: { $0.idLabel }) {
            guard
                let r = Fields(
                    ruleItem, rulePath, sink,
                    allowed: [
                        "behaviour", "points", "detection", "retention", "cap", "sources",
                    ])
            else { continue }
            guard let behaviourNode = r.value("behaviour", required: true),
                let behaviour = behaviourNode.string(rulePath.key("behaviour"), sink)
            else { continue }
            if let behaviours, !behaviours.contains(behaviour) {
                sink.report(
                    behaviourNode, rulePath.key("behaviour"),
                    "rule names unknown behaviour '\(behaviour)'",
                    hint: NearMiss.suggestion(for: behaviour, among: behaviours.sorted()).map {
                        "did you mean '\($0)'?"
                    }
                        ?? "declare it under 'behaviours' first")
                continue
            }
            if rules.contains(where: { $0.behaviour == behaviour }) {
                sink.report(ruleItem, rulePath, "behaviour '\(behaviour)' has two rules in this rulebook")
            }
            let points = r.int(ScenarioKeys.points, required: true)
            let detection = r.double(orDefault: ScenarioKeys.detection)
            let retention = r.int(ScenarioKeys.retention)
            let cap = decodeCap(r, sink)
            guard let points else { continue }
            rules.append(
                Rule(
                    behaviour: behaviour, points: points, detection: detection, retention: retention,
                    cap: cap,
                    sources: r.sources()))
        }
        return rules
    }

    /// The rule `r`'s cap, if it has a valid one.
    private static func decodeCap(_ r: Fields, _ sink: DiagnosticSink) -> Cap? {
        guard let capNode = r.value("cap"),
            let c = Fields(capNode, r.path.key("cap"), sink, allowed: ["points", "period"]),
            let points = c.int(ScenarioKeys.capPoints, required: true),
            let period = c.int(ScenarioKeys.capPeriod, required: true)
        else { return nil }
        return Cap(points: points, period: period)
    }
}

extension Scheme {
    /// The most grades a scheme may have (grade sets are kept as 64-bit masks).
    public static let maximumGrades = 63

    /// Rongcheng-style grades (cut-offs unverified, see `docs/scenario-format.md`).
    public static let rongchengGrades = [
        Grade(id: "AAA", min: 1050), Grade(id: "AA", min: 1030), Grade(id: "A", min: 960),
        Grade(id: "B", min: 850), Grade(id: "C", min: 600), Grade(id: "D", min: nil),
    ]
}
