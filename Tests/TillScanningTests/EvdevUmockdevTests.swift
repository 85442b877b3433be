import Foundation
import Testing
@testable import TillScanning

/// A keyboard-wedge scanner read through evdev, end to end: `till scanner test evdev://…` runs
/// inside a umockdev testbed (Harness/evdev_scanner.py) that presents /dev/input/event5, answers
/// its ioctls, records EVIOCGRAB, and types scans as key events once the device is grabbed.
/// Needs umockdev, gir1.2-umockdev-1.0 and python3-gi (Scripts/install-deps installs them).
@Suite(.serialized) struct EvdevUmockdevTests {
    static let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Harness/evdev_scanner.py").path
    static let devices = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Devices").path
    static var till: String {
        ProcessInfo.processInfo.environment["TILL_BIN"]
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("till").path
    }

    struct Run {
        var scans: [[String: Any]]
        var harness: [String: Any]
        var stdout: String
        var stderr: String
        var grabs: [Int] { harness["grabs"] as? [Int] ?? [] }
    }

    /// Runs the harness (bounded: the harness kills the command after 15 s, we give up at 30 s).
    func run(_ harnessArgs: [String], _ command: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.harness] + harnessArgs + ["--", Self.till] + command
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["TILL_DEVICES_DIR"] = Self.devices
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        let objects = stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return Run(scans: objects.filter { $0["scan"] != nil },
                   harness: objects.compactMap { $0["harness"] as? [String: Any] }.last ?? [:],
                   stdout: stdout, stderr: stderr)
    }

    @Test func wedgeScansAreDecodedWithShiftAndTheDeviceIsGrabbedAndReleased() throws {
        let r = try run(["--layout", "us", "--scan", "CODE-39", "--scan", "]C10109506000134352" + "3103001250"],
                        ["scanner", "test", "evdev:///dev/input/event5?layout=us", "--count", "2", "--seconds", "10", "--json"])
        #expect(r.harness["status"] as? Int == 0, "harness: \(r.harness) stderr: \(r.stderr)")
        #expect(r.scans.map { $0["text"] as? String } == ["CODE-39", "]C10109506000134352" + "3103001250"])
        // The GS1 scan typed as keys (']' and 'C' with Shift) still carries its AIM id and weight.
        #expect(r.scans.last?["symbology"] as? String == "gs1_128")
        #expect(r.scans.last?["quantity"] as? String == "1.25")
        // 2 ms between keys as the fake scanner stamped them (kernel timestamps, not arrival times).
        let gaps = r.scans.first?["key_gaps_ms"] as? [Double] ?? []
        #expect(gaps.count == 7 && gaps.allSatisfy { abs($0 - 2) < 0.1 })
        // EVIOCGRAB 1 before the first scan, EVIOCGRAB 0 when the command finished.
        #expect(r.grabs == [1, 0])
        #expect(r.stderr.contains("\"Honeywell Scanner\" 0c2e:0b61"))
    }

    @Test func germanLayoutIsReadWithTheGermanKeymap() throws {
        let r = try run(["--layout", "de", "--scan", "ZY-12"],
                        ["scanner", "test", "evdev:///dev/input/event5?layout=de", "--count", "1", "--seconds", "10", "--json"])
        #expect(r.scans.map { $0["text"] as? String } == ["ZY-12"], "stderr: \(r.stderr)")
        #expect(r.grabs == [1, 0])
    }

    @Test func ctrlCStopsCleanlyAndReleasesTheGrab() throws {
        // No --count or --seconds: only the SIGINT the harness sends 300 ms after the scan stops it.
        let r = try run(["--scan", "96385074", "--interrupt-after-ms", "300"],
                        ["scanner", "test", "evdev:///dev/input/event5", "--json"])
        #expect(r.scans.map { $0["symbology"] as? String } == ["ean8"])
        #expect(r.harness["status"] as? Int == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("1 scan(s)"))
        #expect(r.grabs == [1, 0])
    }

    @Test func discoveryFindsTheScannerByItsUSBIdentity() throws {
        let r = try run([], ["scanner", "list"])
        #expect(r.stdout.contains("/dev/input/event5  Honeywell Scanner  [0c2e:0b61]  honeywell"), "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("till scanner test 'evdev:///dev/input/event5?layout=us'"))
    }
}

@Suite struct ScannerProfileTests {
    @Test func shippedProfilesLoadAndMatchKnownVendors() throws {
        let profiles = try ScannerProfiles.load(directory: EvdevUmockdevTests.devices + "/scanners")
        #expect(profiles.count >= 5)
        #expect(profiles.allSatisfy { !$0.notes.isEmpty })
        for (vendor, id) in [("0c2e", "honeywell"), ("05e0", "zebra-symbol"), ("05f9", "datalogic"), ("1eab", "newland")] {
            #expect(profiles.first { $0.matches(vendor: vendor, product: "1234") }?.id == id)
        }
    }
}
