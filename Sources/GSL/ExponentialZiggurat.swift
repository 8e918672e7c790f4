internal import Foundation

/// Unit exponential variates by the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat
/// Method for Generating Random Variables", *Journal of Statistical Software* 5(8), with 256
/// layers and 53-bit words, as NumPy's `Generator.standard_exponential` does.
///
/// Written by hand: GSL draws exponentials by inversion (`gsl_ran_exponential`, one `log` per
/// variate) and has a ziggurat only for the Gaussian, and no mirrored package provides one. Here
/// 98.9 % of variates cost one 64-bit word, a table lookup and a multiplication; the rest fall
/// back to a wedge test (one `exp`) or the exponential tail (one `log`). Exact in distribution.
public struct ExponentialZiggurat: @unchecked Sendable {
    /// The tables, built once (`@unchecked Sendable`: written in `init`, only read afterwards).
    public static let shared = ExponentialZiggurat()

    /// Acceptance bounds: a layer's word `w` is accepted outright when `w < k[layer]`.
    @usableFromInline let k: UnsafeMutablePointer<UInt64>
    /// Layer widths divided by 2⁵³: a word `w` of `layer` stands for `x = w · width[layer]`.
    @usableFromInline let width: UnsafeMutablePointer<Double>
    /// The density `e^(−x)` at each layer's right edge.
    @usableFromInline let density: UnsafeMutablePointer<Double>
    /// Where the base layer's rectangle ends and the tail begins.
    @usableFromInline static let tailStart = 7.697117470131487

    private init() {
        k = .allocate(capacity: 256)
        width = .allocate(capacity: 256)
        density = .allocate(capacity: 256)
        let scale = 0x1p53
        let area = 3.949659822581572e-3  // of each layer (Marsaglia & Tsang's v for 256 layers)
        var x = Self.tailStart
        var previous = x
        let baseWidth = area / exp(-x)
        k[0] = UInt64((x / baseWidth) * scale)
        k[1] = 0
        width[0] = baseWidth / scale
        width[255] = x / scale
        density[0] = 1
        density[255] = exp(-x)
        for i in stride(from: 254, through: 1, by: -1) {
            x = -log(area / x + exp(-x))
            k[i + 1] = UInt64((x / previous) * scale)
            previous = x
            density[i] = exp(-x)
            width[i] = x / scale
        }
    }

    /// A unit exponential variate from the 64-bit words of `state`.
    @inlinable @inline(__always)
    public func sample(_ state: inout PhiloxState) -> Double {
        sample(startingWith: state.next64(), &state)
    }

    /// A unit exponential variate whose first word, `word`, has already been drawn from `state`.
    @inlinable @inline(__always)
    public func sample(startingWith word: UInt64, _ state: inout PhiloxState) -> Double {
        var word = word
        while true {
            let bits = word >> 3
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            let w = bits >> 8
            let x = Double(w) * width[layer]
            if w < k[layer] { return x }
            if let x = edge(layer: layer, x: x, state: &state) { return x }
            word = state.next64()
        }
    }

    /// The rare case: the tail beyond the base layer, or the wedge test under the density.
    @usableFromInline
    func edge(layer: Int, x: Double, state: inout PhiloxState) -> Double? {
        if layer == 0 { return Self.tailStart - log(1.0 - state.nextDouble()) }  // memoryless tail
        let y = density[layer] + state.nextDouble() * (density[layer - 1] - density[layer])
        return y < exp(-x) ? x : nil
    }
}
