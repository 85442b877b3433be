/// One line of a sale. Prices and the tax class are copied from the catalog when the line is
/// added, so a later catalog change never alters a sale already made.
public struct SaleLine: Hashable, Sendable, Codable {
    public var lineNo: Int
    public var sku: String
    /// The barcode scanned, if the line was added by one.
    public var barcode: String?
    /// Every barcode the item had when sold: scanning any of them finds this line in a refund.
    public var itemBarcodes: [String]
    public var name: String
    public var quantity: Quantity
    public var unitPrice: Money
    /// The catalog price when the price was overridden.
    public var originalUnitPrice: Money?
    /// A discount off the line amount (before tax is worked out).
    public var discount: Money
    public var taxClass: TaxClass
    public var weighed: Bool
    public var returnable: Bool
    /// Voided before tender: kept for the record, counts for nothing.
    public var voided: Bool
    /// Who approved a price override or discount, when that was not the clerk.
    public var approvedBy: String?

    public init(lineNo: Int, item: CatalogItem, quantity: Quantity, taxClass: TaxClass, barcode: String?) {
        self.lineNo = lineNo
        self.sku = item.sku
        self.barcode = barcode
        self.itemBarcodes = item.barcodes
        self.name = item.name
        self.quantity = quantity
        self.unitPrice = item.price
        self.originalUnitPrice = nil
        self.discount = .zero(item.price.currency)
        self.taxClass = taxClass
        self.weighed = item.weighed
        self.returnable = item.returnable
        self.voided = false
        self.approvedBy = nil
    }

    /// Unit price × quantity, rounded half away from zero, before the discount.
    public var extendedAmount: Money { unitPrice.scaled(by: quantity.thousandths, over: 1000) }

    /// The line's price after discount, as shelf prices state it (tax-inclusive or not, per class).
    public var amount: Money { extendedAmount - discount }

    /// What the customer pays for the line and the tax in it; zero for a voided line.
    public var tax: LineTax {
        voided ? LineTax(gross: .zero(unitPrice.currency), tax: .zero(unitPrice.currency))
               : LineTax.compute(amount: amount, taxClass: taxClass)
    }
}
