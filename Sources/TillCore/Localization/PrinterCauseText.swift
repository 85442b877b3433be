/// The printer layer states why a slip did not print in English (it is stored with the slip's
/// print state); this gives the Chinese for the causes it can give, so the screen shows them in
/// its language. An unknown cause is shown as it came.
public enum PrinterCauseText {
    static let zh: [String: String] = [
        "paper out — load paper": "缺纸 — 请装纸",
        "cover open — close the printer cover": "机盖打开 — 请关上打印机盖",
        "cutter jammed — open the cover and clear the cutter": "切刀卡住 — 请打开机盖清理切刀",
        "printer error — switch the printer off and on": "打印机故障 — 请关机后重新开机",
        "printer offline — check the power and the cable": "打印机离线 — 请检查电源和连接线",
        "printer offline — it does not answer: check the power and the cable": "打印机离线 — 无响应：请检查电源和连接线",
        "not printed yet": "尚未打印",
    ]

    public static func text(_ cause: String, _ language: Language) -> String {
        language == .zh ? zh[cause] ?? cause : cause
    }
}
