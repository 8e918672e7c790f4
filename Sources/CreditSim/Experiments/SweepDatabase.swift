internal import Foundation
internal import GRDB
internal import SwiftCSV

/// The sweep table as SQLite (`results.sqlite`), for querying: table `results` with the CSV's
/// columns (parameters typed as the scenario holds them), `parameters` and `plan`.
enum SweepDatabase {
    /// Writes the rows of `runFiles` (committed run files, in run order) as `results.sqlite`.
    static func write(_ loaded: PlanLoader.Loaded, runFiles: [String], into folder: String) throws(SweepError)
    {
        let path = (folder as NSString).appendingPathComponent("results.sqlite")
        let plan = loaded.plan
        try createAtomically(path) { temporary in
            let queue = try DatabaseQueue(path: temporary)
            try queue.write { db in
                let columns = plan.parameters.map { p in
                    "\(quoted(p.name)) \(p.kind == .integer ? "INTEGER" : p.kind == .number ? "REAL" : "TEXT")"
                }
                try db.execute(
                    sql: "CREATE TABLE results (run INTEGER, point INTEGER, replicate INTEGER, seed INTEGER, "
                        + columns.map { $0 + ", " }.joined() + "metric TEXT, value REAL)")
                try db.execute(sql: "CREATE TABLE parameters (name TEXT, path TEXT, kind TEXT, domain TEXT)")
                try db.execute(sql: "CREATE TABLE plan (key TEXT PRIMARY KEY, value TEXT)")
                for p in plan.parameters {
                    let domain: String =
                        switch p.domain {
                        case .values(let values): "values: " + values.joined(separator: ", ")
                        case .range(let low, let high): "range: \(low) to \(high)"
                        }
                    try db.execute(
                        sql: "INSERT INTO parameters VALUES (?, ?, ?, ?)",
                        arguments: [p.name, p.path, p.kind.rawValue, domain])
                }
                for (key, value) in [
                    ("name", plan.name), ("title", plan.title), ("hash", loaded.hash),
                    ("design", plan.design.name),
                    ("seed", String(plan.seed)), ("replicates", String(plan.replicates)),
                    ("scenario", plan.scenarioPath), ("version", CreditSimVersion.current),
                ] {
                    try db.execute(sql: "INSERT INTO plan VALUES (?, ?)", arguments: [key, value])
                }
                let insert = try db.makeStatement(
                    sql: "INSERT INTO results VALUES ("
                        + Array(repeating: "?", count: plan.parameters.count + 6)
                        .joined(separator: ", ") + ")")
                // Read back run file by run file, so memory holds one run's rows at a time.
                let kinds = plan.parameters.map(\.kind)
                for file in runFiles {
                    let text = try String(contentsOfFile: file, encoding: .utf8)
                    // SwiftCSV's row callback cannot throw: the first failure is kept and thrown after.
                    var failure: (any Error)?
                    try EnumeratedCSV(string: "h\n" + text, delimiter: .comma, loadColumns: false)
                        .enumerateAsArray(startAt: 1, rowLimit: nil) { row in  // line 0 is the "h" header
                            guard failure == nil else { return }
                            guard row.count == kinds.count + 6 else {
                                failure = SweepError(
                                    "\(file): error: a row has \(row.count) fields where \(kinds.count + 6) were written"
                                )
                                return
                            }
                            var arguments: [(any DatabaseValueConvertible)?] = [
                                Int(row[0]), Int(row[1]), Int(row[2]), Int64(row[3]),
                            ]
                            for (k, kind) in kinds.enumerated() {
                                let text = row[4 + k]
                                switch kind {
                                case .integer: arguments.append(Int(text))
                                case .number: arguments.append(Double(text))
                                case .date, .text: arguments.append(text)
                                }
                            }
                            arguments.append(row[kinds.count + 4])
                            arguments.append(Double(row[kinds.count + 5]))
                            do {
                                try insert.execute(arguments: StatementArguments(arguments))
                            } catch {
                                failure = error
                            }
                        }
                    if let failure { throw failure }
                }
                try db.execute(sql: "CREATE INDEX results_metric ON results (metric, point)")
            }
            try queue.close()
        }
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
