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
    /// - Throws: `SweepError` when the design is not saltelli or morris, or the table lacks a
    ///   column, has a malformed row or is incomplete.
    public init(_ loaded: PlanLoader.Loaded, folder: String, bootstrap: Int = 1_000) throws(SweepError) {
        let plan = loaded.plan
        self.plan = plan.name
        design = plan.design.name
        switch plan.design {
        case .saltelli, .morris: break
        default: throw .noSensitivityDesign(plan: plan.name, design: plan.design.name)
        }
        let path = (folder as NSString).appendingPathComponent("results.csv")
        let means = try Self.pointMeans(path, points: Design.pointCount(plan.design, plan.parameters).count)
        var rows: [Row] = []
        for (metric, counts, outputs) in means {
            guard counts.allSatisfy({ $0 == plan.replicates }) else {
                throw .incompleteTable(path: path, metric: metric)
            }
            guard outputs.allSatisfy(\.isFinite) else { continue }
            rows += Self.indices(of: metric, outputs: outputs, plan: plan, bootstrap: bootstrap)
        }
        self.rows = rows
    }

    /// Each metric's mean over the replicates of every design point, with the number of
    /// replicates found, in the table's metric order.
    private static func pointMeans(_ path: String, points: Int) throws(SweepError) -> [(
        metric: String, counts: [Int], means: [Double]
    )] {
        var sums: [String: [Double]] = [:]
        var counts: [String: [Int]] = [:]
        var order: [String] = []
        for (n, row) in try SweepTable.read(path, columns: ["point", "metric", "value"]).enumerated() {
            guard let point = Int(row[0]), (0..<points).contains(point) else {
                throw .invalidField(path: path, row: n + 1, column: "point", text: row[0])
            }
            guard let value = Double(row[2]) else {
                throw .invalidField(path: path, row: n + 1, column: "value", text: row[2])
            }
            let metric = row[1]
            if sums[metric] == nil { order.append(metric) }
            sums[metric, default: [Double](repeating: 0, count: points)][point] += value
            counts[metric, default: [Int](repeating: 0, count: points)][point] += 1
        }
        return order.map { metric in
            let metricSums = sums[metric, default: []]
            let metricCounts = counts[metric, default: []]
            return (metric, metricCounts, zip(metricSums, metricCounts).map { $0 / Double($1) })
        }
    }

    /// The index rows of one metric from its per-point means (a saltelli or morris design).
    private static func indices(of metric: String, outputs: [Double], plan: Plan, bootstrap: Int) -> [Row] {
        var rows: [Row] = []
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
        case .grid, .latinHypercube, .sobol:
            break  // refused by `init` before the table is read
        }
        return rows
    }

    /// `metric,parameter,index,estimate,standard_error,lower,upper`.
    public var csv: String {
        "metric,parameter,index,estimate,standard_error,lower,upper\n"
            + rows.map { r in
                [r.metric, r.parameter, r.index].map(CSV.field).joined(separator: ",") + ","
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
