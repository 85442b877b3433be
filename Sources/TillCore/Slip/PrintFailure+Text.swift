/// What a clerk reads about a print failure: the cause and what to do, in the screen's language.
extension PrintFailure: Problem {
    /// What went wrong.
    public var message: LocalizedText { words.message }

    /// What to do about it.
    public var remedy: LocalizedText { words.remedy }

    /// The one line a slip list, banner or export shows: "cause — remedy" for the printer's own
    /// conditions; the cause alone where it already says what happened to the slip (the device's
    /// words, a state), as the journal has always stored them.
    public var text: LocalizedText {
        let w = words
        guard w.inline else { return w.message }
        return LocalizedText(en: w.message.en + " — " + w.remedy.en, zh: w.message.zh + " — " + w.remedy.zh)
    }

    private var words: (message: LocalizedText, remedy: LocalizedText, inline: Bool) {
        switch self {
        case .paperOut: (t("paper out", "缺纸"), t("load paper", "请装纸"), true)
        case .coverOpen: (t("cover open", "机盖打开"), t("close the printer cover", "请关上打印机盖"), true)
        case .cutterJammed: (t("cutter jammed", "切刀卡住"), t("open the cover and clear the cutter", "请打开机盖清理切刀"), true)
        case .printerError: (t("printer error", "打印机故障"), t("switch the printer off and on", "请关机后重新开机"), true)
        case .offline: (t("printer offline", "打印机离线"), t("check the power and the cable", "请检查电源和连接线"), true)
        case .noAnswer: (t("printer offline", "打印机离线"), t("it does not answer: check the power and the cable", "无响应：请检查电源和连接线"), true)
        // The device layer's own words come first (they name the printer and what failed).
        case .unreachable(let detail):
            (t(detail, "无法连接打印机 — \(detail)"), Self.checkThenReprint, false)
        case .linkLost(let detail):
            (t("\(detail) — the link failed while sending: the slip is not whole", "\(detail) — 发送时与打印机的连接中断，小票不完整"),
             Self.checkThenReprint, false)
        case .stoppedAnswering:
            (t("sent, but the printer stopped answering before it confirmed", "已发送，但打印机在确认前停止响应"),
             t("check the slip printed whole", "请检查小票是否完整打印"), true)
        case .notConfirmed(let seconds):
            (t("sent, but the printer did not confirm it printed within \(seconds) s", "已发送，但打印机未在 \(seconds) 秒内确认打印"),
             t("check the slip printed whole", "请检查小票是否完整打印"), true)
        case .cannotConfirm(let printer):
            (t("sent; \(printer) cannot confirm that it printed", "已发送；\(printer) 无法确认是否打印"), t("check the slip", "请检查小票"), true)
        case .notEnabled:
            (t("the printer is not enabled", "打印机未启用"),
             t("start the driver (open, claim, enable) before printing", "打印前请先启动驱动（打开、占用、启用）"), true)
        case .cannotEncode(let detail):
            (t("the slip cannot be encoded for this printer: \(detail)", "小票无法按此打印机编码：\(detail)"),
             t("choose the printer's profile (printer.profile), then reprint the slip", "请选择正确的打印机型号（printer.profile）后重印小票"), false)
        case .cannotWrite(let detail):
            (t("cannot write \(detail)", "无法写入 \(detail)"),
             t("check the folder's permissions and free space, then reprint the slip", "请检查文件夹权限和剩余空间，然后重印小票"), false)
        case .notPrintedYet: (t("not printed yet", "尚未打印"), Self.checkThenReprint, false)
        case .stateNotSaved:
            (t("print state not saved", "打印状态未能保存"),
             t("free disk space or fix the journal's storage, then reprint the slip", "请释放磁盘空间或修复日志存储，然后重印小票"), false)
        case .other(let text): (t(text, text), Self.checkThenReprint, false)
        }
    }

    private static let checkThenReprint = t("check the printer and its cable, then reprint the slip (REPRINT)",
                                            "请检查打印机及其连线，然后重印小票（重印）")

    public func text(_ language: Language) -> String { text.text(language) }
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
