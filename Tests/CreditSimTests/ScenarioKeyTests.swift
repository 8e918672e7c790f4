import Foundation
import Testing

@testable import CreditSim

/// The JSON Schema and the format reference give every numeric key the range and default that
/// `ScenarioKeys` declares and the decoder checks.
@Suite("scenario keys")
struct ScenarioKeyTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs")

    @Test("each key is declared once")
    func unique() {
        let names = ScenarioKeys.all.map(\.description)
        #expect(Set(names).count == names.count, "\(names)")
    }

    @Test("docs/scenario.schema.json has each key's range and default", arguments: ScenarioKeys.all)
    func schema(key: any ScenarioKey) throws {
        let data = try Data(contentsOf: Self.docs.appendingPathComponent("scenario.schema.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        try checkSchema(key, root)
    }

    @Test("docs/scenario-format.md has each key's range and default", arguments: ScenarioKeys.all)
    func formatReference(key: any ScenarioKey) throws {
        let text = try String(
            contentsOf: Self.docs.appendingPathComponent("scenario-format.md"), encoding: .utf8)
        try checkReference(key, ReferenceRow.rows(in: text))
    }

    private func checkSchema<Key: ScenarioKey>(_ key: Key, _ root: [String: Any]) throws {
        let definitions = try #require(root["$defs"] as? [String: Any])
        let definition = try #require(
            definitions[key.definition] as? [String: Any], "no $defs/\(key.definition)")
        let properties = try #require(definition["properties"] as? [String: Any])
        var property = try #require(
            properties[key.name] as? [String: Any], "no $defs/\(key.definition)/properties/\(key.name)")
        if key.boundsEntries {
            property = try #require(property["additionalProperties"] as? [String: Any])
        }
        #expect(Documented<Key.Value>(json: property["minimum"]) == .value(key.range.lowerBound))
        #expect(Documented<Key.Value>(json: property["maximum"]) == .value(key.range.upperBound))
        #expect(Documented<Key.Value>(json: property["default"]) == Documented(key.defaultValue))
    }

    private func checkReference<Key: ScenarioKey>(_ key: Key, _ rows: [ReferenceRow]) throws {
        let names = ["`\(key.name)`", "`\(key.section).\(key.name)`"]
        let matching = rows.filter { $0.section == key.section && names.contains($0.key) }
        try #require(matching.count == 1, "\(matching.count) rows for '\(key.name)' in '\(key.section)'")
        let row = matching[0]
        // Keys that share a row (the probability of `leave` and of `consent` bands) list each range.
        let declared = ScenarioKeys.all.compactMap { $0 as? Key }
            .filter { $0.section == key.section && $0.name == key.name }
            .map { "[\($0.range.lowerBound), \($0.range.upperBound)]" }
        let shown = row.intervals.map { interval in
            "[\(Key.Value(interval.lower).map(String.init(describing:)) ?? interval.lower), "
                + "\(Key.Value(interval.upper).map(String.init(describing:)) ?? interval.upper)]"
        }
        #expect(Set(shown) == Set(declared), "Allowed: \(row.allowed)")
        #expect(Documented<Key.Value>(reference: row.defaultValue) == Documented(key.defaultValue))
    }
}

/// A number as a document gives it: absent, a number, or something else.
private enum Documented<Value: Comparable & LosslessStringConvertible>: Equatable {
    case absent
    case value(Value)
    case unreadable(String)

    init(_ value: Value?) { self = value.map { .value($0) } ?? .absent }

    /// A JSON value from `JSONSerialization` (integers and decimals written as they are in the file).
    init(json: Any?) {
        guard let json else {
            self = .absent
            return
        }
        let text = (json as? NSNumber)?.stringValue ?? "\(json)"
        self = Value(text).map { .value($0) } ?? .unreadable(text)
    }

    /// A Default cell of the format reference: a number in the leading code span (`` `1` (none) ``),
    /// or absent (`required`, `none: kept for good`).
    init(reference cell: String) {
        guard cell.hasPrefix("`") else {
            self = .absent
            return
        }
        let span = String(cell.dropFirst().prefix { $0 != "`" })
        self = Value(ReferenceRow.normalised(span)).map { .value($0) } ?? .unreadable(cell)
    }
}

/// A row of a key table in `docs/scenario-format.md`.
private struct ReferenceRow {
    /// The heading the table is under, without the `#`s.
    let section: String
    /// The Key cell, with its backticks.
    let key: String
    let defaultValue: String
    let allowed: String

    /// The intervals (`[0, 1]`) in the Allowed cell, their bounds as written.
    var intervals: [(lower: String, upper: String)] {
        allowed.split(separator: "[", omittingEmptySubsequences: false).dropFirst().compactMap { piece in
            guard let close = piece.firstIndex(of: "]") else { return nil }
            let inside = piece[..<close]
            // Bounds are separated by a comma and a space; thousands separators have no space.
            guard let comma = inside.range(of: ", ") ?? inside.range(of: ",") else { return nil }
            return (
                Self.normalised(inside[..<comma.lowerBound]), Self.normalised(inside[comma.upperBound...])
            )
        }
    }

    /// A number as written in the reference, made readable: `−` as `-`, no spaces or separators.
    static func normalised(_ text: some StringProtocol) -> String {
        text.replacingOccurrences(of: "\u{2212}", with: "-")
            .filter { !$0.isWhitespace && $0 != "," && $0 != "_" }
    }

    /// The rows of every table that has Key, Default and Allowed columns.
    static func rows(in markdown: String) -> [ReferenceRow] {
        var rows: [ReferenceRow] = []
        var section = ""
        var header: [String]?
        var inCodeBlock = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCodeBlock.toggle() }
            if inCodeBlock || line.hasPrefix("```") { continue }
            if line.hasPrefix("#") {
                section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            }
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                header = cells
                continue
            }
            guard cells.count == columns.count, !cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }),
                let key = columns.firstIndex(of: "Key"), let defaultValue = columns.firstIndex(of: "Default"),
                let allowed = columns.firstIndex(of: "Allowed")
            else { continue }
            rows.append(
                ReferenceRow(
                    section: section, key: cells[key], defaultValue: cells[defaultValue],
                    allowed: cells[allowed]))
        }
        return rows
    }
}
