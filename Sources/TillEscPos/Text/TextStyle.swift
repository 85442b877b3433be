/// The printer's character mode: what ESC E, ESC -, GS !, GS B, ESC M and ESC { set. One type
/// for both ends of the wire: the encoder tracks it so it sends a command only when a style
/// actually changes, and the virtual printer decodes the same commands back into it.
public struct TextStyle: Hashable, Sendable {
    /// ESC E n (or ESC G, ESC ! bit 3).
    public var bold = false
    /// ESC - n: 0 off, 1 or 2 dots thick.
    public var underline = 0
    /// GS ! n: width and height multipliers, 1…8.
    public var widthScale = 1
    public var heightScale = 1
    /// GS B n: white on black.
    public var invert = false
    /// ESC M n: 0 = font A, 1 = font B, …
    public var font = 0
    /// ESC { n: upside-down printing.
    public var upsideDown = false

    public init(bold: Bool = false, underline: Int = 0, widthScale: Int = 1, heightScale: Int = 1,
                invert: Bool = false, font: Int = 0, upsideDown: Bool = false) {
        self.bold = bold
        self.underline = underline
        self.widthScale = widthScale
        self.heightScale = heightScale
        self.invert = invert
        self.font = font
        self.upsideDown = upsideDown
    }

    /// What ESC @ leaves.
    public static let reset = TextStyle()
}
