import CreditSim
import Foundation
import GSL
import Testing

@Suite("Designs")
struct DesignTests {
    func plan(_ design: String, parameters: Int = 3) throws -> PlanLoader.Loaded {
        let folder = try temporaryFolder("design")
        defer { removeTemporary(folder) }
        let all = [
            "{name: a, path: \"responses.deterrence\", min: 0.2, max: 1}",
            "{name: b, path: \"scheme.rulebooks[v1].rules[r2].points\", min: -100, max: -1}",
            "{name: c, path: \"scheme.rulebooks[v2].effective\", min: 2017-01-01, max: 2020-12-31}",
        ]
        return try PlanLoader.load(
            path: try writePlan(
                folder,
                body: "population: 100\nparameters:\n"
                    + all.prefix(parameters).map { "  - \($0)" }.joined(separator: "\n")
                    + "\ndesign: \(design)\n"))
    }

    @Test("a grid takes every combination, first parameter slowest, ends included")
    func grid() throws {
        let loaded = try plan("{kind: grid, levels: 3}", parameters: 2)
        let values = loaded.unitPoints().map { loaded.values(at: $0) }
        #expect(values.count == 9)
        #expect(values[0] == ["0.2", "-100"])
        #expect(values[1] == ["0.2", "-50"])  // the middle of 100 integers, rounded down
        #expect(values[2] == ["0.2", "-1"])
        #expect(values[8] == ["1.0", "-1"])
    }

    @Test("a Latin hypercube puts one point in each stratum of every parameter")
    func latinHypercube() throws {
        let loaded = try plan("{kind: lhs, points: 50}")
        let points = loaded.unitPoints()
        #expect(points.count == 50)
        for k in 0..<3 {
            #expect(Set(points.map { Int($0[k] * 50) }) == Set(0..<50))
        }
        #expect(try plan("{kind: lhs, points: 50}").unitPoints() == points)  // the same seed, the same design
        let dates = points.map { loaded.values(at: $0)[2] }
        #expect(dates.allSatisfy { $0 >= "2017-01-01" && $0 <= "2020-12-31" })
    }

    @Test("Saltelli rows: A, B, then A with one coordinate from B")
    func saltelli() {
        let design = SaltelliDesign(base: 16, dimensions: 3)
        #expect(design.points.count == 16 * 5)
        for j in 0..<16 {
            let a = design.points[j * 5]
            let b = design.points[j * 5 + 1]
            for i in 0..<3 {
                var expected = a
                expected[i] = b[i]
                #expect(design.points[j * 5 + 2 + i] == expected)
            }
        }
        // A Sobol sequence fills the cube evenly: each half of each axis gets half of the points.
        let a = (0..<16).map { design.points[$0 * 5] }
        for i in 0..<3 { #expect(a.filter { $0[i] < 0.5 }.count == 8) }
    }

    @Test("Morris trajectories move each parameter once by ±Δ on the grid")
    func morris() {
        let random = RandomStream(seed: 3)
        let design = MorrisDesign(trajectories: 10, levels: 4, dimensions: 3, random: random)
        #expect(design.points.count == 40)
        #expect(abs(design.delta - 2.0 / 3) < 1e-15)
        for t in 0..<10 {
            #expect(Set(design.moves[t].map(\.parameter)) == [0, 1, 2])
            for (s, move) in design.moves[t].enumerated() {
                let before = design.points[t * 4 + s]
                let after = design.points[t * 4 + s + 1]
                for i in 0..<3 {
                    let expected = i == move.parameter ? before[i] + move.step : before[i]
                    #expect(abs(after[i] - expected) < 1e-12)
                    #expect(after[i] >= -1e-12 && after[i] <= 1 + 1e-12)
                }
            }
        }
    }
}

@Suite("Plan key paths")
struct PlanPathTests {
    @Test("a band without an id is named by its position; the overlay carries the whole list")
    func positional() throws {
        let folder = try temporaryFolder("positional")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(
            path: try writePlan(
                folder,
                body: """
                    population: 100
                    parameters:
                      - {name: leave_low, path: "enrolment.leave[0].probability", values: [0.003]}
                      - {name: overhaul, path: "scheme.rulebooks[v2].effective", values: [2019-06-01]}
                    design: {kind: grid}
                    """))
        let values = loaded.values(at: loaded.unitPoints()[0])
        let scenario = try loaded.scenario(at: values, replicate: 0)
        #expect(scenario.enrolment.leave.map(\.probability) == [0.003, 0.0001])
        #expect(scenario.enrolment.leave.map(\.below) == [960, nil])
        #expect(scenario.scheme.rulebooks[1].effective.description == "2019-06-01")
        let overlay = try loaded.overlay(values, replicate: 0)
        #expect(
            overlay.contains("  leave:\n  - {below: 960, probability: 0.003}\n  - {probability: 0.0001}\n"))
        #expect(overlay.contains("- {id: v2, effective: 2019-06-01}"))
        // The overlay, saved next to the base, is the same scenario.
        let again = try ScenarioLoader.load(
            text: overlay.replacingOccurrences(
                of: "extends: \(loaded.plan.scenario)", with: "extends: reference-bench.yaml"),
            name: "point.yaml", directory: repositoryScenariosFolder.path)
        #expect(try encodeJSON(again.scenario) == encodeJSON(scenario))
    }

    @Test("every point's overlay loads to the point's scenario, shipped plans included")
    func overlaysReproducePoints() throws {
        let folder = try temporaryFolder("overlays")
        defer { removeTemporary(folder) }
        // Parameters under `population` and `run` share those keys with the plan's own values.
        let own = try writePlan(
            folder,
            body: """
                population: 300
                seed: 9
                parameters:
                  - {name: size, path: "population.size", values: [100, 200]}
                  - {name: days, path: "run.days", values: [3650, 3700]}
                  - {name: rule, path: "scheme.rulebooks[v1].rules[r2].points", min: -60, max: -10}
                design: {kind: grid, levels: 2}
                """)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: repositoryPlansFolder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map {
                repositoryPlansFolder.appendingPathComponent($0).path
            }
        for path in [own] + shipped {
            let loaded = try PlanLoader.load(path: path)
            for unit in loaded.unitPoints().prefix(4) {
                let values = loaded.values(at: unit)
                let overlay = try loaded.overlay(values, replicate: 1)
                let again = try ScenarioLoader.load(
                    text: overlay, name: "point.yaml", directory: (path as NSString).deletingLastPathComponent
                )
                #expect(
                    try encodeJSON(again.scenario) == encodeJSON(loaded.scenario(at: values, replicate: 1)),
                    "\(path): \(values)")
            }
        }
    }

    @Test("a position past the end, or in a list with ids, is refused with the choices")
    func refused() throws {
        let folder = try temporaryFolder("positional-refused")
        defer { removeTemporary(folder) }
        for (path, message) in [
            (
                "enrolment.leave[2].probability",
                "its 2 elements have no ids; name one by its position, 0 to 1"
            ),
            ("scheme.rulebooks[0].effective", "it has: v1, v2"),
        ] {
            let plan = try writePlan(
                folder,
                body: "parameters:\n  - {name: p, path: \"\(path)\", values: [1]}\ndesign: {kind: grid}\n")
            #expect {
                try PlanLoader.load(path: plan)
            } throws: { error in
                (error as? ScenarioError)?.description.contains(message) == true
            }
        }
    }
}
