import ArgumentParser
import CreditSim
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of a sweep (FOLDER/shard-K-of-N/) into one table in FOLDER.",
        discussion: """
            Refuses, naming the problem, when a shard is missing, unfinished, there twice, of another splitting \
            or of another plan (plan hash). The merged results.csv equals the one-piece run's byte for byte.
            """)

    @Argument(help: "The sweep folder holding shard-K-of-N folders.", completion: .directory)
    var folder: String

    func run() throws {
        let outcome = try orExit { () throws(SweepError) in
            try Merge.run(root: folder, command: CommandLine.arguments)
        }
        print(
            outcome.wrote
                ? "merged \(outcome.shards) shards, \(outcome.runs) runs: \(folder)/results.csv, results.sqlite"
                : "\(folder)/results.csv already holds these \(outcome.shards) shards' table; nothing to do"
        )
    }
}
