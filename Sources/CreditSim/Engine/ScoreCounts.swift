/// The number of residents at each integer score: an exact, mergeable score distribution.
///
/// Counting every integer keeps means, standard deviations, Gini coefficients and histograms
/// exact and independent of the order in which residents are added.
/// - Complexity: memory proportional to the score range, not to the number of residents.
public struct ScoreCounts: Sendable, Equatable {
    /// The score of `counts[0]`.
    public private(set) var lowest: Int = 0
    public private(set) var counts: [Int64] = []

    public init() {}

    /// The number of residents counted.
    public var total: Int64 { counts.reduce(0, +) }

    @inline(__always)
    public mutating func add(_ score: Int, count: Int64 = 1) {
        if counts.isEmpty {
            lowest = score
            counts = [0]
        }
        if score < lowest {
            counts.insert(contentsOf: repeatElement(0, count: lowest - score), at: 0)
            lowest = score
        } else if score >= lowest + counts.count {
            counts.append(contentsOf: repeatElement(0, count: score - lowest - counts.count + 1))
        }
        counts[score - lowest] += count
    }

    public mutating func merge(_ other: ScoreCounts) {
        for (i, c) in other.counts.enumerated() where c != 0 { add(other.lowest + i, count: c) }
    }

    /// Scores with their counts, ascending, skipping empty scores.
    public var nonEmpty: [(score: Int, count: Int64)] {
        counts.enumerated().compactMap { $1 == 0 ? nil : (lowest + $0, $1) }
    }

    /// Mean, population standard deviation, Gini coefficient, minimum and maximum.
    ///
    /// Gini is `Σ_i (2i − n − 1) x_(i) / (n Σ x)` over the sorted scores (i = 1…n), computed
    /// exactly as in the reference baselines.
    public var summary: ScoreSummary? {
        let n = total
        guard n > 0 else { return nil }
        var sum = 0.0
        for (score, count) in nonEmpty { sum += Double(score) * Double(count) }
        let mean = sum / Double(n)
        var squares = 0.0
        var gini = 0.0
        var before: Int64 = 0
        for (score, count) in nonEmpty {
            squares += Double(count) * (Double(score) - mean) * (Double(score) - mean)
            gini += Double(score) * Double(count) * Double(2 * before + count - n)
            before += count
        }
        let entries = nonEmpty
        guard let first = entries.first, let last = entries.last else {
            preconditionFailure("a positive total has a non-empty score (invariant)")
        }
        return ScoreSummary(
            residents: n, mean: mean, standardDeviation: (squares / Double(n)).squareRoot(),
            gini: sum == 0 ? 0 : gini / (Double(n) * sum), minimum: first.score,
            maximum: last.score)
    }
}

/// Summary statistics of a score distribution.
public struct ScoreSummary: Sendable, Codable, Equatable {
    public let residents: Int64
    public let mean: Double
    public let standardDeviation: Double
    public let gini: Double
    public let minimum: Int
    public let maximum: Int
}
