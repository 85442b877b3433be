import Synchronization
import TillEscPos
import TillGraphics

extension PrintEngine {
    /// International character sets (ESC R) replace a few ASCII positions; we emulate the ones
    /// tills meet (UK £, Japan ¥) and leave the others as USA.
    static let internationalReplacements: [UInt8: [UInt8: Unicode.Scalar]] = [
        3: [0x23: "£"],
        8: [0x5C: "¥"],
    ]

    var multibyteEncoding: String { profile.multibyte.first?.encoding ?? "GB18030" }

    mutating func appendText(_ bytes: [UInt8]) {
        if kanjiMode {
            appendMultibyte(bytes)
            return
        }
        let table = CodePages.encoding(for: codeTable, profile: profile).flatMap { CodePages.table($0) }
            ?? CodePages.table("CP437")
        let replacements = PrintEngine.internationalReplacements[internationalSet]
        let downloaded = userCharactersSelected ? userCharacters[style.font] : nil
        for b in bytes {
            if let glyph = downloaded?[b] {
                put("\u{FFFD}", cells: 1, userGlyph: glyph)  // read back into text when the line prints
                continue
            }
            let scalar: Unicode.Scalar
            if b < 0x80, let r = replacements?[b] {
                scalar = r
            } else if let table {
                scalar = table.scalar(b)
            } else {
                scalar = b < 0x80 ? Unicode.Scalar(b) : "\u{FFFD}"
            }
            put(scalar, cells: 1)
        }
    }

    /// Double-byte mode (FS &): ASCII stays single-byte; a lead byte starts a 2-byte (or, in
    /// GB18030, 4-byte) character. Sequences may be split across reads: the partial one waits.
    mutating func appendMultibyte(_ bytes: [UInt8]) {
        let encoding = multibyteEncoding.uppercased()
        let shiftJIS = encoding.contains("SHIFT") || encoding.contains("SJIS") || encoding == "CP932"
        for b in bytes {
            if pendingMultibyte.isEmpty {
                let isLead = shiftJIS ? ((0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b)) : (0x81...0xFE).contains(b)
                if isLead {
                    pendingMultibyte = [b]
                } else if b < 0x80 {
                    put(Unicode.Scalar(b), cells: 1)
                } else if shiftJIS, (0xA1...0xDF).contains(b), let s = MultibyteDecoders.decode([b], encoding: multibyteEncoding)?.first {
                    put(s, cells: 1)  // half-width katakana
                } else {
                    put("\u{FFFD}", cells: 1)
                }
                continue
            }
            pendingMultibyte.append(b)
            let seq = pendingMultibyte
            // GB18030 four-byte form: lead, 0x30–0x39, 0x81–0xFE, 0x30–0x39.
            if !shiftJIS, encoding.hasPrefix("GB18030"), seq.count == 2, (0x30...0x39).contains(b) { continue }
            if seq.count == 3 { continue }
            pendingMultibyte.removeAll()
            if let scalars = MultibyteDecoders.decode(seq, encoding: multibyteEncoding), let s = scalars.first {
                put(s, cells: s.value < 0x80 ? 1 : 2)
            } else {
                put("\u{FFFD}", cells: 2)
            }
        }
    }

    func charWidth(_ style: TextStyle, cells: Int) -> Int {
        (metrics(style.font).width * cells + characterSpacing) * style.widthScale
    }

    /// Adds one character to the line buffer; a full line prints first (automatic wrap). A
    /// combining mark (CP1258's tone marks, CP1255's points) joins the letter before it, as
    /// the printer draws them: composed into one character where Unicode has one, else kept
    /// after it taking no cell. So the text decodes by sequence, whatever the reads' sizes.
    mutating func put(_ scalar: Unicode.Scalar, cells: Int, userGlyph: Bitmap? = nil) {
        if scalar.value >= 0x300, scalar.properties.generalCategory == .nonspacingMark, let last = line.last {
            let composed = String(String.UnicodeScalarView([last.scalar, scalar])).precomposedStringWithCanonicalMapping.unicodeScalars
            if composed.count == 1, let one = composed.first {
                line[line.count - 1].scalar = one
            } else if condition.online {
                line.append(PrintedChar(scalar: scalar, style: last.style, cells: 0))
            }
            return
        }
        let w = charWidth(style, cells: cells)
        if lineWidth + w > areaWidth - leftMargin, !line.isEmpty {
            printLine(advance: currentLineAdvance())
        }
        guard condition.online else { return }
        line.append(PrintedChar(scalar: scalar, style: style, cells: cells, userGlyph: userGlyph))
        lineWidth += w
    }

    /// HT: to the next tab stop (in font-A character widths); ignored past the last stop.
    mutating func tab() {
        let unit = charWidth(TextStyle(), cells: 1)
        guard unit > 0 else { return }
        let column = (lineWidth + unit - 1) / unit
        guard let stop = tabStops.first(where: { $0 > column }) else { return }
        padTo(dots: stop * unit)
    }

    /// Moves the print position right to `dots` by adding spaces (a text model of ESC $).
    mutating func padTo(dots: Int) {
        var plain = style
        plain.underline = 0
        let w = charWidth(plain, cells: 1)
        guard w > 0 else { return }
        while lineWidth + w <= min(dots, areaWidth - leftMargin) {
            line.append(PrintedChar(scalar: " ", style: plain, cells: 1))
            lineWidth += w
        }
    }
}

/// iconv decoders for double-byte encodings, one per encoding, behind a Mutex (iconv_t is not
/// thread-safe, so the decode itself runs inside it too).
enum MultibyteDecoders {
    private static let shared = Mutex<[String: IconvDecoder?]>([:])

    static func decode(_ bytes: [UInt8], encoding: String) -> [Unicode.Scalar]? {
        shared.withLock { decoders in
            if decoders[encoding] == nil { decoders[encoding] = IconvDecoder(encoding: encoding) }
            return decoders[encoding]??.decode(bytes)
        }
    }
}
