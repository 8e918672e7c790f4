internal import Foundation
internal import GRDB

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
                for file in runFiles {
                    for (n, row) in try SweepTable.readRunFile(file, width: plan.parameters.count + 6)
                        .enumerated()
                    {
                        try insert.execute(
                            arguments: StatementArguments(
                                try arguments(row, kinds: plan.parameters.map(\.kind), file: file, row: n + 1)
                            ))
                    }
                }
                try db.execute(sql: "CREATE INDEX results_metric ON results (metric, point)")
            }
            try queue.close()
        }
    }

    /// The values of one table row, typed for its columns.
    ///
    /// A parameter value that does not read as its kind (a whole number written `2.0`) is bound
    /// as its text, which SQLite converts by the column's affinity where it can.
    /// - Throws: `SweepError.invalidField` when `run`, `point`, `replicate`, `seed` or `value` is
    ///   not a number.
    private static func arguments(_ row: [String], kinds: [Plan.ValueKind], file: String, row n: Int)
        throws(SweepError) -> [(any DatabaseValueConvertible)?]
    {
        func number<T: LosslessStringConvertible & DatabaseValueConvertible>(_ column: String, at index: Int)
            throws(SweepError) -> T
        {
            guard let value = T(row[index]) else {
                throw .invalidField(path: file, row: n, column: column, text: row[index])
            }
            return value
        }
        var arguments: [(any DatabaseValueConvertible)?] = [
            try number("run", at: 0) as Int, try number("point", at: 1) as Int,
            try number("replicate", at: 2) as Int, try number("seed", at: 3) as Int64,
        ]
        for (k, kind) in kinds.enumerated() {
            let text = row[4 + k]
            let typed: (any DatabaseValueConvertible)? =
                switch kind {
                case .integer: Int(text)
                case .number: Double(text)
                case .date, .text: text
                }
            arguments.append(typed ?? text)
        }
        arguments.append(row[kinds.count + 4])
        arguments.append(try number("value", at: kinds.count + 5) as Double)
        return arguments
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
