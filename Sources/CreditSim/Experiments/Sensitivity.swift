internal import GSL

/// Global sensitivity indices from a design's outputs.
///
/// Sobol indices use Saltelli et al. (2010): first order S1_i = mean((f_B − m) (f_ABi − f_A)) / V
/// (m the mean of f_A and f_B) and
/// total order (Jansen 1999) ST_i = mean((f_A − f_ABi)²) / (2V), V the variance of f_A and f_B
/// together. Morris (1991) elementary effects are reported as μ, μ* = mean |EE| (Campolongo et
/// al. 2007) and σ, in output units per whole parameter range. Intervals are bootstrap
/// percentiles over the design's rows (trajectories for Morris).
public enum Sensitivity {
    /// An estimate with its bootstrap standard error and 95 % percentile interval.
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        public let standardError: Double
        public let lower: Double
        public let upper: Double
    }

    public struct SobolIndex: Sendable {
        public let parameter: Int
        public let firstOrder: Estimate
        public let totalOrder: Estimate
    }

    public struct MorrisEffect: Sendable {
        public let parameter: Int
        public let mu: Double
        public let muStar: Estimate
        public let sigma: Double
    }

    /// Sobol indices from the outputs of a `SaltelliDesign` (in its point order).
    public static func sobol(
        outputs: [Double], base: Int, dimensions d: Int, bootstrap: Int = 1_000, seed: UInt64 = 1
    )
        -> [SobolIndex]
    {
        precondition(outputs.count == base * (d + 2), "outputs do not match the design")
        let stride = d + 2
        func estimate(_ rows: [Int]) -> [(Double, Double)] {
            var all: [Double] = []
            all.reserveCapacity(2 * rows.count)
            for j in rows { all += [outputs[j * stride], outputs[j * stride + 1]] }
            let variance = Statistics.variance(all) * Double(all.count - 1) / Double(all.count)
            // Centred outputs: the first-order estimator is not shift-invariant in finite samples,
            // and an output far from zero (a mean score near 1,000) would swamp it with noise.
            let centre = Statistics.mean(all)
            return (0..<d).map { i in
                var first = 0.0
                var total = 0.0
                for j in rows {
                    let a = outputs[j * stride]
                    let b = outputs[j * stride + 1]
                    let ab = outputs[j * stride + 2 + i]
                    first += (b - centre) * (ab - a)
                    total += (a - ab) * (a - ab)
                }
                let n = Double(rows.count)
                return variance > 0 ? (first / n / variance, total / (2 * n) / variance) : (.nan, .nan)
            }
        }
        let point = estimate(Array(0..<base))
        let resamples = resample(count: base, times: bootstrap, seed: seed).map(estimate)
        return (0..<d).map { i in
            SobolIndex(
                parameter: i,
                firstOrder: interval(point[i].0, resamples.map { $0[i].0 }),
                totalOrder: interval(point[i].1, resamples.map { $0[i].1 }))
        }
    }

    /// Morris effects from the outputs of a `MorrisDesign` (in its point order).
    public static func morris(
        outputs: [Double], design: MorrisDesign, bootstrap: Int = 1_000, seed: UInt64 = 1
    )
        -> [MorrisEffect]
    {
        let d = design.dimensions
        precondition(outputs.count == design.trajectories * (d + 1), "outputs do not match the design")
        // effects[t][i]: the elementary effect of parameter i in trajectory t.
        var effects = [[Double]](repeating: [Double](repeating: .nan, count: d), count: design.trajectories)
        for (t, moves) in design.moves.enumerated() {
            for (step, move) in moves.enumerated() {
                let before = outputs[t * (d + 1) + step]
                let after = outputs[t * (d + 1) + step + 1]
                effects[t][move.parameter] = (after - before) / move.step
            }
        }
        let resamples = resample(count: design.trajectories, times: bootstrap, seed: seed)
        return (0..<d).map { i in
            let column = effects.map { $0[i] }
            let muStar = column.map(abs).reduce(0, +) / Double(column.count)
            return MorrisEffect(
                parameter: i, mu: column.reduce(0, +) / Double(column.count),
                muStar: interval(
                    muStar,
                    resamples.map { rows in rows.map { abs(column[$0]) }.reduce(0, +) / Double(rows.count) }),
                sigma: column.count > 1 ? Statistics.standardDeviation(column) : .nan)
        }
    }

    /// `times` bootstrap resamples of `0..<count` (row indices drawn with replacement).
    private static func resample(count: Int, times: Int, seed: UInt64) -> [[Int]] {
        let random = RandomStream(seed: seed)
        random.select(resident: StreamPurpose.noResident, .bootstrap)
        return (0..<times).map { _ in (0..<count).map { _ in random.uniformInt(count) } }
    }

    private static func interval(_ value: Double, _ resampled: [Double]) -> Estimate {
        let finite = resampled.filter(\.isFinite).sorted()
        guard finite.count > 1 else {
            return Estimate(value: value, standardError: .nan, lower: .nan, upper: .nan)
        }
        return Estimate(
            value: value, standardError: Statistics.standardDeviation(finite),
            lower: Statistics.quantile(sorted: finite, 0.025),
            upper: Statistics.quantile(sorted: finite, 0.975))
    }
}
