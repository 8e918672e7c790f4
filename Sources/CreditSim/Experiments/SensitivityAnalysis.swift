internal import Foundation
internal import SwiftCSV

/// Sobol or Morris indices of every kept metric of a finished sweep, from its `results.csv`
/// (replicates averaged per design point first).
public struct SensitivityAnalysis: Sendable {
    public struct Row: Sendable {
        public let metric: String
        public let parameter: String
        /// `S1`, `ST` (Sobol) or `mu_star`, `mu`, `sigma` (Morris).
        public let index: String
        public let estimate: Double
        public let standardError: Double
        public let lower: Double
        public let upper: Double
    }

    public let plan: String
    public let design: String
    public let rows: [Row]

    /// Reads `folder/results.csv` of a finished sweep of `loaded` and computes the indices.
    /// - Throws: `SweepError` when the design is not saltelli or morris, or the table is incomplete.
    public init(_ loaded: PlanLoader.Loaded, folder: String, bootstrap: Int = 1_000) throws(SweepError) {
        let plan = loaded.plan
        self.plan = plan.name
        design = plan.design.name
        let path = (folder as NSString).appendingPathComponent("results.csv")
        let table: [[String]]
        do {
            table = try EnumeratedCSV(url: URL(fileURLWithPath: path), delimiter: .comma, loadColumns: false)
                .rows
        } catch {
            throw SweepError("\(path): error: cannot read the sweep table (\(error))")
        }
        let points = Design.pointCount(plan.design, plan.parameters).count
        let metricColumn = 4 + plan.parameters.count
        // sums[metric][point], counts[metric][point]: means over replicates.
        var sums: [String: [Double]] = [:]
        var counts: [String: [Int]] = [:]
        var order: [String] = []
        for row in table where row.count == metricColumn + 2 {
            guard let point = Int(row[1]), point < points, let value = Double(row[metricColumn + 1]) else {
                continue
            }
            let metric = row[metricColumn]
            if sums[metric] == nil { order.append(metric) }
            sums[metric, default: [Double](repeating: 0, count: points)][point] += value
            counts[metric, default: [Int](repeating: 0, count: points)][point] += 1
        }
        var rows: [Row] = []
        for metric in order {
            guard let metricSums = sums[metric], let metricCounts = counts[metric] else {
                preconditionFailure("every metric in `order` has sums and counts (invariant)")
            }
            guard metricCounts.allSatisfy({ $0 == plan.replicates }) else {
                throw SweepError("\(path): error: metric '\(metric)' lacks runs; the sweep is not finished")
            }
            let outputs = zip(metricSums, metricCounts).map { $0 / Double($1) }
            guard outputs.allSatisfy(\.isFinite) else { continue }
            switch plan.design {
            case .saltelli(let base):
                for index in Sensitivity.sobol(
                    outputs: outputs, base: base, dimensions: plan.parameters.count, bootstrap: bootstrap,
                    seed: plan.seed)
                {
                    let name = plan.parameters[index.parameter].name
                    rows.append(Row(metric, name, "S1", index.firstOrder))
                    rows.append(Row(metric, name, "ST", index.totalOrder))
                }
            case .morris(let trajectories, let levels):
                let design = MorrisDesign(
                    trajectories: trajectories, levels: levels, dimensions: plan.parameters.count,
                    random: Design.stream(plan.seed))
                for effect in Sensitivity.morris(
                    outputs: outputs, design: design, bootstrap: bootstrap, seed: plan.seed)
                {
                    let name = plan.parameters[effect.parameter].name
                    rows.append(Row(metric, name, "mu_star", effect.muStar))
                    rows.append(
                        Row(
                            metric: metric, parameter: name, index: "mu", estimate: effect.mu,
                            standardError: .nan, lower: .nan, upper: .nan))
                    rows.append(
                        Row(
                            metric: metric, parameter: name, index: "sigma", estimate: effect.sigma,
                            standardError: .nan, lower: .nan, upper: .nan))
                }
            default:
                throw SweepError(
                    "plan '\(plan.name)' has a \(plan.design.name) design; sensitivity needs design kind saltelli (Sobol indices) or morris"
                )
            }
        }
        self.rows = rows
    }

    /// `metric,parameter,index,estimate,standard_error,lower,upper`.
    public var csv: String {
        "metric,parameter,index,estimate,standard_error,lower,upper\n"
            + rows.map { r in
                [r.metric, r.parameter, r.index].map(SweepTable.csvField).joined(separator: ",") + ","
                    + [r.estimate, r.standardError, r.lower, r.upper].map(\.description).joined(
                        separator: ",") + "\n"
            }.joined()
    }
}

extension SensitivityAnalysis.Row {
    init(_ metric: String, _ parameter: String, _ index: String, _ estimate: Sensitivity.Estimate) {
        self.init(
            metric: metric, parameter: parameter, index: index, estimate: estimate.value,
            standardError: estimate.standardError, lower: estimate.lower, upper: estimate.upper)
    }
}
