import Foundation
import Testing
import TillDevices
import TillEscPos

/// The USB path end to end: the real libusb in the real `till`, a umockdev testbed standing in
/// for the kernel's usbdevfs, and a live fake printer (Harness/usb_printer_harness.py) that
/// forwards bulk OUT to `till printer emulate` and serves its replies on bulk IN.
@Suite(.serialized) struct USBPrinterTests {
    let device = Run.harnessDirectory + "/epson-tm-t88vi.umockdev"
    let url = "usb://04b8:0202"

    func harness(_ emulator: Emulator, _ extra: [String], _ command: [String], stdin: String? = nil) throws -> Run.Result {
        try Run.run("/usr/bin/python3", [Run.harnessDirectory + "/usb_printer_harness.py", "--device", device,
                                         "--forward", String(emulator.port)] + extra + ["--"] + command,
                    stdin: stdin, timeout: 40)
    }

    static func queries(_ count: Int) -> [UInt8] {
        Array((0..<count).flatMap { _ in PrinterStatus.queries.flatMap { EscPos.realTimeStatus($0) } })
    }

    @Test func aJobArrivesWholeOverBulkOutWithUsblpDetachedAndReattached() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        let r = try harness(emulator, ["--record", dir + "/wire.bin", "--events", dir + "/events", "--kernel-driver"],
                            [Run.till, "printer", "test", url, "--page", "text"])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        let page = try TestPage.build(.text, profile: ProfileLibrary(directory: Self.devices).profile("epson-tm-t88vi"))[0].bytes
        #expect(r.stdout.contains("text: \(page.count) bytes: printed"))
        // On the wire: status at enable, status before, ASB on, the page whole, the process ID
        // request that confirms it (GS ( H 48, four ID digits), real-time polls while it
        // prints, ASB off.
        let wire = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/wire.bin")))
        let head = Self.queries(2) + EscPos.automaticStatusBack(0x0F) + page + [0x1D, 0x28, 0x48, 6, 0, 48, 48]
        #expect(Array(wire.prefix(head.count)) == head)
        let id = wire.dropFirst(head.count).prefix(4)
        #expect(id.count == 4 && id.allSatisfy { (0x30...0x39).contains($0) })
        let tail = Array(wire.dropFirst(head.count + 4))
        let off = EscPos.automaticStatusBack(0)
        let polls = tail.count - off.count
        #expect(Array(tail.suffix(off.count)) == off)
        #expect(polls >= 12 && polls % 12 == 0 && Array(tail.prefix(polls)) == Self.queries(polls / 12))
        let events = try String(contentsOfFile: dir + "/events", encoding: .utf8).split(separator: "\n")
        #expect(events == ["detach usblp 0", "claim", "release", "attach usblp 0"])
        // Kept before it is confirmed: the emulator writes a page before it answers the status after the cut.
        #expect(emulator.page(1)?.contains("TEST PAGE: TEXT") == true, "\(emulator.output)")
    }

    @Test func statusIsAnsweredOnBulkInAndTheProfileIsMatchedByUSBId() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(faults: ["near-end"], directory: dir)
        defer { emulator.stop() }
        let r = try harness(emulator, [], [Run.till, "printer", "status", url])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(epson-tm-t88vi)"))
        #expect(r.stdout.contains("online:        yes"))
        #expect(r.stdout.contains("paper:         near end"))
        #expect(r.stdout.contains("capabilities (from profile epson-tm-t88vi, not from the printer):"))
    }

    @Test func paperOutFailsTheSlipWithThatCauseAndTheJournalMarksItFailed() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(faults: ["paper-out"], directory: dir)
        defer { emulator.stop() }
        let config = dir + "/till.toml"
        try "[security]\npin_hash_rounds = 1000\n[till]\nlanguage = \"en\"\nreceipt_language = \"en\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let global = ["--config", config, "--data-dir", dir + "/data"]
        let r = try harness(emulator, ["--record", dir + "/wire.bin"],
                            [Run.till, "exec", "--printer", url, "--printer-profile", "epson-tm-t88vi"] + global,
                            stdin: "signin 1001 1111\nscan MUG-01 2\ncash 50\n")
        #expect(r.stdout.contains("\"saleCompleted\""), "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("paper out — load paper"))
        // A printer that cannot print gets nothing but status queries.
        let wire = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/wire.bin")))
        #expect(!wire.isEmpty && wire.count % 12 == 0 && wire == Self.queries(wire.count / 12))
        let unprinted = try Run.till(["journal", "slips", "--unprinted"] + global)
        #expect(unprinted.stdout.contains("sale\tfailed\tpaper out — load paper"), "\(unprinted.stdout)")
    }

    @Test func anUnpluggedPrinterIsOffline() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        // Unplugged as the status at enable completes: the job and a later status find it gone.
        let script = "\(Run.till) printer test \(url) --page text; echo rc=$?; \(Run.till) printer status \(url); echo rc=$?"
        let r = try harness(emulator, ["--unplug-after-bytes", "12"], ["/bin/sh", "-c", script])
        #expect(r.stdout.contains("text: 472 bytes: FAILED: printer offline") || r.stdout.contains("bytes: FAILED: printer offline"), "\(r.stdout)")
        #expect(r.stdout.contains("rc=1\nrc=1"))
        #expect(r.stderr.contains("printer offline: no USB printer usb://04b8:0202 is connected"))
    }

    @Test func aPrinterClaimedByAnotherProgramGivesAnErrorNamingTheFix() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        let r = try harness(emulator, ["--busy"], [Run.till, "printer", "status", url])
        #expect(r.status != 0)
        #expect(r.stderr.contains("is busy: another program has claimed it"))
        #expect(r.stderr.contains("systemctl stop cups"))
    }

    static var devices: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Devices/printers").path
    }
}
