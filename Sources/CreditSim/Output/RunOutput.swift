public import Foundation
public import GSL

/// The files of a run's result folder, in the order they are written.
public enum RunOutput {
    /// Names of the data files, each described in `docs/outputs.md`.
    public static let dataFiles = [
        "summary.json", "daily.csv", "rules.csv", "histograms.csv", "drops.csv", "trajectories.csv",
        "exposures.csv",
    ]

    /// The data files of `result` (everything but the manifest).
    /// - Throws: `GSLError` if a histogram cannot be built.
    public static func files(for result: RunResult) throws(GSLError) -> [(name: String, data: Data)] {
        [
            ("summary.json", encodeJSON(RunSummary(result))),
            ("daily.csv", Data(result.dailyTable.utf8)),
            ("rules.csv", Data(result.rulesTable.utf8)),
            ("histograms.csv", Data(try result.histogramTable().utf8)),
            ("drops.csv", Data(result.dropsTable.utf8)),
            ("trajectories.csv", Data(result.trajectoriesTable.utf8)),
            ("exposures.csv", Data(result.exposuresTable.utf8)),
        ]
    }
}
