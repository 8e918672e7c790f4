internal import Foundation

/// Typed, located reads of scenario values.
///
/// Every failed read reports one diagnostic to the sink and returns `nil`, so a single pass over a
/// file finds all of its problems.
struct Fields {
    let node: YAMLNode
    let path: KeyPath
    let sink: DiagnosticSink

    /// Opens `node` as a mapping whose keys must be among `allowed`; reports unknown keys.
    init?(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, allowed: [String]) {
        guard case .mapping(let entries) = node.kind else {
            sink.report(node, path, "expected a mapping, found \(node.kindName)")
            return nil
        }
        self.node = node
        self.path = path
        self.sink = sink
        for entry in entries where !allowed.contains(entry.key) {
            let hint =
                entry.key == "remove"
                ? "'remove: true' deletes an element only in a scenario that extends another"
                : NearMiss.hint(for: entry.key, among: allowed, listing: "allowed keys")
            sink.report(
                ScenarioDiagnostic(
                    entry.keyLocation, path.key(entry.key).description,
                    "unknown key '\(entry.key.printable(limit: 80))'",
                    hint: hint))
        }
    }

    /// The value at `key`, or `nil` (reported when `required`) if absent or null.
    func value(_ key: String, required: Bool = false) -> YAMLNode? {
        if let value = node[key], !value.isNull { return value }
        if required { sink.report(node, path.key(key), "missing key '\(key)'") }
        return nil
    }

    /// The value at `key`, which an earlier successful read of `key` showed to be present.
    ///
    /// For pointing a later diagnostic at a value that was read; a missing value is a programming
    /// error.
    func presentValue(_ key: String) -> YAMLNode {
        guard let found = value(key) else {
            preconditionFailure("'\(key)' was read successfully, so it is present (invariant)")
        }
        return found
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { $0.string(path.key(key), sink) }
    }

    func double(_ key: String, _ label: String, in range: ClosedRange<Double>, required: Bool = false)
        -> Double?
    {
        value(key, required: required).flatMap { $0.double(path.key(key), sink, label, in: range) }
    }

    func int(_ key: String, _ label: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        value(key, required: required).flatMap { $0.int(path.key(key), sink, label, in: range) }
    }

    /// The value of `key`, checked against its declared range, or `nil` (reported when `required`).
    func int(_ key: NumericKey<Int>, required: Bool = false) -> Int? {
        int(key.name, key.label, in: key.range, required: required)
    }

    /// The value of `key`, checked against its declared range, or `nil` (reported when `required`).
    func double(_ key: NumericKey<Double>, required: Bool = false) -> Double? {
        double(key.name, key.label, in: key.range, required: required)
    }

    /// The value of `key`, or its default when absent or invalid (an invalid value is reported).
    ///
    /// - Precondition: `key` is declared with a default.
    func int(orDefault key: NumericKey<Int>) -> Int { int(key) ?? key.declaredDefault }

    /// The value of `key`, or its default when absent or invalid (an invalid value is reported).
    ///
    /// - Precondition: `key` is declared with a default.
    func double(orDefault key: NumericKey<Double>) -> Double { double(key) ?? key.declaredDefault }

    func date(_ key: String, required: Bool = false) -> SimDate? {
        value(key, required: required).flatMap { $0.date(path.key(key), sink) }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false)
        -> T?
    where T.RawValue == String {
        value(key, required: required).flatMap { $0.choice(path.key(key), sink, type) }
    }

    /// The list at `key`, each element with its key path (labelled by `label` or its index).
    func list(_ key: String, required: Bool = false, label: (YAMLNode) -> String? = { _ in nil })
        -> [(YAMLNode, KeyPath)]
    {
        guard let value = value(key, required: required) else { return [] }
        guard case .sequence(let items) = value.kind else {
            sink.report(value, path.key(key), "expected a list, found \(value.kindName)")
            return []
        }
        return items.enumerated().map { index, item in
            (item, path.key(key).element(label(item) ?? String(index)))
        }
    }

    /// A list of strings at `key`.
    func strings(_ key: String) -> [String] {
        list(key).compactMap { $0.0.string($0.1, sink) }
    }

