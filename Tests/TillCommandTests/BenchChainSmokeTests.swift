import Foundation
import Testing

/// `till bench chain` (issue 15's chain benchmark) runs end to end: two real `till exec`
/// processes selling and refunding against the test cluster, in a database of its own. Asserts
/// that every figure was printed with a number and that the tills it started are gone with
/// their folder; never how fast anything was (a shared machine). Needs PostgreSQL like the other
/// central tests: skipped by hand without `TILL_TEST_POSTGRES_URL`, a FAILURE under `$CI`.
@Suite struct BenchChainSmokeTests {
    static let figures = ["sale commit at the till", "refund commit at the till", "replication lag", "cross-till look-up",
                          "own-till look-up", "peer: SELECT 1 round trip", "quiet cross-till look-up", "quiet peer: SELECT 1"]

    @Test func twoTillsPrintEveryFigureAndLeaveNoProcessBehind() throws {
        guard let cluster = ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("TILL_TEST_POSTGRES_URL is not set: run the tests through Scripts/test (it installs and starts PostgreSQL)")
            }
            return
        }
        let name = "bench_smoke_\(UInt32.random(in: 0...UInt32.max))"
        let created = try CentralReplicationProcessTests.shell("/usr/bin/psql", [cluster, "-qc", "CREATE DATABASE \(name)"])
        try #require(created.status == 0, "cannot create the database: \(created.out)")
        defer { _ = try? CentralReplicationProcessTests.shell("/usr/bin/psql", [cluster, "-qc", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        var url = try #require(URLComponents(string: cluster))
        url.path = "/" + name
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("till-bench-smoke-\(UUID().uuidString.prefix(8))").path

        let till = try TillProcess()
        defer { till.cleanUp() }
        let run = try till.run(["bench", "chain", "--central-url", try #require(url.string), "--tills", "2", "--seconds", "6",
                                "--refund-every", "3", "--drain-seconds", "30", "--quiet-look-ups", "10", "--dir", folder], global: false)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let lines = run.lines
        let throughput = lines.first { $0.hasPrefix("throughput") } ?? ""
        #expect(throughput.range(of: #"^throughput +[0-9]+\.[0-9] transactions/s"#, options: .regularExpression) != nil, "\(run.stdout)")
        for figure in Self.figures {
            let line = lines.first { $0.hasPrefix(figure) } ?? ""
            #expect(line.range(of: #"p50 [0-9]+\.[0-9]{3} ms  p99 [0-9]+\.[0-9]{3} ms"#, options: .regularExpression) != nil,
                    "\(figure): \(line.isEmpty ? "missing" : line)\n\(run.stdout)")
        }
        #expect(!lines.contains { $0.hasPrefix("failed:") }, "\(run.stdout)")

        // Every till it started has exited, and its data folder is gone.
        let stopped = try #require(lines.first { $0.hasPrefix("stopped 2 tills") }, "\(run.stdout)")
        let pids = stopped.split(separator: "(").last?.split(separator: ")").first?.split(separator: " ").compactMap { Int32($0) } ?? []
        #expect(pids.count == 2, "\(stopped)")
        for pid in pids {
            #expect(kill(pid, 0) == -1 && errno == ESRCH, "till process \(pid) is still there")
        }
        #expect(!FileManager.default.fileExists(atPath: folder), "the tills' folder \(folder) is left behind")
    }
}
