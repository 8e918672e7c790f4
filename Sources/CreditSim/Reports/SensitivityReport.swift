internal import Foundation

/// The HTML page of a sensitivity analysis: per metric, a tornado chart (parameters sorted by
/// total-order index or μ*, largest on top) with bootstrap intervals, and the table beneath.
public enum SensitivityReport {
    public static func html(_ analysis: SensitivityAnalysis, title: String) -> String {
        var figures = FigureList(offset: 0)
        let metrics = analysis.rows.reduce(into: [String]()) {
            if !$0.contains($1.metric) { $0.append($1.metric) }
        }
        let sobol = analysis.design == "saltelli"
        var constant: [String] = []
        for metric in metrics {
            let rows = analysis.rows.filter { $0.metric == metric }
            if rows.allSatisfy({ $0.estimate.isNaN }) {
                constant.append(metric)
                continue
            }
            let ranking = sobol ? "ST" : "mu_star"
            let parameters = rows.filter { $0.index == ranking }.sorted { $0.estimate > $1.estimate }.map(
                \.parameter)
            let indices = sobol ? ["S1", "ST"] : ["mu_star"]
            let series = indices.map {
                index -> (name: String, values: [Double], intervals: [(Double, Double)]?) in
                let chosen = parameters.map { p in rows.first { $0.parameter == p && $0.index == index } }
                return (
                    index == "mu_star" ? "μ*" : index == "S1" ? "first order (S1)" : "total order (ST)",
                    chosen.map { $0?.estimate ?? .nan }, chosen.map { ($0?.lower ?? .nan, $0?.upper ?? .nan) }
                )
            }
            figures.add(
                "Sensitivity of \(metric)",
                BarChart(
                    frame: ChartFrame(
                        title: "Sensitivity of \(metric)",
                        description: sobol ? "Sobol indices per parameter" : "Morris μ* per parameter",
                        xLabel: sobol
                            ? "Share of the output's variance"
                            : "Mean absolute elementary effect (output units per range)",
                        yLabel: ""),
                    categories: parameters, series: series, format: { String(format: "%.3g", $0) }
                ).svg(),
                sobol
                    ? "Tornado chart: parameters by total-order index, largest first; whiskers are 95 % bootstrap intervals. S1 is the share of variance a parameter explains alone, ST with all its interactions."
                    : "Tornado chart: parameters by μ*, the mean absolute elementary effect over the trajectories, with 95 % bootstrap intervals; σ (in the table) large against μ* means interactions or non-linearity.",
                HTML.table(
                    ["parameter", "index", "estimate", "standard error", "95 % interval"],
                    rows.map {
                        [
                            $0.parameter, $0.index, String(format: "%.4f", $0.estimate),
                            $0.standardError.isNaN ? "–" : String(format: "%.4f", $0.standardError),
                            $0.lower.isNaN ? "–" : String(format: "[%.4f, %.4f]", $0.lower, $0.upper),
                        ]
                    }))
        }
        let method =
            sobol
            ? "Sobol indices: Saltelli (2010) first order, Jansen (1999) total order, on replicate means per design point."
            : "Morris (1991) elementary effects on replicate means per design point."
        var body = "<h1>\(HTML.escape(title))</h1>"
        body +=
            "<p class=\"note\">Plan <code>\(HTML.escape(analysis.plan))</code>, \(analysis.design) design. \(method)</p>"
        if !constant.isEmpty {
            let names = constant.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
            body +=
                "<p class=\"note\">No indices for \(names): the metric takes the same value at every design point.</p>"
        }
        body += "<h2>Figures</h2>" + figures.html.joined()
        return HTML.page(title: title, body: body)
    }
}
