/// Reading `outputs`.
extension Scenario {
    /// The outputs of a scenario without `outputs`: every key at its default.
    static func defaultOutputs(_ run: RunSettings, _ scheme: Scheme) -> OutputSettings {
        var dates = scheme.rulebooks.dropFirst().map { $0.effective.adding(days: -1) }
        dates.append(run.end)
        return OutputSettings(
            histograms: dates, binWidth: ScenarioKeys.binWidth.declaredDefault,
            trajectories: ScenarioKeys.trajectories.declaredDefault,
            dropWindow: ScenarioKeys.dropWindow.declaredDefault,
            topDrops: ScenarioKeys.topDrops.declaredDefault)
    }

    static func decodeOutputs(
        _ node: YAMLNode, _ path: KeyPath, _ sink: DiagnosticSink, _ run: RunSettings, _ scheme: Scheme
    ) -> OutputSettings? {
        guard
            let f = Fields(
                node, path, sink,
                allowed: ["histograms", "bin_width", "trajectories", "drop_window", "top_drops"])
        else { return nil }
        var dates: [SimDate] = []
        if f.has("histograms") {
            for (item, itemPath) in f.list("histograms") {
                guard let date = item.date(itemPath, sink) else { continue }
                if date < run.start || date > run.end {
                    sink.report(
                        item, itemPath, "date \(date) is outside the run (\(run.start) to \(run.end))")
                }
                dates.append(date)
            }
            if !dates.contains(run.end) { dates.append(run.end) }
            dates = Array(Set(dates)).sorted()
        } else {
            dates = defaultOutputs(run, scheme).histograms
        }
        return OutputSettings(
            histograms: dates,
            binWidth: f.int(orDefault: ScenarioKeys.binWidth),
            trajectories: f.int(orDefault: ScenarioKeys.trajectories),
            dropWindow: f.int(orDefault: ScenarioKeys.dropWindow),
            topDrops: f.int(orDefault: ScenarioKeys.topDrops))
    }
}
