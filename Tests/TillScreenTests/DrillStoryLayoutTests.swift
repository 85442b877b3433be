import Testing
import TillCore
import TillRuntime
@testable import TillScreen

/// Issue 12: a live drill's story stays on screen during the drill, whatever the activity, in the
/// screen's language, never more than three rows, and every row still the screen's width.
@Suite struct DrillStoryLayoutTests {
    static let story = LocalizedText(en: "Receipt S01-000001: two mugs arrived cracked. Refund them to the original tender (cash).",
                                     zh: "收据 S01-000001：两个陶瓷杯有裂纹。请按原支付方式（现金）退款。")

    @Test(arguments: [(24, 80), (30, 100)])
    func theStoryIsShownInEveryActivity(rows: Int, cols: Int) {
        let states = [RegisterState(config: RegisterConfig()), Fixture.selling([(Fixture.tea, 2)]), Fixture.refunding()]
        for state in states {
            for lang in Language.allCases {
                var ui = Fixture.ui(lang)
                ui.drillStory = Self.story
                let screen = Fixture.render(state, ui, rows: rows, cols: cols)
                #expect(screen.count == rows)
                #expect(screen.allSatisfy { DisplayWidth.of($0) == cols })
                let label = lang == .zh ? "演练：收据 S01-000001" : "DRILL: Receipt S01-000001"
                #expect(screen.contains { $0.contains(label) }, "\(screen.joined(separator: "\n"))")
                // Without a drill, no story row.
                #expect(!Fixture.render(state, Fixture.ui(lang), rows: rows, cols: cols).contains { $0.contains(label) })
            }
        }
    }

    @Test func aLongStoryIsCutToThreeRowsEndingWithAnEllipsis() {
        var ui = Fixture.ui(.en)
        ui.drillStory = LocalizedText(en: String(repeating: "word ", count: 200), zh: "长")
        let rows = DrillStoryRows.rows(ui, 80)
        #expect(rows.count == DrillStoryRows.maximumRows)
        #expect(rows.last?.text.hasSuffix("…") == true)
    }
}
