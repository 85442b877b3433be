import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

@Suite struct SmokeTests {
    @Test func printsAReceipt() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        var job = B.initialize + B.align(1) + B.size(2, 2) + B.line("SHOP") + B.size(1, 1) + B.align(0)
        job += B.bold(true) + B.text("Total") + B.bold(false) + B.line(" 12.50")
        job += B.codePage(19) + [0xD5] + B.line(" 3")
        job += B.barcodeSetup() + B.align(1) + B.barcodeB(67, B.text("400638133393"))
        job += B.qr(B.text("https://till.example/r/1"))
        job += B.feedCut(partial: true, 3)
        printer.receive(job)
        let pages = printer.pages
        #expect(pages.count == 1)
        print(pages.first?.text ?? "none")
        print(printer.diagnostics)
        let png = pages[0].png()
        print(try ZBar.scan(png: png))
    }
}
