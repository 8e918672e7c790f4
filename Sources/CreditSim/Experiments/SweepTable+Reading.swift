internal import Foundation
internal import SwiftCSV

extension SweepTable {
    /// The named columns of every data row of the table at `path` (a `results.csv`), in the order
    /// asked for.
    ///
    /// Columns are found by their header names, each of which must appear once; a row whose width
    /// differs from the header's is an error, so nothing is skipped silently.
    /// - Throws: `SweepError` naming the file, and the column where one is at fault.
    /// - Complexity: O(rows × columns) time and memory: the whole table is read.
    static func read(_ path: String, columns names: [String]) throws(SweepError) -> [[String]] {
        let (header, rows) = try parse(try readText(path), path: path)
        var indices: [Int] = []
        for name in names {
            let matches = header.indices.filter { header[$0] == name }
            guard let index = matches.first else {
                throw .missingColumn(path: path, column: name, header: header)
            }
            guard matches.count == 1 else { throw .ambiguousColumn(path: path, column: name) }
            indices.append(index)
        }
        try checkWidth(rows, header.count, path: path)
        return rows.map { row in indices.map { row[$0] } }
    }

    /// The rows of a run file (it has no header by design), each `width` fields wide.
    /// - Throws: `SweepError` naming the file when it cannot be read or a row has another width.
    static func readRunFile(_ path: String, width: Int) throws(SweepError) -> [[String]] {
        // A dummy header line, as SwiftCSV takes the first line for one.
        let (_, rows) = try parse("h\n" + readText(path), path: path)
        try checkWidth(rows, width, path: path)
        return rows
    }

    private static func readText(_ path: String) throws(SweepError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .cannotRead(path: path, reason: readingFailure(error))
        }
    }

    /// The header and the data rows of CSV `text`, each row as written (SwiftCSV's `rows` pads
    /// short rows to the widest, which would hide them).
    private static func parse(_ text: String, path: String) throws(SweepError) -> (
        header: [String], rows: [[String]]
    ) {
        var rows: [[String]] = []
        do {
            // rowLimit 0: the header only; the rows are enumerated once, below.
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rows.append($0) }
            return (csv.header, rows)
        } catch {
            throw .cannotRead(path: path, reason: readingFailure(error))
        }
    }

    private static func checkWidth(_ rows: [[String]], _ width: Int, path: String) throws(SweepError) {
        for (n, row) in rows.enumerated() where row.count != width {
            throw .rowWidth(path: path, row: n + 1, fields: row.count, expected: width)
        }
    }
}
