import Foundation
import Glibc
import Testing
import TillCore
@testable import till

/// Each cause the command line finds has its own stable code (a script acts on the code, not
/// the text), and its cause and remedy in both languages: met through the real loaders.
@Suite struct CLIErrorCodeTests {
    static func code(_ body: () throws -> Void) -> (code: String, problem: (any Problem)?) {
        do { try body() } catch let problem as any Problem { return (problem.code, problem) } catch { return ("not a Problem: \(error)", nil) }
        return ("no error", nil)
    }

    @Test func eachFileCauseHasItsOwnCodeAndBothLanguages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-codes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func file(_ name: String, _ text: String) throws -> String {
            let path = dir + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let unknownKey = try file("unknown.toml", "no_such_key = 1\n")
        let broken = try file("broken.toml", "[till\nid = \n")
        let cases: [(expected: String, body: () throws -> Void)] = [
            ("config_file_unreadable", { _ = try TillConfiguration.load(path: dir + "/missing.toml") }),
            ("config_key_unknown", { _ = try TillConfiguration.load(path: unknownKey) }),
            ("config_file_invalid", { _ = try TillConfiguration.load(path: broken) }),
            ("drill_file_unreadable", { _ = try DrillFile.load(dir + "/missing-drill.toml") }),
            ("drill_key_unknown", { _ = try DrillFile.load(unknownKey) }),
            ("drill_file_invalid", { _ = try DrillFile.load(broken) }),
            ("drill_unknown", { _ = try DrillLibrary.resolve("no-such-drill", drillsOption: dir) }),
            ("devices_folder_not_found", { _ = try DevicesDirectory.resolve(dir) }),
        ]
        var seen: [String: String] = [:]
        for (expected, body) in cases {
            let (code, problem) = Self.code(body)
            #expect(code == expected)
            guard let problem else { continue }
            for lang in Language.allCases {
                #expect(!problem.message(lang).isEmpty && !problem.remedy(lang).isEmpty, "\(code) \(lang)")
            }
            #expect(problem.message(.zh).unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(code): \(problem.message(.zh))")
            seen[code] = expected
        }
        #expect(seen.count == cases.count, "two causes share a code: \(seen)")
    }

    /// Two processes for one till: the second is refused with its own code.
    @Test func aSecondLockOnOneTillIsTillAlreadyRunning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/journal.sqlite"
        // Another process holds the lock (this process's own second acquire is a no-op).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // flock holds it (-o: not passed to cat) while cat reads; closing cat's input ends both.
        let input = Pipe()
        holder.arguments = ["-o", TillLock.path(journal: journal, till: "01"), "cat"]
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { try? input.fileHandleForWriting.close(); holder.waitUntilExit() }
        // Wait until the holder has the lock (a probe of our own cannot take it), so the
        // acquire below meets a held lock whatever the scheduling.
        let lockPath = TillLock.path(journal: journal, till: "01")
        var held = false
        for _ in 0..<3_000 where !held {
            let fd = open(lockPath, O_RDONLY | O_CLOEXEC)
            if fd >= 0 {
                if flock(fd, LOCK_EX | LOCK_NB) == 0 { flock(fd, LOCK_UN) } else { held = true }
                close(fd)
            }
            if !held { usleep(10_000) }
        }
        try #require(held, "flock never took the lock")
        let code = Self.code { try TillLock.acquire(journal: journal, till: "01") }.code
        #expect(code == "till_already_running")
    }
}
