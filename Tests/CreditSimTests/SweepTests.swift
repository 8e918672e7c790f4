import CreditSim
import Foundation
import GRDB
import Synchronization
import Testing

@Suite("Sweeps")
struct SweepTests {
    @Test("a second sweep on a folder in use stops at once, naming the process; the lock goes with the first")
    func locked() throws {
        let folder = try temporaryFolder("sweep-lock")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let root = folder.appendingPathComponent("out").path
        let second = Mutex<SweepError?>(nil)
        var options = Sweep.Options(threads: 1, maximumNewRuns: 1)
        options.progress = { _, _ in
            // The first sweep holds the folder now: the second must stop before any run.
            do throws(SweepError) {
                _ = try Sweep.execute(loaded, root: root, options: .init(threads: 1))
            } catch {
                second.withLock { $0 = error }
            }
        }
        let first = try Sweep.execute(loaded, root: root, options: options)
        #expect(first.ran == 1)
        guard case .inUse(let path, let pid) = second.withLock({ $0 }) else {
            Issue.record("expected the folder in use, got \(String(describing: second.withLock { $0 }))")
            return
        }
        #expect(path == root)
        #expect(pid == getpid())
        // Released with the first sweep: a rerun resumes.
        let resumed = try Sweep.execute(loaded, root: root, options: .init(threads: 1))
        #expect(resumed.skipped == 1 && resumed.complete)
    }

    @Test("tables whose manifest was never written are rebuilt from the runs, to the same bytes")
    func unfinishedAssembly() throws {
        let folder = try temporaryFolder("sweep-unfinished")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let root = folder.appendingPathComponent("out").path
        _ = try Sweep.execute(loaded, root: root, options: .init(threads: 1))
        let csv = try Data(contentsOf: URL(fileURLWithPath: root + "/results.csv"))
        // Killed after the tables, before the manifest.
        try FileManager.default.removeItem(atPath: root + "/manifest.json")
        let again = try Sweep.execute(loaded, root: root, options: .init(threads: 1))
        #expect(again.complete && again.ran == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/results.csv")) == csv)
        #expect(FileManager.default.fileExists(atPath: root + "/manifest.json"))
    }

