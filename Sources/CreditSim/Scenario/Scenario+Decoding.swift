internal import GSL

/// Reading a scenario from its (merged) YAML tree, checking every value as it is read.
extension Scenario {
    /// The largest population a scenario may ask for.
    public static let maximumPopulation = 10_000_000_000
    /// The longest horizon, in days (100 years).
    public static let maximumDays = 36_525

    static func decode(_ root: YAMLNode, _ sink: DiagnosticSink) -> Scenario? {
        let top = KeyPath.root
        guard
            let fields = Fields(
                root, top, sink,
                allowed: [
                    "schema", "extends", "meta", "run", "population", "behaviours", "scheme", "enrolment",
                    "responses", "consequences", "outputs",
                ])
        else { return nil }
        guard let schemaNode = fields.value("schema", required: true) else { return nil }
        guard let schema = schemaNode.int(top.key("schema"), sink, "schema version", in: 0...Int.max) else {
            return nil
        }
        guard schema == formatVersion else {
            sink.report(
                schemaNode, top.key("schema"), "unknown schema version \(schema)",
                hint: "this build of creditsim reads schema \(formatVersion)")
            return nil
        }
        let meta = fields.value("meta", required: true).flatMap { decodeMeta($0, top.key("meta"), sink) }
        if let meta { sink.knownSources = Set(meta.sources.map(\.id)) }
        let run = fields.value("run", required: true).flatMap { decodeRun($0, top.key("run"), sink) }
        let (behaviours, behaviourIDs) = decodeBehaviours(fields, sink)
        let population = fields.value("population", required: true).flatMap {
            decodePopulation($0, top.key("population"), sink, behaviourIDs)
        }
        guard let run else { return nil }
        let scheme = fields.value("scheme", required: true).flatMap {
            decodeScheme($0, top.key("scheme"), sink, run, behaviourIDs)
        }
        let enrolment =
            fields.value("enrolment").map { decodeEnrolment($0, top.key("enrolment"), sink, run) }
            ?? Enrolment(mode: .mandatory, from: nil, optedOut: .frozen, leave: [], consent: [])
        let responses =
            fields.value("responses").map { decodeResponses($0, top.key("responses"), sink, behaviourIDs) }
            ?? Responses(deterrence: 1, chilling: [])
        guard let meta, let population, let scheme, let enrolment, let responses else { return nil }
        let consequences =
            fields.value("consequences").map {
                decodeConsequences($0, top.key("consequences"), sink, behaviourIDs, scheme.grades)
            } ?? Consequences.none
        guard let consequences else { return nil }
        let outputs =
            fields.value("outputs").map { decodeOutputs($0, top.key("outputs"), sink, run, scheme) }
            ?? defaultOutputs(run, scheme)
        guard let outputs, sink.isEmpty else { return nil }
        return Scenario(
            schema: schema, meta: meta, run: run, population: population, behaviours: behaviours,
            scheme: scheme,
            enrolment: enrolment, responses: responses, consequences: consequences, outputs: outputs)
    }

    static func decodeMeta(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink) -> Meta? {
        guard let f = Fields(node, path, sink, allowed: ["name", "title", "description", "sources"]) else {
            return nil
        }
        let name = f.string("name", required: true)
        var sources: [Source] = []
        for (item, itemPath) in f.list("sources", label: { $0.idLabel }) {
            guard let s = Fields(item, itemPath, sink, allowed: ["id", "citation", "url", "confidence"])
            else { continue }
            if let id = s.string("id", required: true), let citation = s.string("citation", required: true),
                let confidence = s.choice("confidence", Source.Confidence.self, required: true)
            {
                if sources.contains(where: { $0.id == id }) {
                    sink.report(item, itemPath, "duplicate source id '\(id)'")
                }
                sources.append(
                    Source(id: id, citation: citation, url: s.string("url"), confidence: confidence))
            }
        }
        guard let name else { return nil }
        return Meta(
            name: name, title: f.string("title") ?? name, description: f.string("description") ?? "",
            sources: sources)
    }

