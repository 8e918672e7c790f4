internal import Foundation

/// Philox2x64-10 registered with GSL as an ordinary `gsl_rng_type`, so that every GSL
/// distribution (gamma, lognormal, Poisson, …) can draw from a per-resident stream.
enum PhiloxGenerator {
    /// GSL name of the generator.
    static let name = "philox2x64-10"

    /// The generator type table; allocated once and never freed or mutated.
    static let type: TypeTable = TypeTable()

    /// Owner of the immortal `gsl_rng_type` record.
    ///
    /// `@unchecked Sendable`: the record is written once in `init` (under Swift's lazy-global
    /// once-initialisation) and only read afterwards, by GSL, from any thread.
    final class TypeTable: @unchecked Sendable {
        let pointer: OpaquePointer

        init() {
            guard let name = strdup(PhiloxGenerator.name) else {
                preconditionFailure("strdup of the generator name failed: out of memory")
            }
            pointer = GSL.makeGeneratorType(
                name: UnsafePointer(name), max: 0xFFFF_FFFF,
                stateSize: MemoryLayout<PhiloxState>.stride,
                set: { state, seed in
                    guard let state else {
                        preconditionFailure("GSL passes the state it allocated (invariant)")
                    }
                    let s = state.assumingMemoryBound(to: PhiloxState.self)
                    s.initialize(to: PhiloxState(key: UInt64(seed), resident: 0, stream: 0))
                },
                get: { state in
                    guard let state else {
                        preconditionFailure("GSL passes the state it allocated (invariant)")
                    }
                    let s = state.assumingMemoryBound(to: PhiloxState.self)
                    return UInt(s.pointee.next64() >> 32)
                },
                getDouble: { state in
                    guard let state else {
                        preconditionFailure("GSL passes the state it allocated (invariant)")
                    }
                    return state.assumingMemoryBound(to: PhiloxState.self).pointee.nextDouble()
                })
        }
    }
}
