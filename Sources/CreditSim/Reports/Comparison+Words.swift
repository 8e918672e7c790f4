/// A comparison in words, for the console: the same sentences and names as its report.
extension Comparison {
    /// The paired differences of variant `s` as the summary ranks them.
    func effects(variant s: Int, measures: [String: String]) -> [SummaryInWords.Effect] {
        metrics.indices.compactMap { k in
            guard let d = difference(variant: s, metric: k) else { return nil }
            return SummaryInWords.Effect(
                metric: MetricCatalogue.describe(metrics[k], measures: measures),
                difference: d.paired.estimate, interval: (d.paired.lower, d.paired.upper),
                excludesZero: d.paired.excludesZero,
                baseline: summary(scenario: 0, metric: k)?.estimate ?? .nan,
                variant: summary(scenario: s, metric: k)?.estimate ?? .nan,
                unpaired: (d.unpaired.lower, d.unpaired.upper))
        }
    }

    /// The date of the last grade shares among the metrics.
    public var lastShareDate: String? {
        metrics.compactMap { MetricCatalogue.describe($0).date }.max()
    }

    /// The leading effects of variant `s` as sentences (`lead: text`), by the rule the reports state.
    ///
    /// - Parameters:
    ///   - s: The variant (1 or more).
    ///   - population: Residents per run, for "about N of M residents".
    ///   - measures: Readable names of measures by id.
    /// - Returns: The sentences, shares first.
    public func leadSentences(variant s: Int, population: Int, measures: [String: String]) -> [String] {
        SummaryInWords.leads(effects(variant: s, measures: measures), lastDate: lastShareDate).map {
            let sentence = SummaryInWords.sentence($0, population: population)
            return "\(sentence.lead): \(sentence.text)"
        }
    }

    /// The rule that picks the leading effects, in words.
    public static var leadRule: String { SummaryInWords.leadRule }
}
