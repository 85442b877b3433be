/// Where a line, symbol or image sits across the paper: the one alignment for slips
/// (`SlipStyle.align`, stored by name), the encoder and the virtual printer's paper (ESC a n).
public enum Alignment: String, Hashable, Sendable, Codable, CaseIterable {
    case left, center, right

    /// ESC a's n: 0 left, 1 centre, 2 right; nil for anything else.
    public init?(justification n: Int) {
        switch n {
        case 0: self = .left
        case 1: self = .center
        case 2: self = .right
        default: return nil
        }
    }

    /// ESC a's n for this alignment.
    public var justification: Int {
        switch self {
        case .left: return 0
        case .center: return 1
        case .right: return 2
        }
    }
}
