internal import CreditSim
internal import Foundation

/// Loads edited scenarios, checks them against the explorer's limits and runs them.
struct ExplorerService: Sendable {
    let configuration: ExplorerConfiguration
    let scenarios: ScenarioLibrary
    let guidance: ScenarioLibrary
    /// The documentation the page links to (`docs/*.md`).
    let docs: ScenarioLibrary
    let gate: RunGate
    /// Recent runs of unedited schemes: a student's edits are compared with the same one many times.
    let baselines = BaselineCache(capacity: 4)

    init(_ configuration: ExplorerConfiguration) {
        self.configuration = configuration
        scenarios = ScenarioLibrary(folder: configuration.scenarioFolder)
        guidance = ScenarioLibrary(folder: configuration.guidanceFolder)
        docs = ScenarioLibrary(folder: configuration.docsFolder, fileExtension: ".md")
        gate = RunGate(slots: configuration.concurrentRuns, queueLimit: configuration.queuedRuns)
    }

    /// The unedited scenario called `name`.
    func base(_ name: String) throws(APIError) -> ScenarioLoader.Loaded {
        guard RunRequest.isName(name), let path = scenarios.path(of: name) else {
            throw .notFound("no scenario called '\(name)'; GET /api/scenarios lists them")
        }
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            // Its diagnostics are not sent: they quote the file, which need not be a scenario.
            throw .unprocessable(
                "the scenario file \(name).yaml is invalid (\(error.diagnostics.count) errors); "
                    + "`creditsim validate` on the server shows them")
        }
    }

    /// The scenario of `request` with its edits applied, refused when it breaks a limit.
    func edited(_ request: RunRequest) throws(APIError) -> ScenarioLoader.Edited {
        try request.validate()
        guard let path = scenarios.path(of: request.scenario) else {
            throw .notFound("no scenario called '\(request.scenario)'; GET /api/scenarios lists them")
        }
        if let name = request.guidance, guidance.path(of: name) == nil {
            throw .notFound("no guidance profile called '\(name)'; GET /api/guidance lists them")
        }
        let edited: ScenarioLoader.Edited
        do {
            edited = try ScenarioLoader.load(edits: request.edits, name: "edits.yaml", basePath: path)
        } catch {
            throw .unprocessable(
                "the edits do not make a valid scenario", error.diagnostics.map(\.description))
        }
        let s = edited.loaded.scenario
        guard s.population.size <= configuration.maximumPopulation else {
            throw .unprocessable(
                "population.size \(s.population.size) is above the explorer's limit of \(configuration.maximumPopulation); "
                    + "run larger populations with `creditsim run`")
        }
        guard s.run.days <= configuration.maximumDays else {
            throw .unprocessable(
                "the run is \(s.run.days) days long; the explorer's limit is \(configuration.maximumDays) (run.end)"
            )
        }
        let cells = s.run.days * max(1, s.population.groups.count) * s.scheme.states.count
        guard cells <= configuration.maximumDailyCells else {
            throw .unprocessable(
                "the run's daily tables would have \(cells) cells (\(s.run.days) days × "
                    + "\(max(1, s.population.groups.count)) groups × \(s.scheme.states.count) grade states); the explorer's "
                    + "limit is \(configuration.maximumDailyCells): use fewer groups or a shorter run, or `creditsim run`"
            )
        }
        if let refusal = RunPlan(s, threads: configuration.threadsPerRun, outputFolder: ".").refusal {
            throw .unprocessable("\(refusal.description): lower the population or shorten the run")
        }
        return edited
    }

    /// Runs the edited scenario (and its compliant variant when asked), waiting for a free slot;
    /// returns the response as JSON, encoded off the server's threads too.
    func run(_ request: RunRequest) async throws(APIError) -> Data {
        let edited = try edited(request)
        let unedited = try request.baseline.flatMap { yaml throws(APIError) -> ScenarioLoader.Edited? in
            yaml == request.edits ? nil : try self.edited(request.replacingEdits(yaml))
        }
        let profile = try request.guidance.map { name throws(APIError) in try loadGuidance(name) }
        // The file's hash too: a scenario file edited while the server runs is a new baseline.
        let key =
            ([request.scenario, request.baseline ?? ""] + (unedited?.loaded.inputs.map(\.sha256) ?? []))
            .joined(separator: "\n")
        let cached = unedited == nil ? nil : await baselines.value(for: key)
        let flag = try await gate.enter(session: request.session)
        let outcome = await Self.detached { () throws(APIError) -> (Data, Simulated?) in
            var baseline = cached
            if baseline == nil, let unedited { baseline = try simulate(unedited.loaded, flag: flag) }
            let response = try produce(
                edited, request: request, profile: profile, flag: flag, baseline: baseline)
            return (try apiJSON(response), baseline)
        }
        await gate.leave()
        let (data, baseline) = try outcome.get()
        if let baseline, cached == nil { await baselines.store(baseline, for: key) }
        return data
    }

    private func loadGuidance(_ name: String) throws(APIError) -> GuidanceProfile {
        guard let path = guidance.path(of: name) else {
            throw .notFound("no guidance profile called '\(name)'; GET /api/guidance lists them")
        }
        do {
            return try GuidanceLoader.load(path).profile
        } catch {
            throw .unprocessable(
                "the guidance profile \(name).yaml is invalid (\(error.diagnostics.count) errors); "
                    + "`creditsim validate` on the server shows them")
        }
    }

    private func produce(
        _ edited: ScenarioLoader.Edited, request: RunRequest, profile: GuidanceProfile?, flag: CancelFlag,
        baseline: Simulated?
    ) throws(APIError) -> RunResponse {
        let clock = ContinuousClock()
        let started = clock.now
        let main = try simulate(edited.loaded, flag: flag, baseline: baseline)
        var compliant: RunResponse.Compliant?
        if let profile {
            let variant: CompliantScenario
            do {
                variant = try CompliantScenario(
                    base: edited.loaded.scenario, scenarioPath: "edited.yaml", overlayPath: "compliant.yaml",
                    directory: "", profile: profile, virtualFiles: ["edited.yaml": edited.standalone])
            } catch {
                throw .unprocessable(
                    "the compliant variant does not load (a bug; please report it)",
                    error.diagnostics.map(\.description))
            }
            let run = try simulate(variant.loaded, flag: flag)
            compliant = .init(
                guidance: profile.name, title: profile.title,
                keyNumbers: KeyNumber.of(run.summary, states: variant.loaded.scenario.scheme.states),
                report: run.report, audit: variant.audit, changes: variant.variant.changes,
                overlay: variant.variant.overlay)
        }
        let s = edited.loaded.scenario
        return RunResponse(
            scenario: s.meta.name, title: s.meta.title, population: s.population.size, seed: s.run.seed,
            seconds: (clock.now - started).seconds,
            keyNumbers: KeyNumber.of(main.summary, states: s.scheme.states),
            report: main.report,
            standalone: edited.standalone, overlay: edited.overlay,
            files: main.files.filter { RunResponse.downloads.contains($0.key) }, compliant: compliant,
            baseline: baseline.map { .init(keyNumbers: KeyNumber.of($0.summary, states: s.scheme.states)) })
    }

    /// A run as the page needs it: its summary, report section and tables.
    struct Simulated: Sendable {
        let summary: RunSummary
        let report: String
        let files: [String: String]
        /// The result folder's files, for drawing this run behind another.
        let raw: [(name: String, data: Data)]
    }

    private func simulate(_ loaded: ScenarioLoader.Loaded, flag: CancelFlag, baseline: Simulated? = nil)
        throws(APIError) -> Simulated
    {
        let job = RunJob(loaded, command: ["creditsim", "serve"])
        let output: RunJob.Output
        do {
            output = try job.produce(
                options: .init(threads: configuration.threadsPerRun, isCancelled: { flag.isCancelled }),
                reportName: loaded.scenario.meta.name)
        } catch {
            if case .simulation(.cancelled) = error { throw .cancelled }
            throw APIError(status: .internalServerError, message: "could not build the results: \(error)")
        }
        let report: String
        do {
            report = try Report.runSection(
                name: loaded.scenario.meta.name, files: output.files, baseline: baseline?.raw)
        } catch {
            throw APIError(status: .internalServerError, message: "could not build the report: \(error)")
        }
        return Simulated(
            summary: output.summary, report: report,
            files: Dictionary(
                uniqueKeysWithValues: output.files.map {
                    ($0.name, String(decoding: $0.data, as: UTF8.self))
                }),
            raw: output.files)
    }

    /// Runs CPU-bound `work` on a Dispatch thread, keeping the server's event loops and the
    /// cooperative pool free.
    private static func detached<T: Sendable>(_ work: @escaping @Sendable () throws(APIError) -> T) async
        -> Result<T, APIError>
    {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(APIError) -> T in try work() })
            }
        }
    }
}

/// Compact JSON with the snake_case keys of CreditSim's files.
/// - Throws: `APIError` (500) when the value cannot be encoded.
func apiJSON<T: Encodable>(_ value: T) throws(APIError) -> Data {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
        return try encoder.encode(value)
    } catch {
        throw APIError(status: .internalServerError, message: "could not encode the reply: \(error)")
    }
}
