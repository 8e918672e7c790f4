internal import CGSL

/// Every call into the GNU Scientific Library: the only file that imports `CGSL`.
///
/// The rest of the wrapper holds GSL objects as `OpaquePointer`s (each owned by a type whose
/// `deinit` frees it) and calls these one-line functions, which the optimiser inlines; no GSL
/// type leaves this file. Status-returning calls go through `check`.
enum GSL {
    // MARK: Errors

    /// Switches GSL's aborting error handler off.
    ///
    /// Evaluated once (thread-safe lazy global), before the first generator, histogram or
    /// distribution is made.
    static let errorHandlerOff: Void = {
        _ = gsl_set_error_handler_off()
    }()

    /// `GSL_EDOM`: an argument outside the function's domain.
    static let domainError = Int32(GSL_EDOM)
    /// `GSL_ENOMEM`: allocation failed.
    static let outOfMemory = Int32(GSL_ENOMEM)

    /// GSL's text for a status code.
    static func reason(_ code: Int32) -> String { String(cString: gsl_strerror(code)) }

    /// The funnel every status-returning GSL call goes through.
    static func check(_ status: Int32, _ function: String) throws(GSLError) {
        if status != Int32(GSL_SUCCESS) { throw GSLError(code: status, function: function) }
    }

    // MARK: Generators (`gsl_rng`)

    /// GSL's generator types, in its table's order: name and type record.
    static var generatorTypes: [(name: String, type: OpaquePointer)] {
        var types: [(String, OpaquePointer)] = []
        var cursor = cgsl_rng_types()
        while let type = cursor?.pointee {
            types.append((String(cString: type.pointee.name), OpaquePointer(type)))
            cursor = cursor?.advanced(by: 1)
        }
        return types
    }

    /// A new generator type record, never freed: GSL's generators and distributions can then
    /// draw from a generator written in Swift.
    static func makeGeneratorType(
        name: UnsafePointer<CChar>, max: UInt, stateSize: Int,
        set: @escaping @convention(c) (UnsafeMutableRawPointer?, UInt) -> Void,
        get: @escaping @convention(c) (UnsafeMutableRawPointer?) -> UInt,
        getDouble: @escaping @convention(c) (UnsafeMutableRawPointer?) -> Double
    ) -> OpaquePointer {
        let record = UnsafeMutablePointer<gsl_rng_type>.allocate(capacity: 1)
        record.initialize(
            to: gsl_rng_type(
                name: name, max: max, min: 0, size: stateSize, set: set, get: get, get_double: getDouble))
        return OpaquePointer(record)
    }

    static func allocateGenerator(_ type: OpaquePointer) -> OpaquePointer? {
        gsl_rng_alloc(UnsafePointer<gsl_rng_type>(type)).map(OpaquePointer.init)
    }

    static func free(generator rng: OpaquePointer) { gsl_rng_free(generator(rng)) }

    /// The generator's state, laid out as its type record says.
    static func state(of rng: OpaquePointer) -> UnsafeMutableRawPointer { generator(rng).pointee.state }

    @inline(__always)
    static func seed(_ rng: OpaquePointer, _ seed: UInt) { gsl_rng_set(generator(rng), seed) }

    @inline(__always)
    static func raw(_ rng: OpaquePointer) -> UInt { gsl_rng_get(generator(rng)) }

    @inline(__always)
    static func uniform(_ rng: OpaquePointer) -> Double { gsl_rng_uniform(generator(rng)) }

    @inline(__always)
    static func uniformInt(_ rng: OpaquePointer, _ n: UInt) -> UInt { gsl_rng_uniform_int(generator(rng), n) }

    @inline(__always)
    private static func generator(_ rng: OpaquePointer) -> UnsafeMutablePointer<gsl_rng> {
        UnsafeMutablePointer<gsl_rng>(rng)
    }

    // MARK: Distributions (`gsl_ran_*`)

    @inline(__always)
    static func gamma(_ rng: OpaquePointer, _ shape: Double, _ scale: Double) -> Double {
        gsl_ran_gamma(generator(rng), shape, scale)
    }

    @inline(__always)
    static func lognormal(_ rng: OpaquePointer, _ zeta: Double, _ sigma: Double) -> Double {
        gsl_ran_lognormal(generator(rng), zeta, sigma)
    }

