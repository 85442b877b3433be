import Logging
import PostgresNIO
import TillCore
import TillPorts

/// The facts `AppendRules` asks about one record, read in the append's transaction after the
/// store's lock row is held (so no other append can change them before this one commits). Read
/// up front (PostgresAppendFacts+Read) because the rules are synchronous and the reads are not;
/// a fact the record did not lead us to read is a programming error, told as unreadable rather
/// than guessed.
struct PostgresAppendFacts: AppendFacts {
    var existing: [String: Bool] = [:]
    var sales: [String: SaleLookup?] = [:]
    var voids: [String: String?] = [:]
    var refundedLines: [String: Quantity] = [:]
    var openShifts: [String: Int64?] = [:]
    var zReports: [String: Bool] = [:]
    var creditNotes: [String: CreditNote?] = [:]
    var highestCreditNotes: [String: Int64] = [:]
    var settings: MoneySettings??
    var roles: [String: Role?] = [:]
    var latestEvents: [String: AuditEvent?] = [:]
    var eventsByReference: [String: [AuditEvent]] = [:]
    var refunds: [String: RefundRecord?] = [:]
    var last: (seq: Int64, hash: String, at: Int64)?

    private func known<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw PostgresStoreFailure.unreadable(what: "a fact not read (\(what))") }
        return value
    }

    func documentExists(_ reference: String) throws -> Bool { try known(existing[reference], reference) }
    func sale(_ receipt: String) throws -> SaleLookup? { try known(sales[receipt], receipt) }
    func voidNumber(of receipt: String) throws -> String? { try known(voids[receipt], receipt) }
    func refunded(receipt: String, lineNo: Int) throws -> Quantity {
        try known(refundedLines["\(receipt)#\(lineNo)"], "\(receipt) line \(lineNo)")
    }
    func openShift(till: String) throws -> Int64? { try known(openShifts[till], till) }
    func zReportExists(till: String, shift: Int64) throws -> Bool { try known(zReports["\(till)#\(shift)"], "Z \(till) \(shift)") }
    func creditNote(_ number: String) throws -> CreditNote? { try known(creditNotes[number], "credit note \(number)") }
    func highestCreditNote(till: String) throws -> Int64 { try known(highestCreditNotes[till], "credit notes of \(till)") }
    func moneySettings() throws -> MoneySettings? { try known(settings, "money settings") }
    func role(of code: String) throws -> Role? { try known(roles[code], "role of \(code)") }
    func latestEvent(user: String, approver: String) throws -> AuditEvent? {
        try known(latestEvents["\(user)#\(approver)"], "events of \(user) approved by \(approver)")
    }
    func events(referring reference: String) throws -> [AuditEvent] { try known(eventsByReference[reference], "events of \(reference)") }
    func refund(_ number: String) throws -> RefundRecord? { try known(refunds[number], "refund \(number)") }
}
