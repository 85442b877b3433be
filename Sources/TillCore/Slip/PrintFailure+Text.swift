/// What a clerk reads about a print failure: the cause and what to do, in the screen's language.
extension PrintFailure {
    public var text: LocalizedText {
        switch self {
        case .paperOut: LocalizedText(en: "paper out — load paper", zh: "缺纸 — 请装纸")
        case .coverOpen: LocalizedText(en: "cover open — close the printer cover", zh: "机盖打开 — 请关上打印机盖")
        case .cutterJammed:
            LocalizedText(en: "cutter jammed — open the cover and clear the cutter", zh: "切刀卡住 — 请打开机盖清理切刀")
        case .printerError:
            LocalizedText(en: "printer error — switch the printer off and on", zh: "打印机故障 — 请关机后重新开机")
        case .offline:
            LocalizedText(en: "printer offline — check the power and the cable", zh: "打印机离线 — 请检查电源和连接线")
        case .noAnswer:
            LocalizedText(en: "printer offline — it does not answer: check the power and the cable",
                          zh: "打印机离线 — 无响应：请检查电源和连接线")
        // The device layer's own words come first (they name the printer and what failed).
        case .unreachable(let detail):
            LocalizedText(en: detail, zh: "无法连接打印机 — \(detail)")
        case .linkLost(let detail):
            LocalizedText(en: "\(detail) — the link failed while sending: the slip is not whole",
                          zh: "\(detail) — 发送时与打印机的连接中断，小票不完整")
        case .stoppedAnswering:
            LocalizedText(en: "sent, but the printer stopped answering before it confirmed — check the slip printed whole",
                          zh: "已发送，但打印机在确认前停止响应 — 请检查小票是否完整打印")
        case .notConfirmed(let seconds):
            LocalizedText(en: "sent, but the printer did not confirm it printed within \(seconds) s — check the slip printed whole",
                          zh: "已发送，但打印机未在 \(seconds) 秒内确认打印 — 请检查小票是否完整打印")
        case .cannotConfirm(let printer):
            LocalizedText(en: "sent; \(printer) cannot confirm that it printed — check the slip",
                          zh: "已发送；\(printer) 无法确认是否打印 — 请检查小票")
        case .notEnabled:
            LocalizedText(en: "the printer is not enabled — start the driver (open, claim, enable) before printing",
                          zh: "打印机未启用 — 打印前请先启动驱动（打开、占用、启用）")
        case .cannotEncode(let detail):
            LocalizedText(en: "the slip cannot be encoded for this printer: \(detail)", zh: "小票无法按此打印机编码：\(detail)")
        case .cannotWrite(let detail):
            LocalizedText(en: "cannot write \(detail)", zh: "无法写入 \(detail)")
        case .notPrintedYet: LocalizedText(en: "not printed yet", zh: "尚未打印")
        case .stateNotSaved: LocalizedText(en: "print state not saved", zh: "打印状态未能保存")
        case .other(let text): LocalizedText(en: text, zh: text)
        }
    }

    public func text(_ language: Language) -> String { text.text(language) }
}
