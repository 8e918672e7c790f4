internal import Foundation

/// Numbers as a reader sees them in reports, summaries and the console: plain decimals (never
/// scientific notation), thousands grouped with commas, shares as percentages.
///
/// Written by hand: Foundation's `NumberFormatter` on Linux switches to scientific notation for
/// small significant-digit values and depends on the host's locale.
public enum NumberText {
    /// `x` with `digits` significant digits in plain decimals (`0.0000622`, not `6.22e-05`;
    /// `42.0`, not `42`); numbers with more whole digits than `digits` are whole and grouped, not
    /// rounded further (`1,012`).
    public static func significant(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "∞" : "−∞") }
        guard x != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(x))))
        let decimals = max(0, min(15, digits - 1 - magnitude))
        return fixed(x, decimals: decimals)
    }

    /// `x` rounded to `digits` significant digits, whole numbers included (`40,178` → `40,200`),
    /// for approximate counts.
    public static func approximately(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite, x != 0 else { return significant(x, digits: digits) }
        let magnitude = Int(floor(log10(abs(x))))
        guard magnitude >= digits else { return significant(x, digits: digits) }
        let unit = pow(10, Double(magnitude - digits + 1))
        return fixed((x / unit).rounded() * unit, decimals: 0)
    }

    /// `x` with exactly `decimals` decimals (or fewer, trailing zeros dropped, when `trimming`),
    /// thousands grouped; `-0` prints as `0`.
    public static func fixed(_ x: Double, decimals: Int, trimming: Bool = false) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "∞" : "−∞") }
        var text = String(format: "%.\(max(0, decimals))f", abs(x))
        if trimming && text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = group(String(parts[0]))
        let body = parts.count > 1 ? "\(whole).\(parts[1])" : whole
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return x < 0 && !isZero ? "-" + body : body
    }

    /// A whole number with its thousands grouped: `1,140,000,000`.
    public static func grouped(_ x: Int64) -> String {
        (x < 0 ? "-" : "") + group(String(x.magnitude))
    }

    /// A share (0.927) as a percentage with one decimal: `92.7 %`.
    public static func percent(_ share: Double, decimals: Int = 1) -> String {
        share.isFinite ? fixed(share * 100, decimals: decimals) + " %" : "–"
    }

    private static func group(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
