import CreditSim
import Foundation
import Synchronization
import Testing

@Suite("RunJob")
struct RunJobTests {
    static func loaded() throws -> ScenarioLoader.Loaded {
        try ScenarioLoader.load(path: fixtures.appendingPathComponent("golden/tiny.yaml").path)
    }

    @Test("writes the data files, the manifest hashing them and, when asked, the report")
    func writes() throws {
        let folder = try temporaryFolder("runjob-writes")
        defer { removeTemporary(folder) }
        let path = folder.appendingPathComponent("run").path
        let output = try RunJob(try Self.loaded(), command: ["test"], report: true)
            .write(to: path, options: .init(threads: 1))
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        #expect(names == (RunOutput.dataFiles + ["manifest.json", "report.html", "summary.md"]).sorted())
        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: path + "/manifest.json")))
                as? [String: Any])
        let hashes = try #require(manifest["files"] as? [String: String])
        #expect(Set(hashes.keys) == Set(RunOutput.dataFiles))
        let daily = try Data(contentsOf: URL(fileURLWithPath: path + "/daily.csv"))
        #expect(output.file("daily.csv") == daily)
    }

    @Test("an existing folder is refused before the simulation starts, and left as it was")
    func refusesExisting() throws {
        let folder = try temporaryFolder("runjob-exists")
        defer { removeTemporary(folder) }
        let marker = folder.appendingPathComponent("keep.txt")
        try Data("mine".utf8).write(to: marker)
        // The simulation asks `isCancelled` before every block: a call means it started.
        let started = Mutex(false)
        let options = Simulation.Options(
            threads: 1,
            isCancelled: {
                started.withLock { $0 = true }
                return false
            })
        let refusal = #expect(throws: RunJob.Failure.self) {
            try RunJob(try Self.loaded(), command: ["test"]).write(to: folder.path, options: options)
        }
        guard case .folder(.exists(let path)) = refusal else {
            Issue.record("expected the folder to be refused, got \(String(describing: refusal))")
            return
        }
        #expect(path == folder.path)
        #expect(!started.withLock { $0 })
        #expect(try String(contentsOf: marker, encoding: .utf8) == "mine")
    }

    @Test("a folder that cannot be made is refused in words before the simulation starts")
    func refusesImpossible() throws {
        let folder = try temporaryFolder("runjob-impossible")
        defer { removeTemporary(folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data().write(to: file)
        for (path, reason) in [
            (file.appendingPathComponent("sub").path, "'\(file.path)' is a file, not a folder"),
            ("", "no path given (an empty name)"),
        ] {
            let refusal = #expect(throws: RunJob.Failure.self) {
                try RunJob(try Self.loaded(), command: ["test"]).write(
                    to: path,
                    options: .init(
                        threads: 1,
                        isCancelled: {
                            Issue.record("it started")
                            return true
                        }))
            }
            guard case .folder(.cannotWrite(_, let said)) = refusal else {
                Issue.record("expected \(path) to be refused, got \(String(describing: refusal))")
                continue
            }
            #expect(said == reason)
        }
    }

    @Test("temporaries that a killed run left beside the folder are removed; a live run's are kept")
    func stalePartials() throws {
        let folder = try temporaryFolder("runjob-partials")
        defer { removeTemporary(folder) }
        let manager = FileManager.default
        let dead = folder.appendingPathComponent(".run.partial-p2147483000-dead").path  // no such process
        let live = folder.appendingPathComponent(".run.partial-p\(getpid())-live").path  // this process
        let other = folder.appendingPathComponent(".other.partial-p2147483000-x").path  // another target
        for path in [dead, live, other] {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        _ = try RunJob(try Self.loaded(), command: ["test"]).write(
            to: folder.appendingPathComponent("run").path, options: .init(threads: 1))
        #expect(!manager.fileExists(atPath: dead))
        #expect(manager.fileExists(atPath: live))
        #expect(manager.fileExists(atPath: other))
    }
}
