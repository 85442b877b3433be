import Foundation
import TillCore
import TillRuntime

/// One output line of `till exec`: a flat JSON object with an "event" name. Amounts are decimal
/// strings ("25.00"), never floats.
enum EventJSON {
    static func object(_ output: RuntimeOutput, _ lang: Language) -> [String: Any] {
        switch output {
        case .error(let error):
            return problem("error", error, lang)
        case .event(let event):
            return object(event, lang)
        }
    }

    /// Any problem, refused by the core or failed elsewhere, as one object: its code, cause and remedy.
    static func problem(_ event: String, _ problem: some Problem, _ lang: Language) -> [String: Any] {
        ["event": event, "code": problem.code, "message": problem.message(lang), "remedy": problem.remedy(lang)]
    }

    static func object(_ event: RegisterEvent, _ lang: Language) -> [String: Any] {
        switch event {
        case .refused(let r):
            var o = problem("refused", r, lang)
            if case .supervisorRequired(let reason) = r { o["approval"] = reason.kind }
            return o
        case .signedIn(let user): return ["event": "signedIn", "user": user.code, "name": user.name, "role": user.role.rawValue]
        case .signedOut: return ["event": "signedOut"]
        case .shiftOpened(let n): return ["event": "shiftOpened", "shift": n]
        case .lineAdded(let l): return line("lineAdded", l)
        case .lineChanged(let l): return line("lineChanged", l)
        case .tenderAccepted(let t, let due):
            return ["event": "tenderAccepted", "tender": t.kind.rawValue, "amount": t.amount.plain, "due": due.plain]
        case .saleCompleted(let receipt, let total, let change):
            return ["event": "saleCompleted", "receipt": receipt, "total": total.plain, "change": change.plain]
        case .saleFound(let receipt, let lines):
            return ["event": "saleFound", "receipt": receipt, "lines": lines.map {
                ["line": $0.line, "sku": $0.sku, "name": $0.name, "sold": $0.sold.description,
                 "remaining": $0.remaining.description, "paid": $0.paid.plain] as [String: Any]
            }]
        case .refundQuantityChosen(let line, let qty, let amount):
            return ["event": "refundLineChosen", "line": line, "quantity": qty.description, "amount": amount.plain]
        case .approvalNeeded(let reason, let amount):
            var object: [String: Any] = ["event": "approvalNeeded", "approval": reason.kind, "message": reason.label.text(lang)]
            if let amount { object["amount"] = amount.plain }
            return object
        case .approvalGranted(let by, let reason):
            return ["event": "approvalGranted", "approver": by, "approval": reason.kind]
        case .refundCompleted(let number, let total, let tenders):
            return ["event": "refundCompleted", "refund": number, "total": total.plain,
                    "tenders": tenders.map { ["tender": $0.kind.rawValue, "amount": $0.amount.plain] }]
        case .postVoidCompleted(let number, let total):
            return ["event": "postVoidCompleted", "void": number, "total": total.plain]
        case .reportPrinted(let kind, let reference, let net):
            return ["event": "reportPrinted", "kind": kind.rawValue, "reference": reference, "net": net.plain]
        case .slipPrinted(let reference): return ["event": "slipPrinted", "reference": reference]
        case .slipNotPrinted(let reference, let cause):
            return ["event": "slipNotPrinted", "reference": reference, "cause": cause.text(lang), "causeCode": cause.code]
        case .cancelled(let kind): return ["event": "cancelled", "what": kind.rawValue]
        case .drawerOpened: return ["event": "drawerOpened"]
        case .cashCountNeeded(let expected): return ["event": "cashCountNeeded", "expected": expected.plain]
        case .cashCountTaken(let expected, let counted, let overShort):
            return ["event": "cashCounted", "expected": expected.plain, "counted": counted.plain, "overShort": overShort.plain]
        case .noReceiptChosen(let on): return ["event": "noReceipt", "on": on]
        case .refundSplitShown(let split): return refundSplitObject(split)
        case .creditNoteRedeemed(let number, let amount, let left):
            return ["event": "creditNoteRedeemed", "number": number, "amount": amount.plain, "left": left.plain]
        case .conflictsWaiting(let notice):
            return ["event": "conflictsWaiting", "count": notice.count, "refund": notice.refund.key, "till": notice.refund.refund.till,
                    "clerk": notice.refund.refund.clerk.code, "approver": notice.refund.refund.approver?.code ?? "",
                    "amount": notice.refund.refund.total.plain, "item": notice.earlier.item,
                    "earlierRefund": notice.earlier.shop.description + "-" + notice.earlier.refund, "earlierTill": notice.earlier.till,
                    "earlierClerk": notice.earlier.clerk]
        case .refundsAwaitingSale(let notice):
            return ["event": "refundsAwaitingSale", "count": notice.count, "refund": notice.refund.key, "sale": notice.refund.sale.description,
                    "till": notice.refund.refund.till, "tries": notice.tries]
        default: return saleFlowObject(event, lang)
        }
    }

    private static func line(_ name: String, _ l: SaleLine) -> [String: Any] {
        ["event": name, "line": l.lineNo, "sku": l.sku, "name": l.name, "quantity": l.quantity.description,
         "unitPrice": l.unitPrice.plain, "amount": l.tax.gross.plain, "voided": l.voided]
    }

    static func text(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