    @Test("a sweep whose files would not fit the free disk stops before its first run, with the numbers")
    func diskFull() throws {
        let folder = try temporaryFolder("sweep-disk")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let root = folder.appendingPathComponent("out").path
        var options = Sweep.Options(threads: 1)
        options.host = .fixed(memory: nil, disk: 100_000)
        options.progress = { _, _ in Issue.record("a run started") }
        let refusal = #expect(throws: SweepError.self) {
            try Sweep.execute(loaded, root: root, options: options)
        }
        guard case .diskFull(_, let needed, let free) = refusal else {
            Issue.record("expected the disk check to refuse, got \(String(describing: refusal))")
            return
        }
        #expect(free == 100_000 && needed > free)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/runs").isEmpty)
        options.host = .fixed(memory: nil, disk: 1 << 40)
        options.progress = nil
        #expect(try Sweep.execute(loaded, root: root, options: options).complete)
    }

    @Test("one row per run × metric, every parameter a column; a point reproduces a direct run")
    func table() throws {
        let folder = try temporaryFolder("sweep-table")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let out = folder.appendingPathComponent("sweep").path
        let outcome = try Sweep.execute(loaded, root: out, options: .init(threads: 2))
        #expect(outcome.complete && outcome.total == 8 && outcome.ran == 8)
        let lines = try String(contentsOfFile: out + "/results.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "run,point,replicate,seed,speech_points,deterrence,metric,value")
        #expect(lines.count == 1 + 8 * 3)
        #expect(lines[1].hasPrefix("0,0,0,5,-50,0.5,mean_score,"))
        #expect(lines.last!.hasPrefix("7,3,1,6,-10,1.0,ever_penalised_share,"))

        // Point 2 (speech_points −10, deterrence 0.5), replicate 1: the same as running that scenario directly.
        var scenario = try ScenarioLoader.load(
            path: repositoryScenariosFolder.appendingPathComponent("reference-bench.yaml").path
        ).scenario
        scenario.scheme.rulebooks[0].rules[1].points = -10
        scenario.responses.deterrence = 0.5
        scenario.population.size = 1500
        scenario.run.seed = 6
        let direct = RunSummary(try Simulation.run(scenario, options: .init(threads: 1))).finalScores!.mean
        #expect(lines.contains { $0 == "5,2,1,6,-10,0.5,mean_score,\(direct)" })
    }

    @Test("a sweep stopped part-way and resumed writes the same bytes, whatever the threads")
    func resume() throws {
        let folder = try temporaryFolder("sweep-resume")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let whole = folder.appendingPathComponent("whole").path
        _ = try Sweep.execute(loaded, root: whole, options: .init(threads: 1))
        let resumed = folder.appendingPathComponent("resumed").path
        let first = try Sweep.execute(loaded, root: resumed, options: .init(threads: 2, maximumNewRuns: 3))
        #expect(!first.complete && first.ran == 3)
        #expect(contents(resumed + "/results.csv") == nil)
        // A crash mid-write leaves at most a temporary file, which is ignored.
        try Data("half".utf8).write(to: URL(fileURLWithPath: resumed + "/runs/.00000004.csv.tmp"))
        let second = try Sweep.execute(loaded, root: resumed, options: .init(threads: 2))
        #expect(second.complete && second.skipped == 3 && second.ran == 5)
        #expect(contents(whole + "/results.csv") == contents(resumed + "/results.csv"))
        let third = try Sweep.execute(loaded, root: resumed, options: .init(threads: 2))
        #expect(third.ran == 0 && third.complete)
    }

    @Test("shards merge into the one-piece table; merge refuses what does not fit")
    func shards() throws {
        let folder = try temporaryFolder("sweep-shards")
        defer { removeTemporary(folder) }
        let path = try writePlan(folder, body: smallPlanBody)
        let loaded = try PlanLoader.load(path: path)
        let whole = folder.appendingPathComponent("whole").path
        _ = try Sweep.execute(loaded, root: whole, options: .init(threads: 2))
        let sharded = folder.appendingPathComponent("sharded").path
        for k in 1...3 {
            _ = try Sweep.execute(
                loaded, root: sharded, options: .init(threads: 1, shard: .init(index: k, count: 3)))
        }
        let merged = try Merge.run(root: sharded)
        #expect(merged.wrote && merged.shards == 3 && merged.runs == 8)
        #expect(contents(whole + "/results.csv") == contents(sharded + "/results.csv"))
        #expect(try !Merge.run(root: sharded).wrote)  // again: the same table, nothing written

        let partial = folder.appendingPathComponent("partial").path
        _ = try Sweep.execute(
            loaded, root: partial, options: .init(threads: 1, shard: .init(index: 2, count: 3)))
        #expect(throws: SweepError.self) { try Merge.run(root: partial) }
        do { _ = try Merge.run(root: partial) } catch {
            #expect(error.description.contains("missing shards 1/3, 3/3"))
        }

        _ = try Sweep.execute(
            loaded, root: partial, options: .init(threads: 1, shard: .init(index: 1, count: 2)))
        do { _ = try Merge.run(root: partial) } catch {
            #expect(error.description.contains("different splittings"))
        }

        // Another plan's shard in the same folder.
        let other = try PlanLoader.load(
            path: try writePlan(
                folder, name: "other",
                body: smallPlanBody.replacingOccurrences(of: "seed: 5", with: "seed: 6")))
        let mixed = folder.appendingPathComponent("mixed").path
        _ = try Sweep.execute(
            loaded, root: mixed, options: .init(threads: 1, shard: .init(index: 1, count: 2)))
        _ = try Sweep.execute(
            other, root: mixed, options: .init(threads: 1, shard: .init(index: 2, count: 2)))
        let mixedUp = #expect(throws: SweepError.self) { try Merge.run(root: mixed) }
        #expect(mixedUp?.description.contains("different plans") == true)

        // A sweep folder is never reused for another plan.
        #expect(throws: SweepError.self) { try Sweep.execute(other, root: whole, options: .init(threads: 1)) }
    }

    @Test("a folder that is not this sweep's is refused in the library's words, naming the folder")
    func refusedFolders() throws {
        let folder = try temporaryFolder("sweep-refused")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let other = try PlanLoader.load(
            path: try writePlan(
                folder, name: "other",
                body: smallPlanBody.replacingOccurrences(of: "seed: 5", with: "seed: 6")))
        let out = folder.appendingPathComponent("sweep").path
        _ = try Sweep.execute(loaded, root: out, options: .init(threads: 2, maximumNewRuns: 1))

        let another = #expect(throws: SweepError.self) {
            try Sweep.execute(other, root: out, options: .init(threads: 1))
        }
        guard case .anotherSweep(let path, let holds, let wanted) = another else {
            Issue.record("\(String(describing: another))")
            return
        }
        #expect(path == out && holds.planName == "test-plan" && wanted.planName == "other")
        #expect(
            another?.description.hasPrefix("\(out): error: holds another sweep (plan 'test-plan' ") == true)

        let stranger = folder.appendingPathComponent("stranger").path
        try FileManager.default.createDirectory(atPath: stranger, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: URL(fileURLWithPath: stranger + "/notes.txt"))
        let file = folder.appendingPathComponent("test-plan.yaml").path
        for path in [stranger, file] {
            let error = #expect(throws: SweepError.self) {
                try Sweep.execute(loaded, root: path, options: .init(threads: 1))
            }
            #expect(error?.description == "\(path): error: exists and is not a sweep folder (no sweep.json)")
        }
        for error in [another, SweepError.notASweepFolder(path: stranger)] {
            #expect(error?.description.contains("--") == false)  // remedies naming options are the CLI's
        }
    }

    @Test("a run file of another width, or one missing from a finished shard, is an error naming the file")
    func damagedRunFiles() throws {
        let folder = try temporaryFolder("sweep-damaged")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let out = folder.appendingPathComponent("sweep").path
        _ = try Sweep.execute(loaded, root: out, options: .init(threads: 2, maximumNewRuns: 2))
        let damaged = out + "/runs/00000001.csv"
        var text = try String(contentsOfFile: damaged, encoding: .utf8)
        text += "1,0,1,6,-50,0.5,extra,mean_score,1.0\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: damaged))
        let width = #expect(throws: SweepError.self) {
            try Sweep.execute(loaded, root: out, options: .init(threads: 2))
        }
        guard case .rowWidth(let path, let row, let fields, let expected) = width else {
            Issue.record("\(String(describing: width))")
            return
        }
        #expect(path == damaged && row == 4 && fields == 9 && expected == 8)
        #expect(contents(out + "/results.sqlite") == nil && contents(out + "/results.csv") == nil)
        // Without the damaged file the run is redone and the tables written.
        try FileManager.default.removeItem(atPath: damaged)
        let redone = try Sweep.execute(loaded, root: out, options: .init(threads: 2))
        #expect(redone.complete && redone.ran == 1 && contents(out + "/results.sqlite") != nil)

        let sharded = folder.appendingPathComponent("sharded").path
        for k in 1...2 {
            _ = try Sweep.execute(
                loaded, root: sharded, options: .init(threads: 1, shard: .init(index: k, count: 2)))
        }
        let lost = sharded + "/shard-2-of-2/runs/00000003.csv"
        try FileManager.default.removeItem(atPath: lost)
        let missing = #expect(throws: SweepError.self) { try Merge.run(root: sharded) }
        guard case .shardLacksRun(let path, let run) = missing else {
            Issue.record("\(String(describing: missing))")
            return
        }
        #expect(path == lost && run == 3)
    }

    @Test("the SQLite table holds the CSV's rows")
    func sqlite() throws {
        let folder = try temporaryFolder("sweep-sqlite")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(path: try writePlan(folder, body: smallPlanBody))
        let out = folder.appendingPathComponent("sweep").path
        _ = try Sweep.execute(loaded, root: out, options: .init(threads: 2))
        let database = try DatabaseQueue(path: out + "/results.sqlite")
        let answer = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT count(*), sum(speech_points) FROM results").map {
                "\($0[0] as Int)|\($0[1] as Int)\n"
            }
        }
        #expect(answer == "24|-720\n")  // 8 runs × 3 metrics; points −50 × 12 and −10 × 12
    }

    @Test("the Slurm script is valid shell with the array, the shards and a dependent merge")
    func slurmScript() throws {
        var script = SlurmScript(
            planName: "p", planHash: "abc123", binary: "/opt/cs/creditsim", plan: "/data/it's/plan.yaml",
            root: "/data/out", workingDirectory: "/data", shards: 4, runs: 100)
        script.partition = "short"
        let text = script.text
        #expect(text.contains("#SBATCH --array=1-4"))
        #expect(text.contains("#SBATCH --partition=short"))
        #expect(text.contains("--dependency=afterok:${SLURM_ARRAY_JOB_ID}"))
        #expect(text.contains("sweep '/data/it'\\''s/plan.yaml' --shard \"${SLURM_ARRAY_TASK_ID}/4\""))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-\(UUID()).sh")
        try Data(text.utf8).write(to: file)
        defer { removeTemporary(file) }
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", file.path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
    }
}
