import TillCore

/// How a piece of a row looks. The terminal maps these to curses attributes.
public struct ScreenAttr: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let bold = ScreenAttr(rawValue: 1)
    public static let reverse = ScreenAttr(rawValue: 2)
    public static let underline = ScreenAttr(rawValue: 4)
    public static let dim = ScreenAttr(rawValue: 8)
    public static let alert: ScreenAttr = [.bold, .reverse]
}

public struct ScreenSegment: Hashable, Sendable {
    public var text: String
    public var attr: ScreenAttr
    public init(_ text: String, _ attr: ScreenAttr = []) {
        self.text = text
        self.attr = attr
    }
}

/// One row of the screen as text and attributes, exactly as wide as the screen (by display
/// width: a Chinese character takes two columns).
public struct ScreenRow: Hashable, Sendable {
    public var segments: [ScreenSegment]

    public init(_ segments: [ScreenSegment]) { self.segments = segments }
    public init(_ text: String, _ attr: ScreenAttr = []) { self.segments = [ScreenSegment(text, attr)] }
    public static let blank = ScreenRow("")

    public var text: String { segments.map(\.text).joined() }

    /// Cut or padded to `width` columns; the padding takes the last segment's attribute so a
    /// reversed bar runs to the edge.
    public func fitted(_ width: Int) -> ScreenRow {
        var out: [ScreenSegment] = []
        var used = 0
        for segment in segments where used < width {
            let piece = DisplayWidth.truncate(segment.text, to: width - used)
            used += DisplayWidth.of(piece)
            out.append(ScreenSegment(piece, segment.attr))
        }
        if used < width {
            let attr = out.last?.attr ?? []
            out.append(ScreenSegment(String(repeating: " ", count: width - used), attr))
        }
        return ScreenRow(out.filter { !$0.text.isEmpty })
    }
}

/// Column helpers over DisplayWidth.
enum Columns {
    static func left(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) }
    static func right(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width, alignRight: true) }

    /// `left` and `right` on one row of `width` columns, the left one cut if both do not fit.
    static func spread(_ left: String, _ right: String, _ width: Int) -> String {
        let r = DisplayWidth.truncate(right, to: width)
        let room = max(0, width - DisplayWidth.of(r) - 1)
        return DisplayWidth.pad(left, to: room) + " " + r
    }

    static func wrap(_ text: String, _ width: Int) -> [String] { DisplayWidth.wrap(text, width: width) }
}