    /// The `sources:` list, each id checked against `meta.sources`.
    func sources() -> [String] {
        list("sources").compactMap { item, itemPath in
            guard let id = item.string(itemPath, sink) else { return nil }
            if let known = sink.knownSources, !known.contains(id) {
                sink.report(item, itemPath, "unknown source '\(id)'", hint: "declare it under meta.sources")
            }
            return id
        }
    }

    /// The entries of the mapping at `key` (free-form keys).
    func entries(_ key: String) -> [YAMLNode.Entry] {
        guard let value = value(key) else { return [] }
        guard case .mapping(let entries) = value.kind else {
            sink.report(value, path.key(key), "expected a mapping, found \(value.kindName)")
            return []
        }
        return entries
    }
}

extension YAMLNode {
    var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// The `id` of a mapping element, used to label list elements in key paths.
    var idLabel: String? {
        guard case .scalar(let text, _) = self["id"]?.kind ?? self["behaviour"]?.kind else { return nil }
        return text
    }

    func string(_ path: KeyPath, _ sink: DiagnosticSink) -> String? {
        guard case .scalar(let text, _) = kind else {
            sink.report(self, path, "expected text, found \(kindName)")
            return nil
        }
        return text
    }

    func double(_ path: KeyPath, _ sink: DiagnosticSink, _ label: String, in range: ClosedRange<Double>)
        -> Double?
    {
        guard case .scalar(let text, let quoted) = kind, !quoted,
            let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite
        else {
            sink.report(self, path, "expected a number for the \(label), found \(kindName)")
            return nil
        }
        guard range.contains(value) else {
            sink.report(
                self, path,
                "\(label) \(text) is outside [\(format(range.lowerBound)), \(format(range.upperBound))]")
            return nil
        }
        return value
    }

    func int(_ path: KeyPath, _ sink: DiagnosticSink, _ label: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let text, let quoted) = kind, !quoted else {
            sink.report(self, path, "expected a whole number for the \(label), found \(kindName)")
            return nil
        }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard
            let value = Int(digits) ?? Double(digits).flatMap({ $0.rounded() == $0 ? Int(exactly: $0) : nil })
        else {
            sink.report(
                self, path, "expected a whole number for the \(label), found '\(text.printable(limit: 80))'")
            return nil
        }
        guard range.contains(value) else {
            sink.report(self, path, "\(label) \(text) is outside [\(range.lowerBound), \(range.upperBound)]")
            return nil
        }
        return value
    }

    /// This value as `key`, checked against its declared range.
    func int(_ path: KeyPath, _ sink: DiagnosticSink, _ key: NumericKey<Int>) -> Int? {
        int(path, sink, key.label, in: key.range)
    }

    /// This value as `key` (or an entry of the mapping at `key`), checked against its declared range.
    func double(_ path: KeyPath, _ sink: DiagnosticSink, _ key: NumericKey<Double>) -> Double? {
        double(path, sink, key.label, in: key.range)
    }

    func date(_ path: KeyPath, _ sink: DiagnosticSink) -> SimDate? {
        guard case .scalar(let text, _) = kind else {
            sink.report(self, path, "expected a date (YYYY-MM-DD), found \(kindName)")
            return nil
        }
        guard let date = SimDate(text) else {
            sink.report(
                self, path, SimDate.problem(text) ?? "expected a date (YYYY-MM-DD), found \(kindName)")
            return nil
        }
        return date
    }

    func choice<T: RawRepresentable & CaseIterable>(_ path: KeyPath, _ sink: DiagnosticSink, _ type: T.Type)
        -> T?
    where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        guard case .scalar(let text, _) = kind, let value = T(rawValue: text) else {
            let hint: String? =
                if case .scalar(let text, _) = kind {
                    NearMiss.suggestion(for: text, among: options).map { "did you mean '\($0)'?" }
                } else { nil }
            sink.report(
                self, path, "expected one of \(options.joined(separator: ", ")), found \(kindName)",
                hint: hint)
            return nil
        }
        return value
    }
}

/// Shortest decimal form of a range bound for messages (`1` rather than `1.0`).
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
