internal import FlyingFox
internal import Foundation

/// An error the API answers with: a status and a message the page shows as it is, plus the
/// located scenario errors (`file:line:column: error: … (key)`) when there are any.
struct APIError: Error, Sendable {
    let status: HTTPStatusCode
    let message: String
    var diagnostics: [String] = []

    static func badRequest(_ message: String) -> Self { Self(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> Self { Self(status: .notFound, message: message) }
    static func unprocessable(_ message: String, _ diagnostics: [String] = []) -> Self {
        Self(status: .unprocessableContent, message: message, diagnostics: diagnostics)
    }

    /// The JSON response: `{"error": message, "diagnostics": [...]}`.
    var response: HTTPResponse {
        struct Body: Encodable {
            let error: String
            let diagnostics: [String]
        }
        // Two strings and a list of strings always encode; the fallback is a fixed valid body.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data =
            (try? encoder.encode(Body(error: message, diagnostics: diagnostics)))
            ?? Data(#"{"error":"internal error","diagnostics":[]}"#.utf8)
        return HTTPResponse(
            statusCode: status, headers: [.contentType: "application/json; charset=utf-8"], body: data)
    }
}

extension HTTPStatusCode {
    /// 413, by its current name (RFC 9110).
    static let contentTooLarge = HTTPStatusCode(413, phrase: "Content Too Large")
}
