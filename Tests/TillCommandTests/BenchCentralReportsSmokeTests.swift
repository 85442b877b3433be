import Foundation
import Testing

/// `till bench central-reports` (issue 15's 1,000,000-transaction reports benchmark) runs end to
/// end at a tiny size, in a database of its own: it loads, finds every running total and sales
/// bucket equal to its recomputation, prints each figure, and finds the report summed in the
/// database equal to the one made row by row; then `--reuse` measures the same shop again
/// without loading. Never asserts how fast (a shared machine). Skipped by hand without
/// `TILL_TEST_POSTGRES_URL`, a FAILURE under `$CI`.
@Suite struct BenchCentralReportsSmokeTests {
    @Test func aSmallLoadPrintsEveryFigureAndTheSummedReportEqualsTheRowByRowOne() throws {
        guard let cluster = ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("TILL_TEST_POSTGRES_URL is not set: run the tests through Scripts/test (it installs and starts PostgreSQL)")
            }
            return
        }
        let name = "bench_reports_smoke_\(UInt32.random(in: 0...UInt32.max))"
        let created = try CentralReplicationProcessTests.shell("/usr/bin/psql", [cluster, "-qc", "CREATE DATABASE \(name)"])
        try #require(created.status == 0, "cannot create the database: \(created.out)")
        defer { _ = try? CentralReplicationProcessTests.shell("/usr/bin/psql", [cluster, "-qc", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        var url = try #require(URLComponents(string: cluster))
        url.path = "/" + name
        let till = try TillProcess()
        defer { till.cleanUp() }

        let first = try till.run(["bench", "central-reports", "--central-url", try #require(url.string), "--transactions", "300",
                                  "--tills", "2", "--samples", "1", "--shop", "4321"], global: false)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        for check in ["running totals recomputed from every entry: all agree", "sales buckets recomputed from every sale: all agree"] {
            #expect(first.lines.contains { $0.hasPrefix(check) }, "\(check)\n\(first.stdout)")
        }
        for run in [first, try till.run(["bench", "central-reports", "--central-url", try #require(url.string), "--reuse", "--shop", "4321",
                                         "--samples", "1", "--no-check"], global: false)] {
            #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
            for figure in ["shop Z report (all tills)", "shop refund report"] {
                let line = run.lines.first { $0.hasPrefix(figure) } ?? ""
                #expect(line.range(of: #"p50 [0-9]+\.[0-9]{3} ms"#, options: .regularExpression) != nil, "\(figure): \(line)\n\(run.stdout)")
            }
            #expect(run.lines.contains { $0.hasPrefix("row by row") && $0.hasSuffix("same report: yes") }, "\(run.stdout)")
            #expect(run.lines.contains { $0.range(of: #"the refund report counts [1-9][0-9]* refunds"#, options: .regularExpression) != nil },
                    "\(run.stdout)")
        }
    }
}
