/// Lines (or steps) of values against days or numbers, with optional vertical markers.
struct LineChart {
    struct Series {
        let name: String
        let points: [(x: Double, y: Double)]
        /// An optional band drawn under the line.
        ///
        /// For example a 95 % interval across replicates.
        var band: [(x: Double, lower: Double, upper: Double)] = []
        /// Drawn thin, dashed and grey behind the others (another run, for comparison).
        var ghost = false
        /// Drawn as dots, not joined (a scatter of design points).
        var dots = false
    }

    var frame: ChartFrame
    var series: [Series]
    /// Vertical dashed markers: (x, label).
    ///
    /// For example overhaul dates.
    var markers: [(x: Double, label: String)] = []
    /// Draw steps (holding each value until the next x) rather than straight segments.
    var step = false
    /// The run's first day, when x is a day index (ticks become dates).
    var start: SimDate?
    var yFormat: (Double) -> String = { String($0) }
    var xFormat: ((Double) -> String)?
    var yMinimum: Double?
    /// Colours and dash patterns per series, instead of `Palette.line`.
    var styles: [(colour: String, dash: String)]?

    /// The colour of ghost series.
    static let ghostColour = "#777777"

    private func style(_ i: Int) -> (colour: String, dash: String) {
        styles.map { $0[i % $0.count] } ?? Palette.line(i)
    }

    func svg() -> String {
        var frame = frame
        frame.legend =
            !series.isEmpty
            ? series.enumerated().map { i, s in
                let style = self.style(i)
                return s.ghost
                    ? .init(label: s.name, colour: Self.ghostColour, dash: "4 3", filled: false)
                    : .init(
                        label: s.name, colour: style.colour, dash: s.dots ? nil : style.dash, filled: s.dots)
            } : []
        let xs = series.flatMap { $0.points.map(\.x) } + markers.map(\.x)
        let ys = series.flatMap { $0.points.map(\.y) + $0.band.flatMap { [$0.lower, $0.upper] } }.filter(
            \.isFinite)
        let xLow = xs.min() ?? 0
        let xHigh = xs.max() ?? 1
        let yScale = NiceScale(
            minimum: yMinimum.map { min($0, ys.min() ?? 0) } ?? (ys.min() ?? 0), maximum: ys.max() ?? 1)
        let xScale = NiceScale(minimum: xLow, maximum: xHigh)
        let px = { (x: Double) in
            start != nil
                ? frame.plotLeft + (x - xLow) / max(1, xHigh - xLow) * (frame.plotRight - frame.plotLeft)
                : xScale.position(x, from: frame.plotLeft, to: frame.plotRight)
        }
        let py = { (y: Double) in yScale.position(y, from: frame.plotBottom, to: frame.plotTop) }
        var marks = ""
        for (i, s) in series.enumerated() where !s.band.isEmpty {
            let band = s.band.filter { $0.lower.isFinite && $0.upper.isFinite }
            guard let firstPoint = band.first else { continue }
            var path = "M\(f(px(firstPoint.x))) \(f(py(firstPoint.upper)))"
            for b in band.dropFirst() { path += "L\(f(px(b.x))) \(f(py(b.upper)))" }
            for b in band.reversed() { path += "L\(f(px(b.x))) \(f(py(b.lower)))" }
            marks +=
                "<path d=\"\(path)Z\" fill=\"\(style(i).colour)\" fill-opacity=\"0.3\" stroke=\"none\"/>"
        }
        // Ghosts first, so the run's own lines are drawn over them.
        for (i, s) in series.enumerated().sorted(by: {
            ($0.element.ghost ? 0 : 1) < ($1.element.ghost ? 0 : 1)
        }) {
            let style = s.ghost ? (colour: Self.ghostColour, dash: "4 3") : self.style(i)
            if s.dots {
                for p in s.points where p.y.isFinite {
                    marks +=
                        "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"2.5\" fill=\"\(style.colour)\" fill-opacity=\"0.6\"/>"
                }
                continue
            }
            var path = ""
            for (k, p) in s.points.enumerated() where p.y.isFinite {
                if k == 0 {
                    path += "M\(f(px(p.x))) \(f(py(p.y)))"
                } else if step {
                    path += "H\(f(px(p.x)))V\(f(py(p.y)))"
                } else {
                    path += "L\(f(px(p.x))) \(f(py(p.y)))"
                }
            }
            let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
            marks +=
                "<path d=\"\(path)\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"\(s.ghost ? "1.5" : "2")\"\(dash)/>"
        }
        for m in markers {
            let x = px(m.x)
            marks +=
                "<line class=\"marker\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.plotTop))\" y2=\"\(f(frame.plotBottom))\"/>"
            marks +=
                "<text class=\"marker-label\" x=\"\(f(x + 3))\" y=\"\(f(frame.plotTop + 10))\">\(HTML.escape(m.label))</text>"
        }
        let ticks: [(Double, String)]
        if let start {
            ticks = TimeAxis.ticks(start: start, first: Int(xLow), last: Int(xHigh)).map {
                (px(Double($0.day)), $0.label)
            }
        } else {
            ticks = xScale.ticks.map { (px($0), xFormat?($0) ?? xScale.label($0)) }
        }
        return frame.svg(marks, axes: frame.yAxis(yScale, format: yFormat) + frame.xAxis(ticks))
    }
}
