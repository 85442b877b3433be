import GRDB
import TillCore

/// A free drawer open after an unprinted cash refund (`OwedDrawerOpen`), checked again in the
/// write transaction: it names a refund of this journal that paid cash, by that refund's clerk,
/// and there is at most one for each refund, whatever the till's memory says.
extension AppendGuards {
    static func checkDrawerEvent(_ event: AuditEvent, _ db: Database) throws {
        guard event.kind == .drawerOpened, event.detail == OwedDrawerOpen.auditDetail else { return }
        let refund = event.reference ?? ""
        guard let clerk = try String.fetchOne(db, cachedSQL: "SELECT userCode FROM refund WHERE number = ?", arguments: [refund]),
              try Bool.fetchOne(db, cachedSQL: """
                  SELECT 1 FROM tender WHERE reference = ? AND documentKind = 'refund' AND tenderKind = 'cash'
                  """, arguments: [refund]) != nil else {
            throw JournalError.drawerOpenNotOwed(refund: refund, because: .noCashRefund)
        }
        guard clerk == event.user else { throw JournalError.drawerOpenNotOwed(refund: refund, because: .anotherClerk) }
        for row in try Row.fetchAll(db, sql: "SELECT seq, payload FROM journalEntry WHERE kind = 'event' AND reference = ?",
                                    arguments: [refund]) {
            guard let earlier = try? JournalDatabase.record(row), case .event(let open) = earlier else { continue }
            if open.kind == .drawerOpened, open.detail == OwedDrawerOpen.auditDetail {
                throw JournalError.drawerOpenNotOwed(refund: refund, because: .usedAlready)
            }
        }
    }
}

/// Why a free drawer open was refused.
public enum DrawerOpenProblem: String, Hashable, Sendable {
    case noCashRefund, anotherClerk, usedAlready

    var text: LocalizedText {
        switch self {
        case .noCashRefund: return LocalizedText(en: "no cash refund of that number is in the journal",
                                                 zh: "日志中没有该编号的现金退款")
        case .anotherClerk: return LocalizedText(en: "only the clerk who gave the refund gets it", zh: "只有办理该退款的收银员可以免批准开钱箱")
        case .usedAlready: return LocalizedText(en: "it was used already", zh: "该次机会已用过")
        }
    }
}
