/// An sbatch job-array script for a plan.
///
/// One array task per shard, and a merge job that the first task submits with
/// `--dependency=afterok` on the whole array. Paths are absolute so the script runs unchanged from
/// any directory of a cluster that shares the file system.
public struct SlurmScript: Sendable {
    public var planName: String
    public var planHash: String
    /// Absolute paths.
    public var binary: String
    public var plan: String
    public var root: String
    public var workingDirectory: String
    public var shards: Int
    public var runs: Int
    public var cpusPerTask = 1
    public var memory = "2G"
    public var time = "01:00:00"
    public var partition: String?
    public var account: String?

    public init(
        planName: String, planHash: String, binary: String, plan: String, root: String,
        workingDirectory: String,
        shards: Int, runs: Int
    ) {
        self.planName = planName
        self.planHash = planHash
        self.binary = binary
        self.plan = plan
        self.root = root
        self.workingDirectory = workingDirectory
        self.shards = shards
        self.runs = runs
    }

    /// The folder the jobs' logs go to (it must exist before submission; `sweep --slurm` makes it).
    public var logFolder: String { root + "/slurm" }

    public var text: String {
        let extra = [partition.map { "--partition=\($0)" }, account.map { "--account=\($0)" }].compactMap {
            $0
        }
        let job = "creditsim-\(planName)"
        var lines = [
            "#!/bin/bash",
            "# CreditSim sweep of plan '\(planName)' (hash \(planHash.prefix(12))): \(runs) runs in \(shards) array tasks,",
            "# one shard each, then a merge job. Submit with: sbatch THIS_FILE",
            "# Rerunning a task resumes its shard; finished runs are kept. Logs: \(logFolder)/",
            "#SBATCH --job-name=\(job)",
            "#SBATCH --array=1-\(shards)",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(cpusPerTask)",
            "#SBATCH --mem=\(memory)",
            "#SBATCH --time=\(time)",
            "#SBATCH --output=\(logFolder)/%x-%A_%a.out",
        ]
        lines += extra.map { "#SBATCH \($0)" }
        lines += [
            "set -euo pipefail",
            "cd \(quote(workingDirectory))",
            "if [ \"${SLURM_ARRAY_TASK_ID}\" = \"1\" ]; then",
            "  # The merge starts once every array task has succeeded.",
            "  sbatch --dependency=afterok:${SLURM_ARRAY_JOB_ID} --job-name=\(job)-merge --ntasks=1 --cpus-per-task=1 \\",
            "    --mem=\(memory) --time=\(time) --output=\(quote(logFolder))/%x-%j.out \(extra.joined(separator: " "))"
                .trimmingTrailingSpaces + " \\",
            "    --wrap \(quote("\(quote(binary)) merge \(quote(root))"))",
            "fi",
            "exec \(quote(binary)) sweep \(quote(plan)) --shard \"${SLURM_ARRAY_TASK_ID}/\(shards)\" --out \(quote(root)) \\",
            "  --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Single-quotes `text` for the shell.
    private func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
