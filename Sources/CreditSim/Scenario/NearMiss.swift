/// "Did you mean …?" for a word that is not among the allowed ones: keys, ids and choices.
enum NearMiss {
    /// The allowed word closest to `word`, when it is close enough to be a likely slip: the same
    /// but for case, `_`/`-`, a prefix of at least three letters either way (`detect` →
    /// `detection`), or an edit distance of at most a third of the word's length (at least 1 for
    /// words of three letters or more; `trafic` → `traffic`).
    static func suggestion(for word: String, among allowed: [String]) -> String? {
        // Long words get no guess: the distance table grows with the product of the lengths.
        guard word.count <= maximumLength else { return nil }
        let allowed = allowed.filter { $0.count <= maximumLength }
        let folded = fold(word)
        if let same = allowed.first(where: { fold($0) == folded }) { return same }
        if folded.count >= 3,
            let prefix = allowed.filter({ fold($0).hasPrefix(folded) || folded.hasPrefix(fold($0)) })
                .min(by: { abs($0.count - word.count) < abs($1.count - word.count) })
        {
            return prefix
        }
        // Words of one or two letters are too short to guess from.
        let limit = word.count >= 3 ? max(1, word.count / 3) : 0
        let scored = allowed.filter { abs($0.count - word.count) <= limit }
            .map { ($0, editDistance(fold($0), folded)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Words longer than this get no suggestion (and are not suggested).
    static let maximumLength = 64

    /// The hint for `word`: `did you mean 'x'?`, or the allowed words when none is close.
    static func hint(for word: String, among allowed: [String], listing noun: String = "allowed") -> String {
        suggestion(for: word, among: allowed).map { "did you mean '\($0)'?" }
            ?? "\(noun): \(allowed.joined(separator: ", "))"
    }

    private static func fold(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: "-", with: "_")
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), for "did you mean" hints.
///
/// `sede` is one edit from `seed`. Written by hand: a dozen lines that no package offers alone.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
