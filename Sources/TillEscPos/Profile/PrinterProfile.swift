/// What one printer model can do, loaded from Devices/printers/<id>.json (schema in
/// Devices/printers/README.md). The encoder reads nothing else about the printer.
public struct PrinterProfile: Hashable, Sendable, Codable {
    public var schema: Int
    public var id: String
    public var name: String
    public var vendor: String
    /// Where the values come from: checked on a real unit, converted from escpos-printer-db,
    /// or assumed from specifications. Required in files (validation names it when missing).
    public var source: Source?
    public var usb: [USBId]
    public var media: Media
    /// Font A first: ESC M n selects fonts[n].
    public var fonts: [Font]
    /// ESC t number (as a decimal string, JSON keys being strings) → iconv encoding name, or a
    /// name starting "x-" for a table the encoder cannot use (it never selects those).
    public var codePages: [String: String]
    /// Double-byte (FS &) encodings, e.g. GB18030 on Chinese-market models.
    public var multibyte: [Multibyte]
    public var status: Status
    public var cutter: Cutter
    public var drawer: Drawer
    public var nvGraphics: NVGraphics
    public var barcodes: Barcodes
    public var qr: QR
    public var raster: Raster
    /// ESC & / ESC % user-defined characters for font A: glyphs the printer lacks (Chinese on a
    /// Western model) are downloaded once per job instead of sent as raster lines.
    public var userDefinedCharacters: Bool?
    /// The printer's command language (`CommandSets.known`); absent means "escpos".
    public var commandSet: String?
    public var serial: Serial?
    /// How a job is confirmed as printed (`completionMethod` reads it with its default).
    public var completion: CompletionMethod?
    /// Paper speed in mm/s (`paperSpeed` reads it with its default): how fast the virtual
    /// printer prints, and how long the driver waits for a job to come out.
    public var printSpeedMMPerSecond: Double?
    /// What could not be confirmed from the maker's published specs, and where facts came from.
    public var notes: String

    public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
        case verified, database, assumed
    }

    public struct USBId: Hashable, Sendable, Codable {
        /// Four hex digits, lower case ("04b8").
        public var vendorId: String
        public var productId: String
    }

    public struct Media: Hashable, Sendable, Codable {
        public var widthMM: Double
        public var printableWidthMM: Double
        /// Printable width in dots (512 on a TM-T88 at 180 dpi, 576 at 203 dpi).
        public var dots: Int
        public var dpi: Int
    }

    public struct Font: Hashable, Sendable, Codable {
        public var name: String
        public var columns: Int
        public var widthDots: Int
        public var heightDots: Int
    }

    public struct Multibyte: Hashable, Sendable, Codable {
        /// iconv name: GB18030, GBK, BIG5, SHIFT_JIS.
        public var encoding: String
        /// Command bytes entering the mode, as text: "FS &" (Epson); ESC/POS spelling.
        public var enter: String
        /// Command bytes leaving it: "FS .".
        public var exit: String
        /// Chinese printers power up in FS & mode (and ESC @ returns to it).
        public var activeAtPowerOn: Bool
        /// Whether GB18030's four-byte sequences print; when false only two-byte ones are sent
        /// and other characters fall back to raster.
        public var fourByteSequences: Bool

        public init(encoding: String, enter: String, exit: String, activeAtPowerOn: Bool, fourByteSequences: Bool) {
            self.encoding = encoding
            self.enter = enter
            self.exit = exit
            self.activeAtPowerOn = activeAtPowerOn
            self.fourByteSequences = fourByteSequences
        }
    }

    public struct Status: Hashable, Sendable, Codable {
        public var dleEot: Bool
        public var gsA: Bool
        public var gsR: Bool
    }

    public struct Cutter: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable { case full, partial }
        /// Empty: no cutter (tear bar); the job then only feeds.
        public var kinds: [Kind]
        /// Lines fed (ESC d n) before a plain GS V 0/1 cut so the last printed line clears the
        /// blade; also what a printer without cutter feeds for tearing off.
        public var feedLines: Int
        /// GS V 65/66 n (function B: feed to the cutting position, then n motion units, then
        /// cut) supported. When true the driver sends that one command instead of ESC d + GS V.
        public var feedAndCut: Bool
        /// The n of GS V 65/66: extra feed past the cutting position in vertical motion units.
        public var feedUnits: Int
    }

    public struct Drawer: Hashable, Sendable, Codable {
        /// Connector pins that can be pulsed: 2 (ESC p 0) and/or 5 (ESC p 1).
        public var pins: [Int]
        public var pulseMs: Int
    }

    public struct NVGraphics: Hashable, Sendable, Codable {
        /// GS ( L functions 67 (define) and 69 (print) supported.
        public var supported: Bool
        public var capacityBytes: Int
    }

    public struct Barcodes: Hashable, Sendable, Codable {
        /// Symbologies the printer draws itself with GS k (function B).
        public var native: [String]
        /// Dots per module GS w accepts.
        public var moduleWidths: [Int]
    }

    public struct QR: Hashable, Sendable, Codable {
        /// GS ( k QR functions 65/67/69/80/81; otherwise QR prints as a raster image.
        public var native: Bool
    }

    public struct Raster: Hashable, Sendable, Codable {
        /// Largest data payload of one raster command; GS v 0 is split by rows to stay under it.
        public var maxBytesPerCommand: Int
        /// GS ( L / GS 8 L graphics (function 112 store, 50 print) supported.
        public var graphicsCommands: Bool
    }

    public struct Serial: Hashable, Sendable, Codable {
        public var baud: Int
        public var dataBits: Int
        public var parity: String
        public var stopBits: Int
        /// "rts-cts", "dtr-dsr", "xon-xoff" or "none".
        public var flow: String
    }
}

extension PrinterProfile {
    public var fontA: Font { fonts[0] }
    /// The small font for SlipStyle.small (font B where there is one).
    public var smallFont: Font { fonts.count > 1 ? fonts[1] : fonts[0] }
    public var smallFontIndex: Int { fonts.count > 1 ? 1 : 0 }
    public var hasCutter: Bool { !cutter.kinds.isEmpty }

    /// Code pages as (ESC t number, encoding) in ascending number order, usable ones only.
    public var usableCodePages: [(number: UInt8, encoding: String)] {
        codePages.compactMap { key, value -> (UInt8, String)? in
            guard let n = UInt8(key), !value.hasPrefix("x-") else { return nil }
            return (n, value)
        }.sorted { $0.0 < $1.0 }
    }

    public func supportsNative(_ symbology: String) -> Bool { barcodes.native.contains(symbology) }

    /// Vendor and model once: "Epson TM-T88VI" whether or not `name` already starts with the
    /// vendor (database names do not: "TM-T88V").
    public var displayName: String {
        name.lowercased().hasPrefix(vendor.lowercased()) ? name : vendor + " " + name
    }
}
