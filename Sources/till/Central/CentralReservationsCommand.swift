import ArgumentParser
import TillCentral
import TillCore
import TillJournal

extension CentralCommand {
    /// `till central reservations`: refund reservations still held in the shop (goods the
    /// central ledger counts as refunded, no refund confirmed yet), and releasing one this till
    /// left behind, recorded with who and when.
    struct Reservations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refund reservations still held in the shop: list them, or release one this till left behind.",
            discussion: "As a supervisor or admin: --by CODE (permission approve), the PIN from $TILL_PIN or standard input. A till killed between its central reservation and its own commit leaves the goods held; it releases them itself at its next start. --release REFUND (\"R02-000004\") does it now, at the till that holds it (its central key signs the release), while that till is not running; a refund its journal does keep is confirmed instead. The release is recorded with who (--by) and when.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var credentials: Credentials
        @Option(help: "Release this till's held reservation of refund REFUND (R02-000004), recorded with who (--by).") var release: String?

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            let settings = try CentralCommand.settings(env.config)
            let actor = try credentials.authorise(.approve, env: env)
            let till = env.config.register.till
            let central = PostgresCentralJournal(settings: settings, lookupTimeoutMs: env.config.centralLookupTimeoutMs,
                                                 till: till, centralKey: env.journal.centralKey())
            defer { _ = try? Blocking.wait { await central.close() } }
            let zh = Output.language == .zh
            let held = try Conflicts.answered(try Blocking.wait { await central.heldReservations() })
            guard let refund = release else {
                ReservationTable(held: held).lines(Output.language).forEach(Output.line)
                return
            }
            let wanted = refund.split(separator: "-").count == 3 ? String(refund.drop(while: { $0 != "-" }).dropFirst()) : refund
            guard let found = held.first(where: { $0.refund == wanted }) else {
                throw CLIError(code: "reservation_not_held", en: "No reservation of refund \(wanted) is held in this shop.",
                               zh: "本店没有退款 \(wanted) 的保留记录。",
                               remedyEn: "Run `till central reservations --by CODE` to see the reservations held; a released or confirmed one needs nothing.",
                               remedyZh: "请运行 `till central reservations --by 工号` 查看保留记录；已释放或已确认的无需处理。")
            }
            guard found.till == till else {
                throw CLIError(code: "reservation_of_another_till", en: "Refund \(wanted) is held by till \(found.till), not by this till (\(till)).",
                               zh: "退款 \(wanted) 由收银台 \(found.till) 保留，不是本收银台（\(till)）。",
                               remedyEn: "Run this command at till \(found.till) (only its central key may release it), or start till \(found.till): a till releases what it left behind when it starts.",
                               remedyZh: "请在收银台 \(found.till) 上运行此命令（只有它的中央密钥能释放），或启动收银台 \(found.till)：收银台启动时会自动释放遗留的保留。")
            }
            // The till's own lock: no process of this till is between a reservation and its commit.
            try TillLock.acquire(journal: env.journalPath, till: till)
            let settled = try LeftReservations.settle(journal: env.journal, central: central, only: wanted, by: actor.code)
            // No answer from the central journal: told as any other call's (cause and remedy).
            let outcome = try Conflicts.answered(settled.map { Result.success($0) } ?? .failure(.unreachable(detail: "no answer")))
            if outcome.released.contains(wanted) {
                Output.line(zh ? "退款 \(wanted) 的保留已由 \(actor.code) 释放：这些商品可再次退货。"
                               : "Released the reservation of refund \(wanted), by \(actor.code): the goods are returnable again.")
            } else if outcome.confirmed.contains(wanted) {
                Output.line(zh ? "退款 \(wanted) 已记入本机日志：其保留已确认，未释放。"
                               : "Refund \(wanted) is kept in this till's journal: its reservation was confirmed, not released.")
            } else {
                Output.line(zh ? "退款 \(wanted) 的保留已不再保留（可能刚被确认或释放）。"
                               : "The reservation of refund \(wanted) is no longer held (confirmed or released meanwhile).")
            }
        }
    }
}

/// The held reservations as text: sale, refund, till, clerk and how long ago.
struct ReservationTable {
    let held: [HeldReservation]

    static func age(_ seconds: Int64, zh: Bool) -> String {
        let (d, h, m) = (seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60)
        if d > 0 { return zh ? "\(d)天\(h)小时" : "\(d)d \(h)h" }
        if h > 0 { return zh ? "\(h)小时\(m)分" : "\(h)h \(m)m" }
        if m > 0 { return zh ? "\(m)分" : "\(m)m" }
        return zh ? "\(seconds)秒" : "\(seconds)s"
    }

    func lines(_ language: Language) -> [String] {
        let zh = language == .zh
        guard !held.isEmpty else { return [zh ? "没有保留中的退款。" : "No refund reservations held."] }
        let heading = zh ? ["销售单", "退款单", "收银台", "收银员", "已保留"] : ["Sale", "Refund", "Till", "Clerk", "Age"]
        let rows = [heading] + held.map { [$0.saleShop + "-" + $0.sale, $0.refund, $0.till, $0.clerk, Self.age($0.ageSeconds, zh: zh)] }
        let widths = heading.indices.map { i in rows.map { ConflictTable.width($0[i]) }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { i in row[i] + String(repeating: " ", count: max(0, widths[i] - ConflictTable.width(row[i]))) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        } + [zh ? "共 \(held.count) 笔保留。" : "Reservations held: \(held.count)."]
    }
}
