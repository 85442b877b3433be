import Synchronization
import TillCore
import TillRuntime

/// The central journal's peer for core tests: the same returnable check as PostgreSQL
/// (`CentralSale.refusal(of:)`) under one lock, so "check and record" is one step as in the
/// PostgreSQL transaction. It can be cut off (`reachable`) or held (`hold`) to test the till's
/// side of a slow or lost link; the PostgreSQL tests in TillCommandTests run the real thing.
final class MemoryCentralJournal: CentralJournal {
    struct Contents {
        var sales: [DocumentKey: (sale: SaleRecord, voided: Bool)] = [:]
        /// Reservations and reconciled refunds by refund key, in the order they were made.
        var refunds: [(reservation: RefundReservation, confirmed: Bool)] = []
        var conflicts: [RefundConflictReport] = []
        var reachable = true
        /// Held requests wait until released (a slow server).
        var held = false
        var released: [String] = []
    }

    let contents = Mutex(Contents())

    func add(_ sale: SaleRecord, shop: ShopCode = .standard) {
        guard let number = DocumentNumber(parsing: sale.receipt) else { return }
        contents.withLock { $0.sales[DocumentKey(shop: shop, number: number)] = (sale, false) }
    }

    var reachable: Bool {
        get { contents.withLock { $0.reachable } }
        set { contents.withLock { $0.reachable = newValue } }
    }

    var held: Bool {
        get { contents.withLock { $0.held } }
        set { contents.withLock { $0.held = newValue } }
    }

    var refunds: [(reservation: RefundReservation, confirmed: Bool)] { contents.withLock { $0.refunds } }

    private func waitWhileHeld() async {
        while held { try? await Task.sleep(for: .milliseconds(2)) }
    }

    private func central(_ key: DocumentKey, _ c: Contents) -> CentralSale? {
        guard let found = c.sales[key] else { return nil }
        let refunds = c.refunds.map(\.reservation).filter { $0.sale == key }
        return CentralSale(shop: key.shop, sale: found.sale, refunds: refunds, voided: found.voided)
    }

    func sale(_ key: DocumentKey) async -> Result<CentralSale, CrossTillFailure> {
        await waitWhileHeld()
        return contents.withLock { c in
            guard c.reachable else { return .failure(.unreachable(detail: "connection refused")) }
            return central(key, c).map { .success($0) } ?? .failure(.notFound)
        }
    }

    func reserve(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure> {
        await waitWhileHeld()
        return contents.withLock { c in
            guard c.reachable else { return .failure(.unreachable(detail: "connection refused")) }
            guard let sale = central(reservation.sale, c) else { return .failure(.notFound) }
            if let refusal = sale.refusal(of: reservation) { return .failure(refusal) }
            c.refunds.removeAll { $0.reservation.key == reservation.key }
            c.refunds.append((reservation, false))
            return .success(())
        }
    }

    func release(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure> {
        contents.withLock { c in
            c.released.append(reservation.key)
            c.refunds.removeAll { $0.reservation.key == reservation.key && !$0.confirmed }
        }
        return .success(())
    }

    func confirm(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure> {
        contents.withLock { c in
            guard c.reachable else { return .failure(.unreachable(detail: "connection refused")) }
            if let i = c.refunds.firstIndex(where: { $0.reservation.key == reservation.key }) { c.refunds[i].confirmed = true }
            return .success(())
        }
    }

    func reconcile(_ reservation: RefundReservation) async -> Result<ReturnConflict?, CrossTillFailure> {
        contents.withLock { c in
            guard c.reachable else { return .failure(.unreachable(detail: "connection refused")) }
            // Reconciled before (the answer was lost): the same verdict again.
            if c.refunds.contains(where: { $0.reservation.key == reservation.key }) {
                return .success(c.conflicts.first { $0.refund.key == reservation.key }?.conflict)
            }
            var conflict: ReturnConflict? = nil
            if let sale = central(reservation.sale, c), case .alreadyReturned(let found)? = sale.refusal(of: reservation) {
                conflict = found
                var report = RefundConflictReport(refund: reservation, conflict: found,
                                                  earlier: sale.refunds.first { $0.refund.number == found.refund && $0.shop == found.shop })
                report.id = Int64(c.conflicts.count + 1)
                c.conflicts.insert(report, at: 0)
            }
            c.refunds.append((reservation, true))
            return .success(conflict)
        }
    }

    func review(conflict id: Int64, by supervisor: String) async -> Result<RefundConflictReport?, CrossTillFailure> {
        contents.withLock { c in
            guard c.reachable else { return .failure(.unreachable(detail: "connection refused")) }
            guard let i = c.conflicts.firstIndex(where: { $0.id == id }) else { return .success(nil) }
            if c.conflicts[i].reviewedBy == nil { c.conflicts[i].reviewedBy = supervisor }
            return .success(c.conflicts[i])
        }
    }

    func conflicts() async -> Result<[RefundConflictReport], CrossTillFailure> {
        contents.withLock { c in c.reachable ? .success(c.conflicts) : .failure(.unreachable(detail: "connection refused")) }
    }
}
