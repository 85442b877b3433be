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
        let single = CharsetCache.singleByte(profile.encoding)
        let double = profile.chinese.flatMap { CharsetCache.multiByte($0) }
        var out: [UInt8] = []
        for scalar in line.unicodeScalars {
            let wide = DisplayWidth.of(scalar) == 2
            if scalar.value >= 0x20, scalar.value < 0x7F {
                out.append(UInt8(scalar.value))
            } else if wide, let double, let code = double.bytes(for: scalar, allowFourByte: false), code.count == 2 {
                out += code
            } else if !wide, double == nil, let byte = single?.byte(for: scalar), byte >= 0x80 {
                out.append(byte)
            } else {
                out += wide ? [0x3F, 0x3F] : [0x3F]
            }
        }
        return out
    }
}
