import Synchronization
import Testing
import TillEscPos
@testable import TillVirtualPrinter

/// Status replies as a real Epson printer gives them, in every fault state.
@Suite struct StatusTests {
    /// Expected DLE EOT 1…4 and GS r 1/2 replies (nil: no reply) per fault state.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let faults: [Fault]
        let dleEot: [UInt8]      // n = 1, 2, 3, 4
        let gsR: [UInt8]?        // n = 1, 2; nil when GS r is not answered (offline)
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "ready", faults: [], dleEot: [0x12, 0x12, 0x12, 0x12], gsR: [0x00, 0x00]),
        Case(name: "near end", faults: [.paperNearEnd], dleEot: [0x12, 0x12, 0x12, 0x1E], gsR: [0x03, 0x00]),
        Case(name: "paper out", faults: [.paperOut], dleEot: [0x1A, 0x32, 0x12, 0x7E], gsR: nil),
        Case(name: "cover open", faults: [.coverOpen], dleEot: [0x1A, 0x16, 0x12, 0x12], gsR: nil),
        Case(name: "offline", faults: [.offline], dleEot: [0x1A, 0x12, 0x12, 0x12], gsR: nil),
        Case(name: "drawer open", faults: [.drawerOpen], dleEot: [0x16, 0x12, 0x12, 0x12], gsR: [0x00, 0x01]),
        Case(name: "paper out and cover open", faults: [.paperOut, .coverOpen], dleEot: [0x1A, 0x36, 0x12, 0x7E], gsR: nil),
    ]

    @Test(arguments: cases)
    func dleEotAndGsRInEachFaultState(_ c: Case) throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: c.faults)
        for n in 1...4 {
            let reply = printer.receive(B.dleEot(UInt8(n)))
            #expect(reply == [c.dleEot[n - 1]], "DLE EOT \(n) in \(c.name)")
            // Every DLE EOT reply is shaped 0xx1xx10.
            #expect(reply.allSatisfy { $0 & 0b1001_0011 == 0b0001_0010 })
        }
        let r1 = printer.receive(B.gsR(1))
        let r2 = printer.receive(B.gsR(2))
        if let gsR = c.gsR {
            #expect(r1 == [gsR[0]] && r2 == [gsR[1]], "GS r in \(c.name)")
        } else {
            // GS r goes through the buffer: not processed while offline.
            #expect(r1.isEmpty && r2.isEmpty, "GS r must stay unanswered in \(c.name)")
        }
    }

    @Test func cutterErrorHappensAtTheNextCutAndDleEnqRecovers() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: [.cutterError])
        #expect(printer.receive(B.dleEot(3)) == [0x12])  // armed, not yet jammed
        printer.receive(B.line("first slip") + B.partialCut)
        #expect(printer.pages.isEmpty)  // the cut did not happen
        #expect(printer.receive(B.dleEot(1)) == [0x1A])  // offline
        #expect(printer.receive(B.dleEot(2)) == [0x52])  // error occurred
        #expect(printer.receive(B.dleEot(3)) == [0x1A])  // autocutter error
        #expect(printer.receive(B.gsR(1)).isEmpty)
        printer.receive(B.line("lost while jammed"))
        printer.receive([0x10, 0x05, 0x02])  // DLE ENQ 2: recover
        #expect(printer.receive(B.dleEot(1)) == [0x12])
        printer.receive(B.line("after recovery") + B.partialCut)
        let text = try #require(printer.pages.first).text
        #expect(text.contains("first slip") && text.contains("[note: cutter jammed]") && text.contains("after recovery"))
        #expect(!text.contains("lost while jammed"))
        #expect(text.contains("bytes lost while the printer was offline (cutter error)"))
    }

    @Test func dleEotIsAnsweredInsideImageDataAsOnARealPrinter() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        // A raster row whose data happens to contain 10 04 01.
        let image: [UInt8] = [0x1D, 0x76, 0x30, 0, 3, 0, 1, 0, 0x10, 0x04, 0x01]
        #expect(printer.receive(image) == [0x12])
        // The bytes still count as image data: the next command parses normally.
        #expect(printer.receive(B.dleEot(4)) == [0x12])
        printer.receive(B.line("ok") + B.fullCut)
        // The TM-T88VI profile has only a partial cutter: a full-cut command cuts partially.
        #expect(printer.pages.first?.text == "[raster 24x1]\nok\n[cut partial]\n")
    }

    @Test func dleEotAnsweredWhenSplitAcrossReads() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: [.coverOpen])
        #expect(printer.receive([0x10]).isEmpty)
        #expect(printer.receive([0x04]).isEmpty)
        #expect(printer.receive([0x02]) == [0x16])
    }

    @Test func gsRIsNotAnsweredByAProfileWithoutIt() throws {
        let printer = VirtualPrinter(profile: try Profiles.load("zijiang-zj-5870"))
        #expect(printer.receive(B.gsR(1)).isEmpty)
        #expect(printer.receive(B.dleEot(1)) == [0x12])
        #expect(printer.diagnostics.contains { $0.message.contains("does not answer GS r") })
    }

    @Test func automaticStatusBackOnEnableAndOnEveryChange() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        // Enabling sends the current status at once: 4 bytes, the first shaped 0xx1xx00.
        let first = printer.receive(B.gsA(0x0F))
        #expect(first == [0x10, 0x00, 0x00, 0x00])
        #expect(first[0] & 0b1001_0011 == 0b0001_0000)
        #expect(printer.inject(.paperNearEnd) == [0x10, 0x00, 0x03, 0x00])
        #expect(printer.inject(.paperNearEnd).isEmpty)  // no change, no message
        #expect(printer.inject(.coverOpen) == [0x38, 0x00, 0x03, 0x00])  // offline + cover open
        #expect(printer.inject(.coverClose) == [0x10, 0x00, 0x03, 0x00])
        #expect(printer.inject(.paperOut) == [0x18, 0x00, 0x0F, 0x00])
        #expect(printer.inject(.paperLoad) == [0x10, 0x00, 0x00, 0x00])
        // A drawer kick opens the drawer: pin 3 changes.
        #expect(printer.receive([0x1B, 0x70, 0, 50, 50]) == [0x14, 0x00, 0x00, 0x00])
        // Disabled: silence.
        #expect(printer.receive(B.gsA(0)).isEmpty)
        #expect(printer.inject(.coverOpen).isEmpty)
    }

    @Test func automaticStatusBackOnlyForTheEnabledCategories() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        #expect(printer.receive(B.gsA(0x08)).count == 4)  // paper sensors only
        #expect(printer.inject(.coverOpen).isEmpty)
        #expect(printer.inject(.paperNearEnd) == [0x38, 0x00, 0x03, 0x00])
    }

    @Test func asbGoesToTheReplyHandlerWhenSet() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        _ = printer.receive(B.gsA(0x02))
        let box = Box()
        printer.replyHandler = { box.append($0) }
        #expect(printer.inject(.offline).isEmpty)
        #expect(box.bytes == [0x18, 0x00, 0x00, 0x00])
    }

    @Test func paperOutAfterNMillimetresLosesTheRestUntilLoaded() throws {
        let profile = try Profiles.epson  // 180 dpi, 30-dot lines: 10 mm ≈ 71 dots ≈ 3 lines
        let printer = VirtualPrinter(profile: profile, faults: [.paperOutAfter(millimetres: 10)])
        var job = B.initialize
        for i in 1...6 { job += B.line("line \(i)") }
        job += B.partialCut
        printer.receive(job)
        #expect(printer.pages.isEmpty)
        #expect(printer.receive(B.dleEot(4)) == [0x7E])
        printer.inject(.paperLoad)
        printer.receive(B.initialize + B.line("next job") + B.partialCut)
        let text = try #require(printer.pages.first).text
        #expect(text.contains("line 1") && text.contains("line 3"))
        #expect(!text.contains("line 4") && !text.contains("line 6"))
        #expect(text.contains("[note: paper out]") && text.contains("next job"))
    }

    @Test func garbageRepliesNeverLookLikeStatus() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: [.garbage(true)])
        for _ in 0..<50 {
            let reply = printer.receive(B.dleEot(1))
            #expect(reply.count >= 2 && reply.last == 0x12)
            // Noise bytes are never shaped 0xx1xx10 — a driver framing by pattern finds the reply.
            #expect(reply.dropLast().allSatisfy { $0 & 0b0001_0000 == 0 })
        }
    }

    @Test func disconnectAfterNBytesDropsTheRest() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: [.disconnectAfter(bytes: 10)])
        printer.receive(B.initialize + B.line("abcdefghijklmnop") + B.fullCut)
        #expect(printer.takeDisconnectRequest())
        #expect(!printer.takeDisconnectRequest())
        printer.finish()
        // 2 bytes of ESC @ and 8 characters made it.
        #expect(printer.pages.first?.text == "abcdefgh\n")
    }

    @Test func printerIDAnswersNameAndVendor() throws {
        let profile = try Profiles.epson
        let printer = VirtualPrinter(profile: profile)
        // The model name without its maker (GS I 66 gives that), as a real TM-T88VI answers.
        #expect(printer.receive([0x1D, 0x49, 67]) == [0x5F] + Array("TM-T88VI".utf8) + [0])
        #expect(printer.receive([0x1D, 0x49, 66]) == [0x5F] + Array(profile.vendor.utf8) + [0])
        #expect(printer.receive([0x1D, 0x49, 2]) == [0x02])  // autocutter fitted
    }
}

final class Box: Sendable {
    private let storage = Mutex<[UInt8]>([])
    func append(_ b: [UInt8]) { storage.withLock { $0 += b } }
    var bytes: [UInt8] { storage.withLock { $0 } }
}
