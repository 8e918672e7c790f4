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
    /// - Throws: `SweepError` naming what is missing, duplicated or from another plan, or the file
    ///   that cannot be read or written.
    public static func run(root: String, command: [String] = []) throws(SweepError) -> Outcome {
        let shards = try checkedShards(root)
        let loaded = try plan(of: shards, root: root)
        let unit = loaded.unitPoints()
        let runs = Sweep.runs(loaded, points: unit.count)
        let runFile = { (run: Int) -> String in
            let shard = Sweep.Shard(index: run % shards.count + 1, count: shards.count)
            return (root as NSString).appendingPathComponent(
                "\(shard.folderName)/runs/\(SweepFolder.runFileName(run))")
        }
        for run in runs where !FileManager.default.fileExists(atPath: runFile(run.index)) {
            throw .shardLacksRun(path: runFile(run.index), run: run.index)
        }
        let csv = (root as NSString).appendingPathComponent("results.csv")
        if FileManager.default.fileExists(atPath: csv) {
            // Already merged: fine if it is the same table (a requeued merge job), refused otherwise.
            guard
                try file(
                    csv, equals: [Data(SweepTable.header(loaded.plan).utf8)],
                    then: runs.map { runFile($0.index) })
            else { throw .tableDiffers(path: csv) }
            return Outcome(shards: shards.count, runs: runs.count, wrote: false)
        }
        try writeIdentity(
            SweepIdentity(
                planName: loaded.plan.name, planHash: loaded.hash, shard: 1, shards: 1, runs: runs.count),
            plan: loaded.text, into: root)
        try SweepTable.assemble(
            loaded, runs: runs, values: unit.map { loaded.values(at: $0) }, from: runFile, into: root,
            manifest: SweepManifest(
                loaded: loaded, shard: nil, runs: runs.count, ranNow: 0, seconds: 0, command: command))
        return Outcome(shards: shards.count, runs: runs.count, wrote: true)
    }

    /// The shards of `root`, checked to be of one plan and one splitting, each present once and
    /// finished.
    private struct Shards {
        /// The plan hash they share.
        let hash: String
        /// N, the number of shards.
        let count: Int
        /// Shard index (1-based) → folder name.
        let folders: [Int: String]
    }

    private static func checkedShards(_ root: String) throws(SweepError) -> Shards {
        guard FileManager.default.fileExists(atPath: root) else {
            throw .cannotRead(path: root, reason: "no such folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root).filter {
                $0.hasPrefix("shard-")
            }
            .sorted()
        } catch {
            throw .cannotRead(path: root, reason: readingFailure(error))
        }
        guard !names.isEmpty else { throw .noShards(folder: root) }
        var identities: [(name: String, identity: SweepIdentity)] = []
        for name in names {
            let path = (root as NSString).appendingPathComponent(name)
            guard let identity = try SweepFolder.identity(in: path) else { throw .notAShard(path: path) }
            identities.append((name, identity))
        }
        let hashes = Set(identities.map(\.identity.planHash))
        guard hashes.count == 1, let hash = hashes.first else {
            throw .differentPlans(
                folder: root,
                shards: Dictionary(identities.map { ($0.name, $0.identity) }, uniquingKeysWith: { a, _ in a })
            )
        }
        let counts = Set(identities.map(\.identity.shards))
        guard counts.count == 1, let count = counts.first else {
            throw .differentSplittings(folder: root, counts: counts.sorted())
        }
        var folders: [Int: String] = [:]
        for (name, identity) in identities {
            if let other = folders[identity.shard] {
                throw .duplicateShard(
                    folder: root, shard: identity.shard, count: count, folders: [other, name])
            }
            folders[identity.shard] = name
        }
        let missing = (1...count).filter { folders[$0] == nil }
        guard missing.isEmpty else { throw .missingShards(folder: root, missing: missing, count: count) }
        let unfinished = names.filter {
            !FileManager.default.fileExists(
                atPath: (root as NSString).appendingPathComponent("\($0)/manifest.json"))
        }
        guard unfinished.isEmpty else { throw .unfinishedShards(folder: root, shards: unfinished) }
        return Shards(hash: hash, count: count, folders: folders)
    }

    /// The plan as the first shard ran it (the same hash, so the same plan): the plan file its
    /// manifest names if that still exists, else the copy in the shard.
    private static func plan(of shards: Shards, root: String) throws(SweepError) -> PlanLoader.Loaded {
        guard let firstShard = shards.folders[1] else {
            preconditionFailure("no shard is missing, so shard 1 is there (invariant)")
        }
        let first = (root as NSString).appendingPathComponent(firstShard)
        let path =
            try originalPlanPath(shard: first) ?? (first as NSString).appendingPathComponent("plan.yaml")
        let loaded: PlanLoader.Loaded
        do {
            loaded = try PlanLoader.load(path: path)
        } catch {
            throw .planDoesNotLoad(path: path, error)
        }
        guard loaded.hash == shards.hash else {
            throw .planChanged(folder: root, planHash: loaded.hash, shardsHash: shards.hash)
        }
        return loaded
    }

    /// The parts of a shard's manifest that name its plan file.
    private struct ShardManifest: Decodable {
        struct Input: Decodable {
            let path: String
        }
        let inputs: [Input]?
    }

    /// The plan path a shard's manifest records (its first input), if that file still exists.
    /// - Throws: `SweepError.cannotRead` when the manifest exists but cannot be read.
    private static func originalPlanPath(shard: String) throws(SweepError) -> String? {
        let path = (shard as NSString).appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try readFile(path)
        let manifest: ShardManifest
        do {
            manifest = try snakeDecoder.decode(ShardManifest.self, from: data)
        } catch {
            throw .cannotRead(path: path, reason: readingFailure(error))
        }
        guard let plan = manifest.inputs?.first?.path, FileManager.default.fileExists(atPath: plan) else {
            return nil
        }
        return plan
    }

    /// Writes the merged folder's `sweep.json` and `plan.yaml`, refusing a folder that holds
    /// another sweep.
    private static func writeIdentity(_ identity: SweepIdentity, plan: String, into root: String)
        throws(SweepError)
    {
        if let existing = try SweepFolder.identity(in: root), existing != identity {
            throw .anotherSweep(folder: root, holds: existing, wanted: identity)
        }
        let identityPath = (root as NSString).appendingPathComponent("sweep.json")
        let data: Data
        do {
            data = try encodeJSON(identity)
        } catch {
            throw .encoding(path: identityPath, error)
        }
        for (path, contents) in [
            (identityPath, data), ((root as NSString).appendingPathComponent("plan.yaml"), Data(plan.utf8)),
        ] {
            do {
                try contents.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// Whether the file `path` holds exactly `prefix` followed by the contents of `files`, read
    /// one file at a time (the table is never held whole).
    private static func file(_ path: String, equals prefix: [Data], then files: [String]) throws(SweepError)
        -> Bool
    {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(path: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }  // best effort: the handle only read
        func read(_ count: Int) throws(SweepError) -> Data {
            do {
                return try handle.read(upToCount: count) ?? Data()
            } catch {
                throw .cannotRead(path: path, reason: error.localizedDescription)
            }
        }
        for part in prefix where try read(part.count) != part {
            return false
        }
        for file in files {
            let part = try readFile(file)
            if try read(part.count) != part { return false }
        }
        return try read(1).isEmpty  // nothing after the last run
    }
}
