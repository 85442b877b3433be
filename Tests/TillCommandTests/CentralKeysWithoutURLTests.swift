import Foundation
import Testing
import TillCore
@testable import till

/// A `[central]` key means something only with `[central] url`: given without one, the file is
/// refused naming that key and the remedy, in both languages, instead of the key being ignored.
@Suite struct CentralKeysWithoutURLTests {
    static let keys: [(key: String, value: String)] = [
        ("password_file", "\"/etc/till/central.password\""), ("connect_timeout_seconds", "5"), ("query_timeout_seconds", "5"),
        ("pull_interval_seconds", "30"), ("users_key_file", "\"/etc/till/chain-users.key\""), ("lookup_timeout_ms", "800"),
        ("offline_refunds", "true"), ("offline_refund_limit", "\"50.00\""), ("offline_shift_limit", "\"100.00\""),
    ]

    static func resolve(_ text: String, in dir: String) throws -> ResolvedConfiguration {
        let path = dir + "/till-\(UUID().uuidString).toml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try ResolvedConfiguration(try TillConfiguration.load(path: path), environment: ["TILL_CENTRAL_PASSWORD": "pw"])
    }

    @Test func eachKeyWithoutAURLIsRefusedByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("central-keys-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (key, value) in Self.keys {
            do {
                _ = try Self.resolve("[central]\n\(key) = \(value)\n", in: dir)
                Issue.record("[central] \(key) without a url was accepted")
            } catch let problem as any Problem {
                #expect(problem.code == "central_key_without_url", "\(key): \(problem.code) \(problem.message(.en))")
                #expect(problem.message(.en).contains("central.\(key)") && problem.message(.zh).contains("central.\(key)"), "\(key)")
                #expect(problem.remedy(.en).contains("[central] url") && problem.remedy(.zh).contains("[central] url"), "\(key)")
            }
        }
        // With the url the same keys are taken (the password file aside: it must exist, private).
        for (key, value) in Self.keys where key != "password_file" && key != "users_key_file" {
            let resolved = try Self.resolve("[central]\nurl = \"postgres://till@db.example/till\"\n\(key) = \(value)\n", in: dir)
            #expect(resolved.central != nil, "\(key)")
        }
        // No [central] table, or an empty one: a till on its own, as before.
        #expect(try Self.resolve("", in: dir).central == nil)
        #expect(try Self.resolve("[central]\n", in: dir).central == nil)
    }
}
