import ArgumentParser
import CreditSim
import Foundation
import GSL

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the shipped scenarios (or guidance profiles, or plans), one line each.",
        discussion: """
            Shipped files can be named without a path from any folder: `creditsim run rongcheng-2016`, \
            `--guidance central-2020`, `creditsim sweep harmful-info-points`. A path always wins over a name.
            """)

    @Option(
        help: "List the scenario files of this folder instead of the shipped ones.", completion: .directory)
    var dir: String?

    @Flag(help: "List the shipped guidance profiles.")
    var guidance = false

    @Flag(help: "List the shipped experiment plans.")
    var plans = false

    func validate() throws {
        if guidance && plans { throw ValidationError("give --guidance or --plans, not both") }
        if dir != nil && (guidance || plans) { throw ValidationError("--dir lists scenario files only") }
    }

    func run() throws {
        let shipped =
            guidance
            ? ShippedData.guidanceFolder : plans ? ShippedData.planFolder : ShippedData.scenarioFolder
        guard let folder = dir ?? shipped else {
            printError(
                "error: no shipped data found (install with scripts/install.sh, or set CREDITSIM_DATA)")
            throw ExitCode(1)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            printError(
                "\(folder): error: no \(guidance ? "guidance profiles" : plans ? "plans" : "scenario files") (*.yaml) here"
            )
            throw ExitCode(1)
        }
        if dir == nil { print("# \(folder)") }
        let width = files.map { (($0 as NSString).deletingPathExtension as String).count }.max() ?? 0
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            let name = ((file as NSString).deletingPathExtension as String).padding(
                toLength: width, withPad: " ", startingAt: 0)
            print("\(name)  \(describe(path))")
        }
    }

    private func describe(_ path: String) -> String {
        do {
            if guidance { return try GuidanceLoader.load(path).profile.title.printable() }
            if plans {
                let plan = try PlanLoader.load(path: path).plan
                return "\(plan.title.printable()) — \(plan.replicates) replicates of \(plan.scenario)"
            }
            let s = try ScenarioLoader.load(path: path).scenario
            return
                "\(s.meta.title.printable()) — \(s.run.start) to \(s.run.end), \(s.population.size) residents"
        } catch {
            return "(invalid: run `creditsim validate \(path)`)"
        }
    }
}

struct Generators: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the random number generators a scenario may name.")

    func run() {
        print(GeneratorKind.available.joined(separator: "\n"))
    }
}
