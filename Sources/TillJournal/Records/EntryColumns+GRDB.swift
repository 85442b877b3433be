import GRDB
import TillCore

extension EntryColumns {
    /// Column name and value, in the order they are stored and signed (after `seq`).
    var databaseValues: [(String, DatabaseValue)] {
        [("kind", kind.databaseValue), ("reference", reference.databaseValue), ("till", till.databaseValue),
         ("shift", shift.databaseValue), ("userCode", userCode.databaseValue), ("userName", userName.databaseValue),
         ("approverCode", approverCode.databaseValue), ("at", at.databaseValue),
         ("totalMinor", totalMinor.databaseValue), ("currency", currency.databaseValue),
         ("training", training.databaseValue)]
    }
}
