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
        "Philox2x64-10 matches Random123's known-answer vectors",
        arguments: [
            ((0, 0), 0, (0xCA00_A045_9843_D731, 0x66C2_4222_C9A8_45B5)),
            (
                (0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF), 0xFFFF_FFFF_FFFF_FFFF,
                (0x65B0_21D6_0CD8_310F, 0x4D02_F322_2F86_DF20)
            ),
            (
                (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344), 0xA409_3822_299F_31D0,
                (0x0A5E_742C_2997_341C, 0xB0F8_83D3_8000_DE5D)
            ),
        ] as [((UInt64, UInt64), UInt64, (UInt64, UInt64))])
    func philoxKnownAnswers(counter: (UInt64, UInt64), key: UInt64, expected: (UInt64, UInt64)) {
        let out = Philox.block(counter, key: key)
        #expect(out == expected)
    }

    @Test("SplitMix64 matches the reference splitmix64.c outputs for seed 1234567, each addressable")
    func splitMixKnownAnswers() {
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { SplitMix64.output(seed: 1_234_567, index: UInt64($0)) } == expected)
        #expect(SplitMix64.output(seed: 1_234_567, index: 4) == expected[4])
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

    /// The ziggurat's unit exponentials: mean and variance within 4 standard errors; 64
    /// equiprobable bins (which cut across the layers and their wedges) with a χ² below its mean
    /// plus 4 standard deviations (63 + 4·√126 ≈ 108); the tail beyond the base layer, where the
    /// sampler switches to `log`, within 4 binomial standard errors of e^(−7.697).
    @Test("ziggurat exponentials follow Exp(1), tail included")
    func zigguratExponential() {
        let stream = RandomStream(seed: 5)
        stream.select(resident: 3, stream: 9)
        let n = 1_000_000
        let bins = 64
        var counts = [Int](repeating: 0, count: bins)
        var sum = 0.0
        var sumSquares = 0.0
        var tail = 0
        for _ in 0..<n {
            let x = stream.exponential()
            sum += x
            sumSquares += x * x
            if x > 7.697_117_470_131_487 { tail += 1 }
            counts[min(bins - 1, Int((1 - exp(-x)) * Double(bins)))] += 1  // the bin of F(x)
        }
        let mean = sum / Double(n)
        let variance = sumSquares / Double(n) - mean * mean
        #expect(abs(mean - 1) < 4 / Double(n).squareRoot(), "mean \(mean)")
        #expect(abs(variance - 1) < 4 * (8 / Double(n)).squareRoot(), "variance \(variance)")  // μ₄ = 9
        let expected = Double(n) / Double(bins)
        let chiSquare = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(
            chiSquare < 63 + 4 * 126.0.squareRoot(), "χ² \(chiSquare) over \(bins - 1) degrees of freedom")
        let p = exp(-7.697_117_470_131_487)
        let tailSE = (Double(n) * p * (1 - p)).squareRoot()
        #expect(
            abs(Double(tail) - Double(n) * p) < 4 * tailSE, "tail \(tail) vs \(Double(n) * p) ± \(tailSE)")
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
        #expect(GeneratorKind.available.first == "philox2x64-10")
    }
}
