import GRDB
import TillCore

/// `verify`'s part for running shift totals: every figure recomputed from the entries must equal
/// the running one, and no running figure may exist that the entries do not give.
enum RunningTotalsCheck {
    static func findings(_ db: Database) throws -> [JournalFinding] {
        let running = try RunningTotalsRecompute.running(db)
        let recomputed = try RunningTotalsRecompute.recomputed(db)
        let zero = RunningTotal(count: 0, amountMinor: 0)
        return Set(running.keys).union(recomputed.keys).sorted().compactMap { key in
            let kept = running[key] ?? zero, summed = recomputed[key] ?? zero
            guard kept != summed else { return nil }
            let what = "\(key.figure) \(key.kind)" + (key.key.isEmpty ? "" : " \(key.key)")
            return JournalFinding(
                seq: nil, reference: "shift \(key.till)/\(key.shift)", problem: .tableChanged,
                detail: LocalizedText(
                    en: "the running total \(what) of till \(key.till) shift \(key.shift) says \(kept.count) for \(kept.amountMinor) (minor units), but its entries add up to \(summed.count) for \(summed.amountMinor)",
                    zh: "收银台 \(key.till) 第 \(key.shift) 班的累计合计 \(what) 为 \(kept.count) 笔、\(kept.amountMinor)（最小货币单位），但其条目合计为 \(summed.count) 笔、\(summed.amountMinor)"))
        }
    }
}
