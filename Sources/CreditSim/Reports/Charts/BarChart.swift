/// Grouped horizontal bars (categories down, one bar per series), with optional interval whiskers.
struct BarChart {
    var frame: ChartFrame
    var categories: [String]
    /// Series (name, value per category, optional (lower, upper) per category).
    var series: [(name: String, values: [Double], intervals: [(Double, Double)]?)]
    var format: (Double) -> String = { String($0) }

    /// Bar colours: the categorical palette without black, so the black whiskers stand out on
    /// every bar (each also has a white halo).
    static let colours = Array(Palette.categorical.dropFirst())

    /// A category label wrapped at spaces into lines of at most 44 characters, at most three
    /// (the third cut with "…" when the label is longer).
    static func lines(_ label: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > 44 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        if lines.count > 3 { lines = Array(lines.prefix(3)) + [""] }
        return lines.enumerated().compactMap { k, text in
            if k == 3 { return nil }
            let cut = k == 2 && lines.count > 3
            return text.count > 44 || cut ? String(text.prefix(43)) + "…" : text
        }
    }

    func svg() -> String {
        var frame = frame
        let labels = categories.map(Self.lines)
        frame.left = 16 + 6.6 * Double(labels.flatMap { $0 }.map(\.count).max() ?? 10)
        frame.right = 36
        let barHeight = 14.0
        let groupHeight = max(
            barHeight * Double(series.count) + 8, 12 * Double(labels.map(\.count).max() ?? 1) + 6)
        frame.legend =
            series.count > 1
            ? series.enumerated().map { i, s in
                .init(
                    label: s.name, colour: Self.colours[i % Self.colours.count], dash: nil,
                    filled: true)
            } : []
        frame.height = frame.top + groupHeight * Double(categories.count) + frame.bottom + frame.legendHeight
        let values = series.flatMap { s in s.values + (s.intervals ?? []).flatMap { [$0.0, $0.1] } }.filter(
            \.isFinite)
        let scale = NiceScale(minimum: min(0, values.min() ?? 0), maximum: max(0, values.max() ?? 1))
        let px = { (v: Double) in scale.position(v, from: frame.plotLeft, to: frame.plotRight) }
        var marks = ""
        var axes = ""
        for tick in scale.ticks {
            let x = px(tick)
            axes +=
                "<line class=\"grid\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.plotTop))\" y2=\"\(f(frame.plotBottom))\"/>"
            axes +=
                "<text class=\"tick\" x=\"\(f(x))\" y=\"\(f(frame.plotBottom + 17))\" text-anchor=\"middle\">\(HTML.escape(format(tick)))</text>"
        }
        axes +=
            "<line class=\"axis\" x1=\"\(f(px(0)))\" x2=\"\(f(px(0)))\" y1=\"\(f(frame.plotTop))\" y2=\"\(f(frame.plotBottom))\"/>"
        axes +=
            "<text class=\"axis-label\" x=\"\(f((frame.plotLeft + frame.plotRight) / 2))\" y=\"\(f(frame.plotBottom + 36))\" text-anchor=\"middle\">\(HTML.escape(frame.xLabel))</text>"
        for (c, category) in labels.enumerated() {
            let y0 = frame.plotTop + Double(c) * groupHeight + 4
            for (k, line) in category.enumerated() {
                let y = y0 + groupHeight / 2 + 12 * (Double(k) - Double(category.count - 1) / 2)
                axes +=
                    "<text class=\"tick\" x=\"\(f(frame.plotLeft - 6))\" y=\"\(f(y))\" text-anchor=\"end\">\(HTML.escape(line))</text>"
            }
            for (s, entry) in series.enumerated() {
                let v = entry.values[c]
                guard v.isFinite else { continue }
                let y = y0 + Double(s) * barHeight
                let x1 = px(min(0, v))
                let x2 = px(max(0, v))
                marks +=
                    "<rect x=\"\(f(x1))\" y=\"\(f(y))\" width=\"\(f(max(0.5, x2 - x1)))\" height=\"\(f(barHeight - 2))\" fill=\"\(Self.colours[s % Self.colours.count])\"><title>\(HTML.escape("\(categories[c]), \(entry.name): \(format(v))"))</title></rect>"
                if let interval = entry.intervals?[c], interval.0.isFinite, interval.1.isFinite {
                    let mid = y + (barHeight - 2) / 2
                    let d =
                        "M\(f(px(interval.0))) \(f(mid))H\(f(px(interval.1)))M\(f(px(interval.0))) \(f(mid - 4))V\(f(mid + 4))M\(f(px(interval.1))) \(f(mid - 4))V\(f(mid + 4))"
                    marks += "<path class=\"whisker-halo\" d=\"\(d)\"/><path class=\"whisker\" d=\"\(d)\"/>"
                }
            }
        }
        return frame.svg(marks, axes: axes)
    }
}
