import TillCore

/// A live drill's story above the input line, for the whole drill: the trainee works from it
/// (which receipt, what is wrong, which tender), so it must not scroll away with the first key.
/// At most three rows, the last ending "…" when the story is longer.
enum DrillStoryRows {
    static let maximumRows = 3

    static func rows(_ ui: ScreenState, _ cols: Int) -> [ScreenRow] {
        guard let story = ui.drillStory, cols > 0 else { return [] }
        let label = ui.language == .zh ? "演练：" : "DRILL: "
        var lines = Columns.wrap(label + story.text(ui.language), cols)
        if lines.count > maximumRows {
            lines = Array(lines.prefix(maximumRows))
            lines[maximumRows - 1] = DisplayWidth.truncate(lines[maximumRows - 1], to: max(0, cols - 1)) + "…"
        }
        return lines.map { ScreenRow($0, .dim) }
    }
}
