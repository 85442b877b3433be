import Foundation
import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

/// UPC-E, Codabar and Code 93 (GS k function B) for generated data: ZXing reads each printed
/// symbol back to what was sent (ZXing checks UPC-E's parity-encoded check digit itself, and
/// drops Codabar's start and stop characters).
struct GeneratedSymbologyScanTests {
    static func data(_ m: UInt8, _ rng: inout StreamFuzzer) -> (sent: [UInt8], read: [UInt8]) {
        func pick(_ alphabet: String, _ n: Int) -> [UInt8] { let a = Array(alphabet.utf8); return (0..<n).map { _ in a[rng.below(a.count)] } }
        switch m {
        case 66:  // number system 0 or 1, six digits; ZXing adds the check digit
            let sent = pick("01", 1) + pick("0123456789", 6)
            return (sent, sent)
        case 71:
            // ZXing reads Codabar of three data characters and more (its minimum, not ours).
            let body = pick("0123456789-$:/.+", 3 + rng.below(10))
            return (pick("ABCD", 1) + body + pick("ABCD", 1), body)
        default:
            let sent = pick("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%", 1 + rng.below(14))
            return (sent, sent)
        }
    }

    @Test(arguments: [(66 as UInt8, "UPC-E"), (71, "Codabar"), (72, "Code93")])
    func generatedDataScansBack(m: UInt8, format: String) throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000) &+ UInt64(m)
        var rng = StreamFuzzer(seed: seed)
        let profile = try Profiles.epson
        for _ in 0..<8 {
            let (sent, read) = Self.data(m, &rng)
            let printer = VirtualPrinter(profile: profile)
            _ = printer.receive(B.initialize + B.barcodeSetup(height: 80, width: 2, hri: 0) + B.barcodeB(m, sent) + B.line("") + B.fullCut)
            printer.finish()
            let page = try #require(printer.pages.first)
            let scanned = try ZXing.scan(png: page.png(), format: format).bytes
            let context = "seed \(seed) \(format) sent \(String(decoding: sent, as: UTF8.self))"
            if m == 66 {
                #expect(scanned.count == 8 && Array(scanned.prefix(7)) == read, "\(context): read \(String(decoding: scanned, as: UTF8.self))")
            } else {
                #expect(scanned == read, "\(context): read \(String(decoding: scanned, as: UTF8.self))")
            }
        }
    }
}
