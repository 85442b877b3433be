import Crypto
import GRDB
import TillCore
import TillPorts

/// The journal as the outbox's source (TillPorts' `ReplicationSource`).
extension JournalDatabase: ReplicationSource {
    public func centralKey() -> (id: String, key: [UInt8]) {
        let derived = Array(HMAC<SHA256>.authenticationCode(for: Array("till-central-key-v1".utf8),
                                                            using: SymmetricKey(data: key.chain)))
        return (key.id, derived)
    }

    public func outboxState() throws -> OutboxState {
        try read { db in
            let head = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM journalEntry") ?? 0
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM centralOutbox WHERE id = 1") else {
                return OutboxState(acknowledged: 0, head: head)
            }
            func text(_ en: String, _ zh: String) -> LocalizedText? {
                guard let english: String = row[en], let chinese: String = row[zh] else { return nil }
                return LocalizedText(en: english, zh: chinese)
            }
            return OutboxState(acknowledged: row["acknowledgedSeq"], head: head,
                               lastError: text("lastErrorEn", "lastErrorZh"), lastRemedy: text("lastRemedyEn", "lastRemedyZh"),
                               lastAttempt: (row["lastAttemptAt"] as Int64?).map(Timestamp.init(seconds:)),
                               lastSuccess: (row["lastSuccessAt"] as Int64?).map(Timestamp.init(seconds:)))
        }
    }

    public func entries(after seq: Int64, limit: Int) throws -> [OutgoingEntry] {
        let key = key
        return try read { db in
            let columns = (EntryHash.signedColumns + ["hash"]).joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM journalEntry WHERE seq > ? ORDER BY seq LIMIT ?",
                                        arguments: [seq, max(1, limit)])
            var verified: [OutgoingEntry] = []
            for row in rows {
                let values = EntryHash.signedColumns.map { row[$0] as DatabaseValue }
                let entry = OutgoingEntry(seq: row["seq"], kind: row["kind"], reference: row["reference"], till: row["till"],
                                          shift: row["shift"], userCode: row["userCode"], at: row["at"],
                                          totalMinor: row["totalMinor"], currency: row["currency"],
                                          training: row["training"], payload: row["payload"], prevHash: row["prevHash"],
                                          hash: row["hash"])
                // Never send an entry the till's own key does not vouch for: the good ones before
                // it go, and the next call stops at it.
                guard EntryHash.compute(values, key: key) == entry.hash else {
                    if verified.isEmpty { throw OutboxRefusal(seq: entry.seq) }
                    break
                }
                verified.append(entry)
            }
            return verified
        }
    }

    public func acknowledge(through seq: Int64, at: Timestamp) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO centralOutbox (id, acknowledgedSeq, lastAttemptAt, lastSuccessAt) VALUES (1, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET acknowledgedSeq = MAX(acknowledgedSeq, excluded.acknowledgedSeq),
                    lastErrorEn = NULL, lastErrorZh = NULL, lastRemedyEn = NULL, lastRemedyZh = NULL,
                    lastAttemptAt = excluded.lastAttemptAt, lastSuccessAt = excluded.lastSuccessAt
                """, arguments: [seq, at.seconds, at.seconds])
        }
    }

    public func recordOutboxFailure(message: LocalizedText, remedy: LocalizedText, at: Timestamp) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO centralOutbox (id, acknowledgedSeq, lastErrorEn, lastErrorZh, lastRemedyEn, lastRemedyZh, lastAttemptAt)
                VALUES (1, 0, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET lastErrorEn = excluded.lastErrorEn, lastErrorZh = excluded.lastErrorZh,
                    lastRemedyEn = excluded.lastRemedyEn, lastRemedyZh = excluded.lastRemedyZh, lastAttemptAt = excluded.lastAttemptAt
                """, arguments: [message.en, message.zh, remedy.en, remedy.zh, at.seconds])
        }
    }
}

/// An entry whose chain hash the till's own key does not reproduce: edited outside the till.
struct OutboxRefusal: StoreFailure {
    let seq: Int64
    var message: LocalizedText {
        LocalizedText(en: "Journal entry \(seq) does not verify against this till's key, so it is not sent to the central journal.",
                      zh: "日志第 \(seq) 条记录无法用本机密钥验证，因此不发送到中央日志。")
    }
    var remedy: LocalizedText {
        LocalizedText(en: "Run `till journal verify` to see what was changed, and call the administrator.",
                      zh: "请运行 `till journal verify` 查看改动之处，并联系管理员。")
    }
}
