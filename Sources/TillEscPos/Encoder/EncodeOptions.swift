import TillGraphics

/// Per-job choices the slip itself does not make.
public struct EncodeOptions: Sendable {
    /// The unifont .hex used for characters the printer cannot print (only read when needed).
    public var fontPath: String = BitmapFont.defaultPath
    /// The shop logo, already dithered and no wider than the paper; nil prints no logo.
    public var logo: Bitmap? = nil
    /// The two-character NV key the logo is stored under.
    public var logoKey: String = "LG"
    /// What the printer's NV memory holds; nil means never use NV graphics (always raster).
    public var nvState: NVGraphicsState? = nil
    /// nil: no cut (e.g. a slip printed in several parts).
    public var cut: EscPos.Cut? = .partial
    public var openDrawer: Bool = false
    public var qrLevel: EscPos.QRLevel = .medium
    /// Bar height in dots; nil picks about 10 mm for the profile's dpi.
    public var barcodeHeight: Int? = nil

    public init() {}
}

/// A job ready to send, plus what the caller must remember once the printer has taken it.
public struct EncodedJob: Sendable {
    public var bytes: [UInt8]
    /// The NV state after this job: save it (NVGraphicsState.save) once the job was sent.
    public var nvState: NVGraphicsState?
    /// Lines drawn as raster because the printer's fonts lack a character, in print order:
    /// the text and the image sent for it (for the log, and for tests to check what arrived).
    public var rasterText: [(text: String, bitmap: Bitmap)]
    public var rasterTextLines: Int { rasterText.count }
    /// Things printed differently than asked (a barcode shown as text, …), for the log.
    public var warnings: [String]
}
