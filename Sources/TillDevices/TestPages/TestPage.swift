import TillCore
import TillEscPos
import TillGraphics

/// The technician's test pages (`till printer test URL --page …`), built for one profile as
/// real jobs: slips through the encoder, or raw ESC/POS where a page tests one command.
public struct TestPage: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case text, codepages, cjk, barcodes, qr, image, cut, drawer
    }

    public let kind: Kind
    public let bytes: [UInt8]

    /// Every page of `kind` (`nil`: all of them, drawer last).
    public static func build(_ kind: Kind?, profile: PrinterProfile) throws -> [TestPage] {
        let kinds = kind.map { [$0] } ?? Kind.allCases
        return try kinds.map { try TestPage(kind: $0, bytes: bytes(for: $0, profile: profile)) }
    }

    static func bytes(for kind: Kind, profile: PrinterProfile) throws -> [UInt8] {
        let encoder = SlipEncoder(profile: profile)
        func slip(_ blocks: [SlipBlock], options: EncodeOptions = EncodeOptions()) throws -> [UInt8] {
            let title: [SlipBlock] = [.text("TEST PAGE: \(kind.rawValue.uppercased())", .title),
                                      .text("\(profile.displayName) (\(profile.id))", .centered), .rule("-")]
            return try encoder.encode(SlipDocument(kind: .test, reference: "TEST-\(kind.rawValue)", blocks: title + blocks, training: false),
                                      options: options).bytes
        }
        switch kind {
        case .text:
            return try slip([
                .text("Plain text, font A, \(profile.fontA.columns) columns", .plain),
                .text(String((0..<profile.fontA.columns).map { Character(String($0 % 10)) }), .plain),
                .text("Bold", .bold), .text("Underline", SlipStyle(underline: true)),
                .text("Double width", SlipStyle(doubleWidth: true)), .text("Double height", SlipStyle(doubleHeight: true)),
                .text("Inverted", SlipStyle(invert: true)), .text("Small font", SlipStyle(small: true)),
                .text("Centre", .centered), .text("Right", SlipStyle(align: .right)),
                .pair("Left column", "12.50", .plain), .rule("="), .text("Accents: café naïve € £ ¥", .plain),
            ])
        case .cjk:
            return try slip([
                .text("中文测试 收银机打印机", .plain), .text("谢谢惠顾 欢迎再次光临", .bold),
                .pair("合计 Total", "¥12.50", .total), .text("繁體字：臺灣 香港", .plain), .text("日本語：ありがとう", .plain),
            ])
        case .barcodes:
            return try slip([
                .text("EAN-13 4006381333931", .plain), .barcode(.ean13, "4006381333931"),
                .text("EAN-8 96385074", .plain), .barcode(.ean8, "96385074"),
                .text("UPC-A 036000291452", .plain), .barcode(.upcA, "036000291452"),
                .text("CODE 39 TILL-39", .plain), .barcode(.code39, "TILL-39"),
                .text("CODE 128 Till-128", .plain), .barcode(.code128, "Till-128"),
                .text("ITF 12345678", .plain), .barcode(.itf, "12345678"),
            ])
        case .qr:
            return try slip([.text("QR: https://example.com/till?t=1", .centered), .qr("https://example.com/till?t=1"),
                             .text("QR: 收银机 测试", .centered), .qr("收银机 测试")])
        case .image:
            var options = EncodeOptions()
            options.logo = testImage(width: min(profile.media.dots, 384))
            return try slip([.text("Raster image: checks, gradient", .plain), .logo], options: options)
        case .codepages:
            return codePages(profile)
        case .cut:
            var bytes = EscPos.initialize + Array("TEST PAGE: CUT\nFeed then cut: the line above clears the blade.\n".utf8)
            if profile.hasCutter {
                let partial = profile.cutter.kinds.contains(.partial)
                bytes += EscPos.feedLines(UInt8(max(0, min(255, profile.cutter.feedLines)))) + EscPos.cut(partial ? .partial : .full)
            } else {
                bytes += Array("No cutter in this profile: tear here.\n".utf8) + EscPos.feedLines(UInt8(max(0, min(255, profile.cutter.feedLines))))
            }
            return bytes
        case .drawer:
            let pin = profile.drawer.pins.first ?? 2
            return profile.commands.drawerKick(pin: pin, pulseMs: profile.drawer.pulseMs)
        }
    }

    /// Each usable code page: ESC t n, then bytes 0x80–0xFF in rows of 16, labelled.
    static func codePages(_ profile: PrinterProfile) -> [UInt8] {
        var bytes = EscPos.initialize + Array("TEST PAGE: CODEPAGES\n".utf8)
        if profile.multibyte.contains(where: \.activeAtPowerOn) { bytes += EscPos.exitMultibyte }
        for (number, encoding) in profile.usableCodePages {
            bytes += EscPos.codePage(0) + Array("ESC t \(number): \(encoding)\n".utf8) + EscPos.codePage(number)
            for row in stride(from: 0x80, to: 0x100, by: 16) {
                bytes += Array(String(row, radix: 16).uppercased().utf8) + [0x20] + (row..<row + 16).map { UInt8($0) } + [EscPos.LF]
            }
        }
        bytes += EscPos.codePage(0)
        if profile.hasCutter { bytes += EscPos.feedLines(UInt8(max(0, min(255, profile.cutter.feedLines)))) + EscPos.cut(.partial) }
        return bytes
    }

    /// Checks on the left half, an ordered-dither gradient on the right: shows dot density,
    /// alignment and whether the head prints evenly.
    static func testImage(width: Int) -> Bitmap {
        let height = 96
        var bitmap = Bitmap(width: width, height: height)
        let bayer: [[Int]] = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]]
        for y in 0..<height {
            for x in 0..<width {
                let on: Bool
                if x < width / 2 { on = ((x / 16) + (y / 16)) % 2 == 0 }
                else { on = (x - width / 2) * 16 / max(1, width / 2) > bayer[y % 4][x % 4] }
                bitmap[x, y] = on
            }
        }
        return bitmap
    }
}
