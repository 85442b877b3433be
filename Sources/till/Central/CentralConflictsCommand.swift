import ArgumentParser
import Foundation
import TillCentral
import TillCore
import TillJournal

extension CentralCommand {
    /// `till central conflicts`: the same goods refunded twice while tills were cut off, found
    /// when the unverified refund was reconciled; both refunds with who, what, where and when.
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refunds given twice while tills were cut off (found by reconciliation): list them, or mark one reviewed.",
            discussion: "As a supervisor or admin: --by CODE (permission approve), the PIN from $TILL_PIN or standard input. Each conflict shows two rows: the unverified refund and the earlier refund that had already taken the goods. Reviewed conflicts are listed too, with who reviewed them.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var credentials: Credentials
        @Flag(help: "CSV (one row per refund) instead of the table.") var csv = false
        @Option(help: "Mark conflict ID reviewed, recorded with who (--by).") var review: Int64?

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            let settings = try CentralCommand.settings(env.config)
            let actor = try credentials.authorise(.approve, env: env)
            let journal = PostgresCentralJournal(settings: settings, lookupTimeoutMs: env.config.centralLookupTimeoutMs,
                                             till: env.config.register.till, centralKey: env.journal.centralKey())
            let zh = Output.language == .zh
            if let id = review {
                let code = actor.code
                let answer = try Blocking.wait { await journal.review(conflict: id, by: code) }
                guard let report = try Self.answered(answer) else {
                    throw CLIError(code: "conflict_not_found", en: "There is no conflict \(id).", zh: "没有编号为 \(id) 的冲突。",
                                   remedyEn: "Run `till central conflicts --by CODE` to see their numbers.",
                                   remedyZh: "请运行 `till central conflicts --by 工号` 查看编号。")
                }
                let by = report.reviewedBy ?? code
                Output.line(by == code
                    ? (zh ? "冲突 \(id) 已由 \(by) 标记为已查看。" : "Conflict \(id) marked reviewed by \(by).")
                    : (zh ? "冲突 \(id) 早已由 \(by) 查看过。" : "Conflict \(id) was already reviewed by \(by)."))
                return
            }
            let reports = try Self.answered(try Blocking.wait { await journal.conflicts() })
            let table = ConflictTable(reports: reports, utcOffsetSeconds: env.config.register.utcOffsetSeconds)
            if csv {
                table.csv().forEach(Output.line)
            } else {
                table.lines(Output.language).forEach(Output.line)
            }
        }

        static func answered<T>(_ result: Result<T, CrossTillFailure>) throws -> T {
            switch result {
            case .success(let value): return value
            case .failure(let failure):
                // The server's own words are passed on as they are; the till's are in both languages.
                let detail: LocalizedText
                switch failure {
                case .unreachable(let d), .refused(let d): detail = LocalizedText(en: d, zh: d)
                case .timedOut(let ms): detail = LocalizedText(en: "no answer within \(ms) ms", zh: "\(ms) 毫秒内无应答")
                default: detail = LocalizedText(en: "an answer this command does not expect", zh: "本命令未预期的应答")
                }
                throw CLIError(code: "central_unreachable", en: "The central journal cannot be reached (\(detail.en)).", zh: "中央日志无法连接（\(detail.zh)）。",
                               remedyEn: "Check the network and the central server ([central] url), then try again.",
                               remedyZh: "请检查网络和中央服务器（[central] url）后重试。")
            }
        }
    }
}

/// The conflicts as text: two rows each (the unverified refund, then the earlier one), English
/// or Chinese headings; or CSV with fixed English headings for scripts.
struct ConflictTable {
    let reports: [RefundConflictReport]
    let utcOffsetSeconds: Int64

    static let csvHeader = ["conflict", "found_at", "reviewed_by", "role", "refund", "sale", "shop", "till", "clerk",
                            "supervisor", "at", "amount", "tenders", "lines"]

    /// One refund of a conflict as fields (the earlier refund may be known only by its summary).
    func fields(_ report: RefundConflictReport, earlier: Bool) -> [String] {
        let saleText = report.refund.sale.shop.description + "-" + report.refund.sale.number.description
        if earlier, report.earlier == nil {
            let c = report.conflict
            return [c.shop.description + "-" + c.refund, saleText, c.shop.description, c.till, c.clerk, "", time(c.at), "", "",
                    "\(c.item) (\(c.remaining) left before)"]
        }
        let r = earlier ? report.earlier ?? report.refund : report.refund
        let refund = r.refund
        let tenders = refund.tenders.map { "\($0.kind.rawValue) \($0.amount.formatted)" }.joined(separator: "; ")
        let lines = refund.lines.map { "\($0.quantity)×\($0.name) (line \($0.originalLineNo)) \($0.amount.formatted)" }.joined(separator: "; ")
        return [r.key, saleText, r.shop.description, refund.till, refund.clerk.code, refund.approver?.code ?? "",
                time(refund.at), refund.total.formatted, tenders, lines]
    }

    func time(_ at: Timestamp) -> String { at.localText(utcOffsetSeconds: utcOffsetSeconds) }

    func csv() -> [String] {
        var out = [CSVWriter.row(Self.csvHeader).trimmingCharacters(in: .newlines)]
        for report in reports {
            let head = [report.id.map(String.init) ?? "", report.foundAt.map(time) ?? "", report.reviewedBy ?? ""]
            for earlier in [false, true] {
                out.append(CSVWriter.row(head + [earlier ? "earlier" : "unverified"] + fields(report, earlier: earlier))
                    .trimmingCharacters(in: .newlines))
            }
        }
        return out
    }

    func lines(_ language: Language) -> [String] {
        let zh = language == .zh
        guard !reports.isEmpty else { return [zh ? "没有退款冲突。" : "No refund conflicts."] }
        let heading = zh
            ? ["编号", "类别", "退款单", "销售单", "门店", "收银台", "收银员", "主管", "时间", "金额", "退款方式", "退货行", "已查看"]
            : ["ID", "Role", "Refund", "Sale", "Shop", "Till", "Clerk", "Supervisor", "At", "Amount", "Tenders", "Lines", "Reviewed"]
        var rows: [[String]] = [heading]
        for report in reports {
            let reviewed = report.reviewedBy.map { by in by + (report.reviewedAt.map { " " + time($0) } ?? "") } ?? (zh ? "否" : "no")
            for earlier in [false, true] {
                let role = earlier ? (zh ? "先前退款" : "earlier") : (zh ? "未核实退款" : "unverified")
                rows.append([earlier ? "" : report.id.map(String.init) ?? "", role] + fields(report, earlier: earlier)
                            + [earlier ? "" : reviewed])
            }
        }
        let widths = heading.indices.map { i in rows.map { Self.width($0[i]) }.max() ?? 0 }
        let open = reports.filter { !$0.isReviewed }.count
        return rows.map { row in
            row.indices.map { i in row[i] + String(repeating: " ", count: max(0, widths[i] - Self.width(row[i]))) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        } + [zh ? "共 \(reports.count) 起冲突，\(open) 起未查看。" : "Conflicts: \(reports.count), not reviewed: \(open)."]
    }

    /// Columns on a terminal: a CJK character takes two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1.value <= 0xFFEF ? 2 : 1) }
    }
}
