import Foundation
import Synchronization
import TillEscPos

/// Single-byte character tables selected with ESC t, as 224-entry maps (0x20…0xFF → scalar).
/// The table numbers come from the printer profile's `codePages` (ESC t number → iconv name)
/// when it has one, else from Epson's standard numbering below.
public enum CodePages {
    /// Epson's standard ESC t numbering (TM series), as iconv encoding names.
    public static let epsonStandard: [UInt8: String] = [
        0: "CP437", 1: "KATAKANA", 2: "CP850", 3: "CP860", 4: "CP863", 5: "CP865",
        13: "CP857", 14: "CP737", 15: "ISO-8859-7", 16: "CP1252", 17: "CP866", 18: "CP852",
        19: "CP858", 33: "CP775", 34: "CP855", 35: "CP861", 36: "CP862", 37: "CP864",
        38: "CP869", 39: "ISO-8859-2", 40: "ISO-8859-15", 44: "CP1125", 45: "CP1250",
        46: "CP1251", 47: "CP1253", 48: "CP1254", 49: "CP1255", 50: "CP1256", 51: "CP1257",
        52: "CP1258",
    ]

    /// The encoding name ESC t `number` selects on this profile, nil when the table is unknown.
    public static func encoding(for number: UInt8, profile: PrinterProfile?) -> String? {
        if let profile, !profile.codePages.isEmpty {
            return profile.codePages[String(number)]
        }
        return epsonStandard[number]
    }

    /// A decoded table: index = byte − 0x20. Bytes the encoding leaves undefined decode to U+FFFD.
    final class Table: Sendable {
        let encoding: String
        let scalars: [Unicode.Scalar]
        init?(encoding: String) {
            let name = encoding.hasPrefix("x-") ? String(encoding.dropFirst(2)) : encoding
            guard let decoder = IconvDecoder(encoding: name) ?? IconvDecoder(encoding: CodePages.alias(name)) else { return nil }
            var scalars: [Unicode.Scalar] = []
            for b in 0x20...0xFF {
                if let s = decoder.decode([UInt8(b)]), s.count == 1, s[0].value >= 0x20, !(0x7F...0x9F).contains(s[0].value) || b == 0x7F {
                    scalars.append(s[0])
                } else if b < 0x80 {
                    scalars.append(Unicode.Scalar(UInt8(b)))
                } else {
                    scalars.append("\u{FFFD}")
                }
            }
            self.encoding = encoding
            self.scalars = scalars
        }
        func scalar(_ byte: UInt8) -> Unicode.Scalar { byte < 0x20 ? " " : scalars[Int(byte) - 0x20] }
    }

    /// Profile spellings iconv may not know ("PC437", "WPC1252", "KATAKANA"). Katakana is
    /// read as single-byte Shift-JIS (JIS X 0201): ¥ at 0x5C, half-width katakana at
    /// 0xA1–0xDF; Epson's box-drawing extras in 0x80–0x9F and 0xE0–0xFF decode to U+FFFD.
    static func alias(_ name: String) -> String {
        let upper = name.uppercased()
        if upper == "KATAKANA" { return "SHIFT_JIS" }
        if upper.hasPrefix("WPC") { return "CP" + upper.dropFirst(3) }
        if upper.hasPrefix("PC") { return "CP" + upper.dropFirst(2) }
        return upper
    }

    private static let cache = Mutex<[String: Table?]>([:])

    /// Tables are built once per process (256 iconv calls each) and shared.
    static func table(_ encoding: String) -> Table? {
        cache.withLock { cache in
            if let t = cache[encoding] { return t }
            let t = Table(encoding: encoding)
            cache[encoding] = t
            return t
        }
    }
}
