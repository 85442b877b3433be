import TillCore
import TillEscPos
import TillGraphics

/// The text rendering of a page (NNN.txt): one line of UTF-8 per printed line, aligned with
/// spaces in the page's columns (font A), trailing spaces trimmed. Markers:
///
///     **bold**            emphasised (ESC E, ESC G, ESC ! bit 3)
///     __underlined__      ESC - 1/2, ESC ! bit 7
///     [[reversed]]        white on black (GS B)
///     {2x3:BIG}           character size width × height (GS !, ESC ! bits 4/5)
///     [barcode EAN-13 4006381333931]          a printed 1D symbol (its HRI text, if enabled,
///                                              follows or precedes as a plain line)
///     [qr M 6px "https://…"]                  a printed QR symbol: level, module size, data
///     [raster 384x120]  [graphics …]  [nv image "A1" 200x100]  [bit image …]   images
///                                              (a raster line of text drawn from the font
///                                              shows as that text)
///     [drawer pin 2 100ms/100ms]              drawer kick pulse
///     [note: paper out]                        what a watcher would notice (not on the PNG)
///     [cut partial]  [cut full]               the cut that ended the page
///
/// Markers nest size, reversed, underlined, bold from the outside in. A literal `*`, `_`,
/// `[`, `{` in the printed text is not escaped: the format is for people and golden tests.
public enum TextRenderer {
    /// The start of an image label that carries the text the image was read as.
    static let readTextLabel = "text: "

    public static func render(_ page: Page, columns: Int, fontWidth: Int, lineSpacing: Int) -> String {
        var out: [String] = []
        for item in page.items {
            switch item {
            case let .line(line):
                out.append(render(line, columns: columns, fontWidth: fontWidth))
            case let .feed(dots):
                let lines = lineSpacing > 0 ? dots / lineSpacing : 0
                out.append(contentsOf: repeatElement("", count: lines))
            case let .image(_, _, _, _, label):
                // A raster line of text (read back by RasterTextReader) shows as its text.
                out.append(label.hasPrefix(readTextLabel) ? String(label.dropFirst(readTextLabel.count)) : "[\(label)]")
            case let .barcode(b, alignment, _, _, _):
                if let code = b.barcode {
                    let hri = code.text
                    if b.hriPosition == 1 || b.hriPosition == 3 { out.append(aligned(hri, width: hri.count, alignment, columns)) }
                    out.append("[barcode \(b.symbologyName) \(hri)]")
                    if b.hriPosition >= 2 { out.append(aligned(hri, width: hri.count, alignment, columns)) }
                } else {
                    out.append("[barcode \(b.symbologyName) \(printable(b.data)) NOT PRINTED: \(b.error ?? "invalid")]")
                }
            case let .qr(q, _, _, _):
                let level = letter(q.level)
                if q.code != nil {
                    out.append("[qr \(level) \(q.moduleSize)px \"\(printable(q.data))\"]")
                } else {
                    out.append("[qr \(level) \"\(printable(q.data))\" NOT PRINTED: \(q.error ?? "invalid")]")
                }
            case let .drawerKick(pin, on, off):
                out.append("[drawer pin \(pin) \(on)ms/\(off)ms]")
            case let .note(text):
                out.append("[note: \(text)]")
            }
        }
        if let cut = page.cut { out.append("[cut \(cut.rawValue)]") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Data shown in a marker: UTF-8 where valid, control and invalid bytes as \xNN.
    static func printable(_ data: [UInt8]) -> String {
        if let s = String(validating: data, as: UTF8.self), s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\"" }) {
            return s
        }
        return data.map { b in
            b >= 0x20 && b < 0x7F && b != 0x22 ? String(UnicodeScalar(b)) : "\\x" + PrintEngine.hex2(b)
        }.joined()
    }

    static func aligned(_ text: String, width: Int, _ alignment: Alignment, _ columns: Int) -> String {
        let free = max(0, columns - width)
        switch alignment {
        case .left: return text
        case .center: return String(repeating: " ", count: free / 2) + text
        case .right: return String(repeating: " ", count: free) + text
        }
    }

    static func render(_ line: TextLine, columns: Int, fontWidth: Int) -> String {
        var text = ""
        var width = 0
        var i = 0
        let chars = line.chars
        while i < chars.count {
            let style = chars[i].style
            var j = i
            var run = ""
            while j < chars.count, chars[j].style == style {
                run.unicodeScalars.append(chars[j].scalar)
                width += chars[j].cells * style.widthScale
                j += 1
            }
            text += decorate(run, style)
            i = j
        }
        let margin = fontWidth > 0 ? line.leftMargin / fontWidth : 0
        let areaColumns = fontWidth > 0 ? (line.areaWidth - line.leftMargin) / fontWidth : columns
        var result = String(repeating: " ", count: margin) + aligned(text, width: width, line.alignment, min(columns, areaColumns))
        while result.last == " " { result.removeLast() }
        return result
    }

    static func decorate(_ run: String, _ s: TextStyle) -> String {
        // Spaces alone carry no visible style except reverse and underline.
        var r = run
        if s.bold && !run.allSatisfy({ $0 == " " }) { r = "**" + r + "**" }
        if s.underline > 0 { r = "__" + r + "__" }
        if s.invert { r = "[[" + r + "]]" }
        if s.widthScale != 1 || s.heightScale != 1 { r = "{\(s.widthScale)x\(s.heightScale):" + r + "}" }
        return r
    }
}

func letter(_ level: QRErrorCorrection) -> String {
    switch level {
    case .low: return "L"
    case .medium: return "M"
    case .quartile: return "Q"
    case .high: return "H"
    }
}
