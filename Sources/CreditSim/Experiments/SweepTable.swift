internal import Foundation

/// The tidy table of a sweep: one row per run × metric, every varied parameter its own column.
///
/// `run,point,replicate,seed,<parameter>…,metric,value` — values as Swift prints them (shortest
/// text that reads back to the same double), so equal results give equal bytes.
enum SweepTable {
    static func header(_ plan: Plan) -> String {
        (["run", "point", "replicate", "seed"] + plan.parameters.map(\.name) + ["metric", "value"])
            .map(csvField).joined(separator: ",") + "\n"
    }

    /// The rows of one run (no header), keeping the plan's metrics (all when it names none).
    static func rows(
        _ run: Sweep.RunRef, seed: UInt64, values: [String], metrics: [(String, Double)], keep: [String]
    ) -> String {
        let prefix = ([String(run.index), String(run.point), String(run.replicate), String(seed)] + values)
            .map(csvField).joined(separator: ",")
        let selected =
            keep.isEmpty
            ? metrics : keep.compactMap { name in metrics.first { $0.0 == name } }
        return selected.map { "\(prefix),\(csvField($0.0)),\($0.1.description)\n" }.joined()
    }

    /// Writes `results.csv` (streamed from the run files in run order), `results.sqlite` and
    /// `manifest.json` into `folder`, each atomically.
    static func assemble(
        _ loaded: PlanLoader.Loaded, runs: [Sweep.RunRef], values: [[String]], from file: (Int) -> String,
        into folder: String, manifest: SweepManifest
    ) throws(SweepError) {
        let csvPath = (folder as NSString).appendingPathComponent("results.csv")
        try createAtomically(csvPath) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: Data(header(loaded.plan).utf8)),
                let handle = FileHandle(forWritingAtPath: temporary)
            else { throw SweepError("\(temporary): error: cannot create") }
            defer { try? handle.close() }
            try handle.seekToEnd()
            for run in runs {
                guard let data = FileManager.default.contents(atPath: file(run.index)) else {
                    throw SweepError("\(file(run.index)): error: missing; rerun the sweep to redo this run")
                }
                try handle.write(contentsOf: data)
            }
            try handle.synchronize()
        }
        try SweepDatabase.write(loaded, runFiles: runs.map { file($0.index) }, into: folder)
        var manifest = manifest
        manifest.files = [
            "results.csv": ScenarioLoader.sha256(FileManager.default.contents(atPath: csvPath) ?? Data())
        ]
        do {
            try encodeJSON(manifest).write(
                to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json")),
                options: .atomic)
        } catch {
            throw SweepError("\(folder)/manifest.json: error: cannot write (\(error.localizedDescription))")
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// What a finished sweep (or shard, or merge) records besides its table.
struct SweepManifest: Encodable {
    let tool = "creditsim"
    let version = CreditSimVersion.current
    let plan: String
    let planHash: String
    let inputs: [ScenarioLoader.Input]
    let design: String
    let parameters: [String]
    let shard: Int
    let shards: Int
    let runs: Int
    let runsThisInvocation: Int
    let seconds: Double
    let peakMemoryBytes: Int
    let command: [String]
    let host: String
    var files: [String: String] = [:]

    init(
        loaded: PlanLoader.Loaded, shard: Sweep.Shard?, runs: Int, ranNow: Int, seconds: Double,
        command: [String]
    ) {
        plan = loaded.plan.name
        planHash = loaded.hash
        inputs = loaded.inputs
        design = loaded.plan.design.name
        parameters = loaded.plan.parameters.map { "\($0.name) = \($0.path)" }
        self.shard = shard?.index ?? 1
        shards = shard?.count ?? 1
        self.runs = runs
        runsThisInvocation = ranNow
        self.seconds = seconds
        peakMemoryBytes = ProcessMemory.peakResidentBytes
        self.command = command
        host = ProcessInfo.processInfo.hostName
    }
}
