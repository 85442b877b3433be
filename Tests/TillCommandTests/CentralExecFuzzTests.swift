import Foundation
import Testing

/// `till exec` and the central commands with a central journal configured and its server down
/// (nothing listens on the port): mutated lines around cross-till refunds, post-voids and
/// offline refunds, seeded like `ExecFuzzTests`. No process ends by a signal or hangs, every
/// output line is a structured event with a code, message and remedy where it is a refusal, and
/// the central commands exit non-zero naming the cause; the journal verifies afterwards.
@Suite struct CentralExecFuzzTests {
    /// Loopback port 1 (tcpmux): nothing listens there, so a connection is refused at once.
    static let central = """
        [central]
        url = "postgres://till@127.0.0.1:1/till"
        connect_timeout_seconds = 2
        query_timeout_seconds = 2
        lookup_timeout_ms = 500
        offline_refunds = true
        offline_refund_limit = "50"
        offline_shift_limit = "80"

        """

    static let corpus: [[String]] = [
        ["signin 1001 1111", "scan MUG-01", "cash 100", "refund", "receipt S02-000001", "line 1 1", "reason DAMAGED", "confirm",
         "approve 2001 222222"],
        ["signin 1001 1111", "refund", "receipt 0002-S01-000004", "line 1 1", "reason DAMAGED", "confirm", "approve 2001 222222"],
        ["signin 1001 1111", "scan MUG-01", "cash 100", "postvoid", "receipt S01-000001", "reason MISTAKE", "confirm", "approve 2001 222222"],
        ["signin 1001 1111", "refund", "receipt S01-000001", "line 1 1", "reason DAMAGED", "confirm", "approve 2001 222222", "cancel"],
        [#"{"action":"signIn","code":"1001","pin":"1111"}"#, #"{"action":"refund"}"#, #"{"action":"receipt","text":"S09-999999"}"#,
         #"{"action":"line","line":99999999999999999999,"quantity":"-1"}"#, #"{"action":"confirm","extra":[1,2,{"x":null}]}"#],
    ]

    @Test func hostileLinesWithTheCentralServerDownAreEachAnsweredByName() throws {
        var random = FuzzRandom.fromEnvironment()
        for run in 0..<4 {
            let till = try TillProcess(config: Self.central)
            defer { till.cleanUp() }
            var lines: [String] = []
            while lines.count < 40 { lines += random.mutated(random.pick(Self.corpus)) }
            let input = lines.joined(separator: "\n") + "\n"
            let result = try till.run(["exec"], stdin: input)
            let context = "seed \(random.seed), run \(run): \(input.debugDescription.prefix(2_000))"
            #expect(result.status == 0, "exit \(result.status) (\(result.stderr.prefix(500))); \(context)")
            for line in result.lines {
                let problem = ExecFuzzTests.problem(line)
                #expect(problem == nil, "\(problem ?? ""): \(line); \(context)")
                if problem != nil { return }
            }
            let verify = try till.run(["journal", "verify"])
            #expect(verify.status == 0, "journal verify: \(verify.stdout)\(verify.stderr); \(context)")
            // `status` reads only this till's journal; the others need the server and say why they cannot.
            let status = try till.run(["central", "status"])
            #expect(status.status == 0 && status.stdout.contains("127.0.0.1:1"), "status: \(status.stdout)\(status.stderr); \(context)")
            for command in [["central", "sync"], ["central", "pull"], ["central", "conflicts", "--by", "2001"],
                            ["report", "refunds", "--central", "--user", "2001"]] {
                let answer = try till.run(command, env: ["TILL_PIN": "222222"])
                #expect(answer.status == 1, "\(command): exit \(answer.status) \(answer.stderr.prefix(300)); \(context)")
                #expect(answer.stderr.contains("cannot be reached") || answer.stderr.contains("could not"), "\(command): \(answer.stderr.prefix(300))")
                #expect(answer.stderr.contains("→"), "\(command) names no remedy: \(answer.stderr.prefix(300))")
            }
        }
    }
}
