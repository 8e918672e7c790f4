public import Foundation

/// A scenario's compliant variant under a guidance profile, loaded and ready to run, with the
/// audit it answers and the files a comparison keeps about it: the one path from a scenario to
/// its compliant counterpart (the `compare` command and the explorer).
public struct CompliantScenario: Sendable {
    public let profile: GuidanceProfile
    public let audit: AuditReport
    public let variant: CompliantVariant
    /// The variant as loaded from its overlay (inputs: the overlay, then the scenario's files).
    public let loaded: ScenarioLoader.Loaded

    /// The compliant variant of `base`, whose file is `scenarioPath`; the overlay is named
    /// `overlayPath` (and `extends` the scenario by that path, resolved in `directory`, or among
    /// `virtualFiles` for a scenario that exists only in memory).
    /// - Throws: `ScenarioError` when the overlay does not load — a bug in the variant, since it
    ///   only removes or tightens what a valid scenario has.
    public init(
        base: Scenario, scenarioPath: String, overlayPath: String, directory: String,
        profile: GuidanceProfile, virtualFiles: [String: String] = [:]
    ) throws(ScenarioError) {
        self.profile = profile
        audit = Audit.run(base, profile)
        variant = CompliantVariant(
            scenario: base, scenarioPath: scenarioPath, overlayPath: overlayPath, profile: profile)
        loaded = try ScenarioLoader.load(
            text: variant.overlay, name: overlayPath, directory: directory, virtualFiles: virtualFiles)
    }

    /// `audit.json`, `compliant-overlay.yaml` and `compliant-changes.json`.
    public func files() throws(EncodingFailure) -> [(name: String, data: Data)] {
        [
            ("audit.json", try encodeJSON(audit)),
            ("compliant-overlay.yaml", Data(variant.overlay.utf8)),
            ("compliant-changes.json", try encodeJSON(variant.changes)),
        ]
    }
}
