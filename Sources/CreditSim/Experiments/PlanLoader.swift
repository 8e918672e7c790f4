internal import Foundation
internal import GSL

/// Reads plan files: located errors like scenario files, every parameter checked against the base
/// scenario (its path exists, its extreme values make a valid scenario) before any run starts.
public enum PlanLoader {
    /// The most runs one plan may ask for.
    public static let maximumRuns = 10_000_000

    /// A plan with its base scenario and provenance.
    public struct Loaded: Sendable {
        public let plan: Plan
        /// The plan file and every scenario file it reads, with SHA-256.
        public let inputs: [ScenarioLoader.Input]
        /// SHA-256 over the inputs: shards of one plan carry the same hash.
        public let hash: String
        /// The plan file's text, copied into result folders.
        public let text: String
        let base: YAMLNode
        let paths: [ParameterPath]
        /// Where each parameter is written in the plan (values written by the design point here).
        let locations: [SourceLocation]
    }

    /// Loads and checks the plan at `path`.
    /// - Throws: `ScenarioError` with every problem found, each at its file, line and column.
    public static func load(path: String) throws(ScenarioError) -> Loaded {
        let read = try ScenarioLoader.readTree(path: path)
        let tree = read.tree
        let sink = DiagnosticSink()
        let root = KeyPath.root
        guard
            let fields = Fields(
                tree, root, sink,
                allowed: [
                    "plan", "name", "title", "description", "scenario", "population", "seed", "replicates",
                    "parameters", "design", "metrics", "dates",
                ])
        else { throw ScenarioError(sink.diagnostics) }
        if let version = fields.int("plan", "plan format version", in: 1...1_000, required: true),
            version != Plan.formatVersion
        {
            sink.report(
                fields.presentValue("plan"), root.key("plan"),
                "plan format \(version) is not supported; this CreditSim reads 1")
        }
        let name = fields.string("name", required: true) ?? "plan"
        if let node = fields.value("name"),
            !name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        {
            sink.report(
                node, root.key("name"),
                "a plan name may hold only letters, digits, '-', '_' and '.' (it names the result folder)")
        }
        let title = fields.string("title") ?? name
        _ = fields.string("description")
        let scenarioText = fields.string("scenario", required: true) ?? ""
        let directory = (path as NSString).deletingLastPathComponent
        let scenarioPath =
            scenarioText.hasPrefix("/") || directory.isEmpty
            ? scenarioText : (directory as NSString).appendingPathComponent(scenarioText)
        let population = fields.int("population", "population", in: 1...2_000_000_000)
        let seed = fields.int("seed", "seed", in: 0...Int(UInt32.max)).map(UInt64.init) ?? 1
        let replicates = fields.int("replicates", "replicates", in: 1...100_000) ?? 1
        let dates = fields.list("dates").compactMap { $0.0.date($0.1, sink) }
        let metrics = fields.strings("metrics")

        var inputs = [ScenarioLoader.Input(path: path, sha256: read.sha256)]
        let mark = sink.diagnostics.count
        let base =
            scenarioText.isEmpty
            ? nil : ScenarioLoader.resolve(path: scenarioPath, chain: [], inputs: &inputs, sink: sink)
        if base == nil, sink.diagnostics.count > mark, let node = fields.value("scenario") {
            // Point at the plan's `scenario` line first; the file's own errors follow.
            sink.report(node, root.key("scenario"), "the base scenario '\(scenarioPath)' does not load")
        }
        let baseScenario = base.flatMap { tree -> Scenario? in
            let before = sink.diagnostics.count
            let scenario = Scenario.decode(tree, sink)
            return sink.diagnostics.count == before ? scenario : nil
        }

        var parameters: [Plan.Parameter] = []
        var paths: [ParameterPath] = []
        var locations: [SourceLocation] = []
        for (node, itemPath) in fields.list("parameters", required: true, label: { $0["name"]?.scalarText }) {
            guard let p = Fields(node, itemPath, sink, allowed: ["name", "path", "values", "min", "max"])
            else { continue }
            guard let name = p.string("name", required: true), let pathText = p.string("path", required: true)
            else {
                continue
            }
            if parameters.contains(where: { $0.name == name }) {
                sink.report(
                    p.presentValue("name"), itemPath.key("name"), "a second parameter called '\(name)'")
            }
            guard let keyPath = ParameterPath(pathText) else {
                sink.report(
                    p.presentValue("path"), itemPath.key("path"), "'\(pathText)' is not a key path",
                    hint: "write it as errors print it, e.g. scheme.rulebooks[v1].rules[r2].points")
                continue
            }
            if paths.contains(where: { $0.description == keyPath.description }) {
                sink.report(
                    p.presentValue("path"), itemPath.key("path"),
                    "another parameter already varies '\(pathText)'")
            }
            var kind = Plan.ValueKind.number
            if let base {
                switch keyPath.find(in: base) {
                case .failure(let problem):
                    sink.report(
                        p.presentValue("path"), itemPath.key("path"), problem.message, hint: problem.hint)
                    continue
                case .success(let value):
                    kind = Self.kind(of: value)
                }
            }
            let domain: Plan.Domain
            if let values = p.value("values") {
                guard case .sequence(let items) = values.kind, !items.isEmpty,
                    items.allSatisfy({ $0.scalarText != nil })
                else {
                    sink.report(values, itemPath.key("values"), "expected a non-empty list of values")
                    continue
                }
                if p.has("min") || p.has("max") {
                    sink.report(
                        values, itemPath.key("values"), "give either 'values' or 'min' and 'max', not both")
                }
                domain = .values(items.compactMap(\.scalarText))
                if kind == .number, items.allSatisfy({ $0.scalarText.flatMap { Int($0) } != nil }),
                    Self.kind(of: items[0]) == .integer
                {
                    kind = .integer
                }
            } else {
                guard let low = p.value("min", required: true), let high = p.value("max", required: true)
                else { continue }
                if kind == .text {
                    sink.report(
                        low, itemPath.key("min"), "'\(pathText)' holds text; list its 'values' instead")
                    continue
                }
                guard let lo = Self.number(low, kind: kind, itemPath.key("min"), sink),
                    let hi = Self.number(high, kind: kind, itemPath.key("max"), sink)
                else { continue }
                guard lo < hi else {
                    sink.report(high, itemPath.key("max"), "max must be above min")
                    continue
                }
                domain = .range(low: lo, high: hi)
            }
            parameters.append(
                Plan.Parameter(name: name, path: keyPath.description, domain: domain, kind: kind))
            paths.append(keyPath)
            locations.append(p.value("values")?.location ?? p.value("min")?.location ?? node.location)
        }
        if parameters.isEmpty, let node = fields.value("parameters") {
            sink.report(node, root.key("parameters"), "a plan varies at least one parameter")
        }
        if name.isEmpty, let node = fields.value("name") {
            sink.report(node, root.key("name"), "the plan name is empty")
        }
        let design = Self.design(fields, parameters.count, sink)

        if let baseScenario {
            for date in dates where date < baseScenario.run.start || date > baseScenario.run.end {
                sink.report(
                    fields.presentValue("dates"), root.key("dates"), "\(date) is outside the scenario's run")
            }
        }
        let plan = Plan(
            name: name, title: title, scenarioPath: scenarioPath, scenario: scenarioText,
            population: population, seed: seed,
            replicates: replicates, parameters: parameters, design: design ?? .grid(levels: 2),
            metrics: metrics,
            dates: dates)
        if let design, !parameters.isEmpty {
            let points = Design.pointCount(design, parameters)
            if points.overflow || points.count.multipliedReportingOverflow(by: replicates).overflow
                || points.count * replicates > maximumRuns
            {
                sink.report(
                    fields.presentValue("design"), root.key("design"),
                    "the plan asks for more than \(maximumRuns) runs (\(points.overflow ? "overflow" : "\(points.count) points × \(replicates) replicates"))"
                )
            }
        }
        guard sink.diagnostics.isEmpty, let base, let baseScenario else {
            throw ScenarioError(sink.diagnostics)
        }
        let hash = ScenarioLoader.sha256(
            Data(inputs.map { "\($0.sha256)  \(($0.path as NSString).lastPathComponent)\n" }.joined().utf8))
        let loaded = Loaded(
            plan: plan, inputs: inputs, hash: hash, text: read.text, base: base, paths: paths,
            locations: locations)

        // Every extreme value of every parameter must make a valid scenario, and the metrics exist.
        for (k, parameter) in parameters.enumerated() {
            let extremes: [Double] =
                switch parameter.domain {
                case .values(let values):
                    Array(values.indices).map { (Double($0) + 0.5) / Double(values.count) }
                case .range: [0, 1]
                }
            for x in extremes {
                var unit = [Double](repeating: 0.5, count: parameters.count)
                unit[k] = x
                do {
                    _ = try loaded.scenario(at: loaded.values(at: unit), replicate: 0)
                } catch {
                    for d in error.diagnostics { sink.report(d) }
                }
            }
        }
        let available = loaded.metricNames(baseScenario)
        for (node, itemPath) in fields.list("metrics") {
            if let metric = node.scalarText, !available.contains(metric) {
                let guess = available.min { editDistance($0, metric) < editDistance($1, metric) }
                sink.report(
                    node, itemPath, "unknown metric '\(metric)'",
                    hint: guess.map {
                        "did you mean '\($0)'? (`creditsim sweep PLAN --list-metrics` lists them)"
                    })
            }
        }
        guard sink.diagnostics.isEmpty else {
            throw ScenarioError(Array(Set(sink.diagnostics)).sorted { $0.description < $1.description })
        }
        return loaded
    }

