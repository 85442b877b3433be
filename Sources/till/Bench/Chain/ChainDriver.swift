import Foundation

/// One driver thread of the chain benchmark: starts its till, signs in, sells and refunds (every
/// `refundEvery`th transaction a refund, alternately of one of its own sales and of another
/// till's, both already seen centrally) until told to stop, waits until its documents have been
/// seen centrally, then ends the till. Each answer is timed from the line written to the
/// answer read: what a script driving the till waits for.
struct ChainDriver: Sendable {
    let binary: String
    let folder: String
    let shop: String
    let centralURL: String
    let id: String
    let refundEvery: Int
    let drainSeconds: Double
    let record: ChainRecord

    static let items = ["MUG-01", "TEA-JAS"]

    func run() {
        var started: ChainTill?
        do {
            let till = try ChainTill(binary: binary, id: id, folder: folder, shop: shop, centralURL: centralURL)
            started = till
            let pid = till.pid
            record.state.withLock { $0.pids[id] = pid }
            try till.send("signin 2001 222222\n")
            let signedIn = try till.answer(["signedIn"])
            guard signedIn.name == "signedIn" else { throw ChainTill.Stopped(description: "till \(id) refused the sign-in: \(signedIn.fields)") }
            try till.send("shift 500\n")
            _ = try till.answer(["shiftOpened"])   // refused when the demo data's shift is open: either way a shift is open
            record.state.withLock { $0.ready += 1 }
            while !record.state.withLock({ $0.go || $0.stopSelling }) { usleep(10_000) }
            var n = 0
            while !record.state.withLock({ $0.stopSelling }) {
                n += 1
                let preferOwn = (n / refundEvery) % 2 == 0
                if n % refundEvery == 0,
                   let pick = record.takeRefundable(for: id, own: preferOwn) ?? record.takeRefundable(for: id, own: !preferOwn) {
                    try refund(till, receipt: pick.receipt, cross: pick.madeAt != id)
                } else {
                    try sell(till, n)
                }
            }
            let deadline = Date().addingTimeInterval(drainSeconds)
            while record.unseen > 0, Date() < deadline { usleep(20_000) }
        } catch {
            record.state.withLock { $0.failures.append("till \(id): \(error)") }
        }
        if let started, started.stop() { record.state.withLock { $0.killed += 1 } }
        record.state.withLock { $0.finished += 1 }
    }

    private func sell(_ till: ChainTill, _ n: Int) throws {
        try till.send("scan \(Self.items[n % Self.items.count]) \(1 + n % 3)\n")
        let added = try till.answer(["lineAdded"])
        guard added.name == "lineAdded" else { return try refused(till, added) }
        let start = ChainRecord.now()
        try till.send("cash\n")
        let done = try till.answer(["saleCompleted"])
        let end = ChainRecord.now()
        guard done.name == "saleCompleted", let receipt = done.text("receipt") else { return try refused(till, done) }
        record.state.withLock { s in
            s.saleCommits.append(end - start)
            s.committedAt[receipt] = end
            s.sales += 1
        }
    }

    private func refund(_ till: ChainTill, receipt: String, cross: Bool) throws {
        let start = ChainRecord.now()
        try till.send("refund\nreceipt \(receipt)\n")
        let found = try till.answer(["saleFound"])
        let lookedUp = ChainRecord.now()
        guard found.name == "saleFound" else { return try refused(till, found) }
        record.state.withLock { s in
            if cross { s.crossLookUps.append(lookedUp - start) } else { s.ownLookUps.append(lookedUp - start) }
        }
        try till.send("line 1 1\n")
        let chosen = try till.answer(["refundLineChosen"])
        guard chosen.name == "refundLineChosen" else { return try refused(till, chosen) }
        let confirming = ChainRecord.now()
        try till.send("reason UNWANTED\nconfirm\n")
        let done = try till.answer(["refundCompleted"])
        let end = ChainRecord.now()
        guard done.name == "refundCompleted", let number = done.text("refund") else { return try refused(till, done) }
        record.state.withLock { s in
            s.refundCommits.append(end - confirming)
            s.committedAt[number] = end
            s.refunds += 1
            if cross { s.crossRefunds += 1 }
        }
    }

    /// Counts the refusal by its code and brings the till back to the register.
    private func refused(_ till: ChainTill, _ event: ChainTill.Event) throws {
        let code = event.text("code") ?? event.name
        record.state.withLock { $0.refusals[code, default: 0] += 1 }
        try till.reset()
    }
}
