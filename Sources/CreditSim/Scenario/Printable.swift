extension String {
    /// The text as it may be shown on a terminal or a page: control characters (ESC, NUL, …) as
    /// `\u{1b}`, and, past `limit` characters, cut with `…` and the full length.
    public func printable(limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for scalar in unicodeScalars {
            if count == limit {
                return out + "… (\(self.count) characters)"
            }
            switch scalar.properties.generalCategory {
            case .control,
                .format where scalar.value < 0x20 || scalar.value == 0x7f || scalar.value == 0x9b:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
