/// Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw (2011),
/// "Parallel random numbers: as easy as 1, 2, 3" (SC'11).
///
/// Written by hand: GSL has no counter-based generator and no mirrored package provides one.
/// A counter-based generator turns (key, counter) into random bits with no hidden state, so
/// the stream of one resident and one behaviour can be addressed directly — the foundation of
/// thread-count independence and of common random numbers across scenarios. It is checked
/// against Random123's published known-answer vectors in the tests.
public enum Philox {
    /// One Philox4x32-10 block: four 32-bit words from a 128-bit counter and a 64-bit key.
    @inlinable @inline(__always)
    public static func block(
        _ c: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var (c0, c1, c2, c3) = c
        var (k0, k1) = key
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            let p0 = UInt64(0xD251_1F53) &* UInt64(c0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(c2)
            let n0 = UInt32(truncatingIfNeeded: p1 >> 32) ^ c1 ^ k0
            let n1 = UInt32(truncatingIfNeeded: p1)
            let n2 = UInt32(truncatingIfNeeded: p0 >> 32) ^ c3 ^ k1
            let n3 = UInt32(truncatingIfNeeded: p0)
            (c0, c1, c2, c3) = (n0, n1, n2, n3)
        }
        return (c0, c1, c2, c3)
    }
}

/// The state GSL keeps for a Philox stream (its `size` in the generator type).
///
/// The stream is addressed by `(key, resident, stream)`; `index` counts 64-bit draws within it.
/// Each block yields two 64-bit words; `buffered` holds the second one until it is used.
/// Public and inlinable so the engine draws without a call per number (its hot path).
public struct PhiloxState {
    public var key: (UInt32, UInt32)
    public var resident: UInt64
    public var stream: UInt32
    public var index: UInt32
    public var buffered: UInt64
    public var hasBuffered: Bool

    @inlinable @inline(__always)
    public mutating func next64() -> UInt64 {
        if hasBuffered {
            hasBuffered = false
            return buffered
        }
        let out = Philox.block(
            (
                UInt32(truncatingIfNeeded: resident), UInt32(truncatingIfNeeded: resident >> 32),
                stream, index
            ), key: key)
        index &+= 1
        buffered = UInt64(out.2) << 32 | UInt64(out.3)
        hasBuffered = true
        return UInt64(out.0) << 32 | UInt64(out.1)
    }

    /// A double in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(next64() >> 11) * 0x1p-53
    }
}
