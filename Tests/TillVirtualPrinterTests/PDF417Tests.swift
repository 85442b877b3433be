import Foundation
import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

/// PDF417 (GS ( k cn 48) prints as a real symbol: ZXing (Debian zxing-cpp-tools), a reader
/// that shares no code with ours, scans the rendered page back to exactly the stored bytes,
/// for generated data and generated size and error-correction settings.
struct PDF417Tests {
    static func pdf417(_ fn: UInt8, _ p: [UInt8]) -> [UInt8] {
        let n = p.count + 2
        return [B.gs, 0x28, 0x6B, UInt8(n & 0xFF), UInt8(n >> 8), 48, fn] + p
    }

    static func job(_ data: [UInt8], columns: Int, rows: Int, moduleWidth: Int, rowHeight: Int, level: [UInt8]) -> [UInt8] {
        let store = data.count + 3
        return B.initialize + B.align(1)
            + pdf417(65, [UInt8(columns)]) + pdf417(66, [UInt8(rows)]) + pdf417(67, [UInt8(moduleWidth)])
            + pdf417(68, [UInt8(rowHeight)]) + pdf417(69, level)
            + [B.gs, 0x28, 0x6B, UInt8(store & 0xFF), UInt8(store >> 8), 48, 80, 48] + data
            + pdf417(81, [48]) + B.line("AFTER") + B.fullCut
    }

    /// Printable text, digits, punctuation, control characters and any byte, mixed in runs.
    static func data(_ rng: inout StreamFuzzer) -> [UInt8] {
        let alphabets: [[UInt8]] = [Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ ".utf8), Array("abcdefghijklmnopqrstuvwxyz ".utf8),
                                    Array("0123456789".utf8), Array(";<>@[\\]_`~!,:-.$/\"|*()?{}'&#+%=^\r\n\t".utf8), (0...255).map(UInt8.init)]
        var out: [UInt8] = []
        let length = 1 + rng.below(160)
        while out.count < length {
            let alphabet = alphabets[rng.below(alphabets.count)]
            for _ in 0..<(1 + rng.below(12)) { out.append(alphabet[rng.below(alphabet.count)]) }
        }
        return Array(out.prefix(length))
    }

    @Test func generatedSymbolsScanBackToTheirData() throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = StreamFuzzer(seed: seed)
        let profile = try Profiles.epson  // 512 dots
        for round in 0..<24 {
            let data = Self.data(&rng)
            let moduleWidth = 2 + rng.below(2)
            // Columns, rows or both automatic (0), or fixed: either may be set alone.
            // Fixed columns: 2 or 3 for short data, else from 5 to what fits 512 dots (fewer hold
            // too few codewords in 90 rows: aSymbolThatDoesNotFitIsReportedNotDrawn).
            let columns = rng.below(2) == 0 ? 0 : data.count <= 40 ? 2 + rng.below(2) : 5 + rng.below(moduleWidth == 2 ? 6 : 1)
            let rows = columns == 0 && rng.below(2) == 0 ? 30 + rng.below(61) : 0
            let levelFixed = rng.below(2) == 0
            let level: [UInt8] = levelFixed ? [48, 48 + UInt8(rng.below(6))] : [49, 1 + UInt8(rng.below(8))]
            let printer = VirtualPrinter(profile: profile)
            printer.receive(Self.job(data, columns: columns, rows: rows, moduleWidth: moduleWidth, rowHeight: 3, level: level))
            printer.finish()
            let context = "seed \(seed) round \(round): \(data.count) bytes, columns \(columns) rows \(rows) module \(moduleWidth) level \(level)"
            let page = try #require(printer.pages.first, "\(context)")
            guard let image = page.page.items.lazy.compactMap({ item -> Bitmap? in
                if case .image(let b, _, _, _, let label) = item, label.hasPrefix("pdf417") { return b } else { return nil }
            }).first else {
                // Automatic columns with fixed rows may not fit the paper: then the refusal must be
                // right — the most columns that fit at this module width, times the rows, hold
                // fewer codewords than the data needs, and one more column would be too wide.
                if columns == 0, rows > 0, let told = Self.doesNotFit(page.text) {
                    let oneMoreWide = ((told.columns + 1 + 4) * 17 + 1) * moduleWidth + 4 * moduleWidth
                    #expect(told.rows == rows && told.columns * told.rows < told.needed && oneMoreWide > 512, "\(context): \(page.text)")
                    continue
                }
                Issue.record("\(context): no symbol printed: \(page.text) \(printer.diagnostics)")
                continue
            }
            // The asked shape: columns fix the width, rows the height (modules plus quiet zones).
            if columns > 0 { #expect(image.width == ((columns + 4) * 17 + 1) * moduleWidth + 4 * moduleWidth, "\(context)") }
            if rows > 0 { #expect(image.height == rows * 3 * moduleWidth + 4 * moduleWidth, "\(context)") }
            let scan = try ZXing.scan(png: page.png(), format: "PDF417")
            #expect(scan.bytes == data, "\(context): read \(scan.bytes)")
            if levelFixed { #expect(scan.level == Int(level[1] - 48), "\(context): level \(String(describing: scan.level))") }
            #expect(page.text.contains("AFTER"), "\(context)")
        }
    }

    /// "needs N codewords, C columns × R rows hold H" in a page's note, as numbers.
    static func doesNotFit(_ text: String) -> (needed: Int, columns: Int, rows: Int)? {
        guard let match = text.firstMatch(of: /needs (\d+) codewords, (\d+) columns × (\d+) rows hold/),
              let needed = Int(match.1), let columns = Int(match.2), let rows = Int(match.3) else { return nil }
        return (needed, columns, rows)
    }

    /// A shape too small for the data, and a symbol wider than the paper: nothing is drawn, a
    /// real printer's behaviour, and the page and diagnostics say why.
    @Test func aSymbolThatDoesNotFitIsReportedNotDrawn() throws {
        let profile = try Profiles.epson
        let data = Array(String(repeating: "TILL PDF417 ", count: 20).utf8)
        for (columns, rows, why) in [(1, 3, "3 rows hold 3"), (30, 0, "wide")] {
            var bytes = Self.job(data, columns: columns, rows: 0, moduleWidth: 3, rowHeight: 3, level: [48, 50])
            if rows > 0 { bytes = Self.job(data, columns: columns, rows: rows, moduleWidth: 3, rowHeight: 3, level: [48, 50]) }
            let printer = VirtualPrinter(profile: profile)
            printer.receive(bytes)
            printer.finish()
            let page = try #require(printer.pages.first)
            #expect(page.text.contains(why) && page.text.contains("AFTER"), "\(page.text)")
            #expect(printer.diagnostics.contains { $0.message.contains("PDF417") })
            #expect(try ZXing.scan(png: page.png(), format: "PDF417").bytes.isEmpty)
        }
    }
}

/// ZXingReader (Debian zxing-cpp-tools) on a PNG: the bytes of the first symbol of `format`
/// and its error-correction level, empty when none is found.
enum ZXing {
    static func scan(png: [UInt8], format: String) throws -> (bytes: [UInt8], level: Int?) {
        let tool = "/usr/bin/ZXingReader"
        let bytes = [UInt8](try readSymbols(tool: tool, ["-bytes", "-format", format], png: png))
        let report = String(decoding: try readSymbols(tool: tool, ["-format", format], png: png), as: UTF8.self)
        let level = report.split(separator: "\n").first { $0.hasPrefix("EC Level:") }
            .flatMap { Int($0.dropFirst("EC Level:".count).trimmingCharacters(in: .whitespaces)) }
        return (bytes, level)
    }
}
