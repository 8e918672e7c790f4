internal import Foundation

/// Merges the shards of a sweep (`ROOT/shard-K-of-N/`) into one table in `ROOT`, identical to
/// the table of the same plan run in one piece.
public enum Merge {
    public struct Outcome: Sendable {
        public let shards: Int
        public let runs: Int
        /// `false` when `ROOT` already held the same merged table.
        public let wrote: Bool
    }

    /// Checks that every shard is present once, finished and of the same plan, then writes
    /// `results.csv`, `results.sqlite`, `manifest.json`, `sweep.json` and `plan.yaml` into `root`.
    /// - Throws: `SweepError` naming what is missing, duplicated or from another plan.
    public static func run(root: String, command: [String] = []) throws(SweepError) -> Outcome {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasPrefix("shard-") }
            .sorted()
        guard !names.isEmpty else {
            throw SweepError("\(root): error: no shard folders (shard-K-of-N) to merge")
        }
        var identities: [(name: String, identity: SweepFolder.Identity)] = []
        for name in names {
            let path = (root as NSString).appendingPathComponent(name)
            guard
                let data = manager.contents(atPath: (path as NSString).appendingPathComponent("sweep.json")),
                let identity = try? snakeDecoder.decode(SweepFolder.Identity.self, from: data)
            else { throw SweepError("\(path): error: not a sweep shard (no readable sweep.json)") }
            identities.append((name, identity))
        }
        let hashes = Set(identities.map(\.identity.planHash))
        guard hashes.count == 1, let hash = hashes.first else {
            let list = identities.map {
                "\($0.name): \($0.identity.planName) \($0.identity.planHash.prefix(12))"
            }
            throw SweepError(
                "\(root): error: the shards come from different plans (or plan files that changed):\n  "
                    + list.joined(separator: "\n  "))
        }
        let counts = Set(identities.map(\.identity.shards))
        guard counts.count == 1, let count = counts.first else {
            throw SweepError(
                "\(root): error: shards of different splittings (of \(counts.sorted().map(String.init).joined(separator: " and of "))); keep one"
            )
        }
        var seen: [Int: String] = [:]
        for (name, identity) in identities {
            if let other = seen[identity.shard] {
                throw SweepError(
                    "\(root): error: shard \(identity.shard)/\(count) is there twice (\(other) and \(name))")
            }
            seen[identity.shard] = name
        }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw SweepError(
                "\(root): error: missing shards \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")); "
                    + "run them (creditsim sweep PLAN --shard K/\(count)) before merging")
        }
        var unfinished: [String] = []
        for (name, _) in identities
        where !manager.fileExists(atPath: (root as NSString).appendingPathComponent("\(name)/results.csv")) {
            unfinished.append(name)
        }
        guard unfinished.isEmpty else {
            throw SweepError(
                "\(root): error: unfinished shards: \(unfinished.joined(separator: ", ")); rerun them to finish"
            )
        }

        // The plan as the first shard ran it: same hash, so the same plan.
        guard let firstShard = seen[1] else {
            preconditionFailure("no shard is missing, so shard 1 is there (invariant)")
        }
        let first = (root as NSString).appendingPathComponent(firstShard)
        let planCopy = (first as NSString).appendingPathComponent("plan.yaml")
        let loaded: PlanLoader.Loaded
        do {
            loaded = try PlanLoader.load(path: try originalPlanPath(shard: first) ?? planCopy)
        } catch let error as SweepError {
            throw error
        } catch {
            throw SweepError("\(planCopy): error: the plan no longer loads:\n\(error)")
        }
        guard loaded.hash == hash else {
            throw SweepError(
                "\(root): error: the plan or its scenario changed since the shards ran (hash \(loaded.hash.prefix(12)), shards \(hash.prefix(12)))"
            )
        }
        let unit = loaded.unitPoints()
        let runs = Sweep.runs(loaded, points: unit.count)
        let runFile = { (run: Int) -> String in
            let shard = Sweep.Shard(index: run % count + 1, count: count)
            return (root as NSString).appendingPathComponent(
                "\(shard.folderName)/runs/\(SweepFolder.runFileName(run))")
        }
        for run in runs where !manager.fileExists(atPath: runFile(run.index)) {
            throw SweepError("\(runFile(run.index)): error: missing, though its shard says it is finished")
        }
        let csv = (root as NSString).appendingPathComponent("results.csv")
        if manager.fileExists(atPath: csv) {
            // Already merged: fine if it is the same table (a requeued merge job), refused otherwise.
            let existing = manager.contents(atPath: csv)
            var merged = Data(SweepTable.header(loaded.plan).utf8)
            for run in runs { merged.append(manager.contents(atPath: runFile(run.index)) ?? Data()) }
            guard existing == merged else {
                throw SweepError(
                    "\(csv): error: exists and differs from the shards' table; results are never overwritten")
            }
            return Outcome(shards: count, runs: runs.count, wrote: false)
        }
        let identity = SweepFolder.Identity(
            planName: loaded.plan.name, planHash: hash, shard: 1, shards: 1, runs: runs.count)
        do {
            try encodeJSON(identity).write(
                to: URL(fileURLWithPath: (root as NSString).appendingPathComponent("sweep.json")),
                options: .atomic)
            try Data(loaded.text.utf8).write(
                to: URL(fileURLWithPath: (root as NSString).appendingPathComponent("plan.yaml")),
                options: .atomic)
        } catch {
            throw SweepError("\(root): error: cannot write (\(error.localizedDescription))")
        }
        try SweepTable.assemble(
            loaded, runs: runs, values: unit.map { loaded.values(at: $0) }, from: runFile, into: root,
            manifest: SweepManifest(
                loaded: loaded, shard: nil, runs: runs.count, ranNow: 0, seconds: 0, command: command))
        return Outcome(shards: count, runs: runs.count, wrote: true)
    }

    /// The plan path a shard's manifest records (its first input), if that file still exists.
    private static func originalPlanPath(shard: String) throws -> String? {
        guard
            let data = FileManager.default.contents(
                atPath: (shard as NSString).appendingPathComponent("manifest.json")),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let inputs = object["inputs"] as? [[String: Any]], let path = inputs.first?["path"] as? String,
            FileManager.default.fileExists(atPath: path)
        else { return nil }
        return path
    }
}
