import Foundation
import Testing

/// Issue 9: random and mutated lines fed to the real `till exec` binary. Bounded (a fixed number of
/// processes and lines), seeded ($TILL_TEST_SEED repeats a run; the seed is printed on failure).
/// No process may end by a signal, every output line is a structured JSON event, every refusal
/// and bad line carries a message and a remedy, and the journal stays intact for `journal verify`.
@Suite struct ExecFuzzTests {
    /// Valid scripts the mutations start from: sales, splits, refunds, blind returns, reports.
    static let corpus: [[String]] = [
        ["signin 1001 1111", "scan 6901234567892 2", "scan MUG-01", "cash 100"],
        ["signin 1001 1111", "scan KETTLE", "qty 1 3", "card 50 AUTH-1", "cash"],
        ["signin 1001 1111", "refund", "receipt S01-000002", "line 1 1", "reason DAMAGED", "confirm"],
        ["signin 1001 1111", "blind", "scan MUG-01", "reason DAMAGED", "confirm", "approve 2001 222222"],
        ["signin 2001 222222", "scan TEA-JAS", "price 1 1.50", "discount 1 0.50", "credit"],
        ["signin 2001 222222", "report x", "reprint S01-000002", "drawer"],
        [#"{"action":"signIn","code":"1001","pin":"1111"}"#, #"{"action":"scan","code":"RICE-KG","quantity":"0.5"}"#,
         #"{"action":"cash","amount":"100"}"#],
    ]

    static let hostile: [String] = [
        "\u{0}", "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{301}", "１２", "٣", "\t",
        "999999999999999", "9999999999999.99", "-1", "0", "1e300", "NaN", "-9223372036854775808", "99999999999999999999",
        "*", "\"", "{", "}", "\\", "茶", "", " ", "at", "lang zh", "cancel",
    ]

    @Test func mutatedExecLinesNeverKillTheTillAndAlwaysAnswerStructurally() throws {
        var random = FuzzRandom.fromEnvironment()
        let processes = 10, linesPerProcess = 50
        for run in 0..<processes {
            let till = try TillProcess()
            defer { till.cleanUp() }
            var lines: [String] = []
            while lines.count < linesPerProcess { lines += random.mutated(random.pick(Self.corpus)) }
            let input = lines.joined(separator: "\n") + "\n"
            let result = try till.run(["exec"], stdin: input)
            let context = "seed \(random.seed), run \(run): \(input.debugDescription.prefix(2_000))"
            #expect(result.status == 0, "exit \(result.status) (\(result.stderr.prefix(500))); \(context)")
            for line in result.lines {
                let problem = Self.problem(line)
                #expect(problem == nil, "\(problem ?? ""): \(line); \(context)")
                if problem != nil { return }
            }
            let verify = try till.run(["journal", "verify"])
            #expect(verify.status == 0, "journal verify: \(verify.stdout)\(verify.stderr); \(context)")
        }
    }

    /// What is wrong with one output line of `till exec`, if anything.
    static func problem(_ line: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let event = object["event"] as? String else { return "not a JSON event" }
        switch event {
        case "refused":
            guard let code = object["code"] as? String, !code.isEmpty else { return "refusal without code" }
            fallthrough
        case "badInput", "error":
            guard let message = object["message"] as? String, !message.isEmpty,
                  let remedy = object["remedy"] as? String, !remedy.isEmpty else { return "\(event) without message and remedy" }
            return nil
        default:
            return nil
        }
    }
}

/// The seeded generator (`SplitMix64`) with the mutations the fuzz tests apply.
struct FuzzRandom {
    let seed: UInt64
    private var rng: SplitMix64

    /// $TILL_TEST_SEED repeats a run; otherwise a fresh seed, printed on failure.
    static func fromEnvironment() -> FuzzRandom {
        let seed = ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        return FuzzRandom(seed: seed, rng: SplitMix64(seed: seed))
    }

    mutating func next() -> UInt64 { rng.next() }

    mutating func int(_ upTo: Int) -> Int { Int(next() % UInt64(max(1, upTo))) }
    mutating func pick<T>(_ values: [T]) -> T { values[int(values.count)] }

    /// The script with some lines mutated: a word replaced by a hostile value, a hostile value
    /// inserted inside a word, characters dropped, words swapped, or random bytes.
    mutating func mutated(_ script: [String]) -> [String] {
        script.map { line in
            guard int(3) == 0 else { return line }
            var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            switch int(6) {
            case 0:
                words[int(words.count)] = pick(ExecFuzzTests.hostile)
            case 1:
                let i = int(words.count)
                var chars = Array(words[i])
                chars.insert(contentsOf: pick(ExecFuzzTests.hostile), at: int(chars.count + 1))
                words[i] = String(chars)
            case 2:
                var chars = Array(line)
                if !chars.isEmpty { chars.remove(at: int(chars.count)) }
                return String(chars)
            case 3:
                words.swapAt(int(words.count), int(words.count))
            case 4:
                words.append(pick(ExecFuzzTests.hostile))
            default:
                let scalars = (0..<int(12)).compactMap { _ in Unicode.Scalar(UInt32(int(0x3000))) }
                return String(String.UnicodeScalarView(scalars))
            }
            return words.joined(separator: " ")
        }
    }
}
