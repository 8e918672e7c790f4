internal import CGSL

/// Sample statistics of a set of values, computed by GSL (`gsl_stats_*`).
public enum Statistics {
    /// The arithmetic mean; `nan` for no values.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample variance (divisor n − 1); `nan` for fewer than two values.
    public static func variance(_ values: [Double]) -> Double {
        values.count < 2
            ? .nan : values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
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
            : values.withUnsafeBufferPointer {
                gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, q)
            }
    }
}
