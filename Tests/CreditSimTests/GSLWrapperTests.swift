import CreditSim
import Foundation
import GSL
import Testing

@Suite("GSL wrapper")
struct GSLWrapperTests {
    @Test("mt19937 matches GSL's own test suite: seed 4357, 1000th output 1186927261")
    func mt19937KnownAnswer() throws {
        let stream = RandomStream(generator: try GeneratorKind(named: "mt19937"), seed: 0)
        stream.setRawSeed(4357)
        var value: UInt = 0
        for _ in 0..<1000 { value = stream.nextRaw() }
        #expect(value == 1_186_927_261)
    }

    @Test(
        "Philox4x32-10 matches Random123's known-answer vectors",
        arguments: [
            ((0, 0, 0, 0), (0, 0), (0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8)),
            (
                (0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF), (0xFFFF_FFFF, 0xFFFF_FFFF),
                (0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD)
            ),
            (
                (0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344), (0xA409_3822, 0x299F_31D0),
                (0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1)
            ),
        ] as [((UInt32, UInt32, UInt32, UInt32), (UInt32, UInt32), (UInt32, UInt32, UInt32, UInt32))])
    func philoxKnownAnswers(
        counter: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32),
        expected: (UInt32, UInt32, UInt32, UInt32)
    ) {
        let out = Philox.block(counter, key: key)
        #expect(out == expected)
    }

    @Test("streams are addressed by resident and purpose, not by draw order")
    func streamsAreAddressable() {
        let a = RandomStream(seed: 7)
        let b = RandomStream(seed: 7)
        a.select(resident: 12, stream: 3)
        let first = (0..<5).map { _ in a.uniform() }
        b.select(resident: 99, stream: 3)
        _ = (0..<17).map { _ in b.uniform() }
        b.select(resident: 12, stream: 3)
        #expect((0..<5).map { _ in b.uniform() } == first)
        b.select(resident: 12, stream: 4)
        #expect((0..<5).map { _ in b.uniform() } != first)
    }

    /// Sample mean and variance of draws must sit within 4 standard errors of the exact moments.
    @Test(
        "distribution moments through the Philox generator",
        arguments: [("gamma", 2.0, 0.5), ("gamma", 0.7, 3.0), ("poisson", 3.5, 0), ("lognormal", 0.5, 0)])
    func moments(kind: String, a: Double, b: Double) {
        let stream = RandomStream(seed: 11)
        stream.select(resident: 1, stream: 1)
        let n = 200_000
        var values: [Double] = []
        values.reserveCapacity(n)
        let mean: Double
        let variance: Double
        let fourth: Double  // fourth central moment, for the standard error of the variance
        switch kind {
        case "gamma":
            for _ in 0..<n { values.append(stream.gamma(shape: a, scale: b)) }
            mean = a * b
            variance = a * b * b
            fourth = 3 * a * (a + 2) * pow(b, 4)
        case "poisson":
            for _ in 0..<n { values.append(Double(stream.poisson(mean: a))) }
            mean = a
            variance = a
            fourth = a + 3 * a * a
        default:
            for _ in 0..<n { values.append(stream.lognormal(zeta: -a * a / 2, sigma: a)) }
            let w = exp(a * a)
            mean = 1
            variance = w - 1
            let w2 = w * w
            let bracket: Double = w2 * w2 + 2 * w2 * w + 3 * w2 - 3
            fourth = (w - 1) * (w - 1) * bracket
        }
        let sampleMean = Statistics.mean(values)
        let sampleVariance = Statistics.variance(values)
        let meanSE = (variance / Double(n)).squareRoot()
        let varianceSE = ((fourth - variance * variance) / Double(n)).squareRoot()
        #expect(abs(sampleMean - mean) < 4 * meanSE, "mean \(sampleMean) vs \(mean) ± \(meanSE)")
        #expect(
            abs(sampleVariance - variance) < 4 * varianceSE,
            "variance \(sampleVariance) vs \(variance) ± \(varianceSE)")
    }

    @Test("a GSL domain error becomes a typed Swift error, not a crash")
    func domainErrors() throws {
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [0.5, -1]) }
        #expect(throws: GSLError.self) { try Histogram(bins: 10, lower: 5, upper: 5) }
        let histogram = try Histogram(bins: 2, lower: 0, upper: 10)
        let error = #expect(throws: GSLError.self) { try histogram.add(42) }
        #expect(error?.function == "gsl_histogram_accumulate")
        #expect(error?.description.contains("GSL error") == true)
    }

    @Test("discrete distribution normalises weights")
    func discrete() throws {
        let d = try DiscreteDistribution(weights: [1, 3])
        #expect(abs(d.probability(of: 1) - 0.75) < 1e-12)
    }

    @Test("unknown generator names are refused")
    func unknownGenerator() {
        let error = #expect(throws: GeneratorKind.Unknown.self) { try GeneratorKind(named: "nope") }
        #expect(error?.name == "nope")
        #expect(GeneratorKind.available.contains("mt19937"))
        #expect(GeneratorKind.available.first == "philox4x32-10")
    }
}
