/// Which rules were in force when: one row per rule, one bar per rulebook period, labelled with points.
struct TimelineChart {
    var frame: ChartFrame
    var start: SimDate
    var days: Int
    /// Rows (label, [(first day, end day exclusive, text)]).
    var rows: [(label: String, spans: [(from: Int, to: Int, text: String)])]
    var markers: [(day: Int, label: String)] = []

    func svg() -> String {
        var frame = frame
        frame.left = 16 + 6.6 * Double(rows.map(\.label.count).max() ?? 10)
        let rowHeight = 18.0
        frame.height = frame.top + rowHeight * Double(rows.count) + frame.bottom
        let px = { (d: Int) in
            frame.plotLeft + Double(d) / Double(max(1, days)) * (frame.plotRight - frame.plotLeft)
        }
        var marks = ""
        var axes = ""
        for (r, row) in rows.enumerated() {
            let y = frame.plotTop + Double(r) * rowHeight
            axes +=
                "<text class=\"tick\" x=\"\(f(frame.plotLeft - 6))\" y=\"\(f(y + 12))\" text-anchor=\"end\">\(HTML.escape(row.label))</text>"
            for span in row.spans {
                let negative = span.text.hasPrefix("-") || span.text.hasPrefix("−")
                let fill = negative ? Palette.categorical[2] : Palette.categorical[1]
                marks +=
                    "<rect x=\"\(f(px(span.from)))\" y=\"\(f(y + 2))\" width=\"\(f(px(span.to) - px(span.from)))\" height=\"\(f(rowHeight - 4))\" fill=\"\(fill)\" fill-opacity=\"0.75\"/>"
                marks +=
                    "<text class=\"bar-label\" x=\"\(f(px(span.from) + 4))\" y=\"\(f(y + 13))\">\(HTML.escape(span.text))</text>"
            }
        }
        for m in markers {
            let x = px(m.day)
            marks +=
                "<line class=\"marker\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.plotTop))\" y2=\"\(f(frame.plotBottom))\"/>"
        }
        let ticks = TimeAxis.ticks(start: start, first: 0, last: days - 1).map { (px($0.day), $0.label) }
        return frame.svg(marks, axes: axes + frame.xAxis(ticks))
    }
}
