/// A printer-neutral slip: what to print, not how. The journal stores it with every sale, refund
/// and void; the ESC/POS encoder lays it out per printer profile, the plain-text renderer for
/// screens and files.
public struct SlipDocument: Hashable, Sendable, Codable {
    public var kind: SlipKind
    /// The document number printed on it (S01-000123, R01-000045, …).
    public var reference: String
    public var blocks: [SlipBlock]
    public var training: Bool
    public var copy: Bool

    public init(kind: SlipKind, reference: String, blocks: [SlipBlock], training: Bool, copy: Bool = false) {
        self.kind = kind
        self.reference = reference
        self.blocks = blocks
        self.training = training
        self.copy = copy
    }

    /// The same slip marked COPY at the top, for a reprint of a slip that already printed once.
    public func markedAsCopy() -> SlipDocument {
        guard !copy else { return self }
        var doc = self
        doc.copy = true
        doc.blocks.insert(.banner(SlipText.copyBanner), at: 0)
        return doc
    }
}

public enum SlipKind: String, Hashable, Sendable, Codable {
    case sale, refund, postVoid, xReport, zReport, test
}

/// One element of a slip, in print order.
public enum SlipBlock: Hashable, Sendable, Codable {
    /// Text wrapped to the paper width.
    case text(String, SlipStyle)
    /// A left text (wrapped) and a right text (an amount) aligned to the right edge.
    case pair(String, String, SlipStyle)
    /// A full-width line of one character ("-" or "=").
    case rule(String)
    /// Blank lines.
    case feed(Int)
    case barcode(Symbology, String)
    case qr(String)
    /// The shop logo (stored in the printer's NV memory when the profile allows).
    case logo
    /// Prominent centred text: double size and inverted where the printer can.
    case banner(String)
    /// A line to sign on, with a caption under it.
    case signature(String)
}

public struct SlipStyle: Hashable, Sendable, Codable {
    public var bold: Bool
    public var underline: Bool
    public var doubleWidth: Bool
    public var doubleHeight: Bool
    public var invert: Bool
    public var small: Bool
    public var align: Alignment

    public init(bold: Bool = false, underline: Bool = false, doubleWidth: Bool = false, doubleHeight: Bool = false,
                invert: Bool = false, small: Bool = false, align: Alignment = .left) {
        self.bold = bold
        self.underline = underline
        self.doubleWidth = doubleWidth
        self.doubleHeight = doubleHeight
        self.invert = invert
        self.small = small
        self.align = align
    }

    public static let plain = SlipStyle()
    public static let bold = SlipStyle(bold: true)
    public static let centered = SlipStyle(align: .center)
    public static let title = SlipStyle(bold: true, doubleWidth: true, doubleHeight: true, align: .center)
    public static let total = SlipStyle(bold: true, doubleHeight: true)
}

