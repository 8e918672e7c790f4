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
        if names.contains("sweep.json") && !names.contains("results.csv") {
            throw .unfinishedSweep(folder: folder)
        }
        guard names.contains("manifest.json") else {
            throw .notAResultFolder(folder: folder)
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

    /// Whether the folder holds a finished (or merged) sweep.
    public var isSweep: Bool { files["sweep.json"] != nil }

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
    func table(_ table: ResultTable, _ columns: [String], group: String? = nil) throws(ReportError)
        -> [[String]]
    {
        precondition(
            columns.allSatisfy(table.columns.contains), "reading a column \(table.file) does not have")
        return try rows(of: table.file, columns, group: group)
    }

    /// The named columns of every row of CSV file `name` (see `table`).
    func rows(of name: String, _ columns: [String], group: String? = nil) throws(ReportError) -> [[String]] {
        guard var text = text(name) else { throw .missingFile(folder: self.name, file: name) }
        let headerLine = text.prefix { $0 != "\n" }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var indices: [Int] = []
        for column in columns {
            guard let i = header.firstIndex(of: column) else {
                throw .missingColumn(
                    folder: self.name, file: name, column: column, header: String(headerLine))
            }
            indices.append(i)
        }
        if let group {
            guard let at = header.firstIndex(of: "group") else {
                throw .missingColumn(
                    folder: self.name, file: name, column: "group", header: String(headerLine))
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            text =
                ([lines.first ?? ""] + lines.dropFirst().filter { Self.field(at, of: $0, is: group) })
                .joined(separator: "\n") + "\n"
        }
        // Rows as written: SwiftCSV's `rows` pads short rows to the widest, which would hide them.
        var rows: [[String]] = []
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rows.append($0) }
        } catch {
            throw .unreadable(folder: self.name, file: name, reason: "\(error)")
        }
        var out: [[String]] = []
        out.reserveCapacity(rows.count)
        for (n, row) in rows.enumerated() {
            guard row.count == header.count else {
                throw .rowWidth(
                    folder: self.name, file: name, row: n + 1, fields: row.count, header: header.count)
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
        guard let data = files[name] else { throw .missingFile(folder: self.name, file: name) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw .unreadable(folder: self.name, file: name, reason: "\(error)")
        }
    }
}

/// A report that could not be made, naming the folder and file at fault.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The folder holds a sweep that has not finished (no `results.csv` yet).
    case unfinishedSweep(folder: String)
    /// The folder has no `manifest.json`.
    case notAResultFolder(folder: String)
    /// A file the report needs is not in the folder.
    case missingFile(folder: String, file: String)
    /// A table lacks a column the report reads.
    case missingColumn(folder: String, file: String, column: String, header: String)
    /// A data row's width differs from its header's.
    case rowWidth(folder: String, file: String, row: Int, fields: Int, header: Int)
    /// A file cannot be parsed, or a field holds no value of the expected kind.
    case unreadable(folder: String, file: String, reason: String)

    public var description: String {
        switch self {
        case .unfinishedSweep(let folder):
            "\(folder): error: this sweep has not finished (no results.csv yet); run the same `creditsim sweep` "
                + "command again to finish it (finished runs are kept), or `creditsim merge` for shards"
        case .notAResultFolder(let folder):
            "\(folder): error: not a CreditSim result folder (no manifest.json)"
        case .missingFile(let folder, let file):
            "\(folder)/\(file): error: missing"
        case .missingColumn(let folder, let file, let column, let header):
            "\(folder)/\(file): error: no column '\(column)' (the header is \(header))"
        case .rowWidth(let folder, let file, let row, let fields, let header):
            "\(folder)/\(file): error: data row \(row) has \(fields) fields, the header \(header)"
        case .unreadable(let folder, let file, let reason):
            "\(folder)/\(file): error: unreadable: \(reason)"
        }
    }
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
