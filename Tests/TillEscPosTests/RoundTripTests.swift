import Foundation
import TillCore
import TillGraphics
import Testing
import TillVirtualPrinter
@testable import TillEscPos

/// Every template on every profile: encode, feed the bytes to the virtual printer (an
/// independent decoder), and read the same text back, with raster lines arriving dot for dot.
struct RoundTripTests {
    struct Decoded {
        var text: [String] = []
        var barcodes: [String] = []
        var qrs: [String] = []
        var images = 0
        var cuts: [CutKind] = []
        var diagnostics: [String] = []
    }

    static let logo: Bitmap = {
        var b = Bitmap(width: 200, height: 64)
        for y in 0..<64 { for x in 0..<200 where (x / 8 + y / 8) % 2 == 0 { b[x, y] = true } }
        return b
    }()

    /// Reads the printer's pages back; images matching the encoder's raster lines (in order)
    /// stand for their text.
    func decode(_ job: EncodedJob, on profile: PrinterProfile) -> Decoded {
        let printer = VirtualPrinter(profile: profile)
        printer.receive(job.bytes)
        printer.finish()
        var out = Decoded()
        var nextRaster = 0
        for page in printer.pages {
            if let cut = page.page.cut { out.cuts.append(cut) }
            for item in page.page.items {
                switch item {
                case .line(let line):
                    out.text.append(String(String.UnicodeScalarView(line.chars.map(\.scalar))))
                case .image(let bitmap, _, _, _, _):
                    if nextRaster < job.rasterText.count, bitmap == job.rasterText[nextRaster].bitmap {
                        out.text.append(job.rasterText[nextRaster].text)
                        nextRaster += 1
                    } else {
                        out.images += 1
                    }
                case .barcode(let b, _, _, _, _):
                    out.barcodes.append(b.barcode?.text ?? "INVALID \(b.error ?? "")")
                case .qr(let q, _, _, _):
                    out.qrs.append(String(decoding: q.data, as: UTF8.self))
                default:
                    break
                }
            }
        }
        if nextRaster != job.rasterText.count { out.text.append("MISSING RASTER LINE \(job.rasterText[nextRaster].text)") }
        out.diagnostics = printer.diagnostics.map(\.description)
        return out
    }

    /// The slip's text as the plain-text renderer (an independent layout) has it, markers for
    /// symbols and banner frames removed.
    func expectedText(_ doc: SlipDocument, columns: Int) -> String {
        PlainTextSlipRenderer.render(doc, columns: columns).filter { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty && t.allSatisfy({ $0 == "*" }) { return false }
            if t.hasPrefix("[") && t.hasSuffix("]") && (t.hasPrefix("[QR ") || t == "[LOGO]"
                || Symbology.printedOnSlips.contains { t.hasPrefix("[\($0.rawValue.uppercased()) ") }) { return false }
            return true
        }.joined().filter { !$0.isWhitespace }
    }

    static let profileIds = Profiles.library.ids

    @Test(arguments: profileIds)
    func everyTemplateReadsBackAsTheSameText(profileId: String) throws {
        let profile = Profiles.get(profileId)
        let encoder = Profiles.encoder(profileId)
        for (name, doc) in SlipFixtures.allDocuments() {
            var options = EncodeOptions()
            options.logo = RoundTripTests.logo
            options.nvState = NVGraphicsState()
            let job = try encoder.encode(doc, options: options)
            let decoded = decode(job, on: profile)
            let actual = decoded.text.joined().filter { !$0.isWhitespace }
            let expected = expectedText(doc, columns: profile.fontA.columns)
            #expect(actual == expected, "\(profileId) \(name):\nexpected \(expected)\nactual   \(actual)")
            #expect(decoded.diagnostics.isEmpty, "\(profileId) \(name): \(decoded.diagnostics.prefix(3))")
            let wantedBarcodes = doc.blocks.compactMap { block -> String? in
                if case .barcode(_, let data) = block { return data } else { return nil }
            }
            if profile.supportsNative("code128") {
                #expect(decoded.barcodes == wantedBarcodes, "\(profileId) \(name)")
            }
            if profile.hasCutter { #expect(decoded.cuts == [.partial], "\(profileId) \(name)") }
            // A printer with its own Chinese font needs no raster text at all.
            if profile.multibyte.contains(where: { $0.encoding == "GB18030" }) {
                #expect(job.rasterTextLines == 0, "\(profileId) \(name): \(job.rasterText.map(\.text))")
            }
        }
    }

    @Test func qrReadsBackOnNativeAndRasterProfiles() throws {
        let doc = SlipDocument(kind: .test, reference: "T", blocks: [.qr("https://till.example/r/9010000012325112347")], training: false)
        let native = try Profiles.encoder("epson-tm-t88vi").encode(doc)
        #expect(decode(native, on: Profiles.get("epson-tm-t88vi")).qrs == ["https://till.example/r/9010000012325112347"])
        let raster = try Profiles.encoder("zijiang-zj-5870").encode(doc)
        let decoded = decode(raster, on: Profiles.get("zijiang-zj-5870"))
        #expect(decoded.qrs.isEmpty && decoded.images >= 1) // split under the 4 KB raster limit
    }
}
