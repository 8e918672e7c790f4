internal import Foundation

/// A seeded source of random numbers backed by one GSL generator, addressed by stream.
///
/// One `RandomStream` is owned by one worker at a time (it is not `Sendable`); `select`
/// points it at the sub-stream of one resident and one purpose, so what a resident draws
/// never depends on which worker simulated it or on what other residents drew.
public final class RandomStream {
    let rng: OpaquePointer
    /// Direct access to the Philox state, for the engine's hot path (same numbers as GSL's calls).
    public let philox: UnsafeMutablePointer<PhiloxState>?
    @usableFromInline let seedKey: UInt64

    /// The generator kind.
    public let generator: GeneratorKind

    /// Makes a stream for `generator`, keyed by the run's seed.
    public init(generator: GeneratorKind = .philox, seed: UInt64) {
        GSL.errorHandlerOff
        guard let rng = GSL.allocateGenerator(generator.gslType) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.rng = rng
        self.generator = generator
        self.seedKey = SeedMixer.mix(seed)
        if generator == .philox {
            philox = GSL.state(of: rng).assumingMemoryBound(to: PhiloxState.self)
        } else {
            philox = nil
        }
        GSL.seed(rng, UInt(truncatingIfNeeded: seedKey))
    }

    deinit { GSL.free(generator: rng) }

    /// Points the stream at the draws of one resident for one purpose (a behaviour, the
    /// population draw, the enrolment draw), starting from the first.
    @inlinable @inline(__always)
    public func select(resident: UInt64, stream: UInt32) {
        if let philox {
            philox.pointee.select(resident: resident, stream: stream)
        } else {
            reseed(resident: resident, stream: stream)
        }
    }

    /// `select` for GSL's own generators: a seed derived from the run's seed, resident and stream.
    @usableFromInline
    func reseed(resident: UInt64, stream: UInt32) {
        let key = SeedMixer.mix(seedKey ^ SeedMixer.mix(resident &* 0x1_0000_0001 &+ UInt64(stream)))
        GSL.seed(rng, UInt(truncatingIfNeeded: key))
    }

    /// Re-seeds the underlying GSL generator directly (for known-answer tests of GSL's generators).
    public func setRawSeed(_ seed: UInt) { GSL.seed(rng, seed) }

    /// The next raw output of the generator (`gsl_rng_get`).
    public func nextRaw() -> UInt { GSL.raw(rng) }

    /// A uniform double in [0, 1) (`gsl_rng_uniform`).
    @inline(__always)
    public func uniform() -> Double {
        if let philox { return philox.pointee.nextDouble() }
        return GSL.uniform(rng)
    }

    /// An exponential variate with mean 1: by the ziggurat on Philox streams
    /// (`ExponentialZiggurat`), otherwise by the inversion `−log(1 − u)` that `gsl_ran_exponential`
    /// uses (it writes `−log1p(−u)`; `1 − u` is exact for the 53-bit `u` here, and `log` is faster).
    @inline(__always)
    public func exponential() -> Double {
        if let philox { return ExponentialZiggurat.shared.sample(&philox.pointee) }
        return -log(1.0 - uniform())
    }

    /// A gamma variate (`gsl_ran_gamma`, Marsaglia–Tsang).
    public func gamma(shape: Double, scale: Double) -> Double {
        GSL.gamma(rng, shape, scale)
    }

    /// A lognormal variate (`gsl_ran_lognormal`) with log-mean `zeta` and log-sd `sigma`.
    public func lognormal(zeta: Double, sigma: Double) -> Double {
        GSL.lognormal(rng, zeta, sigma)
    }

    /// A Poisson variate (`gsl_ran_poisson`).
    public func poisson(mean: Double) -> UInt32 {
        GSL.poisson(rng, mean)
    }

    /// A standard-normal variate scaled by `sigma` (`gsl_ran_gaussian_ziggurat`).
    public func gaussian(sigma: Double) -> Double {
        GSL.gaussianZiggurat(rng, sigma)
    }

    /// Draws from a prepared discrete distribution (`gsl_ran_discrete`, Walker's alias method).
    public func discrete(_ distribution: DiscreteDistribution) -> Int {
        distribution.sample(rng)
    }
}

/// SplitMix64's first output for a seed (Steele, Lea & Flood 2014), used to turn seeds into keys.
enum SeedMixer {
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 { SplitMix64.output(seed: value, index: 0) }
}

extension RandomStream {
    /// An integer uniform on `0..<n` (`gsl_rng_uniform_int`); `n` must be positive.
    public func uniformInt(_ n: Int) -> Int {
        Int(GSL.uniformInt(rng, UInt(n)))
    }

    /// A uniformly random permutation of `0..<n` (`gsl_ran_shuffle`, Fisher–Yates).
    public func permutation(_ n: Int) -> [Int] {
        var items = Array(0..<n)
        items.withUnsafeMutableBytes { buffer in
            GSL.shuffle(rng, buffer.baseAddress, n, MemoryLayout<Int>.stride)
        }
        return items
    }
}
