import Testing

@testable import CreditSim

@Suite("file paths")
struct FilePathTests {
    @Test(
        "the folder part of a path, one-character names included",
        arguments: [
            ("r", ""), ("ab", ""), ("a/b", "a"), ("a/b/", "a"), ("/a", "/"), ("/", "/"), ("", ""),
            ("x/y/z.yaml", "x/y"), ("./r", "."), ("a//b", "a"), ("../r", ".."),
        ])
    func parent(path: String, expected: String) {
        #expect(FilePath.parent(of: path) == expected)
    }
}

@Suite("near misses")
struct NearMissTests {
    @Test("likely slips get the nearest word; unrelated or very long words get none")
    func suggestions() {
        let keys = ["detection", "points", "remove", "seed", "traffic", "r2", "grid"]
        #expect(NearMiss.suggestion(for: "detect", among: keys) == "detection")
        #expect(NearMiss.suggestion(for: "sede", among: keys) == "seed")
        #expect(NearMiss.suggestion(for: "trafic", among: keys) == "traffic")
        #expect(NearMiss.suggestion(for: "Points", among: keys) == "points")
        #expect(NearMiss.suggestion(for: "b", among: keys) == nil)
        #expect(NearMiss.suggestion(for: "volume", among: keys) == nil)
        // 30,000 letters against 30,000: no 30,001² table, no suggestion.
        let long = String(repeating: "a", count: 30_000)
        #expect(NearMiss.suggestion(for: long, among: [String(repeating: "b", count: 30_000)]) == nil)
    }
}
