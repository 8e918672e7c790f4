/// The common frame of every chart: size, plot area, axes with ticks and labels, legend, title.
///
/// The charts draw their marks inside it; `svg` assembles an accessible inline SVG.
struct ChartFrame {
    var title: String
    var description: String
    var xLabel: String
    var yLabel: String
    var width = 720.0
    var height = 320.0
    var left = 64.0
    var right = 16.0
    var top = 16.0
    var bottom = 52.0
    var legend: [LegendEntry] = []
    /// Legend entries per row.
    var legendColumns = 4

    /// A legend line: a swatch (filled box) or a line sample.
    struct LegendEntry {
        let label: String
        let colour: String
        let dash: String?
        let filled: Bool
    }

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom - legendHeight }
    var legendHeight: Double { legend.isEmpty ? 0 : 22 * Double((legend.count + columns - 1) / columns) }

    /// Legend entries per row: `legendColumns`, fewer when the longest label would not fit.
    var columns: Int {
        let longest = Double(legend.map(\.label.count).max() ?? 0)
        return max(1, min(legendColumns, Int((width - left - right) / (longest * 6.6 + 34))))
    }

    /// Vertical axis with grid lines.
    func yAxis(_ scale: NiceScale, format: (Double) -> String) -> String {
        var out = ""
        for tick in scale.ticks {
            let y = scale.position(tick, from: plotBottom, to: plotTop)
            out +=
                "<line class=\"grid\" x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>"
            out +=
                "<text class=\"tick\" x=\"\(f(plotLeft - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(HTML.escape(format(tick)))</text>"
        }
        let mid = (plotTop + plotBottom) / 2
        out +=
            "<text class=\"axis-label\" transform=\"translate(14 \(f(mid))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(yLabel))</text>"
        return out
    }

    /// Horizontal axis with ticks at `ticks` (value, label).
    func xAxis(_ ticks: [(position: Double, label: String)]) -> String {
        var out =
            "<line class=\"axis\" x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"\(f(plotBottom))\" y2=\"\(f(plotBottom))\"/>"
        for tick in ticks {
            out +=
                "<line class=\"axis\" x1=\"\(f(tick.position))\" x2=\"\(f(tick.position))\" y1=\"\(f(plotBottom))\" y2=\"\(f(plotBottom + 4))\"/>"
            out +=
                "<text class=\"tick\" x=\"\(f(tick.position))\" y=\"\(f(plotBottom + 17))\" text-anchor=\"middle\">\(HTML.escape(tick.label))</text>"
        }
        out +=
            "<text class=\"axis-label\" x=\"\(f((plotLeft + plotRight) / 2))\" y=\"\(f(plotBottom + 36))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        return out
    }

    func legendSVG() -> String {
        var out = ""
        let columnWidth = (width - left - right) / Double(columns)
        for (i, entry) in legend.enumerated() {
            let x = left + Double(i % columns) * columnWidth
            let y = height - legendHeight + 6 + 22 * Double(i / columns)
            if entry.filled {
                out +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"14\" height=\"12\" fill=\"\(entry.colour)\" stroke=\"#333\" stroke-width=\"0.5\"/>"
            } else {
                let dash = entry.dash.map { $0.isEmpty ? "" : " stroke-dasharray=\"\($0)\"" } ?? ""
                out +=
                    "<line x1=\"\(f(x))\" x2=\"\(f(x + 18))\" y1=\"\(f(y + 6))\" y2=\"\(f(y + 6))\" stroke=\"\(entry.colour)\" stroke-width=\"2.5\"\(dash)/>"
            }
            out +=
                "<text class=\"legend\" x=\"\(f(x + 22))\" y=\"\(f(y + 10))\">\(HTML.escape(entry.label))</text>"
        }
        return out
    }

    /// The whole SVG around `marks` (drawn in plot coordinates).
    func svg(_ marks: String, axes: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
            + "class=\"chart\"><title>\(HTML.escape(title))</title><desc>\(HTML.escape(description))</desc>"
            + axes + marks + legendSVG() + "</svg>"
    }
}

/// A coordinate with two decimals, for compact SVG.
func f(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
}
