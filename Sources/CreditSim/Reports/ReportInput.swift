public import Foundation
internal import SwiftCSV

/// The files of a result folder, read back for a report.
public struct ReportInput: Sendable {
    /// The folder as the user named it (shown in the report).
    public let name: String
    let files: [String: Data]

    /// A report input from files in memory (as `run --report` has them before writing).
    public init(name: String, files: [(name: String, data: Data)]) {
        self.name = name
        self.files = Dictionary(files.map { ($0.name, $0.data) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads a result folder.
    /// - Throws: `ReportError` when it is not a CreditSim result folder.
    public init(folder: String) throws(ReportError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if names.contains("sweep.json") {
            throw ReportError(
                "\(folder): error: this is a sweep folder, not a run; its tables are results.csv and results.sqlite, "
                    + "and `creditsim sensitivity PLAN` writes its report (sensitivity.html)")
        }
        guard names.contains("manifest.json") else {
            throw ReportError("\(folder): error: not a CreditSim result folder (no manifest.json)")
        }
        var files: [(String, Data)] = []
        for name in names where name.hasSuffix(".csv") || name.hasSuffix(".json") || name.hasSuffix(".yaml") {
            if let data = FileManager.default.contents(
                atPath: (folder as NSString).appendingPathComponent(name))
            {
                files.append((name, data))
            }
        }
        self.init(name: folder, files: files)
    }

    /// Whether the folder holds a comparison rather than a single run.
    public var isComparison: Bool { files["differences.csv"] != nil }

    func text(_ name: String) -> String? { files[name].map { String(decoding: $0, as: UTF8.self) } }

    /// The named columns of every row of a CSV file, in the order asked for, through SwiftCSV.
    ///
    /// Columns are found by their header names, so a reordered file reads the same and a missing
    /// column is an error naming the file and the column; a row whose width differs from the
    /// header's is an error too (nothing is skipped silently).
    ///
    /// With `group`, only lines whose `group` column (the third, in the daily tables) is `group`
    /// are parsed: a cheap prefilter, since the per-group rows of the daily tables are most of their
    /// bytes and the report reads only the `all` rows.
    func table(_ name: String, _ columns: [String], group: String? = nil) throws(ReportError) -> [[String]] {
        guard var text = text(name) else { throw ReportError("\(self.name)/\(name): error: missing") }
        let headerLine = text.prefix { $0 != "\n" }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var indices: [Int] = []
        for column in columns {
            guard let i = header.firstIndex(of: column) else {
                throw ReportError(
                    "\(self.name)/\(name): error: no column '\(column)' (the header is \(headerLine))")
            }
            indices.append(i)
        }
        if let group {
            guard let at = header.firstIndex(of: "group") else {
                throw ReportError(
                    "\(self.name)/\(name): error: no column 'group' (the header is \(headerLine))")
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            text =
                ([lines.first ?? ""] + lines.dropFirst().filter { Self.field(at, of: $0, is: group) })
                .joined(separator: "\n") + "\n"
        }
        let rows: [[String]]
        do {
            rows = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false).rows
        } catch {
            throw ReportError("\(self.name)/\(name): error: unreadable CSV (\(error))")
        }
        var out: [[String]] = []
        out.reserveCapacity(rows.count)
        for (n, row) in rows.enumerated() {
            guard row.count == header.count else {
                throw ReportError(
                    "\(self.name)/\(name): error: data row \(n + 1) has \(row.count) fields, the header \(header.count)"
                        + (group.map { " (rows of group \($0))" } ?? ""))
            }
            out.append(indices.map { row[$0] })
        }
        return out
    }

    /// Whether comma-separated field `index` of `line` is `value` (for unquoted fields up to it).
    private static func field(_ index: Int, of line: Substring, is value: String) -> Bool {
        var commas = 0
        var field: [UInt8] = []
        for byte in line.utf8 {
            if byte == UInt8(ascii: ",") {
                commas += 1
                if commas > index { break }
            } else if commas == index {
                field.append(byte)
            }
        }
        return field.elementsEqual(value.utf8)
    }

    func json<T: Decodable>(_ type: T.Type, _ name: String) throws(ReportError) -> T {
        guard let data = files[name] else { throw ReportError("\(self.name)/\(name): error: missing") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw ReportError("\(self.name)/\(name): error: unreadable (\(error))")
        }
    }
}

/// A report that could not be made.
public struct ReportError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The parts of a manifest a report shows.
struct ReportManifest: Decodable {
    let version: String
    let command: [String]
    let inputs: [Input]
    let startedAt: String
    let peakMemoryBytes: Int
    // Run manifests
    let seed: UInt64?
    let generator: String?
    let population: Int?
    let threads: Int?
    let resolvedScenario: ResolvedScenario?
    // Comparison manifests
    let scenarios: [String]?
    let seeds: [UInt64]?
    let replicates: Int?
    let resolvedScenarios: [ResolvedScenario]?

    struct Input: Decodable {
        let path: String
        let sha256: String
    }
}

/// The parts of a resolved scenario a report shows.
struct ResolvedScenario: Decodable {
    struct Meta: Decodable {
        let name: String
        let title: String
        let description: String
    }
    struct Run: Decodable {
        let start: SimDate
        let days: Int
    }
    struct Behaviour: Decodable {
        let id: String
        let name: String
        let category: String
        let unlawful: String
    }
    struct Grade: Decodable { let id: String }
    struct Rule: Decodable {
        let behaviour: String
        let points: Int
    }
    struct Rulebook: Decodable {
        let id: String
        let effective: SimDate
        let rules: [Rule]
    }
    struct Scheme: Decodable {
        let grades: [Grade]
        let rulebooks: [Rulebook]
    }
    struct Enrolment: Decodable {
        let mode: String
        let from: SimDate?
    }
    struct Measure: Decodable {
        let id: String
        let kind: String
        let description: String
    }
    struct Consequences: Decodable { let measures: [Measure] }
    struct Population: Decodable { let size: Int }

    let meta: Meta
    let run: Run
    let population: Population
    let behaviours: [Behaviour]
    let scheme: Scheme
    let enrolment: Enrolment
    let consequences: Consequences
}
