import Foundation
import Synchronization

/// A progress bar on stderr, drawn only on a terminal and only once a run has taken a second.
final class ProgressBar: Sendable {
    private let label: String
    private let started = ContinuousClock.now
    private let state = Mutex<(shown: Bool, lastDraw: ContinuousClock.Instant?)>((false, nil))

    private init(label: String) { self.label = label }

    /// A bar for stderr, or `nil` when stderr is not a terminal.
    static func standardError(label: String) -> ProgressBar? {
        standardErrorIsTerminal ? ProgressBar(label: label) : nil
    }

    func update(_ fraction: Double) {
        let now = ContinuousClock.now
        guard now - started > .seconds(1) else { return }
        let draw = state.withLock { s -> Bool in
            if let last = s.lastDraw, now - last < .milliseconds(100), fraction < 1 { return false }
            s.lastDraw = now
            s.shown = true
            return true
        }
        guard draw else { return }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = (now - started).seconds
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        FileHandle.standardError.write(
            Data("\r\(label) \(bar) \(Int(fraction * 100))%  \(String(format: "%.0f", eta)) s left  ".utf8))
    }

    func finish() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
