import ArgumentParser
import CreditSim
import Foundation

/// The value `work` returns, or its error printed to stderr (with the remedy in the CLI's terms)
/// and exit code 1.
func orExit<T, Failure: Error & CustomStringConvertible>(_ work: () throws(Failure) -> T) throws -> T {
    do {
        return try work()
    } catch {
        printError(remedied(error))
        throw ExitCode(1)
    }
}

/// A library error's text with what a user of the command line can do about it.
func remedied(_ error: some Error & CustomStringConvertible) -> String {
    switch error {
    case let failure as ResultFolder.Failure: remedied(failure)
    case let failure as SweepError: remedied(failure)
    case let failure as RunJob.Failure:
        if case .folder(let folder) = failure { remedied(folder) } else { failure.description }
    default: error.description
    }
}

private func remedied(_ failure: ResultFolder.Failure) -> String {
    switch failure {
    case .exists: failure.description + " (choose another --out)"
    case .cannotWrite: failure.description + " (check --out and the free disk space)"
    }
}

/// Loads a scenario, printing every located error to stderr and exiting with 1 on failure.
func loadOrExit(_ path: String) throws -> ScenarioLoader.Loaded {
    try orExit { () throws(ScenarioError) in try ScenarioLoader.load(path: path) }
}

/// Prints `value` on stdout as CreditSim's JSON.
func printJSON(_ value: some Encodable) throws {
    let data = try orExit { () throws(EncodingFailure) in try encodeJSON(value) }
    print(String(decoding: data, as: UTF8.self), terminator: "")
}

/// Writes `message` and a newline to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether stderr is a terminal (progress bars are drawn only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
