import ArgumentParser
import CreditSim
import Foundation

/// The value `load` reads, or every located error printed to stderr and exit code 1.
func orExit<T>(_ load: () throws(ScenarioError) -> T) throws -> T {
    do {
        return try load()
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Loads a scenario, printing every located error to stderr and exiting with 1 on failure.
func loadOrExit(_ path: String) throws -> ScenarioLoader.Loaded {
    try orExit { () throws(ScenarioError) in try ScenarioLoader.load(path: path) }
}

/// Writes `message` and a newline to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether stderr is a terminal (progress bars are drawn only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
