/// HTML building blocks of the reports: escaping, figures with their table alternative, the page.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// How a table's cells after the first are aligned: numbers right, text left.
    enum Alignment {
        case numbers
        case left
    }

    /// A table: header row and body rows (cells already formatted as text).
    static func table(
        _ header: [String], _ rows: [[String]], highlight: (Int) -> Bool = { _ in false },
        align: Alignment = .numbers
    ) -> String {
        var out =
            (align == .left ? "<table class=\"text\">" : "<table>") + "<thead><tr>"
            + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (i, row) in rows.enumerated() {
            out += highlight(i) ? "<tr class=\"hit\">" : "<tr>"
            out += row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// A borderless two-column table of labels and values, for report headers.
    static func metaTable(_ rows: [[String]]) -> String {
        "<table class=\"meta\"><tbody>"
            + rows.map { "<tr><td>\(escape($0[0]))</td><td>\(escape($0[1]))</td></tr>" }.joined()
            + "</tbody></table>"
    }

    /// Small multiples: titled panels side by side (`columns` per row on wide pages), sharing the
    /// figure's caption and table.
    static func panels(_ panels: [(title: String, svg: String)], columns: Int = 2) -> String {
        "<div class=\"panels c\(columns)\">"
            + panels.map { "<div class=\"panel\"><h4>\(escape($0.title))</h4>\($0.svg)</div>" }.joined()
            + "</div>"
    }

    /// A numbered figure: title, the chart, a caption, and the data as a table (folded on screen,
    /// omitted in print).
    static func figure(number: Int, title: String, svg: String, caption: String, table: String) -> String {
        "<figure id=\"figure-\(number)\"><h3>Figure \(number). \(escape(title))</h3>\(svg)"
            + "<figcaption>Figure \(number). \(escape(caption))</figcaption>"
            + "<details><summary>Data of figure \(number) as a table</summary>\(table)</details></figure>"
    }

    /// The complete page around `body`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style></head>
        <body><main>\(body)</main></body></html>

        """
    }

    static let css = """
        :root{color-scheme:light}
        body{font-family:"DejaVu Sans","Helvetica Neue",Arial,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;margin:0;background:#fff;line-height:1.45}
        main{max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid #ccc}
        h3{font-size:1rem;margin:0 0 .4rem}
        .meta{font-size:.85rem;color:#444;border:none}.meta td{padding:.1rem .6rem .1rem 0;vertical-align:top;text-align:left;border:none;white-space:nowrap}.meta td+td{white-space:normal;word-break:break-all}
        code,pre{font-family:"DejaVu Sans Mono",Menlo,monospace;font-size:.8rem}
        pre{background:#f5f5f5;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        figure{margin:1.2rem 0 1.8rem;padding:0;break-inside:avoid;page-break-inside:avoid}
        figcaption{font-size:.85rem;color:#333;margin-top:.2rem}
        svg.chart{width:100%;height:auto;display:block}
        svg .grid{stroke:#e0e0e0;stroke-width:1}svg .axis{stroke:#333;stroke-width:1}
        svg .tick,svg .legend{font-size:11px;fill:#222}svg .axis-label{font-size:12px;fill:#111}
        svg .marker{stroke:#888;stroke-width:1.2;stroke-dasharray:1 3}svg .marker-label,svg .bar-label{font-size:10px;fill:#111}
        svg .whisker-halo{stroke:#fff;stroke-width:4;fill:none}svg .whisker{stroke:#111;stroke-width:1.4;fill:none}
        .lede{font-size:1rem}.summary{background:#f6f8fa;border-left:4px solid #0072b2;padding:.4rem 1rem .6rem;margin:1rem 0}
        .summary h3{margin:.3rem 0}.summary ul{margin:.3rem 0;padding-left:1.2rem}.summary li{margin:.25rem 0}
        .panels{display:grid;gap:.4rem 1rem}.panels.c2{grid-template-columns:1fr 1fr}.panels.c3{grid-template-columns:1fr 1fr 1fr}.panels.c1{grid-template-columns:1fr}
        .panel{break-inside:avoid}.panel h4{font-size:.85rem;margin:.2rem 0}
        table.text td,table.text th{text-align:left}table.text tr.hit td{font-weight:normal}
        table{border-collapse:collapse;font-size:.8rem;margin:.4rem 0}
        th,td{border:1px solid #ccc;padding:.15rem .4rem;text-align:right}th{background:#f0f0f0}
        td:first-child,th:first-child{text-align:left}
        tr.hit td{background:#fff3c4;font-weight:600}
        details summary{cursor:pointer;font-size:.8rem;color:#0b5394}
        .note{font-size:.85rem;color:#444}
        @page{size:A4;margin:14mm}
        @media print{main{max-width:none;padding:0}details{display:none}h2{break-after:avoid}
        figure{break-inside:avoid}table{break-inside:auto}tr{break-inside:avoid}.summary{break-inside:avoid}}
        """
}

/// The figures of a report section, numbered on from the figures before it.
struct FigureList {
    let offset: Int
    private(set) var html: [String] = []

    var count: Int { html.count }

    mutating func add(_ title: String, _ svg: String, _ caption: String, _ table: String) {
        html.append(
            HTML.figure(
                number: offset + html.count + 1, title: title, svg: svg, caption: caption, table: table))
    }
}
