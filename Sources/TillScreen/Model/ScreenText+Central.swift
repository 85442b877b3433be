import TillCore

extension ScreenText {
    /// Shown while the central journal is asked; Esc stops waiting.
    static func lookingUpCentrally(_ sale: DocumentKey) -> LocalizedText {
        t("Looking up \(sale.number) at the central journal… (Esc stops waiting)",
          "正在中央日志查询 \(sale.number)…（按 Esc 停止等待）")
    }

    static func checkingCentrally(_ refund: String) -> LocalizedText {
        t("Checking refund \(refund) at the central journal… (Esc stops waiting)",
          "正在中央日志核对退款 \(refund)…（按 Esc 停止等待）")
    }
}
