import TillCore

/// The demo shop's catalog: about fifty items, English and Chinese names, a few sold by weight.
/// Barcodes are real GS1-valid numbers (check digits computed), prefix 690-695 (China).
enum DemoCatalog {
    static let taxClasses = [
        TaxClass(id: "VAT13", name: "VAT 13% 增值税", rateBasisPoints: 1300, inclusive: true),
        TaxClass(id: "VAT9", name: "VAT 9% 增值税", rateBasisPoints: 900, inclusive: true),
        TaxClass(id: "VAT0", name: "Zero rated 零税率", rateBasisPoints: 0, inclusive: true),
    ]

    /// (SKU, name, price in minor units, tax class, weighed, returnable)
    static let rows: [(String, String, Int64, String, Bool, Bool)] = [
        ("TEA-JAS", "Jasmine tea 茉莉花茶 250g", 2500, "VAT13", false, true),
        ("TEA-LJ", "Longjing green tea 龙井绿茶 100g", 6800, "VAT13", false, true),
        ("TEA-PU", "Pu'er tea cake 普洱茶饼", 12800, "VAT13", false, true),
        ("MUG-01", "Ceramic mug 陶瓷杯", 1500, "VAT13", false, true),
        ("CUP-SET", "Tea cup set 茶具套装", 18800, "VAT13", false, true),
        ("CHOP-10", "Bamboo chopsticks 10 pairs 竹筷子", 990, "VAT13", false, true),
        ("BOWL-RC", "Rice bowl 饭碗", 1200, "VAT13", false, true),
        ("WOK-32", "Carbon steel wok 32cm 炒锅", 15900, "VAT13", false, true),
        ("KNIFE-CL", "Chinese cleaver 菜刀", 8900, "VAT13", false, true),
        ("BOARD-W", "Wooden chopping board 砧板", 4500, "VAT13", false, true),
        ("SOY-500", "Light soy sauce 生抽 500ml", 1280, "VAT9", false, true),
        ("VIN-BLK", "Black vinegar 陈醋 500ml", 1050, "VAT9", false, true),
        ("OIL-SES", "Sesame oil 芝麻油 250ml", 2290, "VAT9", false, true),
        ("NOOD-DRY", "Dried noodles 挂面 1kg", 890, "VAT9", false, true),
        ("DUMP-FZ", "Frozen dumplings 速冻饺子 500g", 2150, "VAT9", false, true),
        ("RICE-KG", "Jasmine rice per kg 香米", 780, "VAT9", true, true),
        ("APPLE-KG", "Fuji apples per kg 富士苹果", 1290, "VAT9", true, true),
        ("PORK-KG", "Pork belly per kg 五花肉", 3980, "VAT9", true, false),
        ("SHRMP-KG", "Fresh shrimp per kg 鲜虾", 8800, "VAT9", true, false),
        ("GINGER-KG", "Ginger per kg 生姜", 1600, "VAT9", true, true),
        ("MILK-1L", "Fresh milk 鲜牛奶 1L", 1390, "VAT9", false, true),
        ("EGGS-10", "Eggs 10 pack 鸡蛋", 1590, "VAT9", false, true),
        ("TOFU", "Firm tofu 老豆腐", 450, "VAT9", false, true),
        ("BUNS-6", "Steamed buns 6 pack 馒头", 990, "VAT9", false, true),
        ("MOON-BOX", "Mooncake gift box 月饼礼盒", 26800, "VAT13", false, true),
        ("WATER-24", "Mineral water 24 x 550ml 矿泉水", 3600, "VAT13", false, true),
        ("COLA-6", "Cola 6 x 330ml 可乐", 2100, "VAT13", false, true),
        ("BEER-TS", "Tsingtao beer 青岛啤酒 6 pack", 3900, "VAT13", false, true),
        ("BAIJIU", "Baijiu 白酒 500ml", 49800, "VAT13", false, true),
        ("CHIPS", "Potato chips 薯片", 850, "VAT13", false, true),
        ("PEANUT", "Roasted peanuts 花生 400g", 1650, "VAT13", false, true),
        ("SEEDS", "Sunflower seeds 瓜子 500g", 1980, "VAT13", false, true),
        ("PEN-BLK", "Gel pen black 中性笔", 350, "VAT13", false, true),
        ("NOTE-A5", "Notebook A5 笔记本", 1200, "VAT13", false, true),
        ("BATT-AA", "AA batteries 4 pack 电池", 2490, "VAT13", false, true),
        ("BULB-LED", "LED bulb 9W 节能灯泡", 1990, "VAT13", false, true),
        ("TISSUE", "Tissues 10 packs 纸巾", 1590, "VAT13", false, true),
        ("SOAP-HD", "Hand soap 洗手液", 1890, "VAT13", false, true),
        ("TOOTH-P", "Toothpaste 牙膏", 1490, "VAT13", false, true),
        ("UMBRELLA", "Folding umbrella 折叠伞", 5900, "VAT13", false, true),
        ("SLIPPER", "Slippers 拖鞋", 2900, "VAT13", false, true),
        ("TOWEL", "Cotton towel 毛巾", 2500, "VAT13", false, true),
        ("THERMOS", "Thermos flask 保温杯", 9900, "VAT13", false, true),
        ("FAN-DESK", "Desk fan 台式风扇", 12900, "VAT13", false, true),
        ("KETTLE", "Electric kettle 电水壶", 16900, "VAT13", false, true),
        ("RICECOOK", "Rice cooker 电饭煲", 39900, "VAT13", false, true),
        ("HEADPH", "Headphones 耳机", 29900, "VAT13", false, true),
        ("GIFTCARD", "Gift card 礼品卡 100", 10000, "VAT0", false, false),
        ("BAG-REUSE", "Reusable bag 环保袋", 200, "VAT13", false, false),
        ("PHONE-CHG", "Phone charger 手机充电器", 6900, "VAT13", false, true),
    ]

    static func items(currency: Currency) -> [CatalogItem] {
        rows.enumerated().map { index, row in
            // The first item gets the memorable 6901234567892; the rest 69x1234NNNN0 + check digit.
            var n = String(10_000 + index)
            n.removeFirst()
            let body = index == 0 ? "690123456789" : "69" + String(index % 6) + "1234" + n + "0"
            let barcode = row.4 ? [] : [GTIN.appendingCheckDigit(String(body.prefix(12)))]
            return CatalogItem(sku: row.0, barcodes: barcode, name: row.1, price: Money(minor: row.2, currency: currency),
                               taxClassID: row.3, returnable: row.5, weighed: row.4)
        }
    }
}
