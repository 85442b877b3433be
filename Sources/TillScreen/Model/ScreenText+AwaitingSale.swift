import TillCore

extension ScreenText {
    /// A supervisor on shift: unverified refunds whose sale the central journal still lacks.
    static func refundsAwaitingSale(_ n: AwaitingSaleNotice) -> LocalizedText {
        let r = n.refund.refund
        return t("\(n.count) unverified refund(s) cannot be checked: the central journal has not received their sale. Oldest: \(r.number) (\(r.total.formatted), clerk \(r.clerk.code)) of sale \(n.refund.sale), asked \(n.tries) times. Check that the till which made the sale sends its journal: till central status",
                 "有 \(n.count) 笔未核实退款无法核对：中央日志尚未收到其原销售。最早：\(r.number)（\(r.total.formatted)，收银员 \(r.clerk.code)），原销售 \(n.refund.sale)，已查询 \(n.tries) 次。请确认开出该销售的收银台正在上传日志：till central status")
    }
}
