import TillCore

/// ESC/POS customer display commands (Epson DM-D command set, which pole displays copy):
/// `ESC @` initialise, `ESC t n` code table, `US MD1` overwrite mode (no scrolling at the end
/// of a line), `US C 0` cursor off, `FF` clear, `US $ x y` cursor to column x, row y (from 1),
/// `FS &` the double-byte (Chinese) font.
public enum CustomerDisplayEncoder {
    public static let esc: UInt8 = 0x1B, us: UInt8 = 0x1F, fs: UInt8 = 0x1C, ff: UInt8 = 0x0C

    /// Sent once when the link opens: a known state whatever the display showed before.
    public static func reset(_ profile: CustomerDisplayProfile) -> [UInt8] {
        var bytes: [UInt8] = [esc, 0x40, esc, 0x74, profile.codeTable, us, 0x01, us, 0x43, 0x00, ff]
        if profile.chinese != nil { bytes += [fs, 0x26] }
        return bytes
    }

    /// Both lines, each written whole from its first column: every cell is overwritten, so no
    /// clear is needed and the display never flickers blank.
    public static func show(_ content: CustomerDisplayContent, _ profile: CustomerDisplayProfile) -> [UInt8] {
        var bytes: [UInt8] = []
        for (row, line) in content.lines.prefix(profile.rows).enumerated() {
            bytes += [us, 0x24, 1, UInt8(row + 1)]
            bytes += text(line, profile)
        }
        return bytes
    }

    /// The line in the display's character set. A character it lacks becomes "?" (two for a
    /// wide one), so the columns stay where they were laid out.
    static func text(_ line: String, _ profile: CustomerDisplayProfile) -> [UInt8] {
        glyphs(line, profile).flatMap(\.bytes)
    }

    /// What the customer will read for `line`: the line itself where the display has every
    /// character, with the substitutes otherwise.
    public static func shown(_ line: String, _ profile: CustomerDisplayProfile) -> String {
        glyphs(line, profile).map(\.shown).joined()
    }

    static func glyphs(_ line: String, _ profile: CustomerDisplayProfile) -> [(bytes: [UInt8], shown: String)] {
        let single = CharsetCache.singleByte(profile.encoding)
        // In Chinese mode every byte from 0x80 starts a double-byte code: only ASCII is single.
        let double = profile.chinese.flatMap { CharsetCache.multiByte($0) }
        return line.unicodeScalars.map { scalar in
            let wide = DisplayWidth.of(scalar) == 2
            if scalar.value >= 0x20, scalar.value < 0x7F { return ([UInt8(scalar.value)], String(scalar)) }
            if wide, let double, let code = double.bytes(for: scalar, allowFourByte: false), code.count == 2 {
                return (Array(code), String(scalar))
            }
            if !wide, double == nil, let byte = single?.byte(for: scalar), byte >= 0x80 { return ([byte], String(scalar)) }
            return wide ? ([0x3F, 0x3F], "??") : ([0x3F], "?")
        }
    }
}
