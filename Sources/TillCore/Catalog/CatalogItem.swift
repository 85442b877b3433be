/// One thing the shop sells. `price` is per each, or per kilogram when `weighed` (then
/// quantities are thousandths of a kilogram).
public struct CatalogItem: Hashable, Sendable, Codable {
    public var sku: String
    public var barcodes: [String]
    public var name: String
    public var price: Money
    public var taxClassID: String
    public var returnable: Bool
    public var weighed: Bool

    public init(sku: String, barcodes: [String], name: String, price: Money, taxClassID: String,
                returnable: Bool = true, weighed: Bool = false) {
        self.sku = sku
        self.barcodes = barcodes
        self.name = name
        self.price = price
        self.taxClassID = taxClassID
        self.returnable = returnable
        self.weighed = weighed
    }
}
