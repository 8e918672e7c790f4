import CreditSim
import Foundation
import Testing

@Suite("Designs")
struct DesignTests {
    func plan(_ design: String, parameters: Int = 3) throws -> PlanLoader.Loaded {
        let folder = try temporaryFolder("design")
        defer { try? FileManager.default.removeItem(at: folder) }
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
