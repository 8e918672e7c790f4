/// A resident's largest score drop within one window of `dropWindow` days.
public struct ScoreDrop: Sendable, Codable, Equatable {
    public let resident: Int
    public let group: Int
    /// First and last day of the window in which the points were lost.
    public let startDay: Int
    public let endDay: Int
    public let before: Int
    public let after: Int
    public var drop: Int { before - after }

    /// Larger drops first; ties by resident index, so merging is deterministic.
    static func ranksBefore(_ a: ScoreDrop, _ b: ScoreDrop) -> Bool {
        a.drop != b.drop ? a.drop > b.drop : a.resident < b.resident
    }
}

/// The `capacity` largest drops seen so far, in rank order.
struct TopDrops: Sendable {
    let capacity: Int
    private(set) var drops: [ScoreDrop] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func offer(_ drop: ScoreDrop) {
        guard capacity > 0 else { return }
        if drops.count == capacity, !ScoreDrop.ranksBefore(drop, drops[drops.count - 1]) { return }
        let at = drops.firstIndex { ScoreDrop.ranksBefore(drop, $0) } ?? drops.count
        drops.insert(drop, at: at)
        if drops.count > capacity { drops.removeLast() }
    }

    /// The smallest drop that could still be admitted: any drop while the list is not full,
    /// otherwise the last one's (a smaller drop is refused; none is admitted at capacity 0).
    var floor: Int { drops.count < capacity ? Int.min : drops.last?.drop ?? Int.max }

    mutating func merge(_ other: TopDrops) {
        for drop in other.drops { offer(drop) }
    }
}
