/// A change in a sampled resident's score or state, at the end of `day` (−1 for the start).
public struct TrajectoryPoint: Sendable, Codable, Equatable {
    public let resident: Int
    public let group: Int
    public let day: Int
    public let score: Int
    public let state: Int
}
