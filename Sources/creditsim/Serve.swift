import ArgumentParser
import CreditSim
import CreditSimExplorer
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the explorer: a local web page to edit a scenario, run it and see the charts.",
        discussion: """
            Prints the address and serves until interrupted; it opens no browser. Binds to 127.0.0.1 unless \
            --host says otherwise. Serves only its own page and the *.yaml files of the scenario folder. \
            See docs/explorer.md.
            """)

    @Option(help: "Address to bind. Anything but 127.0.0.1/localhost exposes the explorer to the network.")
    var host = "127.0.0.1"

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "A host name requests may be addressed to, besides 127.0.0.1, localhost, ::1 and --host (repeatable).",
            valueName: "name"))
    var allowedHosts: [String] = []

    @Option(parsing: .unconditional, help: "Port to listen on.")
    var port = 8080

    @Option(
        help: "Folder whose *.yaml scenario files the page offers (default: the shipped scenarios).",
        completion: .directory)
    var scenarios: String?

    @Option(
        help: "Folder of guidance profiles offered for comparison (default: the shipped profiles).",
        completion: .directory)
    var guidance: String?

    @Option(parsing: .unconditional, help: "Largest population a page may run.")
    var maxPopulation = 600_000

    @Option(parsing: .unconditional, help: "Runs simulated at once (others wait).")
    var concurrentRuns = 2

    func validate() throws {
        guard (1...65_535).contains(port) else {
            throw ValidationError("--port \(port) is out of range: it must be in [1, 65535]")
        }
        guard (1...10_000_000).contains(maxPopulation) else {
            throw ValidationError(
                "--max-population \(maxPopulation) is out of range: it must be in [1, 10000000]")
        }
        guard (1...64).contains(concurrentRuns) else {
            throw ValidationError(
                "--concurrent-runs \(concurrentRuns) is out of range: it must be in [1, 64]")
        }
        for (option, folder) in [("--scenarios", scenarioFolder), ("--guidance", guidanceFolder)] {
            var isDirectory: ObjCBool = false
            guard let folder else {
                throw ValidationError(
                    "no shipped data found: give \(option), install with scripts/install.sh, or set CREDITSIM_DATA"
                )
            }
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { throw ValidationError("\(option) \(folder): no such folder") }
        }
    }

    func run() async throws {
        var configuration = ExplorerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.scenarioFolder = scenarioFolder ?? "scenarios"
        configuration.guidanceFolder = guidanceFolder ?? "scenarios/guidance"
        configuration.maximumPopulation = maxPopulation
        configuration.concurrentRuns = concurrentRuns
        configuration.allowedHosts = allowedHosts
        // Every run uses every core: one student waits least; concurrent runs share the cores.
        configuration.threadsPerRun = ProcessInfo.processInfo.activeProcessorCount
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            printError(
                "warning: binding to \(host) lets other machines on the network use this explorer; it has no authentication"
            )
            if ["0.0.0.0", "::"].contains(host) && allowedHosts.isEmpty {
                printError(
                    "note: requests are answered only when addressed to a loopback name; give the names others use with --allow-host"
                )
            }
        }
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        do {
            try await Explorer.serve(configuration) { _ in
                // Written unbuffered once the socket listens: scripts that start the server wait for it.
                FileHandle.standardOutput.write(
                    Data("CreditSim explorer: \(address)  (Ctrl-C to stop)\n".utf8))
            }
        } catch {
            printError("error: cannot serve the explorer at \(address): \(error)")
            throw ExitCode(1)
        }
    }

    private var scenarioFolder: String? { scenarios ?? ShippedData.scenarioFolder }
    private var guidanceFolder: String? { guidance ?? ShippedData.guidanceFolder }
}
