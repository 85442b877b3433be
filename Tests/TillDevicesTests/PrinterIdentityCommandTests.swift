import Foundation
import Testing
import TillDevices
import TillEscPos
import TillScanning
import TillVirtualPrinter

/// `till printer profiles / identify / status`, `printer.profile = auto`, the `file:` capture
/// URL, trace decoding, test-page titles and the network probe, through the real binary.
@Suite(.serialized) struct PrinterIdentityCommandTests {
    @Test func profilesListsEveryProfileWithItsSource() throws {
        let r = try Run.till(["printer", "profiles", "--devices", Fixtures.devices])
        #expect(r.status == 0, "\(r.stderr)")
        let library = try ProfileLibrary(directory: Fixtures.devices + "/printers")
        for p in library.profiles.values {
            let row = r.stdout.split(separator: "\n").first { $0.hasPrefix(p.id + " ") }
            #expect(row.map { $0.contains(p.vendor) && $0.hasSuffix(p.source?.rawValue ?? "?") && $0.contains("\(Int(p.media.widthMM)) mm") } ?? false,
                    "\(p.id): \(String(describing: row))")
        }
        let database = try Run.till(["printer", "profiles", "--devices", Fixtures.devices, "--source", "database"])
        #expect(!database.stdout.contains("generic-80 ") && database.stdout.contains("epson-tm-t88v "))
    }

    @Test(arguments: ["epson-tm-t88vi", "star-tsp143iv-escpos", "xprinter-xp-80c"])
    func identifyAsksThePrinterAndPicksItsProfile(profile: String) throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(profile: profile, directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["printer", "identify", "tcp://127.0.0.1:\(emulator.port)", "--devices", Fixtures.devices])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("profile:  \(profile) —"), "\(r.stdout)")
        #expect(r.stdout.contains("model (GS I 67):"))
        // Status picks the same profile by itself, and says why.
        let s = try Run.till(["printer", "status", "tcp://127.0.0.1:\(emulator.port)", "--devices", Fixtures.devices])
        #expect(s.status == 0, "\(s.stdout)\(s.stderr)")
        #expect(s.stdout.contains("profile:  profile \(profile) (the printer says it is"), "\(s.stdout)")
        #expect(s.stdout.contains("capabilities (from profile \(profile)"))
        let trace = try Run.till(["printer", "trace", "tcp://127.0.0.1:\(emulator.port)", "--devices", Fixtures.devices])
        let model = try Fixtures.profile(profile)
        let said = model.name.lowercased().hasPrefix(model.vendor.lowercased() + " ") ? String(model.name.dropFirst(model.vendor.count + 1)) : model.name
        #expect(trace.stdout.contains("GS I reply \"\(said)\""), "\(trace.stdout)")
    }

    @Test(arguments: [("paper-out", 2), ("cover-open", 2), ("near-end", 0)])
    func statusExitsNonZeroWhenThePrinterIsNotReady(fault: String, status: Int32) throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(faults: [fault], directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["printer", "status", "tcp://127.0.0.1:\(emulator.port)", "--profile", "epson-tm-t88vi", "--devices", Fixtures.devices])
        #expect(r.status == status, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(status == 0 ? "state:    ready" : "state:    cannot print"))
        // Asking only for status leaves no page behind. The emulator serves one client at a time and
        // takes the next only after the last one's tail is written, so once a second status-only
        // client is answered, whatever the first left behind is in the folder.
        let again = try Run.till(["printer", "status", "tcp://127.0.0.1:\(emulator.port)", "--profile", "epson-tm-t88vi", "--devices", Fixtures.devices])
        #expect(again.status == status, "\(again.stdout)\(again.stderr)")
        #expect(emulator.page(1) == nil, "an empty page was written for a status-only connection")
    }

    @Test func statusExitsOneWhenNothingAnswers() throws {
        let r = try Run.till(["printer", "status", "tcp://127.0.0.1:9", "--profile", "generic-80", "--devices", Fixtures.devices, "--timeout", "0.2"])
        #expect(r.status != 0)
    }

    @Test func traceDecodesStatusRepliesIntoBitMeanings() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(faults: ["paper-out"], directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["printer", "trace", "tcp://127.0.0.1:\(emulator.port)", "--profile", "epson-tm-t88vi", "--devices", Fixtures.devices])
        #expect(r.stdout.contains("DLE EOT 4 reply 0x7E: PAPER NEAR END (bits 2, 3), PAPER OUT (bits 5, 6)"), "\(r.stdout)")
        #expect(r.stdout.contains("DLE EOT 1 reply 0x1A: drawer pin 3 low, OFFLINE (bit 3)"), "\(r.stdout)")
        #expect(r.stdout.contains("DLE EOT 2 reply"), "\(r.stdout)")
        #expect(r.stdout.contains("STOPPED: PAPER OUT (bit 5)"), "\(r.stdout)")
        // Without --profile it first asks the printer who it is (unanswered while paper-out
        // has taken it offline, as GS I waits its turn in the buffer).
        let asked = try Run.till(["printer", "trace", "tcp://127.0.0.1:\(emulator.port)", "--devices", Fixtures.devices, "--timeout", "0.3"])
        #expect(asked.stdout.contains("GS I 67 transmit printer ID (model name)"), "\(asked.stdout)")
        #expect(!asked.stdout.contains("GS I reply"), "\(asked.stdout)")
    }

    @Test func testPageTitlesNameTheVendorOnce() throws {
        let library = try ProfileLibrary(directory: Fixtures.devices + "/printers")
        for p in library.profiles.values {
            let printer = VirtualPrinter(profile: p)
            for page in try TestPage.build(.text, profile: p) { printer.receive(page.bytes) }
            printer.finish()
            // Long titles wrap: compared without line breaks and spaces.
            let text = printer.pages.map(\.text).joined().filter { !$0.isWhitespace }.lowercased()
            #expect(text.contains("\(p.displayName) (\(p.id))".filter { !$0.isWhitespace }.lowercased()), "\(p.id):\n\(text)")
            let vendor = p.vendor.lowercased().filter { !$0.isWhitespace }
            #expect(!text.contains(vendor + vendor), "\(p.id) repeats its vendor")
        }
    }

    /// `file:PATH` appends every job (two separate runs here) and never overwrites; the capture
    /// replays through the emulator. A path that is not a regular file is refused.
    @Test func aFileURLCapturesJobsByAppending() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let capture = dir + "/jobs.bin"
        try Data("earlier capture\n".utf8).write(to: URL(fileURLWithPath: capture))
        for (n, sale) in ["scan MUG-01\ncash", "scan KETTLE\ncash"].enumerated() {
            let r = try Run.till(["exec", "--data-dir", dir + "/data", "--printer", "file:" + capture, "--printer-profile", "epson-tm-t88vi"],
                                 stdin: "signin 1001 1111\nshift 100\n\(sale)\n")
            #expect(r.stdout.contains("saleCompleted"), "run \(n): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("slipNotPrinted") || r.stdout.contains("unknown"), "run \(n): a capture cannot confirm: \(r.stdout)")
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: capture)))
        #expect(bytes.starts(with: Array("earlier capture\n".utf8)))
        #expect(bytes.occurrences(of: [0x1B, 0x40]) >= 2)
        let out = dir + "/replayed"
        let replay = try Run.till(["printer", "emulate", "--profile", "epson-tm-t88vi", "--listen", "file:" + capture, "--out", out])
        #expect(replay.status == 0, "\(replay.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".txt") }
        let text = try pages.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }.joined()
        #expect(text.contains("Ceramic mug") || text.contains("MUG"), "\(text)")
        #expect(text.contains("Electric kettle") || text.contains("KETTLE") || text.lowercased().contains("kettle"), "\(text)")

        try FileManager.default.createDirectory(atPath: dir + "/a-folder", withIntermediateDirectories: true)
        let transport = CaptureFileTransport(path: dir + "/a-folder")
        #expect(throws: PrinterDeviceError.self) { try transport.open() }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: capture)
        #expect(throws: PrinterDeviceError.self) { try CaptureFileTransport(path: dir + "/link").open() }
    }

    @Test func autoProfileFallsBackWithTheCauseAndTheRemedy() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Run.till(["exec", "--data-dir", dir + "/data", "--printer", "file:" + dir + "/jobs.bin", "--printer-profile", "auto"],
                             stdin: "signin 1001 1111\n")
        #expect(r.stderr.contains("printer.profile = auto: the printer did not say which model it is"), "\(r.stderr)")
        #expect(r.stderr.contains("till printer profiles"))
        #expect(r.stdout.contains("signedIn"), "\(r.stdout)")
    }

    @Test func autoProfilePicksTheEmulatedModel() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(profile: "generic-58", directory: dir)
        defer { emulator.stop() }
        let r = try Run.till(["exec", "--data-dir", dir + "/data", "--printer", "tcp://127.0.0.1:\(emulator.port)", "--printer-profile", "auto"],
                             stdin: "signin 1001 1111\nshift 100\nscan MUG-01\ncash\n")
        #expect(!r.stderr.contains("printer.profile = auto"), "\(r.stderr)")
        #expect(r.stdout.contains("saleCompleted"), "\(r.stdout)")
        // Laid out for 58 mm (32 columns), which only the identified profile knows.
        let page = try #require(emulator.writtenPage(1), "the emulator wrote no page: \(emulator.output)")
        #expect(page.contains("Ceramic mug 陶瓷杯         15.00"), "\(page)")
    }

    /// Loopback addresses only: a printer on 127.0.0.3 is found in 127.0.0.0/29, nothing else is.
    @Test func devicesProbesARangeForRawPortPrinters() throws {
        let printer = VirtualPrinter(profile: try Fixtures.profile("epson-tm-t88vi"))
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.3", port: 0)
        server.start()
        defer { server.stop() }
        let r = try Run.till(["devices", "--devices", Fixtures.devices, "--probe", "127.0.0.0/29", "--port", "\(server.port)"])
        #expect(r.stdout.contains("tcp://127.0.0.3:\(server.port)"), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("profile epson-tm-t88vi"), "\(r.stdout)")
        #expect(r.stdout.contains("6 addresses probed"))
        for other in [1, 2, 4, 5, 6] { #expect(!r.stdout.contains("tcp://127.0.0.\(other):")) }
        let tooBig = try Run.till(["devices", "--devices", Fixtures.devices, "--probe", "127.0.0.0/8"])
        #expect(tooBig.status != 0)
        #expect(tooBig.stderr.contains("at most \(NetworkProbe.maximumHosts)"), "\(tooBig.stderr)")
    }

    @Test func scannersGetCommittedUdevRulesForTheTillGroup() throws {
        let profiles = try ScannerProfiles.load(directory: Fixtures.devices + "/scanners")
        let committed = try String(contentsOfFile: Fixtures.devices + "/udev/" + ScannerUdevRules.fileName, encoding: .utf8)
        #expect(committed == ScannerUdevRules.text(for: profiles), "regenerate: till devices udev-rules --scanners > Devices/udev/\(ScannerUdevRules.fileName)")
        for p in profiles {
            for usb in p.usb { #expect(committed.contains("KERNEL==\"event*\", ATTRS{idVendor}==\"\(usb.vendorId)\""), "\(p.id)") }
        }
        #expect(committed.contains("GROUP=\"till\""))
        let printed = try Run.till(["devices", "udev-rules", "--scanners", "--devices", Fixtures.devices])
        #expect(printed.stdout == committed)
        let install = try String(contentsOfFile: Fixtures.devices + "/../Scripts/install-udev", encoding: .utf8)
        #expect(install.contains(ScannerUdevRules.fileName))
    }

    @Test func rangesExpandToTheirHostAddresses() throws {
        #expect(try NetworkProbe.hosts("127.0.0.0/29") == (1...6).map { "127.0.0.\($0)" })
        #expect(try NetworkProbe.hosts("10.1.2.3") == ["10.1.2.3"])
        #expect(try NetworkProbe.hosts("10.1.2.3/31") == ["10.1.2.2", "10.1.2.3"])
        for bad in ["", "1.2.3", "1.2.3.4/33", "256.1.1.1/24", "a.b.c.d", "1.2.3.4/x", "1.2.3.4/24/1", "1..2.3"] {
            #expect(throws: NetworkProbe.RangeError.self, "\(bad)") { try NetworkProbe.hosts(bad) }
        }
    }
}

extension Array where Element == UInt8 {
    func occurrences(of needle: [UInt8]) -> Int {
        guard !needle.isEmpty, needle.count <= count else { return 0 }
        return (0...(count - needle.count)).filter { Array(self[$0..<($0 + needle.count)]) == needle }.count
    }
}

/// Generated inputs for the probe's range arithmetic and the capture file's append-only rule.
struct ProbeAndCaptureInvariantTests {
    @Test func everyRangeExpandsToItsHostsInOrderWithinTheBound() throws {
        let seed = UInt64(Date().timeIntervalSince1970)
        var rng = StreamFuzzer(seed: seed)
        for _ in 0..<300 {
            let octets = (0..<4).map { _ in rng.below(256) }
            let bits = 22 + rng.below(11)  // /22 … /32: 1 … 1022 hosts
            let range = octets.map(String.init).joined(separator: ".") + "/\(bits)"
            let hosts = try NetworkProbe.hosts(range)
            let size = 1 << (32 - bits)
            #expect(hosts.count == (size > 2 ? size - 2 : size), "seed \(seed): \(range)")
            #expect(hosts.count <= NetworkProbe.maximumHosts)
            let numbers = hosts.map { $0.split(separator: ".").compactMap { UInt32($0) }.reduce(UInt32(0)) { $0 << 8 | $1 } }
            #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 + 1 == $1 }, "seed \(seed): \(range) not consecutive")
            let mask: UInt32 = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
            let network = octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } & mask
            #expect(numbers.allSatisfy { $0 & mask == network }, "seed \(seed): \(range) leaves its network")
        }
        for bits in 0...21 { #expect(throws: NetworkProbe.RangeError.self) { try NetworkProbe.hosts("10.0.0.0/\(bits)") } }
    }

    @Test func aCaptureFileOnlyEverGrowsByTheJobsWritten() throws {
        let seed = UInt64(Date().timeIntervalSince1970)
        var rng = StreamFuzzer(seed: seed)
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/capture.bin"
        var expected: [UInt8] = Array("kept\n".utf8)
        try Data(expected).write(to: URL(fileURLWithPath: path))
        for _ in 0..<20 {
            // A new transport each time, as each till run or reconnect opens the file again.
            let transport = CaptureFileTransport(path: path)
            try transport.open()
            #expect(!transport.answersStatus)
            for _ in 0..<rng.below(4) {
                let job = (0..<rng.below(3000)).map { _ in UInt8(truncatingIfNeeded: rng.random()) }
                try transport.write(job, timeout: 1)
                expected += job
            }
            #expect(try transport.read(timeout: 0.01).isEmpty)
            transport.close()
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected, "seed \(seed)")
    }
}
