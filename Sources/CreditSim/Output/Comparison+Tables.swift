/// The tidy tables of a comparison.
extension Comparison {
    /// `metrics.csv`: one row per scenario, replicate and metric.
    public var metricsTable: String {
        var out = ResultTable.metrics.header
        for (s, label) in labels.enumerated() {
            for (r, seed) in seeds.enumerated() {
                for (k, metric) in metrics.enumerated() {
                    out += "\(CSV.field(label)),\(r),\(seed),\(CSV.field(metric)),\(values[s][r][k])\n"
                }
            }
        }
        return out
    }

    /// `summary.csv`: each scenario's mean and 95 % interval per metric.
    public var summaryTable: String {
        var out = ResultTable.summary.header
        for (s, label) in labels.enumerated() {
            for (k, metric) in metrics.enumerated() {
                guard let i = summary(scenario: s, metric: k) else { continue }
                out += "\(CSV.field(label)),\(CSV.field(metric)),\(i.estimate),\(i.lower),\(i.upper)\n"
            }
        }
        return out
    }

    /// `daily-bands.csv`: each scenario's share in each state on sampled dates, mean and 95 %
    /// interval across replicates.
    public var bandsTable: String {
        var out = ResultTable.bands.header
        for (s, label) in labels.enumerated() {
            for (i, date) in bandDates.enumerated() {
                for (k, state) in states.enumerated() {
                    guard let b = band(scenario: s, date: i, state: k) else { continue }
                    out += "\(CSV.field(label)),\(date),\(state),\(b.estimate),\(b.lower),\(b.upper)\n"
                }
            }
        }
        return out
    }

    /// `differences.csv`: each variant minus the baseline, paired interval and unpaired
    /// (Welch) interval, and whether the paired interval excludes zero.
    public var differencesTable: String {
        var out = ResultTable.differences.header
        for s in labels.indices.dropFirst() {
            for (k, metric) in metrics.enumerated() {
                guard let d = difference(variant: s, metric: k) else { continue }
                let ratio = d.unpaired.width > 0 ? String(d.paired.width / d.unpaired.width) : ""
                out +=
                    "\(CSV.field(metric)),\(CSV.field(labels[0])),\(CSV.field(labels[s])),\(d.paired.estimate),\(d.paired.lower),"
                    + "\(d.paired.upper),\(d.unpaired.lower),\(d.unpaired.upper),\(ratio),\(d.paired.excludesZero)\n"
            }
        }
        return out
    }
}
