import Foundation
import TillCore

/// How one profile prints characters: its usable code pages and its double-byte mode, loaded
/// once (building the tables calls iconv) and then shared by every job for that printer.
public final class ProfileText: Sendable {
    public struct Page: Sendable {
        public let number: UInt8
        public let charset: SingleByteCharset
    }

    public let pages: [Page]
    public let multibyte: MultiByteCharset?
    public let multibyteSpec: PrinterProfile.Multibyte?
    let enterBytes: [UInt8]
    let exitBytes: [UInt8]
    /// `multibyte` and `multibyteSpec` both set: `twoByteCode` can answer.
    let hasMultibyte: Bool

    /// Tables tried first when a character is in several: the power-on default CP437, then the
    /// Latin tables whose glyphs every model draws the same. Others follow in ESC t order.
    static let preferred = ["CP437", "CP858", "CP1252", "CP850", "ISO-8859-15"]

    public init(profile: PrinterProfile) {
        let all = profile.usableCodePages.compactMap { entry in
            CharsetCache.singleByte(entry.encoding).map { Page(number: entry.number, charset: $0) }
        }
        func rank(_ p: Page) -> Int { ProfileText.preferred.firstIndex(of: p.charset.encoding) ?? ProfileText.preferred.count }
        pages = all.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        let spec = profile.multibyte.first { CharsetCache.multiByte($0.encoding) != nil }
        multibyteSpec = spec
        multibyte = spec.flatMap { CharsetCache.multiByte($0.encoding) }
        enterBytes = spec.flatMap { CommandMnemonic.parse($0.enter) } ?? EscPos.enterMultibyte
        exitBytes = spec.flatMap { CommandMnemonic.parse($0.exit) } ?? EscPos.exitMultibyte
        hasMultibyte = multibyte != nil && spec != nil
    }

    /// The two-byte code of a two-column scalar, or 0 when it has none: such a scalar routes
    /// `.multibyte` (see `routeNonASCII`). The encoder's shortcut for the common CJK case.
    /// (`multibyte!` is read in place: binding it with `if let` would copy the struct and
    /// retain its tables for every character.)
    @inline(__always)
    func twoByteCode(_ v: UInt32) -> UInt32 {
        guard hasMultibyte else { return 0 }
        let code = multibyte!.packedCode(v)
        return code >= 0x100 && code < 0x10000 ? code : 0
    }

    /// How a scalar prints natively: as a code-page byte or as multibyte bytes. A one-column
    /// character never goes through the double-byte mode (the printer would draw it two
    /// columns wide and break the layout); a two-column one only does.
    enum Route { case ascii, codePage, multibyte, none }

    @inline(__always)
    func route(_ scalar: Unicode.Scalar) -> Route {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return .ascii }
        return routeNonASCII(scalar, width: DisplayWidth.of(scalar))
    }

    func routeNonASCII(_ scalar: Unicode.Scalar, width: Int) -> Route {
        if width == 2 {
            if let mb = multibyte, let spec = multibyteSpec {
                let code = mb.packedCode(scalar.value)
                if code >= 0x100 && (code < 0x10000 || spec.fourByteSequences) { return .multibyte }
                if code == 0 && scalar.value >= 0x10000 && spec.fourByteSequences
                    && mb.bytes(for: scalar, allowFourByte: true) != nil { return .multibyte }
            }
            return .none
        }
        for page in pages where page.charset.byte(for: scalar) != nil { return .codePage }
        return .none
    }

    /// True when every character of `line` prints from the printer's own fonts.
    public func printsNatively(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { route($0) != .none }
    }

    /// Text as the encoder prints it: NFC (so "e" + combining acute becomes one "é"), control
    /// characters (which would be read as commands: an item name must never cut the paper) as
    /// spaces, zero-width characters dropped.
    public static func sanitize(_ text: String) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        for s in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let v = s.value
            if v < 0x20 || (0x7F...0x9F).contains(v) { out.append(" ") }
            else if DisplayWidth.of(s) == 0 { continue }
            else { out.append(s) }
        }
        return String(out)
    }

    /// True when `sanitize` would return the text unchanged: no control characters and no
    /// zero-width or combining characters (NFC only recomposes sequences that contain those).
    /// Most slip text passes, and skips the costly normalisation.
    @inline(__always)
    static func isClean(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x20 && v < 0x7F { continue }
            if v < 0xA0 || DisplayWidth.of(s) == 0 || (0x1100...0x11FF).contains(v) { return false }
        }
        return true
    }
}
