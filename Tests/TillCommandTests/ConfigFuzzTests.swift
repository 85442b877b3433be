import Foundation
import Testing

/// Issue 9: every numeric configuration key has a documented range. Random TOML values (in range,
/// at and past each bound, extreme, of the wrong type) through the real `till config check`: it
/// succeeds exactly when every value is in range, and otherwise names an offending key. Seeded
/// ($TILL_TEST_SEED); the seed and the file are printed on failure.
@Suite struct ConfigFuzzTests {
    /// Key, its documented whole-number range.
    static let integerKeys: [(section: String, key: String, range: ClosedRange<Int64>)] = [
        ("refund", "window_days", 0...3_650),
        ("security", "max_pin_attempts", 1...100),
        ("security", "lockout_seconds", 0...315_360_000),
        ("security", "pin_hash_rounds", 1_000...10_000_000),
        ("printer", "columns", 16...160),
        ("report.refunds", "no_receipt_share_percent", 100...100_000),
        ("report.refunds", "no_receipt_minimum", 1...1_000_000),
        ("report.refunds", "soon_after_sale_minutes", 0...10_080),
        ("report.refunds", "soon_after_sale_minimum", 1...1_000_000),
        ("report.refunds", "under_limit_percent", 0...100),
        ("report.refunds", "under_limit_minimum", 1...1_000_000),
    ]
    /// Key, a valid value and invalid ones (amounts are at most 999999999.99 in CNY).
    static let textKeys: [(section: String, key: String, valid: [String], invalid: [String])] = [
        ("refund", "per_refund_limit", ["500.00", "0", "999999999.99"], ["-1", "1000000000.00", "1\u{301}", "１０", "lots", "9999999999999999999"]),
        ("refund", "clerk_shift_limit", ["1000.00"], ["99999999999999.99", "٣"]),
        ("blind_return", "maximum", ["200.00"], ["-0.01", "1e9"]),
        ("blind_return", "supervisor_above", ["0.00"], ["1000000000"]),
        ("cash", "rounding_increment", ["0.05", "1.00", "1000.00"], ["0.00", "1000.01", "-0.05"]),
        ("blind_return", "pricing", ["current", "lowest:90", "lowest:3650"], ["lowest:0", "lowest:3651", "lowest:99999999999999999999", "lowest:-5"]),
    ]

    @Test func randomNumericSettingsAreAcceptedExactlyWithinTheirRanges() throws {
        var random = FuzzRandom.fromEnvironment()
        for run in 0..<24 {
            var sections: [String: [String]] = [:]
            var offending: Set<String> = []
            var wrongType = false
            for (section, key, range) in Self.integerKeys where random.int(2) == 0 {
                let candidates: [Int64] = [range.lowerBound, range.upperBound, range.lowerBound - 1, range.upperBound + 1,
                                           Int64.max, Int64.min, -1, range.lowerBound + Int64(random.int(Int(min(range.upperBound - range.lowerBound, 1_000_000))))]
                switch random.int(10) {
                case 0:
                    sections[section, default: []].append("\(key) = \"12\"")
                    wrongType = true
                case 1:
                    sections[section, default: []].append("\(key) = 1.5e300")
                    wrongType = true
                default:
                    let value = random.pick(candidates)
                    sections[section, default: []].append("\(key) = \(value)")
                    if !range.contains(value) { offending.insert("\(section).\(key)") }
                }
            }
            for (section, key, valid, invalid) in Self.textKeys where random.int(2) == 0 {
                let bad = random.int(2) == 0
                let value = bad ? random.pick(invalid) : random.pick(valid)
                sections[section, default: []].append("\(key) = \"\(value)\"")
                if bad { offending.insert("\(section).\(key)") }
            }
            let toml = sections.sorted { $0.key < $1.key }.map { "[\($0.key)]\n" + $0.value.joined(separator: "\n") }.joined(separator: "\n")
            let till = try TillProcess()
            defer { till.cleanUp() }
            // TillProcess writes pin_hash_rounds under [security]; this run's file replaces it whole.
            try ("[till]\nlanguage = \"en\"\n" + toml + "\n").write(toFile: till.configPath, atomically: true, encoding: .utf8)
            let result = try till.run(["config", "check"])
            let context = "seed \(random.seed), run \(run):\n\(toml)\n\(result.stderr)"
            #expect(result.status == 0 || result.status == 1, "ended by status \(result.status): \(context)")
            if offending.isEmpty && !wrongType {
                #expect(result.status == 0, "refused a valid file: \(context)")
            } else {
                #expect(result.status == 1, "accepted an out-of-range value: \(context)")
                if !wrongType { #expect(offending.contains { result.stderr.contains($0) }, "the error names no offending key: \(context)") }
            }
        }
    }
}
