/// Which character a key gives, by Linux key code, plain, with Shift and with AltGr. A keyboard
/// wedge "types" the barcode in the layout it is configured for; the till must read it back with
/// the same layout, or "Y" arrives as "Z" and "-" as "ß".
public struct KeyboardLayout: Sendable {
    public struct Key: Sendable {
        public var plain: Character
        public var shifted: Character?
        public var altGr: Character?
    }

    public let name: String
    public let keys: [UInt16: Key]

    public static let all: [KeyboardLayout] = [.us, .de]

    public static func named(_ name: String) -> KeyboardLayout? { all.first { $0.name == name.lowercased() } }

    public func character(code: UInt16, shift: Bool, altGr: Bool) -> Character? {
        guard let key = keys[code] else { return nil }
        if altGr { return key.altGr }
        if shift { return key.shifted ?? key.plain }
        return key.plain
    }

    /// Keys whose meaning no layout changes: space, tab and the numeric keypad (NumLock on).
    static let common: [UInt16: Key] = {
        var keys: [UInt16: Key] = [57: Key(plain: " "), 15: Key(plain: "\t")]
        let keypad: [(UInt16, Character)] = [(71, "7"), (72, "8"), (73, "9"), (74, "-"), (75, "4"), (76, "5"), (77, "6"),
                                             (78, "+"), (79, "1"), (80, "2"), (81, "3"), (82, "0"), (83, "."), (98, "/"), (55, "*")]
        for (code, c) in keypad { keys[code] = Key(plain: c) }
        return keys
    }()

    /// Builds a layout from the rows of a keyboard: `codes` start at a key code, `plain` and
    /// `shifted` give the characters of consecutive keys.
    static func rows(_ rows: [(UInt16, String, String)]) -> [UInt16: Key] {
        var keys = common
        for (start, plain, shifted) in rows {
            for (i, (p, s)) in zip(plain, shifted).enumerated() { keys[start + UInt16(i)] = Key(plain: p, shifted: s) }
        }
        return keys
    }

    /// US English (QWERTY): what most scanners ship set to.
    public static let us = KeyboardLayout(name: "us", keys: rows([
        (2, "1234567890-=", "!@#$%^&*()_+"),
        (16, "qwertyuiop[]", "QWERTYUIOP{}"),
        (30, "asdfghjkl;'`", "ASDFGHJKL:\"~"),
        (43, "\\zxcvbnm,./", "|ZXCVBNM<>?"),
    ]))

    /// German (QWERTZ): Y and Z swapped, "-" where US has "/", "@" on AltGr+Q.
    public static let de: KeyboardLayout = {
        var keys = rows([
            (2, "1234567890ß", "!\"§$%&/()=?"),
            (16, "qwertzuiopü+", "QWERTZUIOPÜ*"),
            (30, "asdfghjklöä^", "ASDFGHJKLÖÄ°"),
            (43, "#yxcvbnm,.-", "'YXCVBNM;:_"),
        ])
        keys[86] = Key(plain: "<", shifted: ">", altGr: "|")
        let altGr: [(UInt16, Character)] = [(16, "@"), (3, "²"), (4, "³"), (8, "{"), (9, "["), (10, "]"), (11, "}"), (12, "\\"), (27, "~"), (18, "€")]
        for (code, c) in altGr { keys[code]?.altGr = c }
        return KeyboardLayout(name: "de", keys: keys)
    }()
}
