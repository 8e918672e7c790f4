/// Ticks for an axis of days: the first day of years (or of months for short runs).
enum TimeAxis {
    /// Ticks between day `first` and `last` of a run that starts on `start`, at most about 10.
    static func ticks(start: SimDate, first: Int, last: Int) -> [(day: Int, label: String)] {
        let span = last - first
        let from = start.adding(days: first).components
        let to = start.adding(days: last).components
        if span > 500 {
            let years = to.year - from.year + 1
            let every = max(1, (years + 9) / 10)
            return stride(from: from.year, through: to.year + 1, by: every).compactMap { year in
                let day = start.days(until: SimDate(year: year, month: 1, day: 1))
                return (first...last).contains(day) ? (day, String(year)) : nil
            }
        }
        var out: [(Int, String)] = []
        var (y, m) = (from.year, from.month)
        let every = max(1, (span / 30 + 9) / 10)
        var k = 0
        while true {
            let day = start.days(until: SimDate(year: y, month: m, day: 1))
            if day > last { break }
            if day >= first && k % every == 0 { out.append((day, "\(y)-\(m < 10 ? "0" : "")\(m)")) }
            k += 1
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }
}
