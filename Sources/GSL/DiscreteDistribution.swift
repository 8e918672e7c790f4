internal import CGSL

/// A categorical distribution over `0..<weights.count`, prepared once by GSL's Walker alias
/// tables (`gsl_ran_discrete_preproc`) and sampled in constant time.
public final class DiscreteDistribution: @unchecked Sendable {
    // `@unchecked Sendable`: the alias tables are built in `init` and only read afterwards.
    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// Prepares the distribution.
    /// - Throws: `GSLError` (`GSL_EDOM`) when a weight is negative or not finite, or none is given.
    public init(weights: [Double]) throws(GSLError) {
        GSL.errorHandlerOff
        guard !weights.isEmpty, weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw GSLError(code: Int32(GSL_EDOM), function: "gsl_ran_discrete_preproc")
        }
        let made = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
        guard let made else { throw GSLError(code: Int32(GSL_ENOMEM), function: "gsl_ran_discrete_preproc") }
        table = made
    }

    deinit { gsl_ran_discrete_free(table) }

    func sample(_ rng: UnsafeMutablePointer<gsl_rng>) -> Int {
        gsl_ran_discrete(rng, table)
    }

    /// The probability of category `index` after normalisation (`gsl_ran_discrete_pdf`).
    public func probability(of index: Int) -> Double {
        gsl_ran_discrete_pdf(index, table)
    }
}
