/// Which plan and shard a sweep folder holds, as its `sweep.json` records it.
///
/// A folder only ever holds one plan (by hash) and one shard; shards of one plan carry the same
/// hash, so `Merge` can tell them apart from another plan's.
public struct SweepIdentity: Codable, Equatable, Sendable, CustomStringConvertible {
    public let planName: String
    /// SHA-256 over the plan file and every scenario file it reads.
    public let planHash: String
    /// 1-based; 1 of 1 for a sweep run in one piece.
    public let shard: Int
    public let shards: Int
    /// The runs of this shard.
    public let runs: Int

    /// `plan 'name' <12 hex digits>, shard K/N`.
    public var description: String {
        "plan '\(planName)' \(planHash.prefix(12)), shard \(shard)/\(shards)"
    }
}