    private static func decodeRun(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink) -> RunSettings? {
        guard let f = Fields(node, path, sink, allowed: ["start", "end", "days", "seed", "generator"]) else {
            return nil
        }
        guard let start = f.date("start", required: true) else { return nil }
        var days: Int?
        switch (f.value("end"), f.value("days")) {
        case (let end?, nil):
            if let date = end.date(path.key("end"), sink) {
                let count = start.days(until: date) + 1
                days = count
                if count < 1 || count > maximumDays {
                    sink.report(
                        end, path.key("end"),
                        "end \(date) must be on or after start \(start) and within \(maximumDays) days")
                    days = nil
                }
            }
        case (nil, let count?):
            days = count.int(path.key("days"), sink, "horizon in days", in: 1...maximumDays)
        case (_?, _?):
            sink.report(node, path, "give either 'end' or 'days', not both")
        case (nil, nil):
            sink.report(node, path.key("end"), "missing key 'end' (or 'days')")
        }
        let seed = f.value("seed").flatMap { seedNode -> UInt64? in
            guard case .scalar(let text, false) = seedNode.kind, let value = UInt64(text.replacingUnderscores)
            else {
                sink.report(
                    seedNode, path.key("seed"),
                    "seed must be a whole number in [0, 18446744073709551615], found \(seedNode.kindName)")
                return nil
            }
            return value
        }
        var generator = GeneratorKind.philox
        if let nameNode = f.value("generator"), let name = nameNode.string(path.key("generator"), sink) {
            if let kind = try? GeneratorKind(named: name) {
                generator = kind
            } else {
                sink.report(
                    nameNode, path.key("generator"), "unknown random number generator '\(name)'",
                    hint:
                        "use philox2x64-10 (default), mt19937, taus2, ranlxd2, … (`creditsim generators` lists all)"
                )
            }
        }
        guard let days else { return nil }
        return RunSettings(start: start, days: days, seed: seed ?? 1, generator: generator)
    }

    /// The valid behaviours, and the ids references may use: every declared id, even of a
    /// behaviour with other errors (so one mistake is reported once); `nil` when the list
    /// itself is unreadable and references cannot be checked.
    private static func decodeBehaviours(_ fields: Fields, _ sink: DiagnosticSink) -> (
        [Behaviour], Set<String>?
    ) {
        var behaviours: [Behaviour] = []
        let items = fields.list("behaviours", required: true, label: { $0.idLabel })
        if let node = fields.value("behaviours"), case .sequence = node.kind {} else { return ([], nil) }
        let declared = Set(items.compactMap { $0.0.idLabel })
        if items.isEmpty, let node = fields.value("behaviours") {
            sink.report(node, KeyPath.root.key("behaviours"), "a scenario needs at least one behaviour")
        }
        for (item, path) in items {
            guard
                let f = Fields(
                    item, path, sink,
                    allowed: [
                        "id", "name", "category", "rate", "unlawful", "basis", "sources", "illustrative",
                    ])
            else { continue }
            let id = f.string("id", required: true)
            let rate = f.double("rate", "rate (events per resident per day)", in: 0...100, required: true)
            let unlawful = f.choice("unlawful", Lawfulness.self, required: true)
            let basis = f.choice("basis", LegalBasis.self) ?? LegalBasis.none
            let illustrative =
                f.value("illustrative").flatMap { $0.bool(path.key("illustrative"), sink) } ?? false
            guard let id, let rate, let unlawful else { continue }
            if behaviours.contains(where: { $0.id == id }) {
                sink.report(item, path, "duplicate behaviour id '\(id)'")
                continue
            }
            let stream = StreamPurpose.behaviour(id: id).number
            if let clash = behaviours.first(where: { StreamPurpose.behaviour(id: $0.id).number == stream }) {
                sink.report(
                    item, path.key("id"),
                    "behaviour ids '\(clash.id)' and '\(id)' hash to the same random stream",
                    hint: "rename one of them")
            }
            behaviours.append(
                Behaviour(
                    id: id, name: f.string("name") ?? id, category: f.string("category") ?? "other",
                    rate: rate,
                    unlawful: unlawful, basis: basis, sources: f.sources(),
                    illustrative: illustrative))
        }
        return (behaviours, declared)
    }

