import CreditSim
import Testing

@Suite("pre-flight plan")
struct RunPlanTests {
    static func yaml(groups: Int, days: Int, size: Int) -> String {
        let shares = (0..<groups).map { "    - {id: g\($0), share: \(1.0 / Double(groups))}" }.joined(
            separator: "\n")
        return """
            schema: 1
            meta: {name: plan}
            run: {start: 2000-01-01, days: \(days)}
            population:
              size: \(size)
              groups:
            \(shares)
            behaviours:
              - {id: x, rate: 0.01, unlawful: "yes"}
            scheme:
              rulebooks:
                - {id: v1, effective: 2000-01-01, rules: [{behaviour: x, points: -5}]}
            """
    }

    /// A host with 16 GiB of memory available and 100 GiB of free disk, whatever runs the tests.
    static let host = RunPlan.Host.fixed(memory: 16 << 30, disk: 100 << 30)

    @Test("memory and disk do not depend on the population")
    func independentOfPopulation() throws {
        let small = RunPlan(
            try scenario(Self.yaml(groups: 2, days: 3650, size: 1000)), threads: 2, outputFolder: "results",
            host: Self.host)
        let huge = RunPlan(
            try scenario(Self.yaml(groups: 2, days: 3650, size: 1_000_000_000)), threads: 2,
            outputFolder: "results", host: Self.host)
        #expect(small.diskBytes == huge.diskBytes)
        #expect(huge.memoryBytes < 200 << 20)
        #expect(huge.refusal == nil)
    }

    @Test("a run that cannot fit is refused with the numbers")
    func refusal() throws {
        // 1,000 groups over 100 years: daily tables of 36,525 × 7 × 1,001 rows.
        let plan = RunPlan(
            try scenario(Self.yaml(groups: 1000, days: 36_525, size: 10_000)), threads: 2,
            outputFolder: "results", host: Self.host)
        let refusal = try #require(plan.refusal)
        #expect(refusal.memory?.available == 16 << 30)
        #expect(refusal.disk == nil)
        #expect(refusal.description.hasPrefix("the run would not fit this machine: it needs about "))
        #expect(refusal.description.contains("GiB of memory and 16.0 GiB is available"))
    }

    @Test("calibration scales the sample's time to the population and the threads")
    func calibration() throws {
        var plan = RunPlan(
            try scenario(Self.yaml(groups: 1, days: 365, size: 100_000)), threads: 1, outputFolder: "results",
            host: Self.host)
        try plan.calibrate(try scenario(Self.yaml(groups: 1, days: 365, size: 100_000)), sample: 4096)
        #expect(plan.calibrationResidents == 4096)
        #expect((plan.seconds ?? 0) > 0)
    }
}
