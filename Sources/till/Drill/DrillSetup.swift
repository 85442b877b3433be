import TillCore
import TillJournal
import TillRuntime

/// Writes a drill's past sales (and their earlier refunds and voids) into its journal by
/// driving the real core at past times, one shift per day, so the trainee meets them exactly as
/// a real till would have recorded them.
struct DrillSetup {
    let drill: DrillFile
    let journal: JournalDatabase
    let config: RegisterConfig
    let clock: TillClock

    func run() throws {
        let runtime = try RegisterRuntime(config: config, journal: journal, printer: SilentPrinter(), clock: { [clock] in clock.now })
        func run(_ actions: [RegisterAction]) throws {
            for action in actions {
                for output in runtime.send(action) {
                    if case .event(.refused(let refusal)) = output {
                        throw CLIError(code: "drill_setup_refused", en: "Drill \(drill.id) setup was refused: \(refusal.message(.en))",
                                       zh: "演练 \(drill.id) 的准备步骤被拒绝：\(refusal.message(.zh))",
                                       remedyEn: "Fix the drill's [[sales]]: \(refusal.remedy(.en))", remedyZh: "请修正演练的 [[sales]]：\(refusal.remedy(.zh))")
                    }
                    if case .error(let error) = output { throw error }
                }
            }
        }
        let supervisor = RegisterAction.signInRequested(code: "2001", pin: "222222")
        let zero = Money.zero(config.currency)
        let byDay = Dictionary(grouping: drill.sales ?? [], by: \.days_ago).sorted { $0.key > $1.key }
        var receipt: Int64 = 0
        for (daysAgo, sales) in byDay {
            var minute: Int64 = 0
            func at() -> Timestamp {
                minute += 7
                return Timestamp(seconds: drill.now - Int64(daysAgo) * 86_400 - 4 * 3600 + minute * 60)
            }
            clock.set(at())
            try run([supervisor, .shiftOpenRequested(float: zero), .signOutRequested])
            for sale in sales {
                clock.set(at())
                let clerk = sale.clerk ?? "1001"
                try run([.signInRequested(code: clerk, pin: DemoData.pin(clerk) ?? "")])
                for pair in sale.lines {
                    guard let code = pair.first else { continue }
                    try run([.codeEntered(code, quantity: pair.count > 1 ? Quantity(parsing: pair[1]) : nil)])
                }
                let kind = TenderKind(rawValue: sale.tender ?? "cash") ?? .cash
                try run([.tendered(kind, amount: nil, reference: sale.reference ?? (kind == .card ? "AUTH-\(900_000 + receipt)" : nil)),
                         .signOutRequested])
                receipt += 1
                let number = DocumentNumber(kind: .sale, till: config.till, sequence: receipt).description
                for refund in sale.refunds ?? [] {
                    clock.set(at())
                    try run([supervisor, .refundStarted, .receiptEntered(number),
                             .refundQuantitySet(line: refund.line, Quantity(parsing: refund.quantity) ?? .one),
                             .reasonChosen(code: refund.reason ?? "UNWANTED"), .confirmed, .signOutRequested])
                }
                if sale.voided == true {
                    clock.set(at())
                    try run([supervisor, .postVoidStarted, .receiptEntered(number), .reasonChosen(code: "MISTAKE"), .confirmed, .signOutRequested])
                }
            }
            if daysAgo > 0 {
                clock.set(at())
                try run([supervisor, .reportRequested(.z)])
                // The drill's past drawers count exactly what was expected.
                let expected = runtime.state.closingShift?.totals.cashExpected ?? .zero(config.currency)
                try run([.cashCounted(.total(expected)), .confirmed, .signOutRequested])
            }
        }
        if try journal.openShift(till: config.till) == nil {
            clock.set(Timestamp(seconds: drill.now - 3600))
            try run([supervisor, .shiftOpenRequested(float: zero), .signOutRequested])
        }
    }
}
