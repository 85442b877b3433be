import TillCore
import TillEscPos
import TillGraphics

/// One printed character: a Unicode scalar, its style (the encoder's own `TextStyle`, decoded
/// from the commands), and how many font cells it takes (2 for CJK double-byte characters).
public struct PrintedChar: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: TextStyle
    public var cells: Int
    /// The downloaded dots (ESC &) when the character printed from the user-defined set;
    /// `scalar` is then the character read back from them, or U+FFFD.
    public var userGlyph: Bitmap? = nil

    public init(scalar: Unicode.Scalar, style: TextStyle, cells: Int, userGlyph: Bitmap? = nil) {
        self.scalar = scalar
        self.style = style
        self.cells = cells
        self.userGlyph = userGlyph
    }
}

/// Cell size of a printer font in dots (from the profile).
public struct FontMetrics: Hashable, Sendable {
    public var width: Int
    public var height: Int
}

public struct TextLine: Hashable, Sendable {
    public var chars: [PrintedChar]
    public var alignment: Alignment
    /// Left edge of the print area (GS L) in dots.
    public var leftMargin: Int
    /// Width of the print area in dots.
    public var areaWidth: Int
    /// Font cell sizes by ESC M index, for layout.
    public var fonts: [FontMetrics]
    /// Extra dots after each character (ESC SP), before width scaling.
    public var characterSpacing: Int
    /// Dots the paper moves after this line (line spacing, or the ESC J amount).
    public var advance: Int
}

public struct BarcodeItem: Hashable, Sendable {
    public var symbologyName: String
    /// Encoded symbol, nil when the data was invalid for the symbology (a real printer prints nothing).
    public var barcode: Barcode1D?
    public var error: String?
    public var data: [UInt8]
    public var height: Int
    public var moduleWidth: Int
    /// 0 none, 1 above, 2 below, 3 both.
    public var hriPosition: Int
    public var hriFont: Int
}

public struct QRItem: Hashable, Sendable {
    public var data: [UInt8]
    public var code: QRCode?
    public var error: String?
    public var moduleSize: Int
    public var level: QRErrorCorrection
}

/// Everything that ends up on (or happens to) the paper, in order.
public enum PaperItem: Hashable, Sendable {
    case line(TextLine)
    case feed(dots: Int)
    case image(Bitmap, alignment: Alignment, leftMargin: Int, areaWidth: Int, label: String)
    case barcode(BarcodeItem, alignment: Alignment, leftMargin: Int, areaWidth: Int, fonts: [FontMetrics])
    case qr(QRItem, alignment: Alignment, leftMargin: Int, areaWidth: Int)
    case drawerKick(pin: Int, onMs: Int, offMs: Int)
    /// Shown in the text rendering only: what a person watching the printer would notice
    /// (data lost while offline, a barcode too wide to print, …).
    case note(String)
}

public enum CutKind: String, Sendable, Hashable {
    case full, partial
}

/// The paper between two cuts.
public struct Page: Hashable, Sendable {
    public var items: [PaperItem] = []
    /// nil while the page is still being printed, or for the tail left when the stream ended.
    public var cut: CutKind?
    public init() {}
}
