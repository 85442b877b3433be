import Testing
import TillCentral

/// Generated malformed `[central] url`s, each a valid address with one known defect put in:
/// the refusal names that defect, and no other cause (a URL that starts with postgres:// is
/// never told it does not).
@Suite struct CentralURLCauseTests {
    enum Defect: CaseIterable {
        case scheme, unclosedBracket, strayBracket, afterBracket, portNotNumber, portOutOfRange, password, noUser, noDatabase

        /// The words the refusal must hold.
        var cause: String {
            switch self {
            case .scheme: "does not start with postgres://"
            case .unclosedBracket: "bracket [ is not closed"
            case .strayBracket: "] closes no IPv6 address"
            case .afterBracket: "only :PORT may follow"
            case .portNotNumber: "port is not a number"
            case .portOutOfRange: "is not from 1 to 65535"
            case .password: "holds a password"
            case .noUser: "names no user"
            case .noDatabase: "names no database"
            }
        }
    }

    static func url(_ defect: Defect, _ rng: inout Seeded) -> String {
        func pick(_ options: [String]) -> String { options[rng.int(0...(options.count - 1))] }
        var scheme = pick(["postgres://", "postgresql://"])
        var user = pick(["till", "shop_a", "t1"]) + "@"
        let v6 = pick(["::1", "fe80::1", "2001:db8::7"])
        var host = pick(["db.example", "10.0.0.9", "[\(v6)]", "localhost"])
        var port = pick(["", ":5432", ":6543"])
        var database = "/" + pick(["till", "chain"])
        let query = pick(["", "?sslmode=require", "?sslmode=disable"])
        switch defect {
        case .scheme: scheme = pick(["http://", "postgre://", "", "postgres:/", "pg://", "Postgres//"])
        case .unclosedBracket: host = "[" + v6
        case .strayBracket: host = v6 + "]"
        case .afterBracket: host = "[\(v6)]" + pick(["x", "5432", "-", "[1]"])
        case .portNotNumber: port = ":" + pick(["x", "54a", "五", "5 4"])
        case .portOutOfRange: port = ":" + pick(["0", "65536", "99999"])
        case .password: user = user.dropLast() + ":" + pick(["secret", "s3"]) + "@"
        case .noUser: user = pick(["", "@"])
        case .noDatabase: database = pick(["", "/"])
        }
        return scheme + user + host + port + database + query
    }

    @Test func eachMalformedURLIsRefusedNamingItsOwnDefect() {
        for seed in Seeded.seeds(count: 300, base: 0x0BAD_0A11) {
            var rng = Seeded(seed: seed)
            // Every defect in every run, whatever the seed: coverage does not hang on luck.
            for defect in Defect.allCases {
                let text = Self.url(defect, &rng)
                let context = "seed \(seed) (re-run: TILL_PROPERTY_SEED=\(seed)) \(defect): \(text)"
                do {
                    _ = try CentralAddress(parsing: text)
                    Issue.record("\(context) was accepted")
                } catch let failure as CentralFailure {
                    #expect(failure.code == "central_bad_url", "\(context)")
                    #expect(failure.message.en.contains(defect.cause), "\(context): \(failure.message.en)")
                    for other in Defect.allCases where other != defect {
                        #expect(!failure.message.en.contains(other.cause), "\(context) is also told \(other.cause)")
                    }
                    #expect(failure.message.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(context)")
                } catch {
                    Issue.record("\(context) threw \(error)")
                }
            }
        }
    }

    @Test func theUnclosedIPv6BracketIsNamed() throws {
        let failure = try #require(throws: CentralFailure.self) { try CentralAddress(parsing: "postgres://till@[::1/till") }
        #expect(failure.message.en.contains("bracket [ is not closed"), "\(failure.message.en)")
        #expect(try CentralAddress(parsing: "postgres://till@[::1]:5433/till").database == "till")
    }
}
