/// The body of `POST /api/run` and `POST /api/scenario.yaml`.
struct RunRequest: Decodable, Sendable {
    /// A scenario name from `GET /api/scenarios`.
    let scenario: String
    /// A scenario overlay without `extends` (YAML); empty for the scenario as it is.
    let edits: String
    /// A guidance profile name to compare with (its compliant variant), or none.
    let guidance: String?
    /// An id the page chooses; a new run from the same session cancels the previous one.
    let session: String?
    /// The overlay of the unedited scheme on the same residents (the edits' population and seed
    /// alone), or none: its key numbers come back as `baseline` and its lines are drawn dashed
    /// behind the edited run's charts.
    let baseline: String?

    /// The same request for the scenario with `edits` instead (no comparison, no baseline).
    func replacingEdits(_ edits: String) -> RunRequest {
        RunRequest(scenario: scenario, edits: edits, guidance: nil, session: session, baseline: nil)
    }

    static let maximumEditBytes = 64 << 10

    /// Checks sizes and names before anything is read.
    func validate() throws(APIError) {
        guard Self.isName(scenario) else {
            throw .badRequest("'scenario' must be a scenario name such as rongcheng-2016")
        }
        if let guidance, !Self.isName(guidance) {
            throw .badRequest("'guidance' must be a guidance profile name such as central-2020")
        }
        guard edits.utf8.count <= Self.maximumEditBytes else {
            throw .badRequest("'edits' is \(edits.utf8.count) bytes; the limit is \(Self.maximumEditBytes)")
        }
        if let session, session.count > 64 { throw .badRequest("'session' is longer than 64 characters") }
        if let baseline, baseline.utf8.count > Self.maximumEditBytes {
            throw .badRequest(
                "'baseline' is \(baseline.utf8.count) bytes; the limit is \(Self.maximumEditBytes)")
        }
    }

    /// What the field `key` must hold, in the request's own terms (for type errors).
    static func expectation(at key: String?) -> String {
        switch key {
        case "scenario": "'scenario' must be a string: a scenario name such as \"rongcheng-2016\""
        case "edits": "'edits' must be a string: the scenario overlay as YAML text (\"\" for none)"
        case "guidance":
            "'guidance' must be a string naming a guidance profile such as \"central-2020\", or null"
        case "session": "'session' must be a string of at most 64 characters, or null"
        case "baseline": "'baseline' must be a string: the unedited scheme's overlay as YAML text, or null"
        default: "the request body must be a JSON object: {\"scenario\": NAME, \"edits\": YAML text}"
        }
    }

    /// Letters, digits, `-`, `_` and `.` (not leading), at most 100 characters.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && !text.hasPrefix(".")
            && text.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "-_.".unicodeScalars.contains($0)
            }
    }
}
