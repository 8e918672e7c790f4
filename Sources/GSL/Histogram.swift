internal import CGSL

/// A fixed-bin histogram owned by GSL (`gsl_histogram`), used to bin score distributions.
public final class Histogram {
    private let h: UnsafeMutablePointer<gsl_histogram>

    /// Makes `bins` equal bins covering `[lower, upper)`.
    /// - Throws: `GSLError` when `bins` is not positive or `lower >= upper`.
    public init(bins: Int, lower: Double, upper: Double) throws(GSLError) {
        GSL.errorHandlerOff
        guard bins > 0, let h = gsl_histogram_alloc(bins) else {
            throw GSLError(code: Int32(GSL_EDOM), function: "gsl_histogram_alloc")
        }
        self.h = h
        try GSL.check(gsl_histogram_set_ranges_uniform(h, lower, upper), "gsl_histogram_set_ranges_uniform")
    }

    deinit { gsl_histogram_free(h) }

    /// Adds `weight` at `x`.
    /// - Throws: `GSLError` (`GSL_EDOM`) when `x` is outside the histogram's range.
    public func add(_ x: Double, weight: Double = 1) throws(GSLError) {
        try GSL.check(gsl_histogram_accumulate(h, x, weight), "gsl_histogram_accumulate")
    }

    /// The number of bins.
    public var count: Int { gsl_histogram_bins(h) }

    /// The weight in bin `i`.
    public subscript(i: Int) -> Double { gsl_histogram_get(h, i) }

    /// The range `[lower, upper)` of bin `i`.
    public func range(of i: Int) -> (lower: Double, upper: Double) {
        var lower = 0.0
        var upper = 0.0
        _ = gsl_histogram_get_range(h, i, &lower, &upper)
        return (lower, upper)
    }

    /// The total weight (`gsl_histogram_sum`).
    public var total: Double { gsl_histogram_sum(h) }
}
