internal import Foundation

/// A linear axis scale whose ticks fall on "nice" numbers (1, 2, 5 × 10ⁿ), after Heckbert,
/// "Nice numbers for graph labels", Graphics Gems (1990).
///
/// Written by hand: no mirrored Swift package draws charts on Linux.
public struct NiceScale: Equatable, Sendable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// A scale covering `[minimum, maximum]` with about `ticks` ticks.
    public init(minimum: Double, maximum: Double, ticks: Int = 6) {
        var lo = minimum
        var hi = maximum
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        if hi < lo { swap(&lo, &hi) }
        if hi == lo { (lo, hi) = lo == 0 ? (0, 1) : (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1) }
        let range = NiceScale.niceNumber(hi - lo, round: false)
        step = NiceScale.niceNumber(range / Double(max(1, ticks - 1)), round: true)
        lower = (lo / step).rounded(.down) * step
        upper = (hi / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper`.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { lower + Double($0) * step }
    }

    /// The position of `value` on an axis running from `start` (at `lower`) to `end` (at `upper`).
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// A tick label with no more decimals than the step needs.
    public func label(_ value: Double) -> String {
        let decimals = max(0, -Int((log10(step)).rounded(.down)))
        let text = String(format: "%.\(decimals)f", value)
        return text == "-0" ? "0" : text
    }

    /// The nice number near `x`: 1, 2, 5 or 10 times a power of ten, rounded or taken as a ceiling.
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        let exponent = (log10(x)).rounded(.down)
        let fraction = x / pow(10, exponent)
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * pow(10, exponent)
    }
}
