internal import CreditSim
internal import Foundation
public import Hummingbird

/// The web explorer: a page served by the binary that edits a scenario, runs it and shows the report charts.
///
/// Every route is listed in `docs/explorer.md`.
public enum Explorer {
    /// The explorer's routes and middleware.
    public static func router(_ configuration: ExplorerConfiguration) -> Router<BasicRequestContext> {
        let service = ExplorerService(configuration)
        let router = Router()
        router.middlewares.add(APIErrorMiddleware())
        router.get("/") { _, _ in asset(Assets.index, "text/html; charset=utf-8") }
        router.get("/assets/explorer.js") { _, _ in asset(Assets.script, "text/javascript; charset=utf-8") }
        router.get("/assets/explorer.css") { _, _ in asset(Assets.style, "text/css; charset=utf-8") }
        router.get("/assets/report.css") { _, _ in
            asset(Array(Report.stylesheet.utf8), "text/css; charset=utf-8")
        }

        router.get("/api/limits") { _, _ in
            try json(
                Limits(
                    maxPopulation: configuration.maximumPopulation,
                    defaultPopulation: min(configuration.defaultPopulation, configuration.maximumPopulation),
                    maxDays: configuration.maximumDays,
                    maxBodyBytes: configuration.maximumBodyBytes, maxEditBytes: RunRequest.maximumEditBytes))
        }
        router.get("/api/scenarios") { _, _ in
            let entries = service.scenarios.names().compactMap { name -> ScenarioLibrary.Entry? in
                guard let loaded = try? service.base(name) else { return nil }
                return .init(name: name, title: loaded.scenario.meta.title, file: name + ".yaml")
            }
            return try json(entries)
        }
        router.get("/api/scenarios/:name") { _, context in
            let name = try context.parameters.require("name")
            return try json(try service.base(name).scenario)
        }
        router.get("/api/guidance") { _, _ in
            try json(
                service.guidance.names().compactMap { name -> ScenarioLibrary.Entry? in
                    guard let path = service.guidance.path(of: name),
                        let profile = try? GuidanceLoader.load(path).profile
                    else { return nil }
                    return .init(name: name, title: profile.title, file: name + ".yaml")
                })
        }
        router.post("/api/run") { request, context in
            let body = try await decode(request, context, limit: configuration.maximumBodyBytes)
            return jsonData(try await service.run(body))
        }
        router.post("/api/scenario.yaml") { request, context in
            let body = try await decode(request, context, limit: configuration.maximumBodyBytes)
            let edited = try service.edited(body)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/yaml; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"\(body.scenario)-edited.yaml\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: edited.standalone)))
        }
        return router
    }

    /// The server, bound as configured (127.0.0.1 unless told otherwise).
    public static func application(_ configuration: ExplorerConfiguration) -> some ApplicationProtocol {
        Application(
            router: router(configuration),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "CreditSim"))
    }

    /// What `GET /api/limits` answers.
    struct Limits: Encodable {
        let maxPopulation: Int
        let defaultPopulation: Int
        let maxDays: Int
        let maxBodyBytes: Int
        let maxEditBytes: Int
    }

    private static func asset(_ bytes: [UInt8], _ type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func json<T: Encodable>(_ value: T) throws(APIError) -> Response {
        jsonData(try apiJSON(value))
    }

    private static func jsonData(_ data: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func decode(_ request: Request, _ context: BasicRequestContext, limit: Int) async throws
        -> RunRequest
    {
        let buffer = try await request.body.collect(upTo: limit)
        do {
            return try JSONDecoder().decode(RunRequest.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw APIError.badRequest(
                "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type: \(context.debugDescription)"
            )
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.badRequest("the request has no '\(key.stringValue)'")
        } catch {
            throw APIError.badRequest(
                "the request body is not JSON of the form {\"scenario\": …, \"edits\": …}")
        }
    }
}
