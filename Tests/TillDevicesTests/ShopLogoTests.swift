import Foundation
import Testing
import TillCore
@testable import TillDevices
@testable import till
import TillEscPos
import TillGraphics
import TillVirtualPrinter

/// Forwards to another transport and keeps what was written, job by job.
final class RecordingTransport: PrinterTransport {
    let inner: PrinterTransport
    var writes: [[UInt8]] = []
    init(_ inner: PrinterTransport) { self.inner = inner }
    func open() throws { try inner.open() }
    func write(_ bytes: [UInt8], timeout: Double) throws { writes.append(bytes); try inner.write(bytes, timeout: timeout) }
    func read(timeout: Double) throws -> [UInt8] { try inner.read(timeout: timeout) }
    func close() { inner.close() }
    var isOpen: Bool { inner.isOpen }
    var bytesPerSecond: Double? { inner.bytesPerSecond }
    var name: String { inner.name }
}

@Suite struct ShopLogoTests {
    @Test func theLogoIsStoredInNVOnceThenPrintedByKeyForAFewBytes() throws {
        let profile = try Fixtures.profile("epson-tm-t88vi")
        #expect(profile.nvGraphics.supported)
        let printer = VirtualPrinter(profile: profile)
        let wire = RecordingTransport(InProcessTransport(printer: printer))
        let driver = PrinterDriver(transport: wire, profile: profile)
        var logo = Bitmap(width: 300, height: 120)
        for y in 0..<120 { for x in 0..<300 where (x / 10 + y / 10) % 2 == 0 { logo[x, y] = true } }
        let statePath = FileManager.default.temporaryDirectory.appendingPathComponent("till-nv-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: statePath) }
        driver.logo = ShopLogo(bitmap: logo, statePath: statePath)
        driver.start()
        let receipt = SlipDocument(kind: .sale, reference: "S01-000001", blocks: [.logo, .text("RECEIPT", .plain)], training: false)
        #expect(driver.print(receipt) == .printed)
        let first = wire.writes.max { $0.count < $1.count } ?? []
        wire.writes.removeAll()
        #expect(driver.print(receipt) == .printed)
        let second = wire.writes.max { $0.count < $1.count } ?? []
        // GS ( L function 67 defines NV graphics; function 69 prints by key.
        let define: [UInt8] = [0x1D, 0x28, 0x4C], fn67: UInt8 = 67, fn69: UInt8 = 69
        func hasFunction(_ job: [UInt8], _ fn: UInt8) -> Bool {
            job.indices.contains { i in i + 6 < job.count && Array(job[i..<i + 3]) == define && job[i + 5] == 48 && job[i + 6] == fn }
        }
        #expect(hasFunction(first, fn67))
        #expect(!hasFunction(second, fn67))
        #expect(hasFunction(second, fn69))
        #expect(first.count > 4_000 && second.count < 200, "first \(first.count) bytes, second \(second.count)")
        #expect(FileManager.default.fileExists(atPath: statePath))
        // Both receipts came out with the logo on paper.
        let pages = printer.pages
        #expect(pages.count == 2)
        for page in pages {
            let top = page.bitmap(font: nil)
            #expect((0..<40).contains { y in (0..<top.width).contains { x in top[x, y] } }, "page \(page.number) has no logo")
        }
    }
}
