internal import FlyingFox
internal import Foundation

/// What every request must pass before it is routed (docs/explorer.md, "Security").
///
/// - The `Host` it was addressed to is one the server was started for: the loopback names, the
///   bound address and `--allow-host` names. A page on another site that resolves its own name to
///   127.0.0.1 (DNS rebinding) is refused.
/// - A write (`POST`) comes from the explorer's own page: an `Origin` header, when sent, names
///   the same host and port, and `Sec-Fetch-Site`, when sent, says `same-origin` (or `none`).
/// - API bodies are `application/json`, which a cross-site form or `fetch` cannot send without a
///   preflight that the server never answers.
struct RequestGuard: Sendable {
    /// Host names (lowercased, IPv6 without brackets) a request may be addressed to.
    let allowedHosts: Set<String>

    init(_ configuration: ExplorerConfiguration) {
        var hosts: Set<String> = ["127.0.0.1", "localhost", "::1"]
        let bound = configuration.host.lowercased()
        if !["0.0.0.0", "::"].contains(bound) { hosts.insert(bound) }
        hosts.formUnion(configuration.allowedHosts.map { $0.lowercased() })
        allowedHosts = hosts
    }

    /// Refuses `request` with the reason in words, or returns.
    func check(_ request: HTTPRequest) throws(APIError) {
        guard let host = request.headers[.host], !host.isEmpty else {
            throw .badRequest("the request has no Host header")
        }
        guard allowedHosts.contains(Self.name(ofAuthority: host)) else {
            throw APIError(
                status: .misdirectedRequest,
                message:
                    "this explorer answers requests for \(allowedHosts.sorted().joined(separator: ", ")), "
                    + "not for '\(Self.printable(host))' (start it with --allow-host to add a name)")
        }
        guard request.method != .GET && request.method != .HEAD else { return }
        if let site = request.headers[HTTPHeader("Sec-Fetch-Site")], !["same-origin", "none"].contains(site) {
            throw APIError(
                status: .forbidden, message: "a page from another site may not start runs or downloads here")
        }
        if let origin = request.headers[HTTPHeader("Origin")],
            Self.authority(ofOrigin: origin).lowercased() != host.lowercased()
        {
            throw APIError(
                status: .forbidden,
                message:
                    "a page from another origin ('\(Self.printable(origin))') may not start runs or downloads here"
            )
        }
        guard request.path.hasPrefix("/api/") else { return }  // other writes find no route (404)
        let type = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw APIError(
                status: .unsupportedMediaType,
                message: "the request body must be JSON, sent with Content-Type: application/json")
        }
    }

    /// `host` of `host:port`, `[v6]:port`, `host` or `[v6]`, lowercased.
    static func name(ofAuthority authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<end])
        }
        if let colon = lowered.lastIndex(of: ":"), lowered.firstIndex(of: ":") == colon {
            return String(lowered[..<colon])
        }
        return lowered
    }

    /// `host:port` of an origin such as `http://host:port`; the origin itself when it has no scheme.
    static func authority(ofOrigin origin: String) -> String {
        guard let range = origin.range(of: "://") else { return origin }
        return String(origin[range.upperBound...])
    }

    /// A header value as it may be shown: control characters escaped, cut to 100 characters.
    static func printable(_ text: String) -> String {
        let escaped = text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }.joined()
        return escaped.count > 100 ? String(escaped.prefix(100)) + "…" : escaped
    }
}

extension HTTPStatusCode {
    /// 421: the request was addressed to a host this server does not answer for (RFC 9110).
    static let misdirectedRequest = HTTPStatusCode(421, phrase: "Misdirected Request")
}
