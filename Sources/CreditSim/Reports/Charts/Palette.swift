/// Colours readable in greyscale and by colour-blind readers.
enum Palette {
    /// Viridis at six points: ordered light to dark, so ordered grades stay ordered in greyscale.
    static let sequential = ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"]
    /// Okabe & Ito (2008) categorical colours, for lines (paired with dash patterns).
    static let categorical = [
        "#000000", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f7f7f",
    ]
    /// Dash patterns cycled with the categorical colours, so lines differ without colour.
    static let dashes = ["", "6 3", "2 3", "9 3 2 3", "1 2", "12 4"]
    static let optedOut = "#bdbdbd"

    /// `count` ordered colours, darkest first (best grade darkest).
    static func ordered(_ count: Int) -> [String] {
        guard count > 0 else { return [] }
        if count == 1 { return [sequential[3]] }
        return (0..<count).map {
            sequential[sequential.count - 1 - $0 * (sequential.count - 1) / (count - 1)]
        }
    }

    static func line(_ i: Int) -> (colour: String, dash: String) {
        (categorical[i % categorical.count], dashes[(i / 1) % dashes.count])
    }
}
