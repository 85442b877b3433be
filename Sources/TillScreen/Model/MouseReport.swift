/// A mouse or touch report in SGR form, as the terminal sends it after `ESC [ <`:
/// `b ; x ; y` then `M` (pressed) or `m` (released); x and y count from 1.
public struct MouseReport: Hashable, Sendable {
    public var button: Int
    public var column: Int
    public var row: Int
    public var pressed: Bool

    /// Parses the part after `ESC [ <`; nil for anything that is not one whole report.
    public init?(sgrTail text: String) {
        guard let last = text.last, last == "M" || last == "m" else { return nil }
        let fields = text.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let b = Int(fields[0]), let x = Int(fields[1]), let y = Int(fields[2]), x >= 1, y >= 1 else { return nil }
        button = b
        column = x - 1
        row = y - 1
        pressed = last == "M"
    }

    /// The key it is for the screen: a press of the first button (a touch), not a release,
    /// drag (32) or wheel (64); nil otherwise.
    public var key: ScreenKey? {
        guard pressed, button & ~(4 | 8 | 16) == 0 else { return nil }  // shift/meta/ctrl held are still a press
        return .mouse(column: column, row: row)
    }

    /// The longest tail worth reading: three 4-digit fields, two separators, the final letter.
    public static let maxTailLength = 15
}
