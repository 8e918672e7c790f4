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
        return Meta(
            name: name, title: f.string("title") ?? name, description: f.string("description") ?? "",
            sources: sources)
    }
}
