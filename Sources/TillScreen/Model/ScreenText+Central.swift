import TillCore

extension ScreenText {
    /// Shown while the central journal is asked; Esc stops waiting.
    /// A supervisor signing in: unreviewed refund conflicts, the newest with who, what and where.
    static func conflictsWaiting(_ n: ConflictNotice) -> LocalizedText {
        let r = n.refund.refund, e = n.earlier
        return t("\(n.count) refund conflict(s) to review. Newest: \(e.item) refunded at till \(r.till) by \(r.clerk.code) (approved by \(r.approver?.code ?? "-"), \(r.total.formatted), \(r.number)) after till \(e.till) by \(e.clerk) (\(e.refund)). List: till central conflicts --by CODE",
                 "有 \(n.count) 起退款冲突待查看。最新：\(e.item) 在 \(r.till) 号收银台由 \(r.clerk.code) 退款（主管 \(r.approver?.code ?? "-") 批准，\(r.total.formatted)，\(r.number)），此前已在 \(e.till) 号收银台由 \(e.clerk) 退过（\(e.refund)）。查看：till central conflicts --by 工号")
    }

    static func lookingUpCentrally(_ sale: DocumentKey) -> LocalizedText {
        t("Looking up \(sale.number) at the central journal… (Esc stops waiting)",
          "正在中央日志查询 \(sale.number)…（按 Esc 停止等待）")
    }

    static func checkingCentrally(_ refund: String) -> LocalizedText {
        t("Checking refund \(refund) at the central journal… (Esc stops waiting)",
          "正在中央日志核对退款 \(refund)…（按 Esc 停止等待）")
    }
}
