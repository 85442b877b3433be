import Foundation
import Testing
import TillVirtualPrinter
#if canImport(Glibc)
import Glibc
#endif

/// The emulator's memory stays bounded whatever arrives. Measured as the child process's peak
/// resident set (wait4's ru_maxrss), a byte bound, never a time.
@Suite struct MemoryBoundTests {
    static let bound = 300 << 20

    /// Runs `till ARGS` to its end; returns its exit status and peak resident bytes.
    static func peakResident(_ args: [String]) throws -> (status: Int32, bytes: Int) {
        let argv: [UnsafeMutablePointer<CChar>?] = ([Run.till] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, Run.till, &actions, nil, argv, environ)
        guard spawned == 0 else { throw SystemCallError("posix_spawn \(Run.till)", errno: spawned) }
        // Bounded: a child still running after five minutes is killed (and the test fails).
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 300, execute: watchdog)
        defer { watchdog.cancel() }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return (status, usage.ru_maxrss * 1024)
    }

    static func emulate(_ stream: [UInt8], profile: String = "generic-80", extra: [String] = []) throws -> (status: Int32, bytes: Int) {
        let dir = try Run.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/stream.bin"
        try Data(stream).write(to: URL(fileURLWithPath: input))
        return try peakResident(["printer", "emulate", "--profile", profile, "--listen", "file:" + input, "--out", dir + "/out"] + extra)
    }

    @Test func aThousandLongFeedsStayBounded() throws {
        let stream: [UInt8] = [0x1B, 0x33, 255] + (0..<1000).flatMap { _ in [UInt8]([0x1B, 0x64, 255]) } + Array("END\n".utf8) + [0x1D, 0x56, 0]
        let run = try Self.emulate(stream)
        #expect(run.status == 0)
        #expect(run.bytes < Self.bound, "peak \(run.bytes >> 20) MB")
    }

    @Test func tenMegabytesOfRandomBytesStayBounded() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        var rng = StreamFuzzer(seed: seed)
        var stream = [UInt8](repeating: 0, count: 10 << 20)
        for i in stride(from: 0, to: stream.count, by: 8) {
            var v = rng.random()
            for k in 0..<8 where i + k < stream.count { stream[i + k] = UInt8(truncatingIfNeeded: v); v >>= 8 }
        }
        // Text only: drawing thousands of pages of noise would take minutes; each page's
        // picture is bounded by the page length, which the long-feed test covers.
        let run = try Self.emulate(stream, extra: ["--text-only"])
        #expect(run.status == 0, "seed \(seed)")
        #expect(run.bytes < Self.bound, "seed \(seed): peak \(run.bytes >> 20) MB")
    }
}
