import Foundation
import Testing
@testable import TillGraphics

/// The refund report's PNG chart: the file decodes, each bar is as long as its value against the
/// largest, and each label (Chinese included) is drawn with the font's own glyphs.
struct BarChartTests {
    @Test func decodedPNGHasProportionalBarsAndLabels() throws {
        let font = try BitmapFont.cached()
        let chart = BarChart(title: "Refunded per clerk 各收银员退款金额", bars: [
            .init(label: "1001 Lin Clerk 林收银", value: 40_000, valueText: "400.00 (4)"),
            .init(label: "1002 赵收银", value: 10_000, valueText: "100.00 (1)"),
            .init(label: "2001 Wang", value: 0, valueText: "0.00 (0)"),
        ])
        let png = PNG.encode(chart.render(font: font))
        let image = try PNG.decode(png)
        let gray = image.gray()
        func black(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < image.width && y < image.height && gray[y * image.width + x] < 128 }

        let left = chart.barLeft(font: font)
        let expected = [BarChart.barWidth, BarChart.barWidth / 4, 0]
        for (index, length) in expected.enumerated() {
            let y = BarChart.barTop(index) + BarChart.barHeight / 2
            // The bar: a solid run from `left`, exactly `length` dots, then white before the value text.
            let run = (left..<image.width).prefix { black($0, y) }.count
            #expect(run == length, "bar \(index): \(run) dots, want \(length)")
        }
        // Each label's first glyph is drawn where the row starts, dot for dot.
        for (index, bar) in chart.bars.enumerated() {
            let top = BarChart.margin + BarChart.rowHeight * (index + 1)
            var pen = BarChart.margin
            for scalar in bar.label.unicodeScalars.prefix(12) {
                let glyph = try #require(font.glyph(for: scalar))
                for gy in 0..<Glyph.height {
                    for gx in 0..<glyph.width {
                        #expect(black(pen + gx, top + gy) == glyph[gx, gy], "label \(index) '\(scalar)' at (\(gx), \(gy))")
                    }
                }
                pen += glyph.width
            }
        }
        // The Chinese label is wider than its character count (16-dot glyphs).
        #expect(BarChart.textWidth("赵收银", font) == 48)
    }
}
