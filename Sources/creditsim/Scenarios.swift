import ArgumentParser
import CreditSim
import Foundation
import GSL

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the scenarios in a folder, one line each.")

    @Option(help: "The folder to list.")
    var dir = "scenarios"

    func run() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            printError("\(dir): error: no scenario files (*.yaml) here")
            throw ExitCode(1)
        }
        let width = files.map(\.count).max() ?? 0
        for file in files {
            let path = (dir as NSString).appendingPathComponent(file)
            let padded = file.padding(toLength: width, withPad: " ", startingAt: 0)
            do {
                let s = try ScenarioLoader.load(path: path).scenario
                print(
                    "\(padded)  \(s.meta.title) — \(s.run.start) to \(s.run.end), \(s.population.size) residents"
                )
            } catch {
                print("\(padded)  (invalid: run `creditsim validate \(path)`)")
            }
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
