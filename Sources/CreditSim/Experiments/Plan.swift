/// An experiment plan: which parameters of a base scenario to vary, how, and what to keep.
///
/// A plan has a base scenario, the parameters to vary by key path, a design, replicates, the
/// metrics to keep and the seed. Documented in `docs/experiments.md`; read by `PlanLoader`.
public struct Plan: Sendable {
    public static let formatVersion = 1

    public var name: String
    public var title: String
    /// The base scenario's path, as resolved from the plan's folder.
    public var scenarioPath: String
    /// The base scenario as the plan names it (relative to the plan's folder).
    public var scenario: String
    /// Overrides the scenario's population size when set.
    public var population: Int?
    /// Replicate r of every point runs with seed `seed + r` (common random numbers across points).
    public var seed: UInt64
    public var replicates: Int
    public var parameters: [Parameter]
    public var design: Design
    /// Metric names to keep, in order; empty keeps every metric.
    public var metrics: [String]
    /// Extra dates at whose end grade shares are reported (`share_<grade>@<date>`).
    public var dates: [SimDate]

    /// One varied parameter.
    public struct Parameter: Sendable {
        /// The column name in the results table.
        public var name: String
        /// The key path in the scenario, as errors print it: `scheme.rulebooks[v1].rules[r2].points`.
        public var path: String
        public var domain: Domain
        /// The kind of value at `path` in the base scenario.
        public var kind: ValueKind
    }

    public enum ValueKind: String, Sendable {
        case integer, number, date, text
    }

    /// The values a parameter takes.
    public enum Domain: Sendable {
        /// Listed values (any kind): grid designs use them all; sampling designs pick among them.
        case values([String])
        /// A range: grid designs use `levels` evenly spaced values from `low` to `high`;
        /// sampling designs draw uniformly. Dates are day numbers.
        case range(low: Double, high: Double)
    }

    /// How design points are chosen.
    public enum Design: Sendable, Equatable {
        /// Every combination; ranges take `levels` values.
        case grid(levels: Int)
        /// Latin hypercube sample of `points` points.
        case latinHypercube(points: Int)
        /// The first `points` points of a Sobol sequence.
        case sobol(points: Int)
        /// Saltelli's scheme for Sobol indices: `base` rows of matrices A and B, and A with each
        /// column taken from B; `base × (parameters + 2)` points.
        case saltelli(base: Int)
        /// Morris elementary effects: `trajectories` one-at-a-time trajectories on a `levels` grid.
        case morris(trajectories: Int, levels: Int)

        public var name: String {
            switch self {
            case .grid: "grid"
            case .latinHypercube: "lhs"
            case .sobol: "sobol"
            case .saltelli: "saltelli"
            case .morris: "morris"
            }
        }
    }
}
