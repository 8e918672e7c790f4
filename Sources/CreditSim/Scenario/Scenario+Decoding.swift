/// Reading a scenario from its (merged) YAML tree, checking every value as it is read.
///
/// One file per section: `Scenario+DecodingMeta.swift`, `…Run`, `…Population`, `…Behaviours`,
/// `…Scheme`, `…Enrolment`, `…Responses`, `…Outputs`; numeric keys are declared in `ScenarioKeys`.
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