    private static func decodePopulation(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ behaviours: Set<String>?
    ) -> PopulationSpec? {
        guard let f = Fields(node, path, sink, allowed: ["size", "propensity", "groups"]) else { return nil }
        let size = f.int("size", "population size", in: 1...maximumPopulation, required: true)
        var propensity: Propensity? = .constant
        if let p = f.value("propensity") {
            propensity = decodePropensity(p, path.key("propensity"), sink)
        }
        var groups: [Group] = []
        let items = f.list("groups", label: { $0.idLabel })
        for (item, itemPath) in items {
            guard
                let g = Fields(
                    item, itemPath, sink, allowed: ["id", "share", "attributes", "multipliers"])
            else { continue }
            let id = g.string("id", required: true)
            let share = g.double("share", "group share", in: 0...1, required: true)
            var attributes: [String: String] = [:]
            for entry in g.entries("attributes") {
                attributes[entry.key] = entry.value.string(itemPath.key("attributes").key(entry.key), sink)
            }
            var multipliers: [String: Double] = [:]
            for entry in g.entries("multipliers") {
                let keyPath = itemPath.key("multipliers").key(entry.key)
                if let behaviours, !behaviours.contains(entry.key) {
                    sink.report(
                        ScenarioDiagnostic(
                            entry.keyLocation, keyPath.description, "unknown behaviour '\(entry.key)'"))
                    continue
                }
                multipliers[entry.key] = entry.value.double(keyPath, sink, "rate multiplier", in: 0...1000)
            }
            guard let id, let share else { continue }
            if groups.contains(where: { $0.id == id }) {
                sink.report(item, itemPath, "duplicate group id '\(id)'")
            }
            groups.append(Group(id: id, share: share, attributes: attributes, multipliers: multipliers))
        }
        if !groups.isEmpty {
            let total = groups.reduce(0) { $0 + $1.share }
            if abs(total - 1) > 1e-9, let node = f.value("groups") {
                sink.report(node, path.key("groups"), "group shares add up to \(total), not 1")
            }
        }
        guard let size, let propensity else { return nil }
        return PopulationSpec(size: size, propensity: propensity, groups: groups)
    }

    private static func decodePropensity(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink)
        -> Propensity?
    {
        guard let f = Fields(node, path, sink, allowed: ["distribution", "shape", "scale", "sigma"]) else {
            return nil
        }
        guard let kind = f.value("distribution", required: true) else { return nil }
        switch kind.string(path.key("distribution"), sink) {
        case "constant":
            return .constant
        case "gamma":
            guard let shape = f.double("shape", "gamma shape", in: 1e-3...1e6, required: true),
                let scale = f.double("scale", "gamma scale", in: 1e-9...1e6, required: true)
            else { return nil }
            return .gamma(shape: shape, scale: scale)
        case "lognormal":
            guard let sigma = f.double("sigma", "lognormal sigma", in: 0...5, required: true) else {
                return nil
            }
            return .lognormal(sigma: sigma)
        case let other?:
            sink.report(
                kind, path.key("distribution"), "expected one of constant, gamma, lognormal, found '\(other)'"
            )
            return nil
        case nil:
            return nil
        }
    }

