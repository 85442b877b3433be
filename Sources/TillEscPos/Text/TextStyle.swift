/// The printer's character mode as the encoder tracks it, so it sends a command only when a
/// style actually changes.
public struct TextStyle: Hashable, Sendable {
    public var bold = false
    public var underline = false
    public var widthScale = 1
    public var heightScale = 1
    public var invert = false
    /// ESC M n: 0 = font A, 1 = font B.
    public var font: UInt8 = 0

    public init(bold: Bool = false, underline: Bool = false, widthScale: Int = 1, heightScale: Int = 1,
                invert: Bool = false, font: UInt8 = 0) {
        self.bold = bold
        self.underline = underline
        self.widthScale = widthScale
        self.heightScale = heightScale
        self.invert = invert
        self.font = font
    }

    /// What ESC @ leaves.
    public static let reset = TextStyle()
}
