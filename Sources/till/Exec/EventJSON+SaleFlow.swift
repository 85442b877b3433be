import TillCore

extension EventJSON {
    /// The events of asking first, parking, removing tenders and searching.
    static func saleFlowObject(_ event: RegisterEvent, _ lang: Language) -> [String: Any] {
        switch event {
        case .confirmationNeeded(let question):
            switch question {
            case .cancelActivity(let kind): return ["event": "confirmationNeeded", "question": "cancel", "what": kind.rawValue]
            case .quit: return ["event": "confirmationNeeded", "question": "quit"]
            }
        case .confirmationDismissed: return ["event": "confirmationDismissed"]
        case .quitAllowed: return ["event": "quitAllowed"]
        case .saleParked(let reference, let lines, let total):
            return ["event": "saleParked", "reference": reference, "lines": lines, "total": total.plain]
        case .saleRecalled(let reference): return ["event": "saleRecalled", "reference": reference]
        case .parkedSalesListed(let list):
            return ["event": "parkedSales", "sales": list.map {
                ["reference": $0.reference, "at": $0.parkedAt.seconds, "clerk": $0.clerk, "lines": $0.lineCount,
                 "total": $0.total.plain] as [String: Any]
            }]
        case .tenderRemoved(let tender, let due):
            var o: [String: Any] = ["event": "tenderRemoved", "tender": tender.kind.rawValue, "amount": tender.amount.plain,
                                    "due": due.plain]
            if tender.kind == .card { o["reverseOnTerminal"] = true }
            if let reference = tender.reference { o["reference"] = reference }
            return o
        case .itemsFound(let search):
            return ["event": "itemsFound", "query": search.query, "items": search.results.map {
                ["sku": $0.sku, "name": $0.name, "price": $0.price.plain, "weighed": $0.weighed] as [String: Any]
            }]
        case .searchClosed: return ["event": "searchClosed"]
        default: return ["event": "unknown"]
        }
    }
}
