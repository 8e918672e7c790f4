/// Path arithmetic on text.
///
/// Written by hand: on Linux with Swift 6.3.1, `NSString.deletingLastPathComponent` crashes
/// (illegal instruction) on a one-character path such as `r`, which `--out r` makes.
public enum FilePath {
    /// The folder part of `path`: `a/b` for `a/b/c`, `/` for `/c`, and `""` for a single name.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var parent = trimmed[..<slash]
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        return String(parent)
    }
}
