import TillCore
import TillGraphics

/// The standard content both sides of the printing benchmark print: a 30-line receipt with
/// Chinese item names, a Code 128 receipt code, a QR code and a cut; and a 576×300 photo-like
/// image. Written to JSON so the python-escpos side prints exactly the same.
struct BenchContent: Codable {
    struct Item: Codable { var name: String; var price: String }
    var title: String
    var items: [Item]
    var total: String
    var receiptCode: String
    var qr: String
    var imageWidth: Int
    var imageHeight: Int

    static let standard: BenchContent = {
        let names = ["鱼香肉丝", "宫保鸡丁", "麻婆豆腐", "珍珠奶茶 (大杯)", "绿茶", "红烧牛肉面", "小笼包 6个", "炒饭 Fried rice",
                     "酸辣汤", "春卷 Spring rolls"]
        var items: [Item] = []
        var cents = 0
        for i in 0..<30 {
            let c = 350 + (i * 731) % 4200
            cents += c
            items.append(Item(name: names[i % names.count], price: String(format2: c)))
        }
        return BenchContent(title: "Till Demo Shop", items: items, total: String(format2: cents),
                            receiptCode: "9010000012326092166", qr: "https://till.example/r/9010000012326092166",
                            imageWidth: 576, imageHeight: 300)
    }()

    var document: SlipDocument {
        var blocks: [SlipBlock] = [.text(title, .title), .rule("-")]
        blocks += items.map { .pair($0.name, $0.price, .plain) }
        blocks += [.rule("-"), .pair("TOTAL", total, .total), .barcode(.code128, receiptCode), .qr(qr)]
        return SlipDocument(kind: .sale, reference: "BENCH", blocks: blocks, training: false)
    }

    /// Deterministic photo-like pixels: a diagonal gradient with a dark disc and stripes. The
    /// Python side computes the same formula.
    static func pixel(x: Int, y: Int, width: Int, height: Int) -> UInt8 {
        let dx = x - width / 2, dy = y - height / 2
        if dx * dx + dy * dy < 80 * 80 { return UInt8((x + y) % 64) }
        if (x / 24) % 5 == 0 { return 40 }
        return UInt8((x * 255 / max(1, width - 1) + y * 255 / max(1, height - 1)) / 2)
    }

    var image: GrayImage {
        var px = [UInt8](repeating: 0, count: imageWidth * imageHeight)
        for y in 0..<imageHeight { for x in 0..<imageWidth { px[y * imageWidth + x] = BenchContent.pixel(x: x, y: y, width: imageWidth, height: imageHeight) } }
        return GrayImage(width: imageWidth, height: imageHeight, pixels: px)
    }
}

extension String {
    /// Cents as "12.34".
    init(format2 cents: Int) {
        let frac = cents % 100
        self = "\(cents / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
