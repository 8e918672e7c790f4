import ArgumentParser
import CreditSim

@main
struct CreditSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creditsim",
        abstract: "Simulate municipal point-based social-credit schemes on synthetic populations.",
        discussion: "Docs: README.md, docs/model.md (semantics), docs/scenario-format.md (every key).",
        version: CreditSimVersion.current,
        subcommands: [
            Run.self, Compare.self, AuditCommand.self, ReportCommand.self, Plan.self, Validate.self,
            SweepCommand.self, MergeCommand.self, SensitivityCommand.self, Scenarios.self, Serve.self,
            Generators.self,
        ]
    )
}
