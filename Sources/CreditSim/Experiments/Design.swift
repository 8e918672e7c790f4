public import GSL

/// Design points in the unit hypercube, one coordinate per parameter.
///
/// `PlanLoader.Loaded.values` maps them to parameter values. Sampling designs draw from GSL (Latin
/// hypercube, Morris) or GSL's Sobol sequence, so a plan's points depend only on the plan and its
/// seed.
enum Design {
    /// The number of points `design` has for `parameters`, and whether it overflows.
    static func pointCount(_ design: Plan.Design, _ parameters: [Plan.Parameter]) -> (
        count: Int, overflow: Bool
    ) {
        switch design {
        case .grid(let levels):
            var count = 1
            for p in parameters {
                let n: Int =
                    switch p.domain {
                    case .values(let values): values.count
                    case .range: levels
                    }
                let (product, overflow) = count.multipliedReportingOverflow(by: n)
                if overflow { return (0, true) }
                count = product
            }
            return (count, false)
        case .latinHypercube(let points), .sobol(let points):
            return (points, false)
        case .saltelli(let base):
            let product = base.multipliedReportingOverflow(by: parameters.count + 2)
            return (product.partialValue, product.overflow)
        case .morris(let trajectories, _):
            let product = trajectories.multipliedReportingOverflow(by: parameters.count + 1)
            return (product.partialValue, product.overflow)
        }
    }

    /// Every point of `design`, in order.
    static func points(_ design: Plan.Design, _ parameters: [Plan.Parameter], seed: UInt64) -> [[Double]] {
        let d = parameters.count
        switch design {
        case .grid(let levels):
            let axes = parameters.map { p -> [Double] in
                switch p.domain {
                case .values(let values): values.indices.map { (Double($0) + 0.5) / Double(values.count) }
                case .range: (0..<levels).map { Double($0) / Double(levels - 1) }
                }
            }
            // The first parameter varies slowest.
            var out: [[Double]] = [[]]
            for axis in axes { out = out.flatMap { prefix in axis.map { prefix + [$0] } } }
            return out
        case .latinHypercube(let n):
            let random = stream(seed)
            var columns: [[Double]] = []
            for _ in 0..<d {
                let strata = random.permutation(n)
                columns.append(strata.map { (Double($0) + random.uniform()) / Double(n) })
            }
            return (0..<n).map { i in columns.map { $0[i] } }
        case .sobol(let n):
            let sequence = QuasiRandomSequence(dimensions: d)
            return (0..<n).map { _ in sequence.next() }
        case .saltelli(let n):
            return SaltelliDesign(base: n, dimensions: d).points
        case .morris(let r, let levels):
            return MorrisDesign(trajectories: r, levels: levels, dimensions: d, random: stream(seed)).points
        }
    }

    /// The random stream of a plan's design, apart from every simulation stream.
    static func stream(_ seed: UInt64) -> RandomStream {
        let random = RandomStream(seed: seed)
        random.select(resident: StreamPurpose.noResident, .design)
        return random
    }
}

/// Saltelli's sampling for Sobol indices.
///
/// As in Saltelli et al. 2010: matrices A and B from the two halves of a 2d-dimensional Sobol
/// sequence; each row j gives the points A_j, B_j and, for each parameter i, A_j with coordinate i
/// taken from B_j.
public struct SaltelliDesign: Sendable {
    public let base: Int
    public let dimensions: Int
    public let points: [[Double]]

    public init(base: Int, dimensions: Int) {
        self.base = base
        self.dimensions = dimensions
        let sequence = QuasiRandomSequence(dimensions: 2 * dimensions)
        _ = sequence.next()  // the first point is all zeros; Saltelli et al. skip it
        var points: [[Double]] = []
        points.reserveCapacity(base * (dimensions + 2))
        for _ in 0..<base {
            let row = sequence.next()
            let a = Array(row[0..<dimensions])
            let b = Array(row[dimensions...])
            points.append(a)
            points.append(b)
            for i in 0..<dimensions {
                var ab = a
                ab[i] = b[i]
                points.append(ab)
            }
        }
        self.points = points
    }
}

/// Morris one-at-a-time trajectories (Morris 1991) on a `levels`-point grid with step
/// Δ = levels / (2 (levels − 1)): a random start whose coordinates leave room for one step, then
/// each parameter in random order moved by +Δ (or −Δ where +Δ would leave [0, 1]).
public struct MorrisDesign {
    public let trajectories: Int
    public let levels: Int
    public let dimensions: Int
    public let points: [[Double]]
    /// For each trajectory, the parameter moved at each step and the signed step.
    public let moves: [[(parameter: Int, step: Double)]]

    public var delta: Double { Double(levels) / (2 * Double(levels - 1)) }

    public init(trajectories: Int, levels: Int, dimensions: Int, random: RandomStream) {
        self.trajectories = trajectories
        self.levels = levels
        self.dimensions = dimensions
        let delta = Double(levels) / (2 * Double(levels - 1))
        let gridStep = 1 / Double(levels - 1)
        var points: [[Double]] = []
        var moves: [[(Int, Double)]] = []
        for _ in 0..<trajectories {
            var x = (0..<dimensions).map { _ in Double(random.uniformInt(levels)) * gridStep }
            points.append(x)
            var steps: [(Int, Double)] = []
            for i in random.permutation(dimensions) {
                let step = x[i] + delta <= 1 + 1e-12 ? delta : -delta
                x[i] += step
                points.append(x)
                steps.append((i, step))
            }
            moves.append(steps)
        }
        self.points = points
        self.moves = moves
    }
}