    private static func design(_ fields: Fields, _ dimensions: Int, _ sink: DiagnosticSink) -> Plan.Design? {
        let path = KeyPath.root.key("design")
        guard let node = fields.value("design", required: true),
            let d = Fields(node, path, sink, allowed: ["kind", "levels", "points", "base", "trajectories"])
        else { return nil }
        guard let kind = d.string("kind", required: true) else { return nil }
        switch kind {
        case "grid":
            return .grid(levels: d.int("levels", "grid levels", in: 2...1_000) ?? 3)
        case "lhs":
            return d.int("points", "points", in: 2...10_000_000, required: true).map {
                .latinHypercube(points: $0)
            }
        case "sobol", "saltelli":
            let limit =
                kind == "sobol"
                ? QuasiRandomSequence.maximumDimensions : QuasiRandomSequence.maximumDimensions / 2
            if dimensions > limit {
                sink.report(
                    node, path.key("kind"),
                    "a \(kind) design takes at most \(limit) parameters; this plan has \(dimensions)")
            }
            if kind == "sobol" {
                return d.int("points", "points", in: 2...10_000_000, required: true).map {
                    .sobol(points: $0)
                }
            }
            return d.int("base", "base sample size", in: 2...10_000_000, required: true).map {
                .saltelli(base: $0)
            }
        case "morris":
            guard let trajectories = d.int("trajectories", "trajectories", in: 2...100_000, required: true),
                let levels = d.int("levels", "Morris levels", in: 2...100)
                    ?? Optional(4)
            else { return nil }
            if levels % 2 != 0 {  // the default, 4, is even: odd levels were read from the plan
                sink.report(
                    d.presentValue("levels"), path.key("levels"),
                    "Morris levels must be even (Δ = levels / (2 (levels − 1)))")
            }
            return .morris(trajectories: trajectories, levels: levels)
        default:
            sink.report(
                d.presentValue("kind"), path.key("kind"), "unknown design '\(kind)'",
                hint: "one of grid, lhs, sobol, saltelli, morris")
            return nil
        }
    }

    /// The kind of a scenario value, read from its text.
    static func kind(of node: YAMLNode) -> Plan.ValueKind {
        guard case .scalar(let text, let quoted) = node.kind, !quoted else {
            return node.isNull ? .number : .text
        }
        if Int(text) != nil { return .integer }
        if Double(text) != nil { return .number }
        if SimDate(text) != nil { return .date }
        return .text
    }

    private static func number(
        _ node: YAMLNode, kind: Plan.ValueKind, _ path: KeyPath, _ sink: DiagnosticSink
    ) -> Double? {
        if kind == .date { return node.date(path, sink).map { Double($0.daysSinceEpoch) } }
        if kind == .integer {
            return node.int(path, sink, "value", in: Int.min / 4...Int.max / 4).map(Double.init)
        }
        return node.double(path, sink, "value", in: -1e300...1e300)
    }
}

extension YAMLNode {
    /// The text of a scalar, or `nil`.
    var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }
}
