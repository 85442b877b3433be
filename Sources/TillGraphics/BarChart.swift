/// A horizontal bar chart as a 1-bit bitmap (written out with `PNG.encode`): a title, then one
/// row per bar with its label, a bar as long as its value against the largest, and the value's
/// text. Labels are drawn with the bitmap font, so Chinese names appear as they are.
public struct BarChart: Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Int64
        public var valueText: String

        public init(label: String, value: Int64, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public var title: String
    public var bars: [Bar]

    /// Layout, in dots.
    public static let margin = 8
    public static let rowHeight = Glyph.height + 8
    public static let barWidth = 320
    public static let barHeight = Glyph.height - 4
    public static let maximumLabelWidth = 240

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    /// Where the bars start (after the widest label), for readers of the image.
    public func barLeft(font: BitmapFont) -> Int {
        Self.margin + min(Self.maximumLabelWidth, bars.map { Self.textWidth($0.label, font) }.max() ?? 0) + Self.margin
    }

    /// The length in dots of a bar: proportional to its value against the largest (a negative
    /// value draws nothing; a positive one at least one dot).
    public func length(of bar: Bar) -> Int {
        let largest = bars.map(\.value).max() ?? 0
        guard bar.value > 0, largest > 0 else { return 0 }
        return max(1, Int((Double(bar.value) / Double(largest) * Double(Self.barWidth)).rounded()))
    }

    /// The top of row `index`'s bar.
    public static func barTop(_ index: Int) -> Int { margin + rowHeight * (index + 1) + 2 }

    public func render(font: BitmapFont) -> Bitmap {
        let left = barLeft(font: font)
        let valueWidth = bars.map { Self.textWidth($0.valueText, font) }.max() ?? 0
        let width = max(left + Self.barWidth + Self.margin + valueWidth + Self.margin, Self.textWidth(title, font) + 2 * Self.margin)
        let height = Self.margin * 2 + Self.rowHeight * (bars.count + 1)
        var image = Bitmap(width: width, height: height)
        Self.draw(title, x: Self.margin, y: Self.margin, maxWidth: width - Self.margin, font: font, into: &image)
        for (index, bar) in bars.enumerated() {
            let top = Self.margin + Self.rowHeight * (index + 1)
            Self.draw(bar.label, x: Self.margin, y: top, maxWidth: left - Self.margin, font: font, into: &image)
            let length = length(of: bar)
            for y in Self.barTop(index)..<(Self.barTop(index) + Self.barHeight) {
                for x in left..<(left + length) { image[x, y] = true }
            }
            Self.draw(bar.valueText, x: left + length + Self.margin, y: top, maxWidth: width, font: font, into: &image)
        }
        return image
    }

    static func textWidth(_ text: String, _ font: BitmapFont) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (font.glyph(for: $1)?.width ?? 8) }
    }

    /// Draws `text` from (x, y) until `maxWidth`; a glyph the font lacks draws the replacement character.
    static func draw(_ text: String, x: Int, y: Int, maxWidth: Int, font: BitmapFont, into image: inout Bitmap) {
        var pen = x
        for scalar in text.unicodeScalars {
            let glyph = font.glyph(for: scalar) ?? font.glyph(for: "\u{FFFD}")
            let advance = glyph?.width ?? 8
            guard pen + advance <= maxWidth else { return }
            if let glyph {
                for gy in 0..<Glyph.height { for gx in 0..<glyph.width where glyph[gx, gy] { image[pen + gx, y + gy] = true } }
            }
            pen += advance
        }
    }
}
