internal import Foundation

/// Reads scenario files: parses YAML with positions, resolves `extends` overlays, validates.
public enum ScenarioLoader {
    /// The largest scenario file accepted, in bytes.
    public static let maximumFileSize = 4 << 20

    /// A loaded scenario with the provenance a manifest records.
    public struct Loaded: Sendable {
        public let scenario: Scenario
        /// Every file that went into the scenario (the named one first, then what it extends),
        /// with its SHA-256.
        public let inputs: [Input]
    }

    /// A file that went into a scenario.
    public struct Input: Sendable, Encodable {
        public let path: String
        public let sha256: String
    }

    /// Loads and validates the scenario at `path`.
    /// - Throws: `ScenarioError` listing every problem found, each with file, line, column and key path.
    public static func load(path: String) throws(ScenarioError) -> Loaded {
        var inputs: [Input] = []
        let sink = DiagnosticSink()
        guard let tree = resolve(path: path, chain: [], inputs: &inputs, sink: sink) else {
            throw ScenarioError(sink.diagnostics)
        }
        guard let scenario = Scenario.decode(tree, sink) else {
            throw ScenarioError(sink.diagnostics)
        }
        return Loaded(scenario: scenario, inputs: inputs)
    }

    /// Loads a scenario from text (for the web explorer and tests); `extends` is resolved
    /// relative to `directory`.
    public static func load(
        text: String, name: String, directory: String = ".", virtualFiles: [String: String] = [:]
    ) throws(ScenarioError) -> Loaded {
        var inputs = [Input(path: name, sha256: sha256(Data(text.utf8)))]
        let sink = DiagnosticSink()
        guard
            let tree = resolve(
                text: text, file: name, directory: directory, chain: [name], inputs: &inputs, sink: sink,
                virtualFiles: virtualFiles),
            let scenario = Scenario.decode(tree, sink)
        else { throw ScenarioError(sink.diagnostics) }
        return Loaded(scenario: scenario, inputs: inputs)
    }

    static func resolve(
        path: String, chain: [String], inputs: inout [Input], sink: DiagnosticSink,
        virtualFiles: [String: String] = [:]
    ) -> YAMLNode? {
        let here = SourceLocation(file: path, line: 1, column: 1)
        let url = URL(fileURLWithPath: path)
        let canonical = url.standardizedFileURL.path
        if chain.contains(canonical) {
            sink.report(
                ScenarioDiagnostic(
                    here, "extends", "scenarios extend each other in a cycle (back to '\(path)')"))
            return nil
        }
        let read =
            virtualFiles[path].map { (string: $0, sha256: sha256(Data($0.utf8))) }
            ?? readText(path: path, sink: sink)
        guard let read else { return nil }
        let text = read.string
        inputs.append(Input(path: path, sha256: read.sha256))
        return resolve(
            text: text, file: path, directory: FilePath.parent(of: path),
            chain: chain + [canonical],
            inputs: &inputs, sink: sink, virtualFiles: virtualFiles)
    }

    private static func resolve(
        text: String, file: String, directory: String, chain: [String], inputs: inout [Input],
        sink: DiagnosticSink, virtualFiles: [String: String]
    ) -> YAMLNode? {
        let tree: YAMLNode
        do {
            tree = try YAMLNode.parse(text, file: file)
        } catch {
            sink.report(error)
            return nil
        }
        guard let extendsNode = tree["extends"] else { return tree }
        guard let base = extendsNode.string(KeyPath.root.key("extends"), sink) else { return nil }
        let basePath =
            base.hasPrefix("/") || directory.isEmpty
            ? base : (directory as NSString).appendingPathComponent(base)
        let mark = sink.diagnostics.count
        guard
            let baseTree = resolve(
                path: basePath, chain: chain, inputs: &inputs, sink: sink, virtualFiles: virtualFiles)
        else {
            if sink.diagnostics.count > mark, sink.diagnostics[mark].location.file == basePath,
                sink.diagnostics[mark].message.hasPrefix("cannot read")
            {
                // Point at the `extends` line rather than at a file that does not exist.
                let missing = sink.diagnostics[mark]
                sink.replace(
                    at: mark,
                    with: ScenarioDiagnostic(
                        extendsNode.location, "extends", "\(missing.message) '\(basePath)'"))
            }
            return nil
        }
        return Overlay.merge(base: baseTree, overlay: tree, sink: sink)
    }

    /// Reads and parses a YAML file (a plan or guidance profile) with the checks every input gets.
    /// - Throws: `ScenarioError` for a missing, oversized or non-UTF-8 file, or invalid YAML.
    static func readTree(path: String) throws(ScenarioError) -> (tree: YAMLNode, text: String, sha256: String)
    {
        let sink = DiagnosticSink()
        guard let read = readText(path: path, sink: sink) else { throw ScenarioError(sink.diagnostics) }
        do {
            return (try YAMLNode.parse(read.string, file: path), read.string, read.sha256)
        } catch {
            throw ScenarioError([error])
        }
    }

    /// Reads a YAML file with the size and encoding checks every input gets.
    static func readText(path: String, sink: DiagnosticSink) -> (string: String, sha256: String)? {
        let here = SourceLocation(file: path, line: 1, column: 1)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType != .typeDirectory
        else {
            sink.report(ScenarioDiagnostic(here, "", "cannot read file: no such file"))
            return nil
        }
        if let size = attributes[.size] as? Int, size > maximumFileSize {
            sink.report(
                ScenarioDiagnostic(here, "", "file is \(size) bytes; the limit is \(maximumFileSize)"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.report(ScenarioDiagnostic(here, "", "cannot read file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.report(ScenarioDiagnostic(here, "", "file is not UTF-8 text"))
            return nil
        }
        return (text, sha256(data))
    }

    /// The SHA-256 of `data` as lower-case hex.
    static func sha256(_ data: Data) -> String { SHA256.hex(data) }
}

extension DiagnosticSink {
    func replace(at index: Int, with diagnostic: ScenarioDiagnostic) {
        var all = diagnostics
        all[index] = diagnostic
        reset(all)
    }
}

extension ScenarioLoader.Loaded {
    /// The same scenario with another seed (as `run --seed` does).
    public func overriding(seed: UInt64) -> Self {
        var s = scenario
        s.run.seed = seed
        return Self(scenario: s, inputs: inputs)
    }

    /// The same scenario with another population size (as `run --population` does).
    public func overriding(population: Int) -> Self {
        var s = scenario
        s.population.size = population
        return Self(scenario: s, inputs: inputs)
    }
}
