import TillCore
/// An AIM symbology identifier (ISO/IEC 15424): "]" + code character + modifier, sent before the
/// data when the scanner is set to transmit them ("]E0" EAN-13, "]C1" GS1-128, "]A0" Code 39,
/// "]I1" ITF with check digit). With them on, the till needs no guessing.
public struct AIMIdentifier: Hashable, Sendable, CustomStringConvertible {
    public var code: Character
    public var modifier: Character

    public init(code: Character, modifier: Character) {
        self.code = code
        self.modifier = modifier
    }

    /// Splits "]E09780201379624" into (]E0, "9780201379624"); nil when the data has no prefix.
    public static func split(_ data: String) -> (AIMIdentifier, String)? {
        let chars = Array(data)
        guard chars.count >= 3, chars[0] == "]", chars[1].isASCII, chars[1].isLetter,
              chars[2].isASCII, chars[2].isLetter || chars[2].isNumber else { return nil }
        return (AIMIdentifier(code: chars[1], modifier: chars[2]), String(chars[3...]))
    }

    public var description: String { "]\(code)\(modifier)" }

    /// The symbology this identifier names; the data decides between EAN-13/UPC-A/UPC-E for ]E0.
    public func symbology(forData data: String) -> Symbology {
        switch (code, modifier) {
        case ("E", "4"): return .ean8
        case ("E", "1"), ("E", "2"): return .eanAddOn
        case ("E", _):
            switch data.count {
            case 6, 7, 8: return .upcE
            case 12: return .upcA
            default: return data.hasPrefix("0") && data.count == 13 ? .upcA : .ean13
            }
        case ("C", "1"): return .gs1_128
        case ("C", _): return .code128
        case ("A", _): return .code39
        case ("I", _): return data.count == 14 ? .itf14 : .itf
        case ("e", _): return .gs1DataBar
        case ("d", "2"), ("d", "5"): return .gs1DataMatrix
        case ("d", _): return .dataMatrix
        case ("Q", "3"), ("Q", "4"): return .gs1QR
        case ("Q", _): return .qr
        default: return .other
        }
    }

    /// Code 39 modifiers 1 and 5: the scanner checked the mod-43 check character and sent it
    /// (so the till can check it again); 3 and 7: checked and stripped.
    public var code39CheckCharacterTransmitted: Bool { code == "A" && (modifier == "1" || modifier == "5") }

    /// ITF modifier 1: the scanner validated the mod-10 check digit and sent it.
    public var itfCheckDigitTransmitted: Bool { code == "I" && modifier == "1" }
}
