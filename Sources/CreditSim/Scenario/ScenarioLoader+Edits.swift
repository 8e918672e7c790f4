internal import Foundation

extension ScenarioLoader {
    /// A scenario made of a base file and an edit overlay, with the standalone YAML of the result.
    public struct Edited: Sendable {
        public let loaded: Loaded
        /// The merged scenario as one YAML file without `extends`: it runs with the CLI unchanged.
        public let standalone: String
        /// The edit overlay as a file next to the base would hold it (`extends:` the base's name).
        public let overlay: String
    }

    /// Loads `edits`, the web explorer's edits, on top of the scenario file at `basePath`.
    ///
    /// `edits` is an overlay without `extends`: `extends` in the edits is refused, so edits cannot
    /// name other files; `virtualFiles` (path → text) are read instead of the disk.
    ///
    /// - Throws: `ScenarioError` with positions in `name` for errors in the edits.
    public static func load(
        edits: String, name: String, basePath: String, virtualFiles: [String: String] = [:]
    ) throws(ScenarioError) -> Edited {
        let sink = DiagnosticSink()
        var inputs: [Input] = []
        let editTree: YAMLNode
        do {
            editTree = try YAMLNode.parse(edits, file: name)
        } catch {
            throw ScenarioError([error])
        }
        switch editTree.kind {
        case .null, .mapping: break
        default:
            throw ScenarioError([
                ScenarioDiagnostic(editTree.location, "", "edits must be a mapping, not \(editTree.kindName)")
            ])
        }
        if let extends = editTree["extends"] {
            throw ScenarioError([
                ScenarioDiagnostic(
                    extends.location, "extends", "edits may not name another file with 'extends'")
            ])
        }
        guard
            let base = resolve(
                path: basePath, chain: [], inputs: &inputs, sink: sink, virtualFiles: virtualFiles)
        else { throw ScenarioError(sink.diagnostics) }
        inputs.insert(Input(path: name, sha256: sha256(Data(edits.utf8))), at: 0)
        let merged: YAMLNode
        if case .null = editTree.kind {
            merged = base
        } else {
            merged = Overlay.merge(base: base, overlay: editTree, sink: sink)
        }
        guard sink.diagnostics.isEmpty, let scenario = Scenario.decode(merged, sink) else {
            throw ScenarioError(sink.diagnostics)
        }
        let baseName = (basePath as NSString).lastPathComponent
        let body: String
        let standalone: String
        do throws(YAMLEmitFailure) {
            if case .null = editTree.kind { body = "" } else { body = try editTree.emittedYAML() }
            standalone = try merged.emittedYAML()
        } catch {
            throw ScenarioError([ScenarioDiagnostic(editTree.location, "", error.description)])
        }
        return Edited(
            loaded: Loaded(scenario: scenario, inputs: inputs), standalone: standalone,
            overlay: "extends: \(baseName)\n" + body)
    }
}
