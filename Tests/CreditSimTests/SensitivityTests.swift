import CreditSim
import Foundation
import GSL
import Testing

@Suite("Sensitivity indices")
struct SensitivityTests {
    /// Ishigami–Homma: sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³, a = 7, b = 0.1.
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// Analytic indices: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8,
    /// VT3 = 8b²π⁸/225.
    static let variance = 49.0 / 8 + 0.1 * pow(Double.pi, 4) / 5 + 0.01 * pow(Double.pi, 8) / 18 + 0.5
    static let s1 = [pow(1 + 0.1 * pow(Double.pi, 4) / 5, 2) / 2 / variance, 49.0 / 8 / variance, 0]
    static let st = [
        1 - 49.0 / 8 / variance, 49.0 / 8 / variance, 8 * 0.01 * pow(Double.pi, 8) / 225 / variance,
    ]

    @Test("Sobol indices of the Ishigami function agree with the analytic ones within 4 bootstrap SE")
    func ishigamiSobol() {
        #expect(abs(Self.s1[0] - 0.3139) < 1e-3 && abs(Self.st[2] - 0.2437) < 1e-3)
        let design = SaltelliDesign(base: 4096, dimensions: 3)
        let outputs = design.points.map(Self.ishigami)
        let indices = Sensitivity.sobol(outputs: outputs, base: 4096, dimensions: 3, bootstrap: 300, seed: 1)
        for i in 0..<3 {
            let first = indices[i].firstOrder
            let total = indices[i].totalOrder
            // Tolerance: 4 bootstrap standard errors (they are 0.005 to 0.02 here).
            #expect(
                abs(first.value - Self.s1[i]) < 4 * first.standardError,
                "S1[\(i)] = \(first.value) ± \(first.standardError)")
            #expect(
                abs(total.value - Self.st[i]) < 4 * total.standardError,
                "ST[\(i)] = \(total.value) ± \(total.standardError)")
            #expect(first.standardError < 0.05 && total.standardError < 0.05)
            #expect(first.lower <= first.value && first.value <= first.upper)
        }
    }

    @Test("Morris μ* of a linear function is each coefficient's size, with σ = 0")
    func morrisLinear() {
        let coefficients = [3.0, -1.5, 0.0, 0.25]
        let design = MorrisDesign(trajectories: 20, levels: 6, dimensions: 4, random: RandomStream(seed: 9))
        let outputs = design.points.map { x in zip(coefficients, x).map(*).reduce(0, +) }
        let effects = Sensitivity.morris(outputs: outputs, design: design, bootstrap: 200)
        for (i, c) in coefficients.enumerated() {
            #expect(abs(effects[i].muStar.value - abs(c)) < 1e-9)
            #expect(abs(effects[i].mu - c) < 1e-9)
            #expect(effects[i].sigma < 1e-9)
        }
    }

    /// A finished sweep's table for a saltelli plan of one parameter (2 rows × 3 points, one
    /// replicate), its columns in `order`, with `f(point)` as metric `m`.
    static func table(_ order: [String], points: Range<Int> = 0..<6, extra: String = "") -> String {
        let columns = ["run", "point", "replicate", "seed", "det", "metric", "value"]
        let rows = points.map { point in
            let fields = [
                String(point), String(point), "0", "3", "0.5", "m", String(Double(point * point) / 7),
            ]
            return order.map { fields[columns.firstIndex(of: $0) ?? 0] }.joined(separator: ",")
        }
        return ([order.joined(separator: ",")] + rows).joined(separator: "\n") + "\n" + extra
    }

    @Test("the sweep table is read by column name; a missing column or a row of another width is an error")
    func tableByName() throws {
        let folder = try temporaryFolder("sensitivity-table")
        defer { removeTemporary(folder) }
        let loaded = try PlanLoader.load(
            path: try writePlan(
                folder,
                body: """
                    seed: 3
                    parameters:
                      - {name: det, path: "responses.deterrence", min: 0.2, max: 1}
                    design: {kind: saltelli, base: 2}
                    """))
        let path = folder.appendingPathComponent("results.csv").path
        func analysis(_ text: String) throws(SweepError) -> SensitivityAnalysis {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                Issue.record("cannot write \(path): \(error)")
            }
            return try SensitivityAnalysis(loaded, folder: folder.path, bootstrap: 100)
        }
        let ordered = try analysis(
            Self.table(["run", "point", "replicate", "seed", "det", "metric", "value"]))
        let shuffled = try analysis(
            Self.table(["value", "seed", "metric", "det", "run", "point", "replicate"]))
        #expect(ordered.csv == shuffled.csv && ordered.rows.count == 2)

        let missing = #expect(throws: SweepError.self) {
            try analysis(Self.table(["run", "point", "replicate", "seed", "det", "metric"]))
        }
        #expect(
            missing?.description
                == "\(path): error: no column 'value' (the header is run,point,replicate,seed,det,metric)")
        let wide = #expect(throws: SweepError.self) {
            try analysis(
                Self.table(
                    ["run", "point", "replicate", "seed", "det", "metric", "value"],
                    extra: "6,0,0,3,0.5,m,1,9\n"))
        }
        #expect(wide?.description == "\(path): error: row 7 has 8 fields where the table has 7")
        let narrow = #expect(throws: SweepError.self) {
            try analysis(
                Self.table(
                    ["run", "point", "replicate", "seed", "det", "metric", "value"], extra: "6,0,0,3,0.5,m\n")
            )
        }
        #expect(narrow?.description == "\(path): error: row 7 has 6 fields where the table has 7")
        let short = #expect(throws: SweepError.self) {
            try analysis(
                Self.table(["run", "point", "replicate", "seed", "det", "metric", "value"], points: 0..<5))
        }
        #expect(short?.description == "\(path): error: metric 'm' lacks runs; the sweep is not finished")
    }
}
