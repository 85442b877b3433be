import GRDB

/// One figure of a shift: what `shiftRunningTotal` holds, or what the entries add up to.
struct RunningTotal: Hashable, Sendable {
    struct Key: Hashable, Sendable, Comparable {
        var till: String
        var shift: Int64
        var figure: String
        var kind: String
        var key: String

        static func < (a: Key, b: Key) -> Bool {
            (a.till, a.shift, a.figure, a.kind, a.key) < (b.till, b.shift, b.figure, b.kind, b.key)
        }
    }
    var count: Int64
    var amountMinor: Int64
}

/// The running totals computed the slow way, from the entries and their projection rows (which
/// `verify` checks against the signed payloads): the definition the triggers must keep to.
enum RunningTotalsRecompute {
    /// Every shift's figures, columns in `shiftRunningTotal`'s order.
    static let allSQL = """
        SELECT till, shift, 'document', kind, COALESCE(userCode, ''), COUNT(*), COALESCE(SUM(totalMinor), 0)
        FROM journalEntry
        WHERE training = 0 AND kind IN ('sale', 'refund', 'postVoid') AND till IS NOT NULL AND shift IS NOT NULL
        GROUP BY till, shift, kind, COALESCE(userCode, '')
        UNION ALL
        SELECT till, shift, 'tender', documentKind, tenderKind, COUNT(*), SUM(amountMinor)
        FROM tender WHERE training = 0 GROUP BY till, shift, documentKind, tenderKind
        UNION ALL
        SELECT till, shift, 'tax', 'sale', '', COUNT(*), SUM(taxMinor)
        FROM saleLine WHERE training = 0 AND voided = 0 GROUP BY till, shift
        """

    static func recomputed(_ db: Database) throws -> [RunningTotal.Key: RunningTotal] {
        try figures(db, sql: allSQL)
    }

    static func running(_ db: Database) throws -> [RunningTotal.Key: RunningTotal] {
        try figures(db, sql: "SELECT till, shift, figure, kind, key, count, amountMinor FROM shiftRunningTotal")
    }

    /// One shift's running figures: a primary-key range, a handful of rows whatever the journal's size.
    static func running(_ db: Database, till: String, shift: Int64) throws -> [RunningTotal.Key: RunningTotal] {
        try figures(db, sql: """
            SELECT till, shift, figure, kind, key, count, amountMinor FROM shiftRunningTotal WHERE till = ? AND shift = ?
            """, arguments: [till, shift])
    }

    private static func figures(_ db: Database, sql: String, arguments: StatementArguments = []) throws
        -> [RunningTotal.Key: RunningTotal] {
        var result: [RunningTotal.Key: RunningTotal] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            // Read as raw values: a doctored file may hold NULL or text where a number belongs.
            let v: [DatabaseValue] = (0..<7).map { row[$0] }
            func text(_ i: Int) -> String { String.fromDatabaseValue(v[i]) ?? v[i].description }
            func number(_ i: Int) -> Int64 { Int64.fromDatabaseValue(v[i]) ?? 0 }
            let key = RunningTotal.Key(till: text(0), shift: number(1), figure: text(2), kind: text(3), key: text(4))
            let count = number(5), amount = number(6)
            let known = result[key] ?? RunningTotal(count: 0, amountMinor: 0)
            result[key] = RunningTotal(count: known.count &+ count, amountMinor: known.amountMinor &+ amount)
        }
        return result
    }
}
