/// A fixed-bin histogram owned by GSL (`gsl_histogram`), used to bin score distributions.
public final class Histogram {
    private let h: OpaquePointer

    /// Makes `bins` equal bins covering `[lower, upper)`.
    /// - Throws: `GSLError` when `bins` is not positive or `lower >= upper`.
    public init(bins: Int, lower: Double, upper: Double) throws(GSLError) {
        GSL.errorHandlerOff
        guard bins > 0, let h = GSL.allocateHistogram(bins: bins) else {
            throw GSLError(code: GSL.domainError, function: "gsl_histogram_alloc")
        }
        self.h = h
        try GSL.check(GSL.setUniformRanges(h, lower, upper), "gsl_histogram_set_ranges_uniform")
    }

    deinit { GSL.free(histogram: h) }

    /// Adds `weight` at `x`.
    /// - Throws: `GSLError` (`GSL_EDOM`) when `x` is outside the histogram's range.
    public func add(_ x: Double, weight: Double = 1) throws(GSLError) {
        try GSL.check(GSL.accumulate(h, x, weight), "gsl_histogram_accumulate")
    }

    /// The number of bins.
    public var count: Int { GSL.bins(h) }

    /// The weight in bin `i`.
    public subscript(i: Int) -> Double { GSL.weight(h, i) }

    /// The range `[lower, upper)` of bin `i`.
    public func range(of i: Int) -> (lower: Double, upper: Double) { GSL.range(h, i) }

    /// The total weight (`gsl_histogram_sum`).
    public var total: Double { GSL.sum(h) }
}
