/// A quick key (PLU key): one press sells a common item. The set is shop data (the
/// configuration's `keypad.quick_keys`), shared by every front end that offers quick keys.
public struct QuickKey: Hashable, Sendable, Codable {
    public var sku: String
    public var label: LocalizedText

    public init(sku: String, label: LocalizedText) {
        self.sku = sku
        self.label = label
    }

    /// The key for a catalog item: its English name part and its Chinese part as the two labels
    /// ("Jasmine tea 茉莉花茶 250g" -> "Jasmine tea 250g" / "茉莉花茶"), the SKU where a part is missing.
    public init(item: CatalogItem) {
        // A control character in a name would be obeyed by the terminal the key is drawn on.
        let name = String(String.UnicodeScalarView(item.name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let english = CustomerDisplayContent.withoutWideCharacters(name) ?? item.sku
        let chinese = String(String.UnicodeScalarView(name.unicodeScalars.filter { DisplayWidth.of($0) == 2 }))
        self.init(sku: item.sku, label: LocalizedText(en: english, zh: chinese.isEmpty ? english : chinese))
    }
}
