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
///
/// `argument` is a path, or the name of a shipped scenario (`rongcheng-2016`).
func loadOrExit(_ argument: String) throws -> ScenarioLoader.Loaded {
    let path = try shippedOrExit(
        argument, ShippedData.scenario(argument), in: ShippedData.scenarioFolder, kind: "scenario",
        list: "creditsim scenarios")
    return try orExit { () throws(ScenarioError) in try ScenarioLoader.load(path: path) }
}

/// The file `argument` names: a path as given, or a shipped file by name.
///
/// A shipped file is named on stderr, so the user knows which file was read; a name that is
/// neither is an error saying where to look.
func shippedOrExit(
    _ argument: String, _ resolved: ShippedData.Resolved, in folder: String?, kind: String, list: String
) throws -> String {
    if resolved.isShipped {
        printError("note: '\(argument)' is the shipped \(kind) \(resolved.path)")
    } else if !FileManager.default.fileExists(atPath: resolved.path) {
        let shipped = folder.map {
            "no file '\(argument)' here, and no shipped \(kind) of that name in \($0)"
        }
        printError(
            "\(argument): error: \(shipped ?? "no such file (and no shipped data was found: see scripts/install.sh)")"
                + "; `\(list)` lists the shipped ones")
        throw ExitCode(1)
    }
    return resolved.path
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
