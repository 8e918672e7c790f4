import CreditSim
import Testing

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
