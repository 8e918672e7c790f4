public import Foundation

/// One run from a loaded scenario to its result files and manifest.
///
/// The one path from a scenario to a run's folder, for the `run` command and the explorer;
/// `compare` and sweeps write folders of their own kind through the same `ResultFolder` and
/// `AtomicCreation`.
public struct RunJob: Sendable {
    /// What a run produced: the result, its summary and every file of its folder.
    public struct Output: Sendable {
        public let result: RunResult
        public let summary: RunSummary
        /// The folder's files in writing order: data files, `manifest.json`, then (when asked)
        /// `report.html` and `summary.md`.
        public let files: [(name: String, data: Data)]

        /// The contents of one file.
        public func file(_ name: String) -> Data? { files.first { $0.name == name }?.data }
    }

    /// Why a run produced no result folder.
    public enum Failure: Error, CustomStringConvertible {
        case simulation(Simulation.Failure)
        case encoding(EncodingFailure)
        case report(ReportError)
        case folder(ResultFolder.Failure)

        public var description: String {
            switch self {
            case .simulation(let failure): failure.description
            case .encoding(let failure): failure.description
            case .report(let failure): failure.description
            case .folder(let failure): failure.description
            }
        }
    }

    public let loaded: ScenarioLoader.Loaded
    /// The command line recorded in the manifest.
    public var command: [String]
    public var startedAt: Date
    /// Seconds spent loading the scenario (recorded in the manifest).
    public var loadSeconds: Double
    /// Also build `report.html` and `summary.md`.
    public var report: Bool

    public init(
        _ loaded: ScenarioLoader.Loaded, command: [String], startedAt: Date = Date(), loadSeconds: Double = 0,
        report: Bool = false
    ) {
        self.loaded = loaded
        self.command = command
        self.startedAt = startedAt
        self.loadSeconds = loadSeconds
        self.report = report
    }

    /// The default result folder of this run: `results/<scenario>/<YYYYMMDD-HHMMSS-seedN>`.
    public var defaultFolder: String {
        ResultFolder.defaultPath(
            parent: "results/\(loaded.scenario.meta.name)", startedAt: startedAt,
            seed: loaded.scenario.run.seed)
    }

    /// Simulates the scenario and builds every file in memory.
    ///
    /// - Parameters:
    ///   - options: How the simulation is carried out (threads, progress, cancellation).
    ///   - reportName: The folder name the report shows.
    /// - Returns: The result, its summary and every file of the result folder.
    /// - Throws: `Failure` when the simulation, the encoding of a file or the report fails.
    /// - Complexity: the simulation's (see `Simulation.run`); files are O(days · states · groups).
    public func produce(options: Simulation.Options, reportName: String) throws(Failure) -> Output {
        let result: RunResult
        do {
            result = try Simulation.run(loaded.scenario, options: options)
        } catch {
            throw .simulation(error)
        }
        let clock = ContinuousClock()
        let writeStart = clock.now
        var files: [(name: String, data: Data)]
        do throws(EncodingFailure) {
            files = try RunOutput.files(for: result)
            let manifest = Manifest(
                command: command, loaded: loaded, result: result, startedAt: startedAt,
                timings: .init(
                    loadSeconds: loadSeconds, simulateSeconds: result.simulationSeconds,
                    writeSeconds: (clock.now - writeStart).seconds),
                files: files)
            files.append(("manifest.json", try encodeJSON(manifest)))
        } catch {
            throw .encoding(error)
        }
        if report {
            do throws(ReportError) {
                files += try Report.files(for: files, name: reportName)
            } catch {
                throw .report(error)
            }
        }
        return Output(result: result, summary: RunSummary(result), files: files)
    }

    /// Simulates the scenario and writes its result folder atomically at `folder` (which must not
    /// exist; it is checked before the simulation starts).
    public func write(to folder: String, options: Simulation.Options) throws(Failure) -> Output {
        do {
            try ResultFolder.ensureAbsent(folder)
        } catch {
            throw .folder(error)
        }
        let output = try produce(options: options, reportName: folder)
        do {
            try ResultFolder.write(output.files, to: folder)
        } catch {
            throw .folder(error)
        }
        return output
    }
}

extension Report {
    /// `report.html` and `summary.md` of a result folder's files (derived from them; not hashed in
    /// the manifest).
    public static func files(for files: [(name: String, data: Data)], name: String) throws(ReportError)
        -> [(name: String, data: Data)]
    {
        let report = try Report([ReportInput(name: name, files: files)])
        return [("report.html", Data(report.html.utf8)), ("summary.md", Data(report.markdown.utf8))]
    }
}
