import ArgumentParser
import Foundation
import Synchronization

/// Set by the SIGINT handler; read between blocks of residents.
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C during a simulation: the run stops at its next block of residents and writes nothing.
///
/// Result folders are created whole or not at all. A second Ctrl-C exits at once. The handler is a
/// plain signal handler, not a Dispatch source: the simulation keeps every Dispatch worker thread
/// busy, so a source's handler would run only after the run.
enum Interrupt {
    /// Whether Ctrl-C was pressed since `install()`.
    static var requested: Bool { interruptRequested.load(ordering: .relaxed) }

    /// Catches SIGINT from now on.
    static func install() {
        signal(SIGINT) { _ in
            // Only async-signal-safe calls here: an atomic exchange, write(2) and _exit(2).
            if interruptRequested.exchange(true, ordering: .relaxed) { _exit(130) }
            let message: StaticString =
                "\ninterrupted: stopping at the next block of residents; nothing will be written\n"
            message.withUTF8Buffer { _ = write(2, $0.baseAddress, $0.count) }  // no allocation
        }
    }

    /// The value of `work`, a simulation Ctrl-C may stop, with `bar` finished either way.
    ///
    /// A failure exits with 130 after Ctrl-C, else prints the error (with the CLI's remedy) and
    /// exits with 1.
    static func run<T, Failure: Error & CustomStringConvertible>(
        closing bar: ProgressBar?, _ work: () throws(Failure) -> T
    ) throws -> T {
        do {
            let value = try work()
            bar?.finish()
            return value
        } catch {
            bar?.finish()
            try exitIfRequested()
            printError(remedied(error))
            throw ExitCode(1)
        }
    }

    /// Exit code 130 (as for SIGINT) when the work stopped because of Ctrl-C.
    static func exitIfRequested() throws {
        if requested { throw ExitCode(130) }
    }
}
