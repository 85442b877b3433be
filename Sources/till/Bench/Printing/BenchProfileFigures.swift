import Foundation
import TillCore
import TillDevices
import TillEscPos
import TillVirtualPrinter

/// `till bench printing --profiles`: per profile, an English and a Chinese receipt: bytes,
/// seconds at 9600 baud, job-to-confirmed time through the driver on the in-process virtual
/// printer (whatever receive buffer and speed it models), and the ratio to the same receipt on
/// the same layout with a GB18030 font (and, where glyphs are downloaded, what the raster lines
/// they replace would cost). Figures only; nothing is asserted.
enum BenchProfileFigures {
    static func receipt(_ language: Language) -> SlipDocument {
        let zh = language == .zh
        let items = zh ? [("茉莉花茶", "12.50"), ("陶瓷马克杯", "22.40"), ("电热水壶 1.7升", "169.00"), ("智能电饭煲", "399.00"), ("东北大米 5公斤", "59.90")]
            : [("Jasmine tea", "12.50"), ("Ceramic mug", "22.40"), ("Electric kettle 1.7 l", "169.00"), ("Rice cooker", "399.00"), ("Rice 5 kg", "59.90")]
        var blocks: [SlipBlock] = [.text(zh ? "光明便利店" : "Bright Corner Shop", .title), .text(zh ? "收银员：林收银" : "Clerk: Lin", .plain), .rule("-")]
        blocks += items.map { .pair($0.0, $0.1, .plain) }
        blocks += [.rule("-"), .pair(zh ? "合计" : "TOTAL", "662.80", .total), .pair(zh ? "现金" : "Cash", "700.00", .plain),
                   .pair(zh ? "找零" : "Change", "37.20", .bold), .text(zh ? "谢谢光临" : "Thank you", .centered)]
        return SlipDocument(kind: .sale, reference: "BENCH", blocks: blocks, training: false)
    }

    static func run(library: ProfileLibrary) throws {
        print("== till bench printing --profiles: 5-item receipt per profile (9600 baud = 960 bytes/s) ==")
        print("profile                         lang   bytes  s@9600  confirmed ms  ×GB18030  Chinese as   (as raster lines: bytes)")
        for id in library.ids {
            let profile = try library.profile(id)
            var twin = profile
            if twin.multibyte.isEmpty {
                twin.multibyte = [.init(encoding: "GB18030", enter: "FS &", exit: "FS .", activeAtPowerOn: false, fourByteSequences: false)]
            }
            for language in [Language.en, .zh] {
                let doc = receipt(language)
                let job = try SlipEncoder(profile: profile).encode(doc)
                let native = try SlipEncoder(profile: twin).encode(doc)
                var rasterOnly = profile
                rasterOnly.userDefinedCharacters = false
                let raster = try SlipEncoder(profile: rasterOnly).encode(doc).bytes.count
                let printer = VirtualPrinter(profile: profile)
                let driver = PrinterDriver(transport: InProcessTransport(printer: printer), profile: profile)
                driver.start()
                let start = DispatchTime.now().uptimeNanoseconds
                let outcome = driver.print(doc)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                driver.close()
                let how = language == .en ? "-" : !profile.multibyte.isEmpty ? "GB18030" : !job.rasterText.isEmpty ? "raster" : "downloaded"
                func pad(_ t: String, _ n: Int, right: Bool = false) -> String {
                    let fill = String(repeating: " ", count: max(0, n - t.count))
                    return right ? fill + t : t + fill
                }
                // A model that cannot confirm (completion "none") is sent, never counted as printed.
                let confirmed: String
                switch outcome {
                case .printed: confirmed = String(format: "%.1f", ms)
                case .unknown: confirmed = "unconfirmed"
                case .failed: confirmed = "failed"
                }
                print(pad(id, 31) + " " + pad(language.rawValue, 5) + " " + pad("\(job.bytes.count)", 6, right: true) + "  "
                      + pad(String(format: "%.2f", Double(job.bytes.count * 10) / 9600), 6, right: true) + "  " + pad(confirmed, 12, right: true)
                      + "  " + pad(String(format: "%.2f", Double(job.bytes.count) / Double(max(1, native.bytes.count))), 8, right: true) + "  " + pad(how, 11) + (how == "downloaded" ? "  \(raster)" : ""))
            }
        }
    }
}
