import Foundation
import Testing

/// `till central publish --users FILE` and `till central pull` through the real binary: the
/// back office publishes a user list (creating the chain user key), a till holding a copy of
/// the key pulls it and its users sign in with the published PINs, not the till's old ones; a
/// list without an approver is refused with cause and remedy. Needs PostgreSQL (skipped by hand
/// without TILL_TEST_POSTGRES_URL, a failure under $CI).
@Suite struct CentralUsersCommandTests {
    /// A fresh database on the test cluster, as a `[central]` table (and a way to drop it); nil
    /// when there is no cluster.
    static func central(keyFile: String) throws -> (table: String, drop: () -> Void)? {
        guard let url = ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("TILL_TEST_POSTGRES_URL is not set") }
            return nil
        }
        guard let host = URLComponents(string: url)?.queryItems?.first(where: { $0.name == "host" })?.value else { return nil }
        let name = "cmdusers_\(UInt32.random(in: 0...UInt32.max))"
        let made = try CentralReplicationProcessTests.shell("/usr/bin/psql", ["-h", host, "-U", "till", "-d", "postgres", "-tAc", "CREATE DATABASE \(name)"])
        try #require(made.status == 0, "\(made.out)")
        let drop = { _ = try? CentralReplicationProcessTests.shell("/usr/bin/psql", ["-h", host, "-U", "till", "-d", "postgres", "-tAc",
                                                                            "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        return ("[central]\nurl = \"postgres://till@/\(name)?host=\(host)\"\nusers_key_file = \"\(keyFile)\"\n", drop)
    }

    @Test func publishedUsersSignInAtATillAndAListWithoutApproverIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("till-users-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard let (office, drop) = try Self.central(keyFile: folder + "/office.key") else { return }
        defer { drop() }
        let backOffice = try TillProcess(config: office)
        defer { backOffice.cleanUp() }
        try backOffice.run(["user", "list"]) // demo data: admin 9001
        let list = folder + "/users.csv"
        try "code,name,role,pin\n9001,Owner,admin,900900\n2001,Boss,supervisor,222333\n1001,New Clerk,clerk,4321\n"
            .write(toFile: list, atomically: true, encoding: .utf8)
        let published = try backOffice.run(["central", "publish", "--by", "9001", "--users", list], env: ["TILL_PIN": "999999"])
        #expect(published.status == 0, "\(published.stdout) \(published.stderr)")
        #expect(published.stdout.contains("3 users"))

        let lonely = folder + "/clerks.csv"
        try "code,name,role,pin\n1001,New Clerk,clerk,\n".write(toFile: lonely, atomically: true, encoding: .utf8)
        let refused = try backOffice.run(["central", "publish", "--by", "9001", "--users", lonely], env: ["TILL_PIN": "999999"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("nobody whose role may approve") && refused.stderr.contains("nothing was published"), "\(refused.stderr)")

        // The till holds a copy of the chain user key (0600), as the README says to make.
        let tillKey = folder + "/till.key"
        try FileManager.default.copyItem(atPath: folder + "/office.key", toPath: tillKey)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tillKey)
        let till = try TillProcess(config: office.replacingOccurrences(of: folder + "/office.key", with: tillKey))
        defer { till.cleanUp() }
        try till.run(["user", "list"])
        let pulled = try till.run(["central", "pull"])
        #expect(pulled.status == 0, "\(pulled.stdout) \(pulled.stderr)")
        let users = try till.run(["user", "list"]).stdout
        #expect(users.contains("1001") && users.contains("New Clerk") && !users.contains("3001"), "\(users)")
        let session = try till.run(["exec"], stdin: "signin 1001 4321\nsignout\nsignin 1001 1111\n")
        let outcomes = events(session.lines).compactMap { $0["event"] as? String == "signedIn" ? "in" : $0["code"] as? String }
        #expect(outcomes.first == "in" && outcomes.last == "wrong_pin", "\(session.stdout)")
    }
}
