internal import Foundation
public import GSL

/// A scenario, format version 1: a synthetic population replayed through a dated point scheme.
///
/// The reference page `docs/scenario-format.md` documents every key with its unit, default and
/// range; `docs/scenario.schema.json` is its JSON Schema. Values here are already validated.
public struct Scenario: Sendable, Encodable {
    /// The scenario format version this build reads.
    public static let formatVersion = 1

    public var schema: Int
    public var meta: Meta
    public var run: RunSettings
    public var population: PopulationSpec
    public var behaviours: [Behaviour]
    public var scheme: Scheme
    public var enrolment: Enrolment
    public var responses: Responses
    public var consequences: Consequences
    public var outputs: OutputSettings
}

/// Name, description and the sources the scenario's numbers come from.
public struct Meta: Sendable, Encodable {
    public var name: String
    public var title: String
    public var description: String
    public var sources: [Source]
}

/// A cited source and how far its figures can be trusted.
public struct Source: Sendable, Encodable {
    public enum Confidence: String, Sendable, Encodable, CaseIterable {
        case confirmed, secondary, unverified, illustrative
    }
    public var id: String
    public var citation: String
    public var url: String?
    public var confidence: Confidence
}

/// The simulated period, the seed and the random number generator.
public struct RunSettings: Sendable, Encodable {
    public var start: SimDate
    /// Number of simulated days (day 0 is `start`).
    public var days: Int
    public var seed: UInt64
    public var generator: GeneratorKind

    /// The last simulated day.
    public var end: SimDate { start.adding(days: days - 1) }
}

/// The synthetic population.
public struct PopulationSpec: Sendable, Encodable {
    public var size: Int
    public var propensity: Propensity
    public var groups: [Group]
}

/// The distribution of each resident's propensity multiplier (mean 1 for gamma and lognormal
/// when given so), drawn once at day 0 and multiplying every behaviour rate.
public enum Propensity: Sendable, Encodable, Equatable {
    case constant
    case gamma(shape: Double, scale: Double)
    case lognormal(sigma: Double)

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case .constant: 1
        case .gamma(let shape, let scale): shape * scale
        case .lognormal: 1
        }
    }

    /// The variance of the distribution.
    public var variance: Double {
        switch self {
        case .constant: 0
        case .gamma(let shape, let scale): shape * scale * scale
        case .lognormal(let sigma): expm1(sigma * sigma)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .constant: try c.encode("constant", forKey: .distribution)
        case .gamma(let shape, let scale):
            try c.encode("gamma", forKey: .distribution)
            try c.encode(shape, forKey: .shape)
            try c.encode(scale, forKey: .scale)
        case .lognormal(let sigma):
            try c.encode("lognormal", forKey: .distribution)
            try c.encode(sigma, forKey: .sigma)
        }
    }

    private enum Key: String, CodingKey { case distribution, shape, scale, sigma }
}

/// A named share of the population with its own attributes and behaviour-rate multipliers.
public struct Group: Sendable, Encodable {
    public var id: String
    public var share: Double
    public var attributes: [String: String]
    public var multipliers: [String: Double]
}

/// Whether a behaviour is unlawful under national law.
public enum Lawfulness: String, Sendable, Encodable, CaseIterable {
    case yes, no, unclear
}

/// The legal instrument that establishes a behaviour as a violation.
public enum LegalBasis: String, Sendable, Encodable, CaseIterable {
    case judgment, administrative, none
}

/// A kind of conduct residents engage in at a base daily rate.
public struct Behaviour: Sendable, Encodable {
    public var id: String
    public var name: String
    public var category: String
    /// Events per resident per day, before propensity, group and deterrence.
    public var rate: Double
    public var unlawful: Lawfulness
    public var basis: LegalBasis
    public var sources: [String]
    public var illustrative: Bool
}

/// Base score, grades and the dated rulebooks.
public struct Scheme: Sendable, Encodable {
    public var base: Int
    /// Grades from highest to lowest; every grade but the last has a minimum score.
    public var grades: [Grade]
    /// Rulebooks in effective-date order; the first starts with the run.
    public var rulebooks: [Rulebook]
}

/// A grade (AAA … D) and the lowest score that earns it (`nil` for the lowest grade).
public struct Grade: Sendable, Encodable {
    public var id: String
    public var min: Int?
}

/// How existing records are carried into a new rulebook.
public enum Migration: String, Sendable, Encodable, CaseIterable {
    /// Records stay and lapse as scheduled.
    case keep
    /// Records of behaviours the new rulebook no longer scores are voided (their points reversed).
    case voidRemoved = "void_removed"
    /// Every enrolled resident is reset to the base score; all records are cleared.
    case reset
}

/// One version of the point rules, in force from `effective` until the next rulebook.
public struct Rulebook: Sendable, Encodable {
    public var id: String
    public var effective: SimDate
    public var migration: Migration
    public var rules: [Rule]
    public var sources: [String]
}

/// A point rule: detected events of `behaviour` move the score by `points`.
public struct Rule: Sendable, Encodable {
    public var behaviour: String
    public var points: Int
    /// Probability that an event is detected and recorded.
    public var detection: Double
    /// Days after which a record's points lapse; `nil` keeps them for good.
    public var retention: Int?
    public var cap: Cap?
    public var sources: [String]
}

/// At most `points` (in absolute value) from one rule within each `period`-day window,
/// windows counted from the run's start.
public struct Cap: Sendable, Encodable {
    public var points: Int
    public var period: Int
}

/// Who is scored, and the behavioural model of who leaves.
public struct Enrolment: Sendable, Encodable {
    public enum Mode: String, Sendable, Encodable, CaseIterable {
        case mandatory
        case optOut = "opt_out"
        case consent
    }

    /// What an opted-out resident's score becomes.
    public enum OptedOut: String, Sendable, Encodable, CaseIterable {
        /// Kept at its value on the day of leaving, and still counted in score statistics.
        case frozen
        /// No longer a score: left out of score statistics (still counted as opted out).
        case unscored
    }

    public var mode: Mode
    /// The day leaving (opt-out) or the consent decision becomes possible.
    public var from: SimDate?
    public var optedOut: OptedOut
    /// Daily probability that an enrolled resident leaves, by score band.
    public var leave: [Band]
    /// Probability of consenting on `from` (consent mode), by score band.
    public var consent: [Band]
}

/// A probability that applies to scores below `below` (the last band has no bound).
public struct Band: Sendable, Encodable {
    public var below: Int?
    public var probability: Double
}

/// Behavioural responses to penalties.
public struct Responses: Sendable, Encodable {
    /// Rate multiplier applied to a behaviour after each detected penalty for it (1 = none).
    public var deterrence: Double
    public var chilling: [Chilling]
}

/// A penalty for `trigger` multiplies the rate of the (lawful) `target` behaviour by `factor`.
public struct Chilling: Sendable, Encodable {
    public var trigger: String
    public var target: String
    public var factor: Double
}

/// What the run records besides daily grade counts.
public struct OutputSettings: Sendable, Encodable {
    /// Days at whose end the score histogram is taken (the last day is always included).
    public var histograms: [SimDate]
    public var binWidth: Int
    /// Number of residents whose whole trajectory is kept.
    public var trajectories: Int
    /// Length of the window, in days, for the largest score drops.
    public var dropWindow: Int
    /// How many of the largest drops are listed.
    public var topDrops: Int
}
