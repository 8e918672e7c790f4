internal import Foundation
internal import Hummingbird

/// An error the API answers with: a status and a message the page shows as it is, plus the
/// located scenario errors (`file:line:column: error: … (key)`) when there are any.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    var diagnostics: [String] = []

    static func badRequest(_ message: String) -> Self { Self(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> Self { Self(status: .notFound, message: message) }
    static func unprocessable(_ message: String, _ diagnostics: [String] = []) -> Self {
        Self(status: .unprocessableContent, message: message, diagnostics: diagnostics)
    }

    /// The JSON response: `{"error": message, "diagnostics": [...]}`.
    var response: Response {
        struct Body: Encodable {
            let error: String
            let diagnostics: [String]
        }
        // Two strings and a list of strings always encode; the fallback is a fixed valid body.
        let data =
            (try? JSONEncoder().encode(Body(error: message, diagnostics: diagnostics)))
            ?? Data(#"{"error":"internal error","diagnostics":[]}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns thrown `APIError`s (and oversized bodies) into JSON error responses.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            return APIError(status: .contentTooLarge, message: "the request body is too large").response
        } catch let error as HTTPError {
            return APIError(status: error.status, message: error.body ?? error.status.reasonPhrase).response
        }
    }
}
