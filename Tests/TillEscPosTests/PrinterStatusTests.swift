import Testing
import TillCore
import TillEscPos
import TillVirtualPrinter

@Suite struct PrinterStatusTests {
    func status(_ faults: [Fault]) throws -> PrinterStatus {
        let printer = VirtualPrinter(profile: Profiles.get("epson-tm-t88vi"), faults: faults)
        var status = PrinterStatus()
        for n in PrinterStatus.queries {
            let replies = printer.receive(EscPos.realTimeStatus(n))
            #expect(replies.count == 1)
            let applied = status.apply(reply: replies[0], to: n)
            #expect(applied)
        }
        return status
    }

    @Test func eachFaultIsReadBackFromTheRealTimeReplies() throws {
        #expect(try status([]).blockingCause == nil)
        #expect(try status([.paperOut]).paperOut)
        #expect(try status([.paperOut]).blockingCause == "paper out — load paper")
        #expect(try status([.paperNearEnd]).paperNearEnd)
        #expect(try status([.paperNearEnd]).blockingCause == nil)
        #expect(try status([.coverOpen]).coverOpen)
        #expect(try status([.offline]).offline)
        #expect(try status([.drawerOpen]).drawerOpen)
    }

    @Test func everyCauseAClerkCanSeeHasItsChinese() throws {
        for fault in [Fault.paperOut, .coverOpen, .offline] {
            let cause = try #require(try status([fault]).blockingFailure, "\(fault)")
            #expect(cause.text(.zh) != cause.text(.en), "no Chinese for \(cause.code)")
        }
    }

    @Test func strayBytesAreNotTakenForStatus() {
        var status = PrinterStatus()
        for stray: UInt8 in [0x00, 0xFF, 0x13, 0x92, 0x1C] {
            let applied = status.apply(reply: stray, to: 4)
            #expect(!applied, "0x\(String(stray, radix: 16))")
        }
        #expect(status == PrinterStatus())
        let applied = status.apply(reply: 0x72, to: 4)   // 0111 0010: paper end sensors
        #expect(applied)
        #expect(status.paperOut)
    }
}
