import Foundation
import TillCore
import TillEscPos
import TillRuntime
import TillVirtualPrinter

/// A printer peer for property tests: each slip is encoded to ESC/POS for a real profile and fed
/// to the virtual printer, an independent decoder; what it printed is kept as text lines, by
/// slip reference. Lines the profile rasters (Chinese without a font) are not text here.
final class DecodingPrinter: SlipPrinter {
    let encoder: SlipEncoder
    var name: String { "decoding printer (\(encoder.profile.id))" }
    private(set) var paper: [String: [String]] = [:]
    private(set) var drawerKicks = 0

    init(profile id: String = "epson-tm-t88vi") throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        encoder = SlipEncoder(profile: try ProfileLibrary(directory: url.path + "/Devices/printers").profile(id))
    }

    func print(_ slip: SlipDocument) -> PrintOutcome {
        guard let job = try? encoder.encode(slip) else { return .failed(cause: "could not encode") }
        let printer = VirtualPrinter(profile: encoder.profile)
        _ = printer.receive(job.bytes)
        printer.finish()
        var lines: [String] = []
        for page in printer.pages {
            for case .line(let line) in page.page.items { lines.append(String(String.UnicodeScalarView(line.chars.map(\.scalar)))) }
        }
        paper[slip.reference] = lines
        return .printed
    }

    func openDrawer() -> PrintOutcome { drawerKicks += 1; return .printed }
}
