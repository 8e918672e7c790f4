/// A categorical distribution over `0..<weights.count`, prepared once by GSL's Walker alias
/// tables (`gsl_ran_discrete_preproc`) and sampled in constant time.
public final class DiscreteDistribution: @unchecked Sendable {
    // `@unchecked Sendable`: the alias tables are built in `init` and only read afterwards.
    private let table: OpaquePointer

    /// Prepares the distribution.
    /// - Throws: `GSLError` (`GSL_EDOM`) when a weight is negative or not finite, or none is given.
    public init(weights: [Double]) throws(GSLError) {
        GSL.errorHandlerOff
        guard !weights.isEmpty, weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw GSLError(code: GSL.domainError, function: "gsl_ran_discrete_preproc")
        }
        let made = weights.withUnsafeBufferPointer(GSL.discreteTable)
        guard let made else { throw GSLError(code: GSL.outOfMemory, function: "gsl_ran_discrete_preproc") }
        table = made
    }

    deinit { GSL.free(discreteTable: table) }

    func sample(_ rng: OpaquePointer) -> Int { GSL.discrete(rng, table) }

    /// The probability of category `index` after normalisation (`gsl_ran_discrete_pdf`).
    public func probability(of index: Int) -> Double {
        GSL.discreteProbability(index, table)
    }
}
