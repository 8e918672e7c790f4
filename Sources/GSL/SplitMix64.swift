/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA; Vigna's reference `splitmix64.c`): output `i` of the sequence that starts from `seed`
/// is the 64-bit finaliser applied to `seed + (i + 1)·γ`, so any output is addressable directly.
///
/// Written by hand: GSL has no such generator and it is six instructions. The engine keys it by a
/// Philox word per resident to draw the first arrival of every behaviour cheaply; it also turns
/// seeds into keys. Checked against the reference implementation's outputs in the tests.
public enum SplitMix64 {
    /// The golden-ratio increment γ.
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Output `index` (0 for the first) of the sequence seeded with `seed`.
    @inlinable @inline(__always)
    public static func output(seed: UInt64, index: UInt64) -> UInt64 {
        var x = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
