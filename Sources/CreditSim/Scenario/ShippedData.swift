internal import Foundation

/// The scenarios, guidance profiles and plans that ship with CreditSim, found wherever the user
/// stands, and the rule that turns a name on the command line into one of their files.
///
/// The data folder (holding `scenarios/`, `scenarios/guidance/` and `plans/`) is the first of:
/// 1. `$CREDITSIM_DATA`, when set;
/// 2. `PREFIX/share/creditsim` for a binary installed as `PREFIX/bin/creditsim` (`scripts/install.sh`);
/// 3. the source checkout the binary was built in: the nearest folder above the binary that holds
///    `scenarios/guidance/` (`.build/release/creditsim`);
/// 4. the working directory, when it holds `scenarios/`.
public enum ShippedData {
    /// The data folder, or `nil` when none of the places above has one.
    public static let root: String? = locate(
        environment: ProcessInfo.processInfo.environment["CREDITSIM_DATA"], executable: executablePath,
        workingDirectory: FileManager.default.currentDirectoryPath)

    /// The shipped scenario files' folder.
    public static var scenarioFolder: String? { root.map { "\($0)/scenarios" } }
    /// The shipped guidance profiles' folder.
    public static var guidanceFolder: String? { root.map { "\($0)/scenarios/guidance" } }
    /// The shipped experiment plans' folder.
    public static var planFolder: String? { root.map { "\($0)/plans" } }

    /// A file named on the command line.
    public struct Resolved: Sendable, Equatable {
        /// The file to read.
        public let path: String
        /// Whether a shipped file's name was given (rather than a path).
        public let isShipped: Bool
    }

    /// A scenario argument: a path that exists wins; otherwise a name such as `rongcheng-2016`
    /// (with or without `.yaml`) of a shipped scenario; otherwise the argument as given, which the
    /// loader then reports as missing.
    public static func scenario(_ argument: String) -> Resolved {
        resolve(argument, in: scenarioFolder)
    }

    /// A guidance profile argument (`--guidance`), resolved as `scenario(_:)` is, among the
    /// shipped profiles.
    public static func guidance(_ argument: String) -> Resolved {
        resolve(argument, in: guidanceFolder)
    }

    /// An experiment plan argument, resolved as `scenario(_:)` is, among the shipped plans.
    public static func plan(_ argument: String) -> Resolved {
        resolve(argument, in: planFolder)
    }

    /// `argument` as a path when it exists or looks like one, else as a name in `folder`.
    static func resolve(_ argument: String, in folder: String?) -> Resolved {
        let files = FileManager.default
        if files.fileExists(atPath: argument) || argument.contains("/") || argument.isEmpty {
            return Resolved(path: argument, isShipped: false)
        }
        if let folder {
            for name in [argument, "\(argument).yaml", "\(argument).yml"] {
                let path = "\(folder)/\(name)"
                var isDirectory: ObjCBool = false
                if files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return Resolved(path: path, isShipped: true)
                }
            }
        }
        return Resolved(path: argument, isShipped: false)
    }

    /// The data folder by the rules above, from the given environment value, executable path and
    /// working directory (separate for tests).
    static func locate(environment: String?, executable: String?, workingDirectory: String) -> String? {
        let files = FileManager.default
        func holdsData(_ folder: String) -> Bool {
            var isDirectory: ObjCBool = false
            return files.fileExists(atPath: "\(folder)/scenarios/guidance", isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        if let environment, !environment.isEmpty { return environment }
        if let executable {
            var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            let installed = folder.deletingLastPathComponent().appendingPathComponent("share/creditsim").path
            if holdsData(installed) { return installed }
            while folder.path != "/" {
                if holdsData(folder.path) { return folder.path }
                folder.deleteLastPathComponent()
            }
        }
        if files.fileExists(atPath: "\(workingDirectory)/scenarios") { return workingDirectory }
        return nil
    }

    /// The running binary's own path with links resolved (`/proc/self/exe` on Linux).
    static var executablePath: String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return linked
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
