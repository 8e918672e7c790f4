internal import CreditSim
internal import FlyingFox
internal import Foundation

/// The explorer's routes: each request by method and path to its answer, errors as JSON.
struct ExplorerRoutes: HTTPHandler {
    let configuration: ExplorerConfiguration
    let service: ExplorerService
    let requestGuard: RequestGuard

    init(_ configuration: ExplorerConfiguration) {
        self.configuration = configuration
        service = ExplorerService(configuration)
        requestGuard = RequestGuard(configuration)
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The whole body is read before anything else, whatever the answer: FlyingFox does not
        // skip an unread body larger than 2 MiB or sent in chunks, whose bytes would then be read
        // as the next request on the connection (a request smuggled past the guard).
        let body = await Self.readWholeBody(request, keeping: configuration.maximumBodyBytes)
        var response: HTTPResponse
        do {
            try requestGuard.check(request)
            response = try await route(request, body: body)
        } catch {
            response = error.response
        }
        for (name, value) in Self.securityHeaders { response.headers[name] = value }
        return response
    }

    /// The request body read to its end, keeping at most `limit` bytes (`nil` past the limit or
    /// when it cannot be read).
    static func readWholeBody(_ request: HTTPRequest, keeping limit: Int) async -> Result<Data, APIError> {
        var data = Data()
        var tooLarge = false
        do {
            for try await chunk in request.bodySequence {
                if !tooLarge && data.count + chunk.count <= limit {
                    data.append(chunk)
                } else {
                    tooLarge = true
                    data = Data()
                }
            }
        } catch {
            return .failure(.badRequest("the request body could not be read: \(error.localizedDescription)"))
        }
        return tooLarge
            ? .failure(
                APIError(
                    status: .contentTooLarge,
                    message: "the request body is too large: the limit is \(limit) bytes"))
            : .success(data)
    }

    /// Sent with every response: the page loads nothing from elsewhere and may not be framed.
    ///
    /// Inline styles are allowed for the report's SVG charts; scripts only from the server.
    static let securityHeaders: [(HTTPHeader, String)] = [
        (
            HTTPHeader("Content-Security-Policy"),
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        ),
        (HTTPHeader("X-Content-Type-Options"), "nosniff"),
        (HTTPHeader("X-Frame-Options"), "DENY"),
        (HTTPHeader("Referrer-Policy"), "no-referrer"),
        (HTTPHeader("Cross-Origin-Resource-Policy"), "same-origin"),
    ]

    private func route(_ request: HTTPRequest, body: Result<Data, APIError>) async throws(APIError)
        -> HTTPResponse
    {
        switch (request.method, request.path) {
        case (.GET, "/"): return Self.asset(Assets.index, "text/html; charset=utf-8")
        case (.GET, "/assets/explorer.js"): return Self.asset(Assets.script, "text/javascript; charset=utf-8")
        case (.GET, "/assets/explorer.css"): return Self.asset(Assets.style, "text/css; charset=utf-8")
        case (.GET, "/assets/report.css"):
            return Self.asset(Array(Report.stylesheet.utf8), "text/css; charset=utf-8")
        case (.GET, "/api/limits"): return try Self.json(limits)
        case (.GET, "/api/scenarios"): return try Self.json(scenarioEntries())
        case (.GET, "/api/guidance"): return try Self.json(guidanceEntries())
        case (.GET, let path) where path.hasPrefix("/docs/") && path.hasSuffix(".md"):
            let name = String(path.dropFirst("/docs/".count).dropLast(".md".count))
            guard RunRequest.isName(name), let file = service.docs.path(of: name),
                let text = FileManager.default.contents(atPath: file)
            else { throw .notFound("no such page: \(path)") }
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                body: text)
        case (.GET, let path) where path.hasPrefix("/api/scenarios/"):
            return try Self.json(try service.base(String(path.dropFirst("/api/scenarios/".count))).scenario)
        case (.POST, "/api/run"):
            let body = try decode(try body.get())
            return Self.json(data: try await service.run(body))
        case (.POST, "/api/scenario.yaml"):
            let body = try decode(try body.get())
            let edited = try service.edited(body)
            return HTTPResponse(
                statusCode: .ok,
                headers: [
                    .contentType: "application/yaml; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"\(body.scenario)-edited.yaml\"",
                ],
                body: Data(edited.standalone.utf8))
        default:
            throw .notFound("no such page or route: \(request.method.rawValue) \(request.path)")
        }
    }

    /// What `GET /api/limits` answers.
    struct Limits: Encodable {
        let maxPopulation: Int
        let defaultPopulation: Int
        let maxDays: Int
        let maxBodyBytes: Int
        let maxEditBytes: Int
    }

    private var limits: Limits {
        Limits(
            maxPopulation: configuration.maximumPopulation,
            defaultPopulation: min(configuration.defaultPopulation, configuration.maximumPopulation),
            maxDays: configuration.maximumDays,
            maxBodyBytes: configuration.maximumBodyBytes, maxEditBytes: RunRequest.maximumEditBytes)
    }

    private func scenarioEntries() -> [ScenarioLibrary.Entry] {
        service.scenarios.names().compactMap { name -> ScenarioLibrary.Entry? in
            guard let loaded = try? service.base(name) else { return nil }
            return .init(name: name, title: loaded.scenario.meta.title, file: name + ".yaml")
        }
    }

    private func guidanceEntries() -> [ScenarioLibrary.Entry] {
        service.guidance.names().compactMap { name -> ScenarioLibrary.Entry? in
            guard let path = service.guidance.path(of: name),
                let profile = try? GuidanceLoader.load(path).profile
            else { return nil }
            return .init(name: name, title: profile.title, file: name + ".yaml")
        }
    }

    /// The request's body as a `RunRequest`.
    private func decode(_ body: Data) throws(APIError) -> RunRequest {
        do {
            return try JSONDecoder().decode(RunRequest.self, from: body)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .badRequest(RunRequest.expectation(at: context.codingPath.first?.stringValue))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .badRequest(
                "the request has no '\(key.stringValue)': \(RunRequest.expectation(at: key.stringValue))")
        } catch {
            throw .badRequest("the request body is not JSON of the form {\"scenario\": …, \"edits\": …}")
        }
    }

    private static func asset(_ bytes: [UInt8], _ type: String) -> HTTPResponse {
        HTTPResponse(
            statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: Data(bytes))
    }

    private static func json<T: Encodable>(_ value: T) throws(APIError) -> HTTPResponse {
        json(data: try apiJSON(value))
    }

    private static func json(data: Data) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: data)
    }
}
