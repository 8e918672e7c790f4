public import Foundation

/// The files of a run's result folder, in the order they are written.
public enum RunOutput {
    /// Names of the data files, each described in `docs/outputs.md`.
    public static let dataFiles = [
        "summary.json", "daily.csv", "rules.csv", "histograms.csv", "drops.csv", "trajectories.csv",
        "exposures.csv",
    ]

    /// The data files of `result` (everything but the manifest).
    /// - Throws: `EncodingFailure` if the summary cannot be written as JSON.
    public static func files(for result: RunResult) throws(EncodingFailure) -> [(name: String, data: Data)] {
        [
            ("summary.json", try encodeJSON(RunSummary(result))),
            ("daily.csv", Data(result.dailyTable.utf8)),
            ("rules.csv", Data(result.rulesTable.utf8)),
            ("histograms.csv", Data(result.histogramTable.utf8)),
            ("drops.csv", Data(result.dropsTable.utf8)),
            ("trajectories.csv", Data(result.trajectoriesTable.utf8)),
            ("exposures.csv", Data(result.exposuresTable.utf8)),
        ]
    }
}
