public import Foundation

/// A self-contained HTML report (inline SVG, no scripts, no network) and a Markdown summary of one
/// or more result folders, runs and comparisons alike.
public struct Report: Sendable {
    public let html: String
    public let markdown: String

    /// Builds the report of `inputs`, in order.
    /// - Throws: `ReportError` when a folder is not a readable CreditSim result folder.
    public init(_ inputs: [ReportInput]) throws(ReportError) {
        var sections: [String] = []
        var markdown: [String] = []
        var figures = 0
        var titles: [String] = []
        for input in inputs {
            if input.isSweep {
                let report = try SweepReport(input)
                let part = report.html(figureOffset: figures)
                sections.append(part.html)
                figures += part.figures
                markdown.append("## Sweep: \(report.manifest.plan)\n\n\(report.introduction())\n")
                titles.append("sweep \(report.manifest.plan)")
            } else if input.isComparison {
                let report = try ComparisonReport(input)
                let part = try report.html(figureOffset: figures)
                sections.append(part.html)
                figures += part.figures
                markdown.append(report.markdown())
                titles.append(report.labels.joined(separator: " vs "))
            } else {
                let report = try RunReport(input)
                let part = try report.html(figureOffset: figures)
                sections.append(part.html)
                figures += part.figures
                markdown.append(report.markdown())
                titles.append(report.scenario.meta.name)
            }
        }
        let title = "CreditSim report: " + titles.joined(separator: "; ")
        html = HTML.page(
            title: title,
            body: "<h1>\(HTML.escape(title))</h1><p class=\"note\">Made by CreditSim from the result folders "
                + inputs.map { "<code>\(HTML.escape($0.name))</code>" }.joined(separator: ", ")
                + ". Numbers labelled illustrative in the scenario files are not measurements.</p>"
                + sections.joined())
        self.markdown = "# \(title)\n\n" + markdown.joined(separator: "\n")
    }
}

extension Report {
    /// The HTML of one run's report section: what the web explorer shows after a run.
    ///
    /// The section has the key numbers, figures and tables, without a page around it. `files` are
    /// a result folder's files.
    public static func runSection(
        name: String, files: [(name: String, data: Data)], baseline: [(name: String, data: Data)]? = nil
    ) throws(ReportError) -> String {
        var report = try RunReport(ReportInput(name: name, files: files))
        report.baseline = baseline.map { ReportInput(name: name + " (unedited)", files: $0) }
        return try report.html(figureOffset: 0).html
    }

    /// The stylesheet of report pages, for pages that embed report sections.
    public static let stylesheet = HTML.css
}
