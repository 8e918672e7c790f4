import CreditSim
import Foundation
import Testing

@Suite("Plan validation")
struct PlanValidationTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let body: String
        /// Expected text of one diagnostic, with its line and column in the plan.
        let expected: String
    }

    static let cases: [Case] = [
        Case(
            description: "a parameter named like a fixed column",
            body:
                "parameters:\n  - {name: Seed, path: \"responses.deterrence\", values: [0.5]}\ndesign: {kind: grid}\n",
            expected:
                ":5:12: error: a parameter may not be called 'Seed': results.csv has a column of that name (parameters[Seed].name)"
        ),
        Case(
            description: "a misspelt top-level key, transposed letters",
            body:
                "sede: 3\nparameters:\n  - {name: p, path: \"responses.deterrence\", values: [0.5]}\ndesign: {kind: gird}\n",
            expected: ":4:1: error: unknown key 'sede' (sede)\n    hint: did you mean 'seed'?"),
        Case(
            description: "unknown key", body: "replicates: 2\nparamters: []\n",
            expected: ":5:1: error: unknown key 'paramters' (paramters)"),
        Case(
            description: "no such rule",
            body:
                "parameters:\n  - {name: p, path: \"scheme.rulebooks[v1].rules[r99].points\", values: [-1]}\ndesign: {kind: grid}\n",
            expected: "error: 'scheme.rulebooks[v1].rules' has no element 'r99' (parameters[p].path)"),
        Case(
            description: "not a key path",
            body:
                "parameters:\n  - {name: p, path: \"scheme..rulebooks\", values: [1]}\ndesign: {kind: grid}\n",
            expected: "error: 'scheme..rulebooks' is not a key path (parameters[p].path)"),
        Case(
            description: "value out of range, located in the plan",
            body:
                "parameters:\n  - {name: det, path: \"scheme.rulebooks[v1].rules[r2].detection\", min: 0.5, max: 1.5}\ndesign: {kind: lhs, points: 4}\n",
            expected:
                ":5:72: error: parameter 'det': detection probability 1.5 is outside [0, 1] (scheme.rulebooks[v1].rules[r2].detection)"
        ),
        Case(
            description: "unknown metric",
            body:
                "parameters:\n  - {name: p, path: \"responses.deterrence\", values: [0.5]}\ndesign: {kind: grid}\nmetrics: [mean_scor]\n",
            expected: ":7:11: error: unknown metric 'mean_scor' (metrics[0])"),
        Case(
            description: "unknown design",
            body:
                "parameters:\n  - {name: p, path: \"responses.deterrence\", values: [0.5]}\ndesign: {kind: factorial}\n",
            expected: "error: unknown design 'factorial' (design.kind)"),
        Case(
            description: "too many runs",
            body:
                "replicates: 1000\nparameters:\n  - {name: a, path: \"responses.deterrence\", min: 0.1, max: 1}\n  - {name: b, path: \"scheme.rulebooks[v1].rules[r2].detection\", min: 0.1, max: 1}\n  - {name: c, path: \"scheme.rulebooks[v1].rules[r1].detection\", min: 0.1, max: 1}\ndesign: {kind: grid, levels: 100}\n",
            expected:
                "error: the plan asks for more than 10000000 runs (1000000 points × 1000 replicates) (design)"
        ),
        Case(
            description: "min not below max",
            body:
                "parameters:\n  - {name: p, path: \"responses.deterrence\", min: 0.9, max: 0.2}\ndesign: {kind: lhs, points: 4}\n",
            expected: "error: max must be above min (parameters[p].max)"),
        Case(
            description: "odd Morris levels",
            body:
                "parameters:\n  - {name: p, path: \"responses.deterrence\", min: 0.2, max: 0.9}\ndesign: {kind: morris, trajectories: 4, levels: 5}\n",
            expected: "error: Morris levels must be even"),
        Case(
            description: "duplicate parameter",
            body:
                "parameters:\n  - {name: p, path: \"responses.deterrence\", min: 0.2, max: 0.9}\n  - {name: p, path: \"scheme.rulebooks[v1].rules[r2].detection\", min: 0.2, max: 0.9}\ndesign: {kind: lhs, points: 4}\n",
            expected: "error: a second parameter called 'p'"),
        Case(
            description: "text parameter with a range",
            body:
                "parameters:\n  - {name: m, path: \"scheme.rulebooks[v2].migration\", min: 1, max: 2}\ndesign: {kind: lhs, points: 4}\n",
            expected: "error: 'scheme.rulebooks[v2].migration' holds text; list its 'values' instead"),
        Case(
            description: "invalid choice in values",
            body:
                "parameters:\n  - {name: m, path: \"scheme.rulebooks[v2].migration\", values: [keep, forget]}\ndesign: {kind: grid}\n",
            expected: "error: parameter 'm': expected one of keep, void_removed, reset, found 'forget'"),
    ]

    @Test("is refused before any run, at its place", arguments: cases)
    func refused(_ c: Case) throws {
        let folder = try temporaryFolder("plan-validation")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try writePlan(folder, body: c.body)
        do {
            _ = try PlanLoader.load(path: path)
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains(c.expected), "\(error.description)")
        }
    }

    @Test("the shipped plans load")
    func shipped() throws {
        let folder = repositoryScenariosFolder.deletingLastPathComponent().appendingPathComponent("plans")
        let plans = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(plans.count >= 4)
        for plan in plans { _ = try PlanLoader.load(path: folder.appendingPathComponent(plan).path) }
    }

    @Test("metric names match what a run reports")
    func metricNames() throws {
        let folder = try temporaryFolder("metric-names")
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try PlanLoader.load(
            path: try writePlan(
                folder,
                body: smallPlanBody.replacingOccurrences(
                    of: "metrics: [mean_score, share_D, ever_penalised_share]", with: "")))
        let out = folder.appendingPathComponent("sweep").path
        _ = try Sweep.execute(loaded, root: out, options: .init(threads: 1, maximumNewRuns: 1))
        let rows = try String(contentsOfFile: out + "/runs/00000000.csv", encoding: .utf8).split(
            separator: "\n")
        let names = rows.map { $0.split(separator: ",")[6] }.map(String.init)
        let scenario = try loaded.scenario(at: loaded.values(at: loaded.unitPoints()[0]), replicate: 0)
        #expect(names == loaded.metricNames(scenario))
    }
}
