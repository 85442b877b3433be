/// A code the till looks an item up by is a barcode or a SKU, and a scan or a typed code must
/// name ONE item: so no code may be one item's barcode and another item's SKU (the look-up
/// tries barcodes first, and the SKU's item could never be found by its SKU). A catalog write
/// admits its items one by one through this check, against the catalog it writes to (the
/// engine's look-ups) and the items admitted before them in the same write. Codes compare
/// exactly, as the look-up does (a SKU typed in another case is only a fallback after both).
public struct ItemCodeRule: Sendable {
    /// The batch so far: barcode → its item, SKU → itself.
    private var barcodes: [String: String] = [:]
    private var skus: Set<String> = []

    public init() {}

    /// Admits `item`, or names the clash and admits nothing. `skuExists(code)`: the catalog has
    /// an item with SKU `code`; `barcodeHolder(code)`: the catalog item holding barcode `code`.
    /// An item already admitted in this batch brings its barcodes with it (the write replaces
    /// the catalog's list), so the catalog's list of such an item is not held against others.
    public mutating func admit(_ item: CatalogItem, skuExists: (String) throws -> Bool,
                               barcodeHolder: (String) throws -> String?) throws -> ItemCodeClash? {
        for code in item.barcodes where code != item.sku {
            if try skus.contains(code) || skuExists(code) {
                return ItemCodeClash(itemCode: code, barcodeOf: item.sku, skuOf: code)
            }
        }
        if let holder = barcodes[item.sku], holder != item.sku {
            return ItemCodeClash(itemCode: item.sku, barcodeOf: holder, skuOf: item.sku)
        }
        if barcodes[item.sku] == nil, let holder = try barcodeHolder(item.sku), holder != item.sku, !skus.contains(holder) {
            return ItemCodeClash(itemCode: item.sku, barcodeOf: holder, skuOf: item.sku)
        }
        skus.insert(item.sku)
        for code in item.barcodes { barcodes[code] = item.sku }
        return nil
    }
}

extension ItemCodeRule {
    /// The first clash a catalog write of `items` would leave, judged on the catalog as the
    /// write leaves it: each item's last occurrence in `items` replaces its barcode list (a
    /// barcode moved to a later item is that item's), and the catalog's items keep theirs
    /// unless the write re-lists them. Clashes among items the write does not touch are not
    /// this write's. For the engines' write transactions; an import refusing row by row uses
    /// `admit`, where earlier rows win.
    public static func firstClash(in items: [CatalogItem], skuExists: (String) throws -> Bool,
                                  barcodeHolder: (String) throws -> String?) throws -> ItemCodeClash? {
        var listed: [String: [String]] = [:], order: [String] = []
        // Barcode → its item after the write; a code the write listed anywhere has left its catalog holder.
        var holder: [String: String] = [:], moved: Set<String> = []
        for item in items {
            if listed[item.sku] == nil { order.append(item.sku) }
            for code in listed[item.sku] ?? [] where holder[code] == item.sku { holder[code] = nil }
            listed[item.sku] = item.barcodes
            for code in item.barcodes { holder[code] = item.sku; moved.insert(code) }
        }
        for sku in order {
            for code in listed[sku] ?? [] where holder[code] == sku && code != sku {
                if try listed[code] != nil || skuExists(code) { return ItemCodeClash(itemCode: code, barcodeOf: sku, skuOf: code) }
            }
            let owner = try holder[sku] ?? (moved.contains(sku) ? nil : barcodeHolder(sku).flatMap { listed[$0] == nil ? $0 : nil })
            if let owner, owner != sku { return ItemCodeClash(itemCode: sku, barcodeOf: owner, skuOf: sku) }
        }
        return nil
    }
}

/// A code that would be one item's barcode and another item's SKU: a scan of it could find
/// either, so the catalog refuses it (import, publication and every other catalog write).
public struct ItemCodeClash: Problem, Hashable, Sendable {
    public var itemCode: String
    /// The item whose barcode it is.
    public var barcodeOf: String
    /// The item whose SKU it is.
    public var skuOf: String

    public init(itemCode: String, barcodeOf: String, skuOf: String) {
        self.itemCode = itemCode
        self.barcodeOf = barcodeOf
        self.skuOf = skuOf
    }

    public var code: String { "item_code_ambiguous" }

    public var message: LocalizedText {
        LocalizedText(en: "The code \(itemCode) would be a barcode of item \(barcodeOf) and the SKU of item \(skuOf): a scan of it could find either item.",
                      zh: "代码 \(itemCode) 既是商品 \(barcodeOf) 的条码，又是商品 \(skuOf) 的货号：扫描它无法确定是哪件商品。")
    }

    public var remedy: LocalizedText {
        LocalizedText(en: "Give one of the two items another code: remove the barcode \(itemCode) from item \(barcodeOf), or use a different SKU for item \(skuOf); then import or publish again.",
                      zh: "请为其中一件商品换一个代码：从商品 \(barcodeOf) 删除条码 \(itemCode)，或为商品 \(skuOf) 使用另一个货号；然后重新导入或发布。")
    }
}
