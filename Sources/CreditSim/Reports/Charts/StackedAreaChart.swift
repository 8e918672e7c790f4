/// Shares stacked to 100 % over days, first layer at the bottom.
struct StackedAreaChart {
    var frame: ChartFrame
    /// Day indices of the samples.
    var days: [Int]
    /// Layers (name, colour, share at each sample), bottom first.
    var layers: [(name: String, colour: String, values: [Double])]
    var markers: [(day: Int, label: String)] = []
    var start: SimDate
    /// Another run's layer tops at the same samples (cumulative shares, bottom first), drawn as
    /// dashed lines over the areas: the unedited scheme behind an edit.
    var ghost: (label: String, tops: [[Double]])? = nil

    func svg() -> String {
        var frame = frame
        frame.legend = layers.map { .init(label: $0.name, colour: $0.colour, dash: nil, filled: true) }
        if let ghost {
            frame.legend.append(.init(label: ghost.label, colour: "#000000", dash: "4 3", filled: false))
        }
        let first = Double(days.first ?? 0)
        let last = Double(days.last ?? 1)
        let px = { (d: Double) in
            frame.plotLeft + (d - first) / max(1, last - first) * (frame.plotRight - frame.plotLeft)
        }
        let yScale = NiceScale(minimum: 0, maximum: 1, ticks: 6)
        let py = { (y: Double) in yScale.position(y, from: frame.plotBottom, to: frame.plotTop) }
        var base = [Double](repeating: 0, count: days.count)
        var marks = ""
        for layer in layers {
            let top = zip(base, layer.values).map { $0 + $1 }
            var path = "M\(f(px(Double(days[0])))) \(f(py(top[0])))"
            for (i, d) in days.enumerated().dropFirst() { path += "L\(f(px(Double(d)))) \(f(py(top[i])))" }
            for (i, d) in days.enumerated().reversed() { path += "L\(f(px(Double(d)))) \(f(py(base[i])))" }
            marks += "<path d=\"\(path)Z\" fill=\"\(layer.colour)\" stroke=\"#ffffff\" stroke-width=\"0.4\"/>"
            base = top
        }
        for top in ghost?.tops ?? [] where top.count == days.count {
            var path = ""
            for (i, d) in days.enumerated() {
                path += "\(i == 0 ? "M" : "L")\(f(px(Double(d)))) \(f(py(top[i])))"
            }
            marks +=
                "<path class=\"ghost\" d=\"\(path)\" fill=\"none\" stroke=\"#000000\" stroke-opacity=\"0.6\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
        }
        for m in markers {
            let x = px(Double(m.day))
            marks +=
                "<line class=\"marker\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.plotTop))\" y2=\"\(f(frame.plotBottom))\"/>"
            marks +=
                "<text class=\"marker-label\" x=\"\(f(x + 3))\" y=\"\(f(frame.plotTop + 10))\">\(HTML.escape(m.label))</text>"
        }
        let ticks = TimeAxis.ticks(start: start, first: Int(first), last: Int(last)).map {
            (px(Double($0.day)), $0.label)
        }
        return frame.svg(
            marks, axes: frame.yAxis(yScale) { "\(Int(($0 * 100).rounded())) %" } + frame.xAxis(ticks))
    }
}
