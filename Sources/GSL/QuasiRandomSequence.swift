/// A Sobol low-discrepancy sequence in the unit hypercube (`gsl_qrng_sobol`, at most 40
/// dimensions), for space-filling designs and Saltelli sampling.
public final class QuasiRandomSequence {
    /// The most dimensions GSL's Sobol generator supports.
    public static let maximumDimensions = 40

    private let qrng: OpaquePointer
    public let dimensions: Int

    /// A fresh sequence of `dimensions` (1...40) coordinates.
    public init(dimensions: Int) {
        precondition((1...Self.maximumDimensions).contains(dimensions), "Sobol dimensions must be 1...40")
        GSL.errorHandlerOff
        guard let qrng = GSL.allocateSobol(dimensions: dimensions) else {
            fatalError("gsl_qrng_alloc failed: out of memory")
        }
        self.qrng = qrng
        self.dimensions = dimensions
    }

    deinit { GSL.free(sobol: qrng) }

    /// The next point of the sequence, each coordinate in [0, 1).
    public func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimensions)
        point.withUnsafeMutableBufferPointer { GSL.next(qrng, into: $0.baseAddress) }
        return point
    }
}
