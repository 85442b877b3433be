import TillCore
import Testing
@testable import TillEscPos

struct PaperAndDrawerTests {
    func job(_ id: String, _ configure: (inout EncodeOptions) -> Void) throws -> [UInt8] {
        var options = EncodeOptions()
        configure(&options)
        let doc = SlipDocument(kind: .test, reference: "T", blocks: [.text("x", .plain)], training: false)
        return try Profiles.encoder(id).encode(doc, options: options).bytes
    }

    @Test func feedAndCutIsOneCommandWhereTheModelHasIt() throws {
        let bytes = try job("epson-tm-t88vi") { $0.cut = .partial }
        #expect(bytes == preamble(Profiles.get("epson-tm-t88vi")) + [0x78, 0x0A, 0x1D, 0x56, 66, 0])
    }

    @Test func plainCutFeedsTheProfileLinesFirst() throws {
        let bytes = try job("generic-80") { $0.cut = .partial }
        #expect(bytes == preamble(Profiles.get("generic-80")) + [0x78, 0x0A, 0x1B, 0x64, 4, 0x1D, 0x56, 1])
    }

    @Test func fullCutFallsBackToPartialOnAPartialOnlyCutter() throws {
        let bytes = try job("generic-80") { $0.cut = .full }
        #expect(Array(bytes.suffix(3)) == [0x1D, 0x56, 1])
        let xp = try job("xprinter-xp-n160ii") { $0.cut = .full }
        #expect(Array(xp.suffix(4)) == [0x1D, 0x56, 65, 0])
    }

    @Test func noCutterMeansFeedForTearingAndNoGSV() throws {
        let bytes = try job("xprinter-xp-58") { $0.cut = .partial }
        #expect(bytes == [0x1B, 0x40, 0x78, 0x0A, 0x1B, 0x64, 4])
    }

    @Test func cutStartsANewLineFirst() {
        var w = writer("generic-80")
        w.write("abc")
        w.cut(.partial)
        #expect(body(w) == Array("abc".utf8) + [0x0A, 0x1B, 0x64, 4, 0x1D, 0x56, 1])
    }

    @Test func drawerKickUsesPinTwoAndTheProfilePulse() throws {
        let bytes = try job("epson-tm-t20iii") { $0.cut = nil; $0.openDrawer = true }
        // 100 ms on → t1 = 50; off twice as long → t2 = 100.
        #expect(Array(bytes.suffix(5)) == [0x1B, 0x70, 0, 50, 100])
        var w = writer("star-mc-print3-escpos")
        w.kickDrawer(pin: 5)
        #expect(body(w) == [0x1B, 0x70, 1, 100, 200])
    }
}
