extension PlanLoader {
    /// The varied parameters as read, with their key paths and where their values are written.
    struct Varied {
        var parameters: [Plan.Parameter] = []
        var paths: [ParameterPath] = []
        var locations: [SourceLocation] = []
    }

    /// The allowed keys of one `parameters` item.
    static let parameterKeys = ["name", "path", "values", "min", "max"]

    /// Reads `parameters`, each checked against the base scenario's `tree` when it loaded.
    static func parameters(_ fields: Fields, base tree: YAMLNode?, _ sink: DiagnosticSink) -> Varied {
        var varied = Varied()
        for (node, itemPath) in fields.list("parameters", required: true, label: { $0["name"]?.scalarText }) {
            guard let p = Fields(node, itemPath, sink, allowed: parameterKeys),
                let (parameter, path) = parameter(p, itemPath, base: tree, after: varied, sink)
            else { continue }
            varied.parameters.append(parameter)
            varied.paths.append(path)
            varied.locations.append(p.value("values")?.location ?? p.value("min")?.location ?? node.location)
        }
        if varied.parameters.isEmpty, let node = fields.value("parameters") {
            sink.report(node, KeyPath.root.key("parameters"), "a plan varies at least one parameter")
        }
        return varied
    }

    /// One parameter: its name and key path (unique in the plan), the kind of value at the path
    /// in the base scenario, and its domain.
    private static func parameter(
        _ p: Fields, _ itemPath: KeyPath, base tree: YAMLNode?, after earlier: Varied, _ sink: DiagnosticSink
    ) -> (Plan.Parameter, ParameterPath)? {
        guard let name = p.string("name", required: true), let pathText = p.string("path", required: true)
        else { return nil }
        if earlier.parameters.contains(where: { $0.name == name }) {
            sink.report(p.presentValue("name"), itemPath.key("name"), "a second parameter called '\(name)'")
        }
        // Each parameter is a column of results.csv and results.sqlite beside the fixed ones.
        if SweepTable.fixedColumns.contains(name.lowercased()) {
            sink.report(
                p.presentValue("name"), itemPath.key("name"),
                "a parameter may not be called '\(name)': results.csv has a column of that name",
                hint: "the fixed columns are \(SweepTable.fixedColumns.joined(separator: ", "))")
        }
        guard let keyPath = ParameterPath(pathText) else {
            sink.report(
                p.presentValue("path"), itemPath.key("path"), "'\(pathText)' is not a key path",
                hint: "write it as errors print it, e.g. scheme.rulebooks[v1].rules[r2].points")
            return nil
        }
        if earlier.paths.contains(where: { $0.description == keyPath.description }) {
            sink.report(
                p.presentValue("path"), itemPath.key("path"), "another parameter already varies '\(pathText)'"
            )
        }
        var kind = Plan.ValueKind.number
        if let tree {
            switch keyPath.find(in: tree) {
            case .failure(let problem):
                sink.report(p.presentValue("path"), itemPath.key("path"), problem.message, hint: problem.hint)
                return nil
            case .success(let value):
                kind = Self.kind(of: value)
            }
        }
        let domain: (Plan.Domain, Plan.ValueKind)?
        if let values = p.value("values") {
            domain = listed(values, p, itemPath, kind: kind, sink)
        } else {
            domain = range(p, itemPath, kind: kind, pathText: pathText, sink)
        }
        guard let (domain, kind) = domain else { return nil }
        return (Plan.Parameter(name: name, path: keyPath.description, domain: domain, kind: kind), keyPath)
    }

    /// Listed `values`, and the parameter's kind: integer when the base holds a number and every
    /// value is a whole number written as one.
    private static func listed(
        _ values: YAMLNode, _ p: Fields, _ itemPath: KeyPath, kind: Plan.ValueKind, _ sink: DiagnosticSink
    ) -> (Plan.Domain, Plan.ValueKind)? {
        guard case .sequence(let items) = values.kind, !items.isEmpty,
            items.allSatisfy({ $0.scalarText != nil })
        else {
            sink.report(values, itemPath.key("values"), "expected a non-empty list of values")
            return nil
        }
        if p.has("min") || p.has("max") {
            sink.report(values, itemPath.key("values"), "give either 'values' or 'min' and 'max', not both")
        }
        let whole =
            kind == .number && items.allSatisfy({ $0.scalarText.flatMap { Int($0) } != nil })
            && Self.kind(of: items[0]) == .integer
        return (.values(items.compactMap(\.scalarText)), whole ? .integer : kind)
    }

    /// A `min`–`max` range of a number, whole number or date.
    private static func range(
        _ p: Fields, _ itemPath: KeyPath, kind: Plan.ValueKind, pathText: String, _ sink: DiagnosticSink
    ) -> (Plan.Domain, Plan.ValueKind)? {
        guard let low = p.value("min", required: true), let high = p.value("max", required: true) else {
            return nil
        }
        if kind == .text {
            sink.report(low, itemPath.key("min"), "'\(pathText)' holds text; list its 'values' instead")
            return nil
        }
        guard let lo = number(low, kind: kind, itemPath.key("min"), sink),
            let hi = number(high, kind: kind, itemPath.key("max"), sink)
        else { return nil }
        guard lo < hi else {
            sink.report(high, itemPath.key("max"), "max must be above min")
            return nil
        }
        return (.range(low: lo, high: hi), kind)
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

    /// A range end as a number (dates as day numbers).
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