    @inline(__always)
    static func poisson(_ rng: OpaquePointer, _ mean: Double) -> UInt32 {
        gsl_ran_poisson(generator(rng), mean)
    }

    @inline(__always)
    static func gaussianZiggurat(_ rng: OpaquePointer, _ sigma: Double) -> Double {
        gsl_ran_gaussian_ziggurat(generator(rng), sigma)
    }

    static func shuffle(_ rng: OpaquePointer, _ base: UnsafeMutableRawPointer?, _ count: Int, _ size: Int) {
        gsl_ran_shuffle(generator(rng), base, count, size)
    }

    /// Walker alias tables for `weights`, or `nil` when GSL cannot allocate them.
    static func discreteTable(_ weights: UnsafeBufferPointer<Double>) -> OpaquePointer? {
        gsl_ran_discrete_preproc(weights.count, weights.baseAddress).map(OpaquePointer.init)
    }

    static func free(discreteTable table: OpaquePointer) {
        gsl_ran_discrete_free(UnsafeMutablePointer<gsl_ran_discrete_t>(table))
    }

    @inline(__always)
    static func discrete(_ rng: OpaquePointer, _ table: OpaquePointer) -> Int {
        gsl_ran_discrete(generator(rng), UnsafePointer<gsl_ran_discrete_t>(table))
    }

    static func discreteProbability(_ index: Int, _ table: OpaquePointer) -> Double {
        gsl_ran_discrete_pdf(index, UnsafePointer<gsl_ran_discrete_t>(table))
    }

    // MARK: Histograms (`gsl_histogram`)

    static func allocateHistogram(bins: Int) -> OpaquePointer? {
        gsl_histogram_alloc(bins).map(OpaquePointer.init)
    }

    static func free(histogram h: OpaquePointer) { gsl_histogram_free(histogram(h)) }

    static func setUniformRanges(_ h: OpaquePointer, _ lower: Double, _ upper: Double) -> Int32 {
        gsl_histogram_set_ranges_uniform(histogram(h), lower, upper)
    }

    static func accumulate(_ h: OpaquePointer, _ x: Double, _ weight: Double) -> Int32 {
        gsl_histogram_accumulate(histogram(h), x, weight)
    }

    static func bins(_ h: OpaquePointer) -> Int { gsl_histogram_bins(histogram(h)) }

    static func weight(_ h: OpaquePointer, _ i: Int) -> Double { gsl_histogram_get(histogram(h), i) }

    static func range(_ h: OpaquePointer, _ i: Int) -> (lower: Double, upper: Double) {
        var lower = 0.0
        var upper = 0.0
        _ = gsl_histogram_get_range(histogram(h), i, &lower, &upper)
        return (lower, upper)
    }

    static func sum(_ h: OpaquePointer) -> Double { gsl_histogram_sum(histogram(h)) }

    private static func histogram(_ h: OpaquePointer) -> UnsafeMutablePointer<gsl_histogram> {
        UnsafeMutablePointer<gsl_histogram>(h)
    }

    // MARK: Sobol sequences (`gsl_qrng`)

    static func allocateSobol(dimensions: Int) -> OpaquePointer? {
        gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions)).map(OpaquePointer.init)
    }

    static func free(sobol q: OpaquePointer) { gsl_qrng_free(UnsafeMutablePointer<gsl_qrng>(q)) }

    static func next(_ q: OpaquePointer, into point: UnsafeMutablePointer<Double>?) {
        _ = gsl_qrng_get(UnsafeMutablePointer<gsl_qrng>(q), point)
    }

    // MARK: Statistics (`gsl_stats_*`, `gsl_cdf_*`)

    static func mean(_ values: UnsafeBufferPointer<Double>) -> Double {
        gsl_stats_mean(values.baseAddress, 1, values.count)
    }

    static func variance(_ values: UnsafeBufferPointer<Double>) -> Double {
        gsl_stats_variance(values.baseAddress, 1, values.count)
    }

    static func quantile(sorted values: UnsafeBufferPointer<Double>, _ q: Double) -> Double {
        gsl_stats_quantile_from_sorted_data(values.baseAddress, 1, values.count, q)
    }

    static func tQuantile(_ p: Double, _ dof: Double) -> Double { gsl_cdf_tdist_Pinv(p, dof) }
}
