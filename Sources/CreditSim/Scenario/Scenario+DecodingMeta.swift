/// Reading `meta`.
extension Scenario {
    static func decodeMeta(_ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink) -> Meta? {
        guard let f = Fields(node, path, sink, allowed: ["name", "title", "description", "sources"]) else {
            return nil
        }
        let name = f.string("name", required: true)
        var sources: [Source] = []
        for (item, itemPath) in f.list("sources", label: { $0.idLabel }) {
            guard let s = Fields(item, itemPath, sink, allowed: ["id", "citation", "url", "confidence"])
            else { continue }
            if let id = s.string("id", required: true), let citation = s.string("citation", required: true),
                let confidence = s.choice("confidence", Source.Confidence.self, required: true)
            {
                if sources.contains(where: { $0.id == id }) {
                    sink.report(item, itemPath, "duplicate source id '\(id)'")
                }
                sources.append(
                    Source(id: id, citation: citation, url: s.string("url"), confidence: confidence))
            }
        }
        guard let name else { return nil }
        if !Meta.isFileName(name), let node = f.value("name") {
            // The name becomes a folder (`results/<name>/…`) and a label in every output.
            sink.report(
                node, path.key("name"),
                "the name '\(name.printable(limit: 80))' must be letters, digits, '-', '_' and '.' (not first), at most 100 characters",
                hint: "it names result folders; give free text as meta.title")
            return nil
        }
        return Meta(
            name: name, title: f.string("title") ?? name, description: f.string("description") ?? "",
            sources: sources)
    }
}

extension Meta {
    /// Whether `name` can name a folder and a label: ASCII letters, digits, `-`, `_` and `.` (not
    /// first), at most 100 characters.
    static func isFileName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "-_.".unicodeScalars.contains($0)
            }
    }
}
