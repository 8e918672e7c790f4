internal import Foundation

extension PlanLoader {
    /// A plan's top-level settings: everything but its parameters and design.
    struct Settings {
        let name: String
        let title: String
        /// The base scenario as the plan names it, and as resolved from the plan's folder.
        let scenarioText: String
        let scenarioPath: String
        let population: Int?
        let seed: UInt64
        let replicates: Int
        let dates: [SimDate]
        let metrics: [String]

        /// Reads the settings, reporting what is missing or out of range.
        init(_ fields: Fields, planPath: String, _ sink: DiagnosticSink) {
            Self.checkVersion(fields, sink)
            name = Self.name(fields, sink)
            title = fields.string("title") ?? name
            _ = fields.string("description")
            scenarioText = fields.string("scenario", required: true) ?? ""
            let directory = FilePath.parent(of: planPath)
            scenarioPath =
                scenarioText.hasPrefix("/") || directory.isEmpty
                ? scenarioText : (directory as NSString).appendingPathComponent(scenarioText)
            population = fields.int("population", "population", in: 1...2_000_000_000)
            seed = fields.int("seed", "seed", in: 0...Int(UInt32.max)).map(UInt64.init) ?? 1
            replicates = fields.int("replicates", "replicates", in: 1...100_000) ?? 1
            dates = fields.list("dates").compactMap { $0.0.date($0.1, sink) }
            metrics = fields.strings("metrics")
        }

        /// The plan with these settings.
        func plan(parameters: [Plan.Parameter], design: Plan.Design) -> Plan {
            Plan(
                name: name, title: title, scenarioPath: scenarioPath, scenario: scenarioText,
                population: population, seed: seed, replicates: replicates, parameters: parameters,
                design: design, metrics: metrics, dates: dates)
        }

        private static func checkVersion(_ fields: Fields, _ sink: DiagnosticSink) {
            if let version = fields.int("plan", "plan format version", in: 1...1_000, required: true),
                version != Plan.formatVersion
            {
                sink.report(
                    fields.presentValue("plan"), KeyPath.root.key("plan"),
                    "plan format \(version) is not supported; this CreditSim reads 1")
            }
        }

        /// The plan's name (`plan` when absent, which is reported), checked to be a folder name.
        private static func name(_ fields: Fields, _ sink: DiagnosticSink) -> String {
            let name = fields.string("name", required: true) ?? "plan"
            if let node = fields.value("name"),
                !name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
            {
                sink.report(
                    node, KeyPath.root.key("name"),
                    "a plan name may hold only letters, digits, '-', '_' and '.' (it names the result folder)"
                )
            }
            return name
        }
    }

    /// The base scenario a plan names: its merged tree, and the scenario when the tree decodes
    /// without errors.
    struct BaseScenario {
        let tree: YAMLNode?
        let scenario: Scenario?

        /// Resolves the scenario (adding its files to `inputs`) and decodes it; when it does not
        /// load, its files' errors are followed by one at the plan's `scenario` line.
        init(
            _ settings: Settings, _ fields: Fields, inputs: inout [ScenarioLoader.Input],
            _ sink: DiagnosticSink
        ) {
            let mark = sink.diagnostics.count
            tree =
                settings.scenarioText.isEmpty
                ? nil
                : ScenarioLoader.resolve(path: settings.scenarioPath, chain: [], inputs: &inputs, sink: sink)
            if tree == nil, sink.diagnostics.count > mark, let node = fields.value("scenario") {
                // The plan's `scenario` line too, after the file's own errors.
                sink.report(
                    node, KeyPath.root.key("scenario"),
                    "the base scenario '\(settings.scenarioPath)' does not load")
            }
            scenario = tree.flatMap { tree -> Scenario? in
                let before = sink.diagnostics.count
                let scenario = Scenario.decode(tree, sink)
                return sink.diagnostics.count == before ? scenario : nil
            }
        }
    }
}
