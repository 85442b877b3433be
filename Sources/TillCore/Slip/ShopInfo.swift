/// What heads every slip: from the configuration file.
public struct ShopInfo: Hashable, Sendable, Codable {
    public var name: String
    public var addressLines: [String]
    public var taxID: String?
    /// Printed before the tax ID ("VAT No.", "纳税人识别号"); nil prints the ID alone.
    public var taxIDLabel: String? = nil
    public var footer: String?
    /// Print the stored logo at the top of receipts.
    public var logo: Bool

    public init(name: String, addressLines: [String] = [], taxID: String? = nil, footer: String? = nil, logo: Bool = false) {
        self.name = name
        self.addressLines = addressLines
        self.taxID = taxID
        self.footer = footer
        self.logo = logo
    }
}
