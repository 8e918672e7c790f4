import FlyingFox
import Foundation
import Testing

@Suite("Explorer page and assets")
struct PageRouteTests {
    @Test("the page and its assets are served with their types")
    func assets() async throws {
        try await withExplorer { client in
            try await client.execute(uri: "/", method: .GET) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(text(response).contains("<script src=\"/assets/explorer.js\"></script>"))
            }
            for (path, type) in [
                ("/assets/explorer.js", "text/javascript"), ("/assets/explorer.css", "text/css"),
                ("/assets/report.css", "text/css"),
            ] {
                try await client.execute(uri: path, method: .GET) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
                    #expect(response.body.count > 500, "\(path)")
                }
            }
        }
    }

    @Test(
        "no other file is reachable",
        arguments: [
            "/etc/passwd", "/../Package.swift", "/assets/../Package.swift", "/assets/%2e%2e/Package.swift",
            "/assets/", "/scenarios/rongcheng-2016.yaml", "/api/scenarios/..%2F..%2FPackage",
            "/api/scenarios/../../etc/passwd", "/api/scenarios/guidance", "/api/scenarios/central-2020",
            "/api/scenarios/%2Fetc%2Fpasswd", "/api/scenarios/.hidden", "/api/scenarios/no-such-scenario",
        ])
    func traversal(path: String) async throws {
        try await withExplorer { client in
            try await client.execute(uri: path, method: .GET) { response in
                #expect(response.status == .notFound, "\(path) gave \(response.status)")
                #expect(!text(response).contains("root:"))
                #expect(!text(response).contains("PackageDescription"))
            }
        }
    }

    @Test("run and download only answer POST")
    func methods() async throws {
        try await withExplorer { client in
            for path in ["/api/run", "/api/scenario.yaml"] {
                try await client.execute(uri: path, method: .GET) { response in
                    #expect(response.status == .notFound || response.status == .methodNotAllowed)
                }
            }
            try await client.execute(uri: "/", method: .POST) { response in
                #expect(response.status == .notFound || response.status == .methodNotAllowed)
            }
        }
    }
}
