/// The last few runs of unedited schemes, by scenario and overlay (population and seed).
///
/// Every edit a student makes is compared with the unedited scheme on the same residents, so one
/// such run serves many requests. The oldest entry goes first.
actor BaselineCache {
    let capacity: Int
    private var entries: [(key: String, value: ExplorerService.Simulated)] = []

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: String) -> ExplorerService.Simulated? {
        entries.last { $0.key == key }?.value
    }

    func store(_ value: ExplorerService.Simulated, for key: String) {
        entries.removeAll { $0.key == key }
        entries.append((key, value))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