    private static func decodeScheme(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ run: RunSettings,
        _ behaviours: Set<String>?
    ) -> Scheme? {
        guard let f = Fields(node, path, sink, allowed: ["base", "grades", "rulebooks"]) else { return nil }
        let base = f.int("base", "base score", in: -1_000_000...1_000_000) ?? 1000
        var grades: [Grade] = []
        let gradeItems = f.list("grades", label: { $0.idLabel })
        for (index, (item, itemPath)) in gradeItems.enumerated() {
            guard let g = Fields(item, itemPath, sink, allowed: ["id", "min"]) else { continue }
            guard let id = g.string("id", required: true) else { continue }
            let isLast = index == gradeItems.count - 1
            let min = g.int("min", "grade minimum", in: -1_000_000...1_000_000, required: !isLast)
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
                node, path.key("grades"),
                "\(grades.count) grades; at most \(Scheme.maximumGrades) are supported")
        }
        if grades.isEmpty, let node = f.value("grades") {
            sink.report(node, path.key("grades"), "a scheme needs at least one grade")
        }
        var rulebooks: [Rulebook] = []
        let bookItems = f.list("rulebooks", required: true, label: { $0.idLabel })
        if bookItems.isEmpty, let node = f.value("rulebooks") {
            sink.report(node, path.key("rulebooks"), "a scheme needs at least one rulebook")
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
                        hint: "declare it under 'behaviours' first")
                    continue
                }
                if rules.contains(where: { $0.behaviour == behaviour }) {
                    sink.report(ruleItem, rulePath, "behaviour '\(behaviour)' has two rules in this rulebook")
                }
                let points = r.int("points", "points", in: -100_000...100_000, required: true)
                let detection = r.double("detection", "detection probability", in: 0...1) ?? 1
                let retention = r.int("retention", "retention in days", in: 1...maximumDays)
                var cap: Cap?
                if let capNode = r.value("cap"),
                    let c = Fields(capNode, rulePath.key("cap"), sink, allowed: ["points", "period"])
                {
                    if let capPoints = c.int("points", "cap in points", in: 1...10_000_000, required: true),
                        let period = c.int(
                            "period", "cap period in days", in: 1...maximumDays, required: true)
                    {
                        cap = Cap(points: capPoints, period: period)
                    }
                }
                guard let points else { continue }
                rules.append(
                    Rule(
                        behaviour: behaviour, points: points, detection: detection, retention: retention,
                        cap: cap,
                        sources: r.sources()))
            }
            guard let id, let effective else { continue }
            if rulebooks.contains(where: { $0.id == id }) {
                sink.report(item, itemPath, "duplicate rulebook id '\(id)'")
            }
            rulebooks.append(
                Rulebook(
                    id: id, effective: effective, migration: migration, rules: rules,
                    sources: b.sources()))
        }
        return Scheme(base: base, grades: grades, rulebooks: rulebooks)
    }

    private static func decodeEnrolment(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ run: RunSettings
    ) -> Enrolment? {
        guard let f = Fields(node, path, sink, allowed: ["mode", "from", "opted_out", "leave", "consent"])
        else {
            return nil
        }
        let mode = f.choice("mode", Enrolment.Mode.self, required: true)
        let optedOut = f.choice("opted_out", Enrolment.OptedOut.self) ?? .frozen
        let from = f.date("from", required: mode != nil && mode != .mandatory)
        if let from, let fromNode = f.value("from"), from < run.start || from > run.end {
            sink.report(
                fromNode, path.key("from"), "date \(from) is outside the run (\(run.start) to \(run.end))")
        }
        let leave = decodeBands(f, "leave", "daily leaving probability", sink, upper: 0.999_999)
        let consent = decodeBands(f, "consent", "consent probability", sink, upper: 1)
        if mode == .mandatory {
            for key in ["from", "leave", "consent"] {
                if let extra = f.value(key) {
                    sink.report(extra, path.key(key), "'\(key)' has no effect when enrolment is mandatory")
                }
            }
        }
        if mode == .optOut, let extra = f.value("consent") {
            sink.report(extra, path.key("consent"), "'consent' applies only to mode consent")
        }
        if mode == .consent, consent.isEmpty {
            sink.report(node, path.key("consent"), "mode consent needs 'consent' probabilities")
        }
        guard let mode else { return nil }
        return Enrolment(mode: mode, from: from, optedOut: optedOut, leave: leave, consent: consent)
    }

    private static func decodeBands(
        _ f: Fields, _ key: String, _ label: String, _ sink: DiagnosticSink, upper: Double
    ) -> [Band] {
        var bands: [Band] = []
        let items = f.list(key)
        for (index, (item, itemPath)) in items.enumerated() {
            guard let b = Fields(item, itemPath, sink, allowed: ["below", "probability"]) else { continue }
            let isLast = index == items.count - 1
            let below = b.int("below", "score bound", in: -1_000_000...1_000_000, required: !isLast)
            if isLast, let extra = b.value("below") {
                sink.report(
                    extra, itemPath.key("below"),
                    "the last band covers every remaining score; it has no 'below'")
            }
            if let previous = bands.last?.below, let below, below <= previous {
                sink.report(
                    item, itemPath.key("below"),
                    "bands must be ordered by rising 'below': \(below) is not above \(previous)")
            }
            guard let probability = b.double("probability", label, in: 0...upper, required: true) else {
                continue
            }
            bands.append(Band(below: isLast ? nil : below, probability: probability))
        }
        return bands
    }

    private static func decodeResponses(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ behaviours: Set<String>?
    ) -> Responses? {
        guard let f = Fields(node, path, sink, allowed: ["deterrence", "chilling"]) else { return nil }
        let deterrence = f.double("deterrence", "deterrence factor", in: 0.000_001...10) ?? 1
        var chilling: [Chilling] = []
        for (item, itemPath) in f.list("chilling") {
            guard let c = Fields(item, itemPath, sink, allowed: ["trigger", "target", "factor"]) else {
                continue
            }
            let trigger = c.string("trigger", required: true)
            let target = c.string("target", required: true)
            for (key, id) in [("trigger", trigger), ("target", target)] {
                if let id, let behaviours, !behaviours.contains(id), let idNode = c.value(key) {
                    sink.report(idNode, itemPath.key(key), "unknown behaviour '\(id)'")
                }
            }
            guard let factor = c.double("factor", "chilling factor", in: 0.000_001...10, required: true),
                let trigger, let target
            else { continue }
            chilling.append(Chilling(trigger: trigger, target: target, factor: factor))
        }
        return Responses(deterrence: deterrence, chilling: chilling)
    }

    private static func defaultOutputs(_ run: RunSettings, _ scheme: Scheme) -> OutputSettings {
        var dates = scheme.rulebooks.dropFirst().map { $0.effective.adding(days: -1) }
        dates.append(run.end)
        return OutputSettings(histograms: dates, binWidth: 10, trajectories: 20, dropWindow: 21, topDrops: 20)
    }

    private static func decodeOutputs(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ run: RunSettings, _ scheme: Scheme
    ) -> OutputSettings? {
        guard
            let f = Fields(
                node, path, sink,
                allowed: ["histograms", "bin_width", "trajectories", "drop_window", "top_drops"])
        else { return nil }
        let defaults = defaultOutputs(run, scheme)
        var dates: [SimDate] = []
        if f.has("histograms") {
            for (item, itemPath) in f.list("histograms") {
                guard let date = item.date(itemPath, sink) else { continue }
                if date < run.start || date > run.end {
                    sink.report(
                        item, itemPath, "date \(date) is outside the run (\(run.start) to \(run.end))")
                }
                dates.append(date)
            }
            if !dates.contains(run.end) { dates.append(run.end) }
            dates = Array(Set(dates)).sorted()
        } else {
            dates = defaults.histograms
        }
        return OutputSettings(
            histograms: dates,
            binWidth: f.int("bin_width", "histogram bin width", in: 1...1_000_000) ?? defaults.binWidth,
            trajectories: f.int("trajectories", "number of trajectories", in: 0...1000)
                ?? defaults.trajectories,
            dropWindow: f.int("drop_window", "drop window in days", in: 1...maximumDays)
                ?? defaults.dropWindow,
            topDrops: f.int("top_drops", "number of top drops", in: 0...1000) ?? defaults.topDrops)
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

extension YAMLNode {
    func bool(_ path: KeyPath, _ sink: DiagnosticSink) -> Bool? {
        guard case .scalar(let text, false) = kind, ["true", "false"].contains(text) else {
            sink.report(self, path, "expected true or false, found \(kindName)")
            return nil
        }
        return text == "true"
    }
}

extension String {
    var replacingUnderscores: String { filter { $0 != "_" } }
}
