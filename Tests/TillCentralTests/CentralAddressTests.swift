import Foundation
import Testing
import TillCentral

/// `[central] url`: what is accepted, and that no credential or garbage gets through.
@Suite struct CentralAddressTests {
    @Test func parsesTCPAndSocketAddresses() throws {
        #expect(try CentralAddress(parsing: "postgres://till@db.example:5433/shop").endpoint == .tcp(host: "db.example", port: 5433))
        let socket = try CentralAddress(parsing: "postgresql://till@/till?host=/run/postgresql")
        #expect(socket.socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(try CentralAddress(parsing: "postgres://till@h/db?sslmode=require").requireTLS)
    }

    /// Generated URLs: one with a password is always refused with cause and remedy in both
    /// languages, and nothing a file can hold crashes the parser.
    @Test func aPasswordIsNeverAcceptedAndNothingCrashes() {
        let pieces = ["postgres://", "postgresql://", "http://", "till", ":secret", "@", "db.example", ":5432", ":99999", ":x",
                      "/till", "/", "?host=/tmp/s", "?host=rel", "&port=1", "?sslmode=require", "?sslmode=prefer", "?foo=1", "%", "中", " "]
        for seed in Seeded.seeds(count: 400, base: 0xC0FF_EE00) {
            var rng = Seeded(seed: seed)
            let text = (0..<rng.int(1...8)).map { _ in pieces[rng.int(0...(pieces.count - 1))] }.joined()
            do {
                let address = try CentralAddress(parsing: text)
                #expect(URLComponents(string: text)?.password == nil && !address.user.contains("secret"),
                        "seed \(seed): \(text) was accepted with its password")
            } catch let failure as CentralFailure {
                #expect(!failure.message.en.isEmpty && !failure.message.zh.isEmpty && !failure.remedy.en.isEmpty && !failure.remedy.zh.isEmpty,
                        "seed \(seed): \(text)")
            } catch {
                Issue.record("seed \(seed): \(text) threw \(error)")
            }
        }
        #expect(throws: CentralFailure.self) { try CentralAddress(parsing: "postgres://till:secret@db/till") }
    }

    @Test func thePasswordComesFromTheEnvironmentOrAPrivateFile() throws {
        #expect(try CentralSettings.password(environment: ["TILL_CENTRAL_PASSWORD": "s3"], file: "/nonexistent") == "s3")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString).password").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "hunter2\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        #expect(throws: CentralFailure.self) { try CentralSettings.password(environment: [:], file: path) }
        chmod(path, 0o600)
        #expect(try CentralSettings.password(environment: [:], file: path) == "hunter2")
    }
}
