import ArgumentParser
import CreditSim
import Foundation

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run an experiment plan: every design point × replicate, resumably.",
        discussion: """
            Writes results/<plan>/ (or --out): runs/ (one committed file per finished run), then results.csv \
            (one row per run × metric, a column per parameter), results.sqlite and manifest.json. Rerunning the \
            same command skips finished runs. --shard K/N runs one slice into <out>/shard-K-of-N/; `creditsim \
            merge <out>` joins the slices. See docs/experiments.md.
            """)

    @Argument(help: "The plan file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var plan: String

    @Option(help: "The sweep folder (default results/<plan name>). Reruns resume into it.")
    var out: String?

    @Option(help: "Run only slice K of N (1-based), e.g. 3/16.")
    var shard: String?

    @Option(
        parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .unconditional, help: "Stop after this many new runs (rerun to continue).")
    var maxRuns: Int?

    @Flag(help: "Print each design point as a scenario overlay and stop.")
    var list = false

    @Flag(help: "Print the metric names a run reports and stop.")
    var listMetrics = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup(title: "Slurm (with --slurm: print an sbatch job-array script and stop)")
    var slurm: SlurmOptions

    func validate() throws {
        guard (1...1024).contains(threads) else {
            throw ValidationError("--threads \(threads) is out of range: it must be in [1, 1024]")
        }
        if let maxRuns, maxRuns < 1 {
            throw ValidationError("--max-runs \(maxRuns) is out of range: it must be at least 1")
        }
        if let shard { _ = try parseShard(shard) }
        if slurm.slurm, shard != nil { throw ValidationError("--slurm makes its own shards; drop --shard") }
    }

    func run() throws {
        let loaded = try loadPlanOrExit(plan)
        let root = out ?? "results/\(loaded.plan.name)"
        let points = loaded.unitPoints()
        let total = points.count * loaded.plan.replicates
        if list {
            for (k, unit) in points.enumerated() {
                let values = loaded.values(at: unit)
                print(
                    "# point \(k): "
                        + zip(loaded.plan.parameters, values).map { "\($0.name) = \($1)" }.joined(
                            separator: ", "))
                let overlay = try orExit { () throws(YAMLEmitFailure) in
                    try loaded.overlay(values, replicate: 0)
                }
                print(overlay, terminator: "")
                print("---")
            }
            return
        }
        if listMetrics {
            do {
                let scenario = try loaded.scenario(at: loaded.values(at: points[0]), replicate: 0)
                for name in loaded.metricNames(scenario) { print(name) }
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            return
        }
        if slurm.slurm {
            let planPath = loaded.inputs.first?.path ?? plan  // the plan file is the first input
            print(try slurm.script(loaded, planPath: planPath, root: root, runs: total), terminator: "")
            return
        }
        var options = Sweep.Options(
            threads: threads, shard: try shard.map(parseShard), maximumNewRuns: maxRuns,
            command: CommandLine.arguments)
        let bar = quiet ? nil : ProgressBar.standardError(label: loaded.plan.name)
        if let bar { options.progress = { done, all in bar.update(Double(done) / Double(max(1, all))) } }
        let outcome = try orExit { () throws(SweepError) in
            try Sweep.execute(loaded, root: root, options: options)
        }
        bar?.finish()
        if !quiet {
            let what = options.shard.map { "shard \($0) of " } ?? ""
            print(
                "\(what)plan \(loaded.plan.name): \(outcome.total) runs, \(outcome.skipped) already finished, \(outcome.ran) run now "
                    + String(format: "(%.1f s)", outcome.seconds))
            if outcome.complete {
                print(
                    "tables: \(outcome.folder)/results.csv, results.sqlite; manifest.json (peak memory \(formatBytes(ProcessMemory.peakResidentBytes)))"
                )
            } else {
                print(
                    "\(outcome.total - outcome.skipped - outcome.ran) runs left; rerun the same command to continue"
                )
            }
        }
    }
}

/// Options of `sweep --slurm`.
struct SlurmOptions: ParsableArguments {
    @Flag(help: "Print an sbatch job-array script (one task per shard, then a merge job) and stop.")
    var slurm = false

    @Option(parsing: .unconditional, help: "Array tasks (shards). Default: min(runs, 16).")
    var shards: Int?

    @Option(help: "CPUs per array task.")
    var cpusPerTask = 1

    @Option(help: "Memory per task (sbatch --mem).")
    var memory = "2G"

    @Option(help: "Time limit per task (sbatch --time).")
    var time = "01:00:00"

    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "Slurm account.")
    var account: String?

    func script(_ loaded: PlanLoader.Loaded, planPath: String, root: String, runs: Int) throws -> String {
        let shards = min(runs, self.shards ?? 16)
        guard shards >= 1, cpusPerTask >= 1 else {
            throw ValidationError("--shards and --cpus-per-task must be positive")
        }
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd + "/")).standardizedFileURL.path
        }
        // The running binary (resolved through /proc/self/exe on Linux), else as it was invoked.
        let binary = Bundle.main.executablePath ?? absolute(CommandLine.arguments[0])
        var script = SlurmScript(
            planName: loaded.plan.name, planHash: loaded.hash, binary: binary, plan: absolute(planPath),
            root: absolute(root), workingDirectory: cwd, shards: shards, runs: runs)
        script.cpusPerTask = cpusPerTask
        script.memory = memory
        script.time = time
        script.partition = partition
        script.account = account
        // Slurm does not create the log folder; the script needs it before the jobs start.
        do {
            try FileManager.default.createDirectory(
                atPath: script.logFolder, withIntermediateDirectories: true)
        } catch {
            printError(
                "\(script.logFolder): error: cannot create the Slurm log folder (\(error.localizedDescription)); "
                    + "check --out")
            throw ExitCode(1)
        }
        return script.text
    }
}

/// `K/N` with 1 ≤ K ≤ N.
func parseShard(_ text: String) throws -> Sweep.Shard {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
        throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 3/16")
    }
    return Sweep.Shard(index: k, count: n)
}

/// Loads a plan, printing every located error to stderr and exiting with 1 on failure.
func loadPlanOrExit(_ argument: String) throws -> PlanLoader.Loaded {
    let path = try shippedOrExit(
        argument, ShippedData.plan(argument), in: ShippedData.planFolder, kind: "plan",
        list: "creditsim scenarios --plans")
    return try orExit { () throws(ScenarioError) in try PlanLoader.load(path: path) }
}

/// A sweep error's text with what a user of `sweep`, `merge` or `sensitivity` can do about it.
func remedied(_ error: SweepError) -> String {
    let remedy: String? =
        switch error {
        case .notASweepFolder, .unreadableIdentity, .anotherSweep: "choose another --out"
        case .inUse: "wait for it to finish, or choose another --out"
        case .diskFull: "free some disk space, or choose another --out"
        case .cannotCreateFolder, .cannotWrite: "check --out and the free disk space"
        case .missingRun: "rerun the same command to redo this run"
        case .incompleteTable: "rerun the sweep to finish it"
        case .differentSplittings: "keep the shards of one splitting"
        case .missingShards(_, _, let count):
            "run them (creditsim sweep PLAN --shard K/\(count)) before merging"
        case .unfinishedShards: "rerun them to finish"
        case .planChanged: "restore the plan, or run its shards again into another --out"
        default: nil
        }
    return remedy.map { "\(error.description); \($0)" } ?? error.description
}
