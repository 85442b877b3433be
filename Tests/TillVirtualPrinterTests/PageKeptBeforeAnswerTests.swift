import Foundation
import Synchronization
import Testing
import TillVirtualPrinter

/// Nothing is confirmed before it is kept: the status a host asks after a cut (the way the
/// till's driver confirms a slip printed) is answered only once the finished page has been
/// handed to whoever keeps it (the emulator's page folder). Before this held, the emulator
/// answered first and wrote the page after, and a test reading the page the moment the till
/// said "printed" (`everyTestPagePrintsOverTCP`) found none on a loaded machine.
@Suite(.serialized) struct PageKeptBeforeAnswerTests {
    /// A keeper as slow as drawing and encoding a long page on a loaded machine, holding its
    /// lock for the whole write as the emulator's does (so two threads never both keep a page).
    final class SlowKeeper: Sendable {
        let printer: VirtualPrinter
        private let writing = Mutex(())
        /// Read apart from `writing`, so asking never waits for a write under way.
        private let kept = Mutex(0)
        init(_ printer: VirtualPrinter) { self.printer = printer }
        func keep() {
            writing.withLock { _ in
                let pages = printer.takeNewPages()
                guard !pages.isEmpty else { return }
                usleep(300_000)
                kept.withLock { $0 += pages.count }
            }
        }
        var count: Int { kept.withLock { $0 } }
    }

    /// Instant: DLE EOT after the cut, answered as the bytes arrive. Paced: GS r, answered in
    /// sequence by the print head once the cut before it has printed.
    @Test(arguments: [false, true])
    func theStatusAfterACutComesOnlyOnceThePageIsKept(paced: Bool) throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, pace: paced ? .paper(bufferBytes: 4096) : .instant)
        let keeper = SlowKeeper(printer)
        printer.onPrinted = { keeper.keep() }
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0, onActivity: { keeper.keep() })
        server.start()
        defer { server.stop() }
        let link = try Link.tcp(port: server.port)
        defer { link.close() }
        link.send(B.initialize + B.line("KEPT FIRST") + B.partialCut + (paced ? B.gsR(1) : B.dleEot(1)))
        let answer = link.read(1)
        #expect(answer?.count == 1, "no answer to the status after the cut")
        #expect(keeper.count == 1, "the printer answered \(answer ?? []) while its page was not kept yet")
    }
}
