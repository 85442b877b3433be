import Foundation
import TillCore
import TillJournal

/// A trainee's history in the terminal: a table, then score and time per attempt as bars.
enum DrillChart {
    static func render(_ attempts: [DrillAttempt], lang: Language, utcOffset: Int64) -> [String] {
        let zh = lang == .zh
        guard !attempts.isEmpty else { return [zh ? "没有演练记录。" : "No drill attempts yet."] }
        var out = [zh ? "日期              演练                     得分  用时   按键  错误" : "date              drill                    score  time  keys  wrong"]
        for a in attempts {
            out.append(a.startedAt.localText(utcOffsetSeconds: utcOffset) + "  " + DisplayWidth.pad(a.drill, to: 24) + " "
                       + pad(String(a.score), 5) + " " + pad(String(Int(a.seconds.rounded())) + "s", 5) + " "
                       + pad(String(a.keystrokes), 5) + " " + pad(String(a.wrongAttempts), 5))
        }
        let longest = max(1, attempts.map(\.seconds).max() ?? 1)
        out.append("")
        out.append(zh ? "得分（每格 5 分）与用时" : "score (one block = 5 points) and time")
        for (i, a) in attempts.enumerated() {
            let scoreBar = String(repeating: "█", count: a.score / 5)
            let timeBar = String(repeating: "▒", count: max(1, Int(20 * a.seconds / longest)))
            out.append(pad(String(i + 1), 3) + " " + DisplayWidth.pad(scoreBar, to: 20) + " " + pad(String(a.score), 3)
                       + "  " + DisplayWidth.pad(timeBar, to: 20) + " " + String(Int(a.seconds.rounded())) + "s  " + a.drill)
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String { DisplayWidth.pad(s, to: width, alignRight: true) }
}
