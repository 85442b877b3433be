import TillCore

extension EventJSON {
    /// `{"event":"refundSplit","total":"…","rounding":"…","tenders":[{"tender":"cash","amount":"…"},…]}`:
    /// what confirming the refund now would pay out, tender by tender (a credit note with its number).
    static func refundSplitObject(_ split: RefundSplit) -> [String: Any] {
        var object: [String: Any] = [
            "event": "refundSplit", "total": split.total.plain, "rounding": split.rounding.plain,
            "tenders": split.tenders.map { tender -> [String: Any] in
                var part: [String: Any] = ["tender": tender.kind.rawValue, "amount": tender.amount.plain]
                if let reference = tender.reference { part["reference"] = reference }
                return part
            },
        ]
        if !split.approvals.isEmpty { object["approvals"] = split.approvals.map(\.kind) }
        return object
    }
}
