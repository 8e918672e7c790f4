import ArgumentParser
import CreditSim
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (and a Markdown summary) of result folders.",
        discussion: """
            Works on run and comparison folders alike; several folders make one report. The HTML has \
            inline SVG charts, no scripts and no network access, prints on A4 or Letter, and every chart \
            has a caption and a table of its data. The Markdown summary goes beside it (same name, .md).
            """)

    @Argument(help: "Result folders (from `creditsim run` or `creditsim compare`).", completion: .directory)
    var folders: [String]

    @Option(name: .shortAndLong, help: "The HTML file to write (must not exist).")
    var output: String = "report.html"

    func run() throws {
        let inputs: [ReportInput]
        let report: Report
        do {
            inputs = try folders.map { folder throws(ReportError) in try ReportInput(folder: folder) }
            report = try Report(inputs)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let markdownPath = (output as NSString).deletingPathExtension + ".md"
        for path in [output, markdownPath] where FileManager.default.fileExists(atPath: path) {
            printError("\(path): error: already exists; reports are never overwritten")
            throw ExitCode(1)
        }
        do {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: output), options: .withoutOverwriting)
            try Data(report.markdown.utf8).write(
                to: URL(fileURLWithPath: markdownPath), options: .withoutOverwriting)
        } catch {
            printError("\(output): error: cannot write the report (\(error.localizedDescription))")
            throw ExitCode(1)
        }
        print("Report written to \(output) (\(report.html.utf8.count / 1024) KiB) and \(markdownPath)")
    }
}
