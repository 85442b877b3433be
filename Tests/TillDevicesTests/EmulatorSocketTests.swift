import Foundation
import Testing

/// `till printer emulate --control PATH`: a typo'd path never destroys a file, and the socket
/// is gone after Ctrl-C or SIGTERM.
@Suite struct EmulatorSocketTests {
    @Test func aControlPathOnAFileIsAnErrorNamingItAndTheFileStays() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/journal.sqlite"
        try Data("precious journal".utf8).write(to: URL(fileURLWithPath: journal))
        let r = try Run.till(["printer", "emulate", "--listen", "tcp://127.0.0.1:0", "--out", dir + "/out", "--control", journal], timeout: 20)
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(journal) is a regular file, not a socket"), "\(r.stderr)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8) == "precious journal")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func theSocketIsRemovedWhenTheEmulatorIsStopped(signal: Int32) throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let emulator = try Emulator(directory: dir)
        defer { emulator.stop() }
        #expect(FileManager.default.fileExists(atPath: emulator.control))
        kill(emulator.process.processIdentifier, signal)
        emulator.process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: emulator.control))
    }

    @Test func theTillRemovesItsPrinterControlSocketWhenItExits() throws {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let socket = dir + "/printer.sock"
        let r = try Run.till(["exec", "--data-dir", dir, "--printer-control", socket], stdin: "signin 1001 1111\n", timeout: 30)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("signedIn"))
        #expect(!FileManager.default.fileExists(atPath: socket))
    }
}
