/// One problem found in a scenario file, located at the offending node.
public struct ScenarioDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    /// The key path of the offending value.
    ///
    /// For example `scheme.rulebooks[v1].rules[r2].detection`.
    public let keyPath: String
    public let message: String
    /// An optional hint on how to fix it.
    public let hint: String?

    public init(_ location: SourceLocation, _ keyPath: String, _ message: String, hint: String? = nil) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    /// `file:line:col: error: message (key.path)`, then the hint on its own line.
    public var description: String {
        let path = keyPath.isEmpty ? "" : " (\(keyPath))"
        // Values from the file are echoed in messages: escaped, so they cannot drive a terminal.
        let head = "\(location): error: \(message)\(path)".printable(limit: 2_000)
        return hint.map { head + "\n    hint: \($0.printable(limit: 2_000))" } ?? head
    }
}

/// Every problem found in a scenario (and the files it extends), in file order.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [ScenarioDiagnostic]

    public init(_ diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a scenario is read, so one pass reports every problem.
final class DiagnosticSink {
    private(set) var diagnostics: [ScenarioDiagnostic] = []
    /// The ids of `meta.sources`, once read, so that `sources:` lists can be checked against them.
    var knownSources: Set<String>?

    func report(_ node: YAMLNode, _ path: KeyPath, _ message: String, hint: String? = nil) {
        diagnostics.append(ScenarioDiagnostic(node.location, path.description, message, hint: hint))
    }

    func report(_ diagnostic: ScenarioDiagnostic) { diagnostics.append(diagnostic) }

    var isEmpty: Bool { diagnostics.isEmpty }

    func reset(_ all: [ScenarioDiagnostic]) { diagnostics = all }
}

/// A dotted key path with identifiers for list elements: `scheme.rulebooks[v1].rules[r2]`.
struct KeyPath: CustomStringConvertible {
    private var text: String

    static let root = KeyPath(text: "")

    func key(_ name: String) -> KeyPath { KeyPath(text: text.isEmpty ? name : "\(text).\(name)") }
    func element(_ label: String) -> KeyPath { KeyPath(text: "\(text)[\(label)]") }

    var description: String { text }
}
