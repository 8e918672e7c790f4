import ArgumentParser
import CreditSim
import Foundation

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Sobol (saltelli design) or Morris indices of a plan's metrics, with bootstrap intervals.",
        discussion: """
            Runs or resumes the plan's sweep (as `sweep` does; a merged folder is used as it is), then writes \
            sensitivity.csv and sensitivity.html (tornado charts) into the sweep folder. See docs/experiments.md.
            """)

    @Argument(
        help: "The plan file (design kind saltelli or morris).",
        completion: .file(extensions: ["yaml", "yml"]))
    var plan: String

    @Option(help: "The sweep folder (default results/<plan name>).")
    var out: String?

    @Option(parsing: .unconditional, help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .unconditional, help: "Bootstrap resamples for the intervals.")
    var bootstrap = 1_000

    @Flag(help: "Print nothing but errors and the table.")
    var quiet = false

    func validate() throws {
        guard (1...1024).contains(threads) else {
            throw ValidationError("--threads \(threads) is out of range: it must be in [1, 1024]")
        }
        guard (100...100_000).contains(bootstrap) else {
            throw ValidationError("--bootstrap \(bootstrap) is out of range: it must be in [100, 100000]")
        }
    }

    func run() throws {
        let loaded = try loadPlanOrExit(plan)
        switch loaded.plan.design {
        case .saltelli, .morris: break
        default:
            printError(
                "\(plan): error: a \(loaded.plan.design.name) design has no sensitivity indices; use design kind saltelli or morris"
            )
            throw ExitCode(1)
        }
        let root = out ?? "results/\(loaded.plan.name)"
        var options = Sweep.Options(threads: threads, command: CommandLine.arguments)
        let bar = quiet ? nil : ProgressBar.standardError(label: loaded.plan.name)
        if let bar { options.progress = { done, all in bar.update(Double(done) / Double(max(1, all))) } }
        let outcome = try orExit { () throws(SweepError) in
            try Sweep.execute(loaded, root: root, options: options)
        }
        bar?.finish()
        guard outcome.complete else {
            printError("\(root): error: the sweep did not finish; rerun the same command to continue")
            throw ExitCode(1)
        }
        let analysis = try orExit { () throws(SweepError) in
            try SensitivityAnalysis(loaded, folder: root, bootstrap: bootstrap)
        }
        print(analysis.csv, terminator: "")
        let files = [
            ("sensitivity.csv", Data(analysis.csv.utf8)),
            (
                "sensitivity.html",
                Data(SensitivityReport.html(analysis, title: "Sensitivity: \(loaded.plan.title)").utf8)
            ),
        ]
        for (name, data) in files {
            let path = (root as NSString).appendingPathComponent(name)
            if FileManager.default.contents(atPath: path) == data { continue }
            guard !FileManager.default.fileExists(atPath: path) else {
                printError(
                    "\(path): error: exists with other contents; results are never overwritten (remove it to redo)"
                )
                throw ExitCode(1)
            }
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                printError(
                    "\(path): error: cannot write (\(error.localizedDescription)); check --out and the free disk space"
                )
                throw ExitCode(1)
            }
        }
        if !quiet { printError("written: \(root)/sensitivity.csv, \(root)/sensitivity.html") }
    }
}
