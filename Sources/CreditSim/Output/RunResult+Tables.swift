internal import Foundation

/// The tidy CSV tables of a run (one observation per row, a header first).
extension RunResult {
    /// `daily.csv`: end-of-day residents per state, for all residents and (with groups) per group.
    public var dailyTable: String {
        var out = ResultTable.daily.header
        out.reserveCapacity(days * states.count * 32)
        let groupRows: [(String, Int?)] =
            [("all", nil)] + (groups.count > 1 ? groups.enumerated().map { ($1, $0) } : [])
        for (name, g) in groupRows {
            for d in 0..<days {
                let date = self.date(ofDay: d)
                let counts = counts(onDay: d, group: g)
                for (k, state) in states.enumerated() {
                    out += "\(d),\(date),\(name),\(state),\(counts[k])\n"
                }
            }
        }
        return out
    }

    /// `rules.csv`: detected events and points per rule.
    public var rulesTable: String {
        var out = ResultTable.rules.header
        let behaviours = Dictionary(uniqueKeysWithValues: scenario.behaviours.map { ($0.id, $0) })
        for r in rules {
            guard let b = behaviours[r.behaviour] else {
                preconditionFailure("every rule's behaviour is a behaviour of the scenario (invariant)")
            }
            out +=
                "\(r.rulebook),\(r.behaviour),\(CSV.field(b.category)),\(b.unlawful.rawValue),\(b.basis.rawValue),\(r.points),"
                + "\(r.detection),\(r.events),\(r.cappedEvents),\(r.pointsAdded),\(r.pointsRemoved)\n"
        }
        return out
    }

    /// `histograms.csv`: residents per score bin at the end of each snapshot day.
    public var histogramTable: String {
        let width = scenario.outputs.binWidth
        var out = ResultTable.histograms.header
        for snapshot in snapshots {
            let date = self.date(ofDay: snapshot.day)
            let rows: [(String, ScoreCounts)] =
                [("all", snapshot.overall)] + (groups.count > 1 ? Array(zip(groups, snapshot.byGroup)) : [])
            for (name, counts) in rows {
                for bin in bins(counts, width: width) {
                    out += "\(date),\(name),\(bin.lower),\(bin.lower + width),\(bin.count)\n"
                }
            }
        }
        return out
    }

    /// Scores binned by `width`, contiguous from the lowest to the highest non-empty bin.
    ///
    /// Bin `k` holds `[k·width, (k+1)·width)`. Integer arithmetic: exact for any count.
    public func bins(_ counts: ScoreCounts, width: Int) -> [(lower: Int, count: Int64)] {
        let entries = counts.nonEmpty
        guard let first = entries.first, let last = entries.last else { return [] }
        let lowBin = floorDiv(first.score, width)
        var binned = [Int64](repeating: 0, count: floorDiv(last.score, width) - lowBin + 1)
        for (score, count) in entries { binned[floorDiv(score, width) - lowBin] += count }
        return binned.enumerated().map { ((lowBin + $0.offset) * width, $0.element) }
    }

    /// `drops.csv`: the largest score drops within the drop window, largest first.
    public var dropsTable: String {
        var out = ResultTable.drops.header
        for (i, d) in topDrops.enumerated() {
            out +=
                "\(i + 1),\(d.resident),\(groups[d.group]),\(date(ofDay: d.startDay)),\(date(ofDay: d.endDay)),"
                + "\(d.before),\(d.after),\(d.drop)\n"
        }
        return out
    }

    /// `exposures.csv`: end-of-day residents exposed to each measure, and how many of those
    /// exposures rest only on conduct that is not unlawful.
    public var exposuresTable: String {
        var out = ResultTable.exposures.header
        let groupRows: [(String, Int?)] =
            [("all", nil)] + (groups.count > 1 ? groups.enumerated().map { ($1, $0) } : [])
        for (name, g) in groupRows {
            for (m, measure) in measures.enumerated() {
                for d in 0..<days {
                    let e = exposed(measure: m, onDay: d, group: g)
                    out += "\(d),\(date(ofDay: d)),\(name),\(measure),\(e.all),\(e.notUnlawfulOnly)\n"
                }
            }
        }
        return out
    }

    /// `trajectories.csv`: every change of score or state of the sampled residents.
    public var trajectoriesTable: String {
        var out = ResultTable.trajectories.header
        for p in trajectories {
            let date = p.day < 0 ? scenario.run.start : self.date(ofDay: p.day)
            out += "\(p.resident),\(groups[p.group]),\(p.day),\(date),\(p.score),\(states[p.state])\n"
        }
        return out
    }
}

/// Floor division (rounds towards −∞), for binning negative scores.
func floorDiv(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}
