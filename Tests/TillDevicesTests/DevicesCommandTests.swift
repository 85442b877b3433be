import Foundation
import Testing
import TillDevices
import TillEscPos

/// `till devices`, the udev rules and `till drawer open`, through the real binary.
@Suite(.serialized) struct DevicesCommandTests {
    @Test func theCommittedUdevRulesMatchTheProfiles() throws {
        let library = try ProfileLibrary(directory: Fixtures.devices + "/printers")
        let committed = try String(contentsOfFile: Fixtures.devices + "/udev/" + UdevRules.fileName, encoding: .utf8)
        #expect(committed == UdevRules.text(for: Array(library.profiles.values)),
                "regenerate: till devices udev-rules > Devices/udev/\(UdevRules.fileName)")
        for p in library.profiles.values {
            for usb in p.usb { #expect(committed.contains("ATTRS{idVendor}==\"\(usb.vendorId)\", ATTRS{idProduct}==\"\(usb.productId)\"")) }
        }
        let printed = try Run.till(["devices", "udev-rules"])
        #expect(printed.stdout == committed)
    }

    @Test func devicesFindsAUSBPrinterWithItsProfileThroughLibusb() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        let r = try Run.run("/usr/bin/python3", [Run.harnessDirectory + "/usb_printer_harness.py", "--device",
                                                 Run.harnessDirectory + "/epson-tm-t88vi.umockdev", "--forward", String(emulator.port),
                                                 "--", Run.till, "devices"], timeout: 30)
        #expect(r.stdout.contains("usb://04b8:0202  usb printer, /dev/bus/usb/001/002, printer class, profile epson-tm-t88vi"), "\(r.stdout)")
    }

    @Test func drawerOpenKicksThroughTheNetworkPrinter() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(faults: ["drawer-open"], directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["drawer", "open", "tcp://127.0.0.1:\(emulator.port)", "--profile", "epson-tm-t88vi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("drawer: printed"))
        #expect(r.stdout.contains("drawer sensor (pin 3): open"))
    }

    @Test func traceShowsBothDirectionsWithCommandNames() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["printer", "trace", "tcp://127.0.0.1:\(emulator.port)", "--page", "cut"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("→ 10 04 01"))
        #expect(r.stdout.contains("DLE EOT 1 real-time status (printer)"))
        #expect(r.stdout.contains("← 12"))
        #expect(r.stdout.contains("→ 1B 40"))
        #expect(r.stdout.contains("ESC @ initialize"))
        #expect(r.stdout.contains("GS V partial cut"))
        #expect(r.stdout.contains("outcome: printed"))
    }

    @Test func everyTestPagePrintsOverTCP() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["printer", "test", "tcp://127.0.0.1:\(emulator.port)", "--profile", "epson-tm-t88vi", "--page", "all"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for kind in TestPage.Kind.allCases { #expect(r.stdout.contains("\(kind.rawValue): "), "\(kind)") }
        #expect(!r.stdout.contains("FAILED"))
        // Read at once, without waiting: the till was told "printed" only after the emulator kept
        // the page (it writes a page before it answers the status after the cut). It used to answer
        // first, and on a loaded machine this read found no page: the cause of this test's flakiness.
        let page = emulator.page(1)
        #expect(page?.contains("TEST PAGE: TEXT") == true,
                "the till said printed, yet page 1 was \(page.map { "\($0.count) characters: \($0.prefix(200))" } ?? "not written")")
    }
}
