/// Sample statistics of a set of values, computed by GSL (`gsl_stats_*`).
public enum Statistics {
    /// The arithmetic mean; `nan` for no values.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.withUnsafeBufferPointer(GSL.mean)
    }

    /// The sample variance (divisor n − 1); `nan` for fewer than two values.
    public static func variance(_ values: [Double]) -> Double {
        values.count < 2
            ? .nan : values.withUnsafeBufferPointer(GSL.variance)
    }

    /// The sample standard deviation (divisor n − 1).
    public static func standardDeviation(_ values: [Double]) -> Double {
        variance(values).squareRoot()
    }

    /// The standard error of the mean.
    public static func standardError(_ values: [Double]) -> Double {
        standardDeviation(values) / Double(values.count).squareRoot()
    }

    /// The `q` quantile of already sorted values (`gsl_stats_quantile_from_sorted_data`).
    public static func quantile(sorted values: [Double], _ q: Double) -> Double {
        values.isEmpty
            ? .nan
            : values.withUnsafeBufferPointer { GSL.quantile(sorted: $0, q) }
    }

    /// The `p` quantile of Student's t distribution with `dof` degrees of freedom
    /// (`gsl_cdf_tdist_Pinv`).
    public static func tQuantile(_ p: Double, degreesOfFreedom dof: Double) -> Double {
        GSL.tQuantile(p, dof)
    }

    /// A two-sided `level` confidence interval for the mean of `values` (Student's t).
    /// - Returns: `nil` for fewer than two values.
    public static func meanInterval(_ values: [Double], level: Double = 0.95) -> Interval? {
        guard values.count >= 2 else { return nil }
        let m = mean(values)
        let half =
            tQuantile(0.5 + level / 2, degreesOfFreedom: Double(values.count - 1)) * standardError(values)
        return Interval(estimate: m, lower: m - half, upper: m + half)
    }

    /// A Welch interval for the difference of the means of two independent samples (`b − a`).
    public static func welchInterval(_ a: [Double], _ b: [Double], level: Double = 0.95) -> Interval? {
        guard a.count >= 2, b.count >= 2 else { return nil }
        let va = variance(a) / Double(a.count)
        let vb = variance(b) / Double(b.count)
        let d = mean(b) - mean(a)
        let se = (va + vb).squareRoot()
        guard se > 0 else { return Interval(estimate: d, lower: d, upper: d) }
        let dof = (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        let half = tQuantile(0.5 + level / 2, degreesOfFreedom: dof) * se
        return Interval(estimate: d, lower: d - half, upper: d + half)
    }
}

/// An estimate with a confidence interval.
public struct Interval: Sendable, Codable, Equatable {
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    public var width: Double { upper - lower }
    /// Whether the interval excludes zero.
    public var excludesZero: Bool { lower > 0 || upper < 0 }
}
