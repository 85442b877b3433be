/// Renders a slip as plain text lines at a column width: for the screen, `till reprint
/// --text`, the text-file printer and tests. Barcodes and QR codes show as their data.
public enum PlainTextSlipRenderer {
    public static func render(_ doc: SlipDocument, columns: Int = 42) -> [String] {
        var out: [String] = []
        for block in doc.blocks {
            switch block {
            case .text(let text, let style):
                out += SlipLayout.textLines(text, style: style, columns: columns)
            case .pair(let left, let right, let style):
                out += SlipLayout.pairLines(left, right, style: style, columns: columns)
            case .rule(let ch):
                out.append(String(repeating: ch.isEmpty ? "-" : String(ch.prefix(1)), count: columns))
            case .feed(let n):
                out += Array(repeating: "", count: max(0, n))
            case .barcode(let symbology, let data):
                out.append(SlipLayout.align("[\(symbology.rawValue.uppercased()) \(data)]", .center, width: columns))
            case .qr(let data):
                out.append(SlipLayout.align("[QR \(data)]", .center, width: columns))
            case .logo:
                out.append(SlipLayout.align("[LOGO]", .center, width: columns))
            case .banner(let text):
                out.append(String(repeating: "*", count: columns))
                out += SlipLayout.textLines(text, style: .centered, columns: columns)
                out.append(String(repeating: "*", count: columns))
            case .signature(let caption):
                out.append("")
                out.append("")
                out.append(String(repeating: "_", count: max(10, columns * 2 / 3)))
                out.append(caption)
            }
        }
        return out
    }
}
