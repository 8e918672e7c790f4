import Foundation
import Testing

@testable import CreditSim

/// Where the shipped scenarios are found, and how a name on the command line becomes a file.
@Suite("shipped data")
struct ShippedDataTests {
    /// A new folder with `scenarios/guidance/` (and a scenario file) under `relative`.
    func makeData(in root: URL, at relative: String) throws -> String {
        let folder = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("scenarios/guidance"), withIntermediateDirectories: true)
        try Data("schema: 1\n".utf8).write(to: folder.appendingPathComponent("scenarios/a.yaml"))
        return folder.path
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "shipped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("an installed binary finds PREFIX/share/creditsim")
    func installed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try makeData(in: root, at: "prefix/share/creditsim")
        let found = ShippedData.locate(
            environment: nil, executable: root.appendingPathComponent("prefix/bin/creditsim").path,
            workingDirectory: "/")
        #expect(found == data)
    }

    @Test("a binary in a checkout finds the checkout's data from any depth")
    func checkout() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try makeData(in: root, at: "repo")
        let found = ShippedData.locate(
            environment: nil,
            executable: root.appendingPathComponent("repo/.build/x86_64-unknown-linux-gnu/release/creditsim")
                .path,
            workingDirectory: "/")
        #expect(found == data)
    }

    @Test("CREDITSIM_DATA wins; the working directory is the last resort; nothing found is nil")
    func order() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = try makeData(in: root, at: "prefix/share/creditsim")
        let executable = root.appendingPathComponent("prefix/bin/creditsim").path
        #expect(
            ShippedData.locate(environment: "/elsewhere", executable: executable, workingDirectory: "/")
                == "/elsewhere")
        let working = try makeData(in: root, at: "work")
        #expect(
            ShippedData.locate(
                environment: nil, executable: "/nowhere/bin/creditsim", workingDirectory: working) == working)
        #expect(
            ShippedData.locate(environment: "", executable: executable, workingDirectory: "/") == installed)
        #expect(
            ShippedData.locate(environment: nil, executable: "/nowhere/bin/creditsim", workingDirectory: "/")
                == nil)
    }

    @Test("a path wins over a name; a name finds the shipped file with or without .yaml")
    func resolve() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try makeData(in: root, at: "data")
        let folder = "\(data)/scenarios"
        #expect(ShippedData.resolve("a", in: folder) == .init(path: "\(folder)/a.yaml", isShipped: true))
        #expect(ShippedData.resolve("a.yaml", in: folder) == .init(path: "\(folder)/a.yaml", isShipped: true))
        #expect(ShippedData.resolve("./a", in: folder) == .init(path: "./a", isShipped: false))
        #expect(ShippedData.resolve("b", in: folder) == .init(path: "b", isShipped: false))
        #expect(ShippedData.resolve("guidance", in: folder) == .init(path: "guidance", isShipped: false))
        // A file of the same name in the working directory is a path, and wins.
        let local = root.appendingPathComponent("a").path
        try Data().write(to: URL(fileURLWithPath: local))
        #expect(ShippedData.resolve(local, in: folder) == .init(path: local, isShipped: false))
    }

    @Test("the tests' own binary finds this repository's scenarios")
    func repository() throws {
        let folder = try #require(ShippedData.scenarioFolder)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/rongcheng-2016.yaml"))
        #expect(ShippedData.guidance("central-2020").isShipped)
    }
}
