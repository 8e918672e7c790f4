/// The CSV tables of result folders and their columns.
///
/// The one place a column is named, used by the writers (the header) and the readers: reports find
/// columns by these names, so a renamed or missing column is an error naming the file and the
/// column, never an empty chart. `docs/outputs.md` describes each column.
public enum ResultTable: String, CaseIterable, Sendable {
    case daily = "daily.csv"
    case rules = "rules.csv"
    case histograms = "histograms.csv"
    case drops = "drops.csv"
    case exposures = "exposures.csv"
    case trajectories = "trajectories.csv"
    case metrics = "metrics.csv"
    case summary = "summary.csv"
    case bands = "daily-bands.csv"
    case differences = "differences.csv"

    /// The file name.
    public var file: String { rawValue }

    /// The columns, in file order.
    public var columns: [String] {
        switch self {
        case .daily: ["day", "date", "group", "state", "residents"]
        case .rules:
            [
                "rulebook", "behaviour", "category", "unlawful", "basis", "points", "detection", "events",
                "capped_events", "points_added", "points_removed",
            ]
        case .histograms: ["date", "group", "bin_lower", "bin_upper", "residents"]
        case .drops:
            ["rank", "resident", "group", "start_date", "end_date", "score_before", "score_after", "drop"]
        case .exposures:
            ["day", "date", "group", "measure", "exposed", "exposed_only_for_not_unlawful_conduct"]
        case .trajectories: ["resident", "group", "day", "date", "score", "state"]
        case .metrics: ["scenario", "replicate", "seed", "metric", "value"]
        case .summary: ["scenario", "metric", "mean", "ci_low", "ci_high"]
        case .bands: ["scenario", "date", "state", "mean", "ci_low", "ci_high"]
        case .differences:
            [
                "metric", "baseline", "variant", "difference", "ci_low", "ci_high", "unpaired_ci_low",
                "unpaired_ci_high", "paired_to_unpaired_width", "excludes_zero",
            ]
        }
    }

    /// The header line, with its newline.
    public var header: String { columns.joined(separator: ",") + "\n" }
}
