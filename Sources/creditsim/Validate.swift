import ArgumentParser
import CreditSim

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files; print located errors. Exit code 0 when all are valid, 1 otherwise.")

    @Argument(
        help: "Scenario files (or names of shipped scenarios).",
        completion: .file(extensions: ["yaml", "yml"]))
    var scenarios: [String]

    @Flag(help: "Print nothing for valid files.")
    var quiet = false

    func run() throws {
        var failed = false
        for argument in scenarios {
            let path = ShippedData.scenario(argument).path
            do {
                let loaded = try ScenarioLoader.load(path: path)
                if !quiet {
                    let s = loaded.scenario
                    print(
                        "\(path): ok — \(s.meta.name): \(s.behaviours.count) behaviours, \(s.scheme.rulebooks.count) rulebooks, "
                            + "\(s.population.size) residents, \(s.run.start) to \(s.run.end)")
                }
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
