import Logging
import PostgresNIO
import TillPorts

/// The central side of replication: enrols a till's key and hands arriving entries to the
/// database's `central_receive`, which verifies the chain (CentralSchema) and answers per entry.
enum CentralReceiver {
    /// What the database answered for one entry.
    enum Answer: Equatable {
        case stored, duplicate
        /// Refused and reported in `central_refusal`: fork, gap, link, mac or unknown-till, with the database's words.
        case refused(problem: String, detail: String)

        init(_ text: String) {
            switch text {
            case "stored": self = .stored
            case "duplicate": self = .duplicate
            default:
                let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                self = .refused(problem: parts.first ?? text, detail: parts.count > 1 ? parts[1] : text)
            }
        }
    }

    static func enrol(shop: String, till: String, key: (id: String, key: [UInt8]), _ db: PostgresConnection, logger: Logger) async throws -> String {
        let bytes = ByteBuffer(bytes: key.key)
        let rows = try await db.query("SELECT central_enrol(\(shop), \(till), \(key.id), \(bytes))", logger: logger)
        for try await answer in rows.decode(String.self) { return answer }
        return "enrolled"
    }

    /// Sends `entries` in one transaction, stopping at the first refusal (whatever was stored
    /// before it, and the refusal's report, are committed). Returns one answer per entry sent.
    static func receive(_ entries: [CentralEntry], _ db: PostgresConnection, logger: Logger) async throws -> [Answer] {
        try await db.withTransaction(logger: logger) { tx in
            var answers: [Answer] = []
            for item in entries {
                let e = item.entry
                let rows = try await tx.query("""
                    SELECT central_receive(ROW(\(item.shop), \(item.till), \(e.seq), \(e.kind), \(e.reference), \(e.till), \
                    \(e.shift), \(e.userCode), \(e.at), \(e.totalMinor), \(e.currency), \(e.training), \(e.payload), \
                    \(e.prevHash), \(e.hash), \(item.mac), now(), NULL)::central_entry)
                    """, logger: logger)
                var answer = Answer.refused(problem: "no-answer", detail: "the database gave no answer")
                for try await text in rows.decode(String.self) { answer = Answer(text) }
                answers.append(answer)
                if case .refused = answer { break }
            }
            return answers
        }
    }
}
