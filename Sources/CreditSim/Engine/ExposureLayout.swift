/// Where the count of one group, measure, day and kind sits in a flat exposure buffer:
/// `((group · measures + measure) · days + day) · 2 + kind`, kind 0 every exposure and kind 1 the
/// exposures that would remain without the penalties for conduct that is not unlawful.
///
/// The engine's changes use `days + 1` day slots (a change may fall on the day after the run);
/// a result's end-of-day totals use `days`.
struct ExposureLayout: Sendable {
    let groups: Int
    let measures: Int
    let days: Int

    /// The buffer size.
    var count: Int { groups * measures * days * 2 }

    @inline(__always)
    func index(group: Int, measure: Int, day: Int, kind: Int) -> Int {
        (((group &* measures &+ measure) &* days) &+ day) &* 2 &+ kind
    }
}
