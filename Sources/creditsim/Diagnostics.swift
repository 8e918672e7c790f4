import ArgumentParser
import CreditSim
import Foundation

/// Loads a scenario, printing every located error to stderr and exiting with 1 on failure.
func loadOrExit(_ path: String) throws -> ScenarioLoader.Loaded {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Writes `message` and a newline to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether stderr is a terminal (progress bars are drawn only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
