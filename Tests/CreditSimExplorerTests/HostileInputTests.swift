import FlyingFox
import Foundation
import Testing

@Suite("Explorer refuses bad input")
struct HostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let body: String
        let status: HTTPStatusCode
        let message: String
    }

    static func request(_ scenario: String = "rongcheng-2016", edits: String, guidance: String? = nil)
        -> String
    {
        var object: [String: Any] = ["scenario": scenario, "edits": edits]
        if let guidance { object["guidance"] = guidance }
        do {
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        } catch {
            fatalError("a dictionary of strings always serialises to JSON, but: \(error)")
        }
    }

    /// Six levels of ten aliases each: a million nodes from a few hundred bytes.
    static let aliasBomb =
        (1...6).map { level in
            "l\(level): &l\(level) ["
                + Array(repeating: level == 1 ? "x" : "*l\(level - 1)", count: 10).joined(separator: ", ")
                + "]"
        }.joined(separator: "\n") + "\n"

    static let cases: [Case] = [
        Case(description: "not JSON", body: "population=5", status: .badRequest, message: "not JSON"),
        Case(description: "empty body", body: "", status: .badRequest, message: "not JSON"),
        Case(
            description: "no edits", body: #"{"scenario": "rongcheng-2016"}"#, status: .badRequest,
            message: "'edits'"),
        Case(
            description: "edits not a string", body: #"{"scenario": "rongcheng-2016", "edits": 5}"#,
            status: .badRequest, message: "'edits' must be a string"),
        Case(
            description: "an array, not an object", body: "[1, 2]", status: .badRequest,
            message: "must be a JSON object"),
        Case(
            description: "guidance not a string",
            body: #"{"scenario": "rongcheng-2016", "edits": "", "guidance": 2}"#, status: .badRequest,
            message: "'guidance' must be a string"),
        Case(
            description: "path as scenario", body: request("../../etc/passwd", edits: ""),
            status: .badRequest, message: "scenario name"),
        Case(
            description: "absolute path as scenario", body: request("/etc/passwd", edits: ""),
            status: .badRequest, message: "scenario name"),
        Case(
            description: "unknown scenario", body: request("nope", edits: ""), status: .notFound,
            message: "no scenario called 'nope'"),
        Case(
            description: "path as guidance", body: request(edits: "", guidance: "../guidance/central-2020"),
            status: .badRequest, message: "guidance profile name"),
        Case(
            description: "unknown guidance", body: request(edits: small, guidance: "lenient"),
            status: .notFound, message: "no guidance profile"),
        Case(
            description: "population not a number", body: request(edits: "population:\n  size: lots\n"),
            status: .unprocessableContent, message: "edits.yaml:2:9"),
        Case(
            description: "population above the limit", body: request(edits: "population:\n  size: 5000000\n"),
            status: .unprocessableContent, message: "explorer's limit of 600000"),
        Case(
            description: "negative population", body: request(edits: "population:\n  size: -4\n"),
            status: .unprocessableContent, message: "population.size"),
        Case(
            description: "detection out of range",
            body: request(
                edits: small
                    + "scheme:\n  rulebooks:\n    - id: v2016\n      rules:\n        - {behaviour: rc-b01, detection: 1.5}\n"
            ), status: .unprocessableContent, message: "detection"),
        Case(
            description: "points not an integer",
            body: request(
                edits: small
                    + "scheme:\n  rulebooks:\n    - id: v2016\n      rules:\n        - {behaviour: rc-b01, points: \"-5x\"}\n"
            ), status: .unprocessableContent, message: "points"),
        Case(
            description: "unknown key", body: request(edits: small + "populaton: {size: 5}\n"),
            status: .unprocessableContent, message: "populaton"),
        Case(
            description: "invalid YAML", body: request(edits: "population: [\n"),
            status: .unprocessableContent, message: "invalid YAML"),
        Case(
            description: "edits a list", body: request(edits: "- 1\n- 2\n"), status: .unprocessableContent,
            message: "must be a mapping"),
        Case(
            description: "extends another file", body: request(edits: "extends: /etc/passwd\n"),
            status: .unprocessableContent, message: "may not name another file"),
        Case(
            description: "YAML alias bomb", body: request(edits: aliasBomb), status: .unprocessableContent,
            message: "anchors and aliases (&name, *name) are not allowed"),
        Case(
            description: "run too long", body: request(edits: small + "run:\n  end: 2090-12-31\n"),
            status: .unprocessableContent, message: "limit is 7305"),
        Case(
            description: "removing a rule that is not there",
            body: request(
                edits: small
                    + "scheme:\n  rulebooks:\n    - id: v2016\n      rules:\n        - {behaviour: nothing, remove: true}\n"
            ), status: .unprocessableContent, message: "nothing to remove"),
        Case(
            description: "edits too long",
            body: request(edits: "# " + String(repeating: "x", count: 70_000) + "\n"), status: .badRequest,
            message: "the limit is 65536"),
    ]

    @Test("is refused with a clear message", arguments: cases)
    func refused(_ c: Case) async throws {
        try await withExplorer { client in
            for path in ["/api/run", "/api/scenario.yaml"] {
                try await client.execute(
                    uri: path, method: .POST, headers: jsonHeaders, body: Data(c.body.utf8)
                ) { response in
                    #expect(response.status == c.status, "\(path): \(text(response))")
                    let body = json(response)
                    let message =
                        (body["error"] as? String ?? "") + "\n"
                        + ((body["diagnostics"] as? [String]) ?? []).joined(separator: "\n")
                    #expect(message.contains(c.message), "\(path): \(message)")
                    #expect(
                        !message.contains("Expected to decode"), "\(path): decoder internals in \(message)")
                }
            }
        }
    }

    @Test("a body above the limit gets 413 and the server goes on")
    func hugeBody() async throws {
        try await withExplorer { client in
            let huge = Data(repeating: UInt8(ascii: "x"), count: 2 << 20)
            try await client.execute(uri: "/api/run", method: .POST, headers: jsonHeaders, body: huge) {
                response in
                #expect(response.status == .contentTooLarge)
                #expect(text(response).contains("too large"))
            }
            try await client.execute(uri: "/api/limits", method: .GET) { #expect($0.status == .ok) }
        }
    }
}
