import Foundation
import Testing
@testable import TillVirtualPrinter
#if canImport(Glibc)
import Glibc
#endif

/// A control socket path never destroys what is there: only a stale socket (one nobody
/// listens on) is replaced; anything else is an error naming the path, and it stays as it was.
@Suite struct SocketPathTests {
    @Test func aFileADirectoryAndALinkAreLeftWhole() throws {
        let dir = try temporaryFolder("till-sock")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let journal = dir + "/journal.sqlite"
        try Data("SQLite format 3\0 precious".utf8).write(to: URL(fileURLWithPath: journal))
        let folder = dir + "/slips"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let link = dir + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: journal)
        for path in [journal, folder, link, "/dev/null"] {
            #expect(throws: SocketPathError.self, "\(path)") { _ = try ControlServer(path: path, printer: printer) }
            do { _ = try ControlServer(path: path, printer: printer) } catch let e as SocketPathError {
                #expect(e.message.en.contains(path) && e.message.zh.contains(path) && !e.remedy.zh.isEmpty)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == Data("SQLite format 3\0 precious".utf8))
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) && isDir.boolValue)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == journal)
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aLiveSocketIsRefusedAndAStaleOneReplaced() throws {
        let dir = try temporaryFolder("till-sock")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let path = dir + "/vp.sock"
        let first = try ControlServer(path: path, printer: printer)
        first.start()
        #expect(throws: SocketPathError.self) { _ = try ControlServer(path: path, printer: printer) }
        // The first server still answers: nothing was taken from under it.
        #expect(try ControlClient.send(["status"], to: path) == ["ok online"])
        first.stop()
        #expect(!FileManager.default.fileExists(atPath: path), "stop removes the socket")

        // A stale socket: bound, then its owner died without removing it.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = try Sockets.unixAddress(path)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        let second = try ControlServer(path: path, printer: printer)
        second.start()
        defer { second.stop() }
        #expect(try ControlClient.send(["near-end", "status"], to: path) == ["ok near-end", "ok online near-end"])
    }

    /// Any control line, however its numbers are spelled, gets an answer and leaves the
    /// printer working (seeded: the seed is in the message).
    @Test func controlNumbersAreValidatedAndNothingDies() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let dir = try temporaryFolder("till-sock")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ControlServer(path: dir + "/c.sock", printer: printer)
        for line in ["paper-out-after 1e20mm", "paper-out-after 1e308", "paper-out-after inf", "paper-out-after nan",
                     "paper-out-after -5mm", "disconnect-after 99999999999999999999", "disconnect-after -1", "baud 1e9",
                     "baud 99999999999999", "baud -9600"] {
            #expect(server.answer(line).hasPrefix("error: "), "\(line)")
        }
        let seed = UInt64.random(in: 1...UInt64.max)
        var rng = StreamFuzzer(seed: seed)
        let words = ["paper-out-after", "disconnect-after", "baud", "garbage", "paper-out", "cover-open", "online", "x"]
        let numbers = ["0", "1", "-1", "1e20", "1e-300", "9223372036854775807", "9223372036854775808", "0x10", "30mm", "nan", "", "1_000"]
        for _ in 0..<500 {
            let line = words[rng.below(words.count)] + " " + numbers[rng.below(numbers.count)]
            let answer = server.answer(line)
            #expect(answer.hasPrefix("ok ") || answer.hasPrefix("error: "), "seed \(seed): \(line)")
        }
        // Still a printer: reset the faults and it prints.
        for undo in ["paper-load", "cover-close", "online", "baud off", "garbage off", "disconnect-after 1000000"] { _ = server.answer(undo) }
        printer.receive(B.line("STILL HERE") + B.fullCut)
        #expect(printer.pages.last?.text.contains("STILL HERE") == true)
    }
}
