import TillCore

extension RegisterRuntime {
    /// Performs the core's central effects: a look-up or a reservation is asked (and waited for,
    /// unless `queuesCentralCalls`), a release is sent and forgotten. A till configured for a
    /// central journal whose connection this process lacks answers "unreachable", never hangs.
    func performCentral(_ effect: RegisterEffect) -> RegisterAction? {
        if case .releaseReservation(let reservation) = effect {
            central?.release(reservation)
            return nil
        }
        guard let central else {
            guard let id = effect.centralRequest else { return nil }
            return .centralAnswered(request: id, .failed(.unreachable(detail: "no connection to the central journal in this process")))
        }
        guard let (id, run) = central.operation(effect) else { return nil }
        if queuesCentralCalls {
            central.submit(id, run)
            return nil
        }
        return .centralAnswered(request: id, central.ask(run))
    }

    /// After a refund is committed: the central journal hears of it (confirmed, or reconciled).
    func centralCommitted(_ record: JournalRecord) {
        guard let central, case .refund(let refund, _) = record, refund.originalReceipt != nil, !refund.training,
              let sale = refund.foreignSale?.key ?? refund.originalReceipt.flatMap(DocumentNumber.init(parsing:)).map({ DocumentKey(shop: state.config.shopCode, number: $0) })
        else { return }
        central.committed(RefundReservation(sale: sale, shop: state.config.shopCode, refund: refund), unverified: refund.unverified == true)
    }

    /// The answers of queued central calls that arrived since the last call, told to the core.
    /// Call it from the thread that calls `send` (the screen's loop).
    public func takeCentralAnswers() -> [RuntimeOutput] {
        guard let central else { return [] }
        return central.take().flatMap { send(.centralAnswered(request: $0.0, $0.1)) }
    }
}

extension RegisterEffect {
    var centralRequest: Int64? {
        switch self {
        case .lookUpCentrally(let id, _), .reserveRefund(let id, _): return id
        default: return nil
        }
    }
}
