import GRDB
import TillCore

/// One row of a state table as a record struct: its columns are its stored properties, named,
/// encoded by GRDB's Codable support. The journal writes a row and `verify` replays it by
/// column name, so no list of values can land in the wrong column and still verify.
protocol StateRow: Encodable, EncodableRecord {
    static var table: StateTable { get }
}

extension StateRow {
    /// The row's columns by name (the key included).
    func columns() throws -> [String: DatabaseValue] { try databaseDictionary }
}

struct UserRow: StateRow {
    static let table = StateTable("user", key: "code", ["name", "role", "pinHash", "removedRevision"])
    var code: String
    var name: String
    var role: String
    var pinHash: String
    /// The central revision that dropped the user (nil: may sign in).
    var removedRevision: Int64?

    /// GRDB leaves a nil optional out of the dictionary; the table holds NULL there.
    func encode(to container: inout PersistenceContainer) throws {
        container["code"] = code
        container["name"] = name
        container["role"] = role
        container["pinHash"] = pinHash
        container["removedRevision"] = removedRevision
    }
}

struct TaxClassRow: StateRow {
    static let table = StateTable("taxClass", key: "id", ["name", "rateBasisPoints", "inclusive"])
    var id: String
    var name: String
    var rateBasisPoints: Int64
    var inclusive: Bool
}

struct CatalogItemRow: StateRow {
    static let table = StateTable("catalogItem", key: "sku",
                                  ["name", "priceMinor", "currency", "taxClassID", "returnable", "weighed",
                                   "withdrawnRevision", "withdrawnBy"])
    var sku: String
    var name: String
    var priceMinor: Int64
    var currency: String
    var taxClassID: String
    var returnable: Bool
    var weighed: Bool
    /// The central revision that dropped the item and who published it (nil: for sale).
    var withdrawnRevision: Int64?
    var withdrawnBy: String?

    /// GRDB leaves a nil optional out of the dictionary; the table holds NULL there.
    func encode(to container: inout PersistenceContainer) throws {
        container["sku"] = sku
        container["name"] = name
        container["priceMinor"] = priceMinor
        container["currency"] = currency
        container["taxClassID"] = taxClassID
        container["returnable"] = returnable
        container["weighed"] = weighed
        container["withdrawnRevision"] = withdrawnRevision
        container["withdrawnBy"] = withdrawnBy
    }
}

struct BarcodeRow: StateRow {
    static let table = StateTable("barcode", key: "code", ["sku", "position"])
    var code: String
    var sku: String
    var position: Int64
}

struct SlipPrintRow: StateRow {
    static let table = StateTable("slip", key: "reference", ["printState", "printCause", "printStateAt", "attempts"])
    var reference: String
    var printState: String
    var printCause: String?
    var printStateAt: Int64?
    var attempts: Int64

    /// GRDB leaves a nil optional out of the dictionary; the table holds NULL there.
    func encode(to container: inout PersistenceContainer) throws {
        container["reference"] = reference
        container["printState"] = printState
        container["printCause"] = printCause
        container["printStateAt"] = printStateAt
        container["attempts"] = attempts
    }
}

struct DrillAttemptRow: StateRow {
    static let table = StateTable("drillAttempt", key: "entrySeq", [
        "trainee", "drill", "startedAt", "seconds", "keystrokes", "wrongAttempts", "refusals", "score", "breakdown",
    ])
    var entrySeq: Int64
    var trainee: String
    var drill: String
    var startedAt: Int64
    var seconds: Double
    var keystrokes: Int64
    var wrongAttempts: Int64
    var refusals: String
    var score: Int64
    var breakdown: String
}

struct ConfigurationRow: StateRow {
    static let table = StateTable("moneyConfiguration", key: "id", ["entrySeq", "settings"])
    var id: Int64
    var entrySeq: Int64
    var settings: String
}
