/// Finding an item by what the clerk remembers of it: part of its name (English or Chinese, any
/// case) or its SKU (any case). The rule lives here so every front end finds the same items.
public struct ItemSearch: Hashable, Sendable, Codable {
    /// What was typed, trimmed.
    public var query: String
    /// The matches, best first (SKU equal, then SKU start, then name), at most `limit`.
    public var results: [CatalogItem]

    /// The most results a pick list shows: more means the clerk should type more.
    public static let limit = 50

    public init(query: String, results: [CatalogItem]) {
        self.query = query
        self.results = results
    }

    /// True when `item` matches `query`: a case-insensitive substring of its name or SKU.
    public static func matches(_ item: CatalogItem, _ query: String) -> Bool {
        matches(sku: item.sku, name: item.name, query)
    }

    public static func matches(sku: String, name: String, _ query: String) -> Bool {
        let q = folded(query)
        guard !q.isEmpty else { return false }
        return folded(sku).contains(q) || folded(name).contains(q)
    }

    /// The matching items of `catalog`, best first, at most `limit`.
    public static func results(in catalog: [CatalogItem], for query: String) -> [CatalogItem] {
        let q = folded(query)
        func rank(_ item: CatalogItem) -> Int {
            let sku = folded(item.sku)
            if sku == q { return 0 }
            if sku.hasPrefix(q) { return 1 }
            return 2
        }
        return Array(catalog.filter { matches($0, query) }
            .sorted { (rank($0), $0.sku) < (rank($1), $1.sku) }
            .prefix(limit))
    }

    /// Case-folded for comparison (Chinese has no case, so it compares as typed).
    static func folded(_ text: String) -> String { text.trimmingSpaces.lowercased() }
}
