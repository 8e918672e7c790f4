internal import Foundation

/// Reads plan files: located errors like scenario files, every parameter checked against the base
/// scenario (its path exists, its extreme values make a valid scenario) before any run starts.
///
/// Each section is read by its own function (`PlanLoader+Settings.swift`,
/// `PlanLoader+Parameters.swift`, `PlanLoader+Design.swift`, `PlanLoader+Checks.swift`); every
/// problem found is reported, in the order of the plan's sections.
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

    /// The keys a plan file may have.
    static let topLevelKeys = [
        "plan", "name", "title", "description", "scenario", "population", "seed", "replicates",
        "parameters", "design", "metrics", "dates",
    ]

    /// Loads and checks the plan at `path`.
    /// - Throws: `ScenarioError` with every problem found, each at its file, line and column.
    public static func load(path: String) throws(ScenarioError) -> Loaded {
        let read = try ScenarioLoader.readTree(path: path)
        let sink = DiagnosticSink()
        guard let fields = Fields(read.tree, KeyPath.root, sink, allowed: topLevelKeys) else {
            throw ScenarioError(sink.diagnostics)
        }
        let settings = Settings(fields, planPath: path, sink)
        var inputs = [ScenarioLoader.Input(path: path, sha256: read.sha256)]
        let base = BaseScenario(settings, fields, inputs: &inputs, sink)
        let varied = parameters(fields, base: base.tree, sink)
        if settings.name.isEmpty, let node = fields.value("name") {
            sink.report(node, KeyPath.root.key("name"), "the plan name is empty")
        }
        let design = design(fields, varied.parameters.count, sink)
        if let scenario = base.scenario { checkDates(settings.dates, within: scenario, fields, sink) }
        let plan = settings.plan(parameters: varied.parameters, design: design ?? .grid(levels: 2))
        if let design, !varied.parameters.isEmpty { checkRunCount(design, plan, fields, sink) }
        // Metrics depend on the base scenario alone: checked with every other key, in one pass.
        if let scenario = base.scenario {
            checkMetrics(SweepMetrics.names(scenario, dates: settings.dates), fields, sink)
        }
        guard sink.diagnostics.isEmpty, let tree = base.tree else { throw ordered(sink.diagnostics) }
        let loaded = Loaded(
            plan: plan, inputs: inputs, hash: hash(inputs), text: read.text, base: tree, paths: varied.paths,
            locations: varied.locations)
        checkExtremes(loaded, sink)
        guard sink.diagnostics.isEmpty else { throw ordered(sink.diagnostics) }
        return loaded
    }

    /// The distinct diagnostics in file order (file, line, column).
    private static func ordered(_ diagnostics: [ScenarioDiagnostic]) -> ScenarioError {
        var seen = Set<ScenarioDiagnostic>()
        let distinct = diagnostics.filter { seen.insert($0).inserted }
        return ScenarioError(
            distinct.enumerated().sorted {
                let (a, b) = ($0.element.location, $1.element.location)
                return (a.file, a.line, a.column, $0.offset) < (b.file, b.line, b.column, $1.offset)
            }.map(\.element))
    }

    /// SHA-256 over the inputs' hashes and file names: the same plan and scenarios give the same
    /// hash wherever they are.
    private static func hash(_ inputs: [ScenarioLoader.Input]) -> String {
        ScenarioLoader.sha256(
            Data(inputs.map { "\($0.sha256)  \(($0.path as NSString).lastPathComponent)\n" }.joined().utf8))
    }
}
