/// Every numeric scenario key the decoder reads, with its range and default: the one source that
/// the decoder checks values against and that `ScenarioKeyTests` compares with
/// `docs/scenario.schema.json` and `docs/scenario-format.md`.
///
/// Not declared here, because a fixed range does not describe them:
/// - `schema`, which must equal `Scenario.formatVersion`;
/// - `run.end`, a date on or after `run.start` and at most `Scenario.maximumDays` days from it;
/// - the conditions between values that the decoder checks after reading them (grade `min`s falling
///   and band `below`s rising, group shares adding up to 1), on top of each key's own range.
enum ScenarioKeys {
    /// Every declaration below, for the tests.
    static let all: [any ScenarioKey] = [
        runDays, seed,
        populationSize, gammaShape, gammaScale, lognormalSigma, groupShare, rateMultiplier,
        behaviourRate,
        baseScore, gradeMinimum, points, detection, retention, capPoints, capPeriod,
        leaveBelow, leaveProbability, consentBelow, consentProbability,
        deterrence, chillingFactor,
        measureDuration, repairAfter, repairProbability,
        binWidth, trajectories, dropWindow, topDrops,
    ]

    // MARK: run

    static let runDays = NumericKey<Int>(
        definition: "run", section: "run", name: "days", label: "horizon in days",
        range: 1...Scenario.maximumDays, defaultValue: nil)
    /// Read as digits only (`Scenario.decodeSeed`), not through `Fields`.
    static let seed = NumericKey<UInt64>(
        definition: "run", section: "run", name: "seed", label: "seed",
        range: 0...UInt64.max, defaultValue: 1)

    // MARK: population

    static let populationSize = NumericKey<Int>(
        definition: "population", section: "population", name: "size", label: "population size",
        range: 1...Scenario.maximumPopulation, defaultValue: nil)
    static let gammaShape = NumericKey<Double>(
        definition: "propensity", section: "population.propensity", name: "shape", label: "gamma shape",
        range: 1e-3...1e6, defaultValue: nil)
    static let gammaScale = NumericKey<Double>(
        definition: "propensity", section: "population.propensity", name: "scale", label: "gamma scale",
        range: 1e-9...1e6, defaultValue: nil)
    static let lognormalSigma = NumericKey<Double>(
        definition: "propensity", section: "population.propensity", name: "sigma", label: "lognormal sigma",
        range: 0...5, defaultValue: nil)
    static let groupShare = NumericKey<Double>(
        definition: "group", section: "population.groups[]", name: "share", label: "group share",
        range: 0...1, defaultValue: nil)
    /// The values of `multipliers`, one per behaviour id; unlisted behaviours keep their rate.
    static let rateMultiplier = NumericKey<Double>(
        definition: "group", section: "population.groups[]", name: "multipliers", label: "rate multiplier",
        range: 0...1000, defaultValue: nil, boundsEntries: true)

    // MARK: behaviours

    static let behaviourRate = NumericKey<Double>(
        definition: "behaviour", section: "behaviours", name: "rate",
        label: "rate (events per resident per day)", range: 0...100, defaultValue: nil)

    // MARK: scheme

    static let baseScore = NumericKey<Int>(
        definition: "scheme", section: "scheme", name: "base", label: "base score",
        range: -1_000_000...1_000_000, defaultValue: 1000)
    static let gradeMinimum = NumericKey<Int>(
        definition: "grade", section: "scheme.grades[]", name: "min", label: "grade minimum",
        range: -1_000_000...1_000_000, defaultValue: nil)
    static let points = NumericKey<Int>(
        definition: "rule", section: "scheme.rulebooks[].rules[]", name: "points", label: "points",
        range: -100_000...100_000, defaultValue: nil)
    static let detection = NumericKey<Double>(
        definition: "rule", section: "scheme.rulebooks[].rules[]", name: "detection",
        label: "detection probability", range: 0...1, defaultValue: 1)
    /// No default: records without a retention are kept for good.
    static let retention = NumericKey<Int>(
        definition: "rule", section: "scheme.rulebooks[].rules[]", name: "retention",
        label: "retention in days", range: 1...Scenario.maximumDays, defaultValue: nil)
    static let capPoints = NumericKey<Int>(
        definition: "cap", section: "scheme.rulebooks[].rules[].cap", name: "points", label: "cap in points",
        range: 1...10_000_000, defaultValue: nil)
    static let capPeriod = NumericKey<Int>(
        definition: "cap", section: "scheme.rulebooks[].rules[].cap", name: "period",
        label: "cap period in days", range: 1...Scenario.maximumDays, defaultValue: nil)

    // MARK: enrolment

    static let leaveBelow = NumericKey<Int>(
        definition: "leaveBand", section: bands, name: "below", label: "score bound",
        range: -1_000_000...1_000_000, defaultValue: nil)
    static let leaveProbability = NumericKey<Double>(
        definition: "leaveBand", section: bands, name: "probability", label: "daily leaving probability",
        range: 0...0.999_999, defaultValue: nil)
    static let consentBelow = NumericKey<Int>(
        definition: "consentBand", section: bands, name: "below", label: "score bound",
        range: -1_000_000...1_000_000, defaultValue: nil)
    static let consentProbability = NumericKey<Double>(
        definition: "consentBand", section: bands, name: "probability", label: "consent probability",
        range: 0...1, defaultValue: nil)

    // MARK: responses

    static let deterrence = NumericKey<Double>(
        definition: "responses", section: "responses", name: "deterrence", label: "deterrence factor",
        range: 0.000_001...10, defaultValue: 1)
    static let chillingFactor = NumericKey<Double>(
        definition: "chilling", section: "responses.chilling[]", name: "factor", label: "chilling factor",
        range: 0.000_001...10, defaultValue: nil)

    // MARK: consequences

    static let measureDuration = NumericKey<Int>(
        definition: "measure", section: "consequences.measures[]", name: "duration",
        label: "duration in days",
        range: 1...Scenario.maximumDays, defaultValue: nil)
    static let repairAfter = NumericKey<Int>(
        definition: "repair", section: "consequences.measures[].repair", name: "after",
        label: "repair delay in days", range: 1...Scenario.maximumDays, defaultValue: nil)
    static let repairProbability = NumericKey<Double>(
        definition: "repair", section: "consequences.measures[].repair", name: "probability",
        label: "repair probability", range: 0...1, defaultValue: nil)

    // MARK: outputs

    static let binWidth = NumericKey<Int>(
        definition: "outputs", section: "outputs", name: "bin_width", label: "histogram bin width",
        range: 1...1_000_000, defaultValue: 10)
    static let trajectories = NumericKey<Int>(
        definition: "outputs", section: "outputs", name: "trajectories", label: "number of trajectories",
        range: 0...1000, defaultValue: 20)
    static let dropWindow = NumericKey<Int>(
        definition: "outputs", section: "outputs", name: "drop_window", label: "drop window in days",
        range: 1...Scenario.maximumDays, defaultValue: 21)
    static let topDrops = NumericKey<Int>(
        definition: "outputs", section: "outputs", name: "top_drops", label: "number of top drops",
        range: 0...1000, defaultValue: 20)

    /// The format reference's section on `enrolment.leave` and `enrolment.consent` bands.
    private static let bands = "Bands (`leave[]`, `consent[]`)"
}
