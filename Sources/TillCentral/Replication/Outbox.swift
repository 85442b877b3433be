import Foundation
import Logging
import PostgresNIO
import TillCore
import TillPorts

/// A till's outbox: sends its journal's entries to the central journal in order, after the
/// last one acknowledged, and moves the cursor (kept in the till's journal) only over entries
/// the central database stored or already had. Re-sending is harmless (a duplicate is a no-op),
/// so a crash between the central commit and the cursor update loses nothing and doubles
/// nothing. A refusal (a fork: another entry at a sequence already stored; a gap; a MAC that
/// does not verify) stops the outbox at that entry, reported, until someone looks.
///
/// An actor that runs on its own task: the screen never waits on it.
public actor Outbox {
    public struct Report: Sendable, Equatable {
        /// Entries newly stored centrally, and ones the central journal had already.
        public var stored = 0
        public var duplicates = 0
        public var state: OutboxState
    }

    let source: ReplicationSource
    let connection: CentralConnection
    let till: String
    let batchSize: Int
    let clock: @Sendable () -> Timestamp
    private var prepared = false
    private let doorbell = Doorbell()

    public init(source: ReplicationSource, connection: CentralConnection, till: String, batchSize: Int = 200,
                clock: @escaping @Sendable () -> Timestamp) {
        self.source = source
        self.connection = connection
        self.till = till
        self.batchSize = max(1, batchSize)
        self.clock = clock
    }

    /// Sends everything pending, batch by batch. Throws `CentralFailure` (also recorded in the
    /// journal for `till central status`) when the central journal is unreachable or refuses.
    @discardableResult
    public func pushPending() async throws -> Report {
        var report = Report(state: try source.outboxState())
        do {
            try await prepareOnce()
            while true {
                let cursor = try source.outboxState().acknowledged
                let batch = try source.entries(after: cursor, limit: batchSize)
                guard !batch.isEmpty else { break }
                let key = source.centralKey().key
                let shop = connection.settings.shop, till = till
                let signed = batch.map { CentralEntry(shop: shop, till: till, entry: $0, key: key) }
                let answers = try await connection.run { db, logger in try await CentralReceiver.receive(signed, db, logger: logger) }
                var through = cursor
                for (entry, answer) in zip(batch, answers) {
                    switch answer {
                    case .stored: report.stored += 1; through = entry.seq
                    case .duplicate: report.duplicates += 1; through = entry.seq
                    case .refused(let problem, let detail):
                        if through > cursor { try source.acknowledge(through: through, at: clock()) }
                        throw Self.refusal(problem: problem, detail: detail, seq: entry.seq)
                    }
                }
                try source.acknowledge(through: through, at: clock())
            }
        } catch {
            let failure = error as? CentralFailure ?? (error as? StoreFailure).map { CentralFailure(message: $0.message, remedy: $0.remedy) }
                ?? CentralFailure.refused("\(error)")
            try? source.recordOutboxFailure(message: failure.message, remedy: failure.remedy, at: clock())
            throw failure
        }
        report.state = try source.outboxState()
        return report
    }

    /// Pushes, then again at the next `nudge()` (a local commit) or after `interval`, whichever
    /// is first, until the task is cancelled. A failed push is recorded (status shows it) and
    /// retried after the whole interval, nudged or not: a link that is down is not hammered
    /// once per sale. One loop sends, so entries still go in order, each acknowledged once.
    public func run(every interval: Duration) async {
        while !Task.isCancelled {
            if (try? await pushPending()) != nil {
                await doorbell.wait(upTo: interval)
            } else {
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Tells the running loop that the till's journal has a new entry: it is sent now rather
    /// than at the next interval. Cheap and never blocks (the till's commit calls it).
    public nonisolated func nudge() { doorbell.ring() }

    private func prepareOnce() async throws {
        guard !prepared else { return }
        let shop = connection.settings.shop, till = till, key = source.centralKey()
        let answer = try await connection.run { db, logger in
            try await CentralDatabase.prepare(db, logger: logger)
            return try await CentralReceiver.enrol(shop: shop, till: till, key: key, db, logger: logger)
        }
        if answer.hasPrefix("other-key") {
            throw CentralFailure(
                en: "Till \(till) of shop \(shop) is enrolled in the central journal with another key (\(answer.dropFirst(10))), not this till's \(key.id).",
                zh: "商店 \(shop) 的收银机 \(till) 已用另一把密钥（\(answer.dropFirst(10))）登记在中央日志中，而不是本机的 \(key.id)。",
                remedyEn: "Check [till] id and [shop] code: two tills must not share a number. If this till's key was replaced, ask the administrator to review central_refusal.",
                remedyZh: "请检查 [till] id 和 [shop] code：两台收银机不能同号。如本机密钥已更换，请管理员查看 central_refusal。")
        }
        prepared = true
    }

    static func refusal(problem: String, detail: String, seq: Int64) -> CentralFailure {
        let (en, zh): (String, String)
        switch problem {
        case "fork": (en, zh) = ("a different entry \(seq) is already stored for this till (a fork)", "本机的第 \(seq) 条记录与中央已存的不同（分叉）")
        case "gap": (en, zh) = ("entries before \(seq) are missing", "第 \(seq) 条之前的记录缺失")
        case "link": (en, zh) = ("entry \(seq) does not follow the stored chain", "第 \(seq) 条记录与已存的链不衔接")
        case "mac": (en, zh) = ("entry \(seq) does not verify under this till's central key", "第 \(seq) 条记录无法用本机的中央密钥验证")
        default: (en, zh) = ("entry \(seq): \(problem)", "第 \(seq) 条记录：\(problem)")
        }
        return CentralFailure(
            en: "The central journal refused this till's entries: \(en) (\(detail)).",
            zh: "中央日志拒绝了本机的记录：\(zh)（\(detail)）。",
            remedyEn: "Nothing was lost: sales go on into this till's journal. Run `till journal verify`, and have a supervisor compare this till's journal with the central one (central_refusal lists what was refused).",
            remedyZh: "没有丢失任何记录：销售照常记入本机日志。请运行 `till journal verify`，并请主管核对本机日志与中央日志（central_refusal 列出被拒绝的记录）。")
    }
}
