import Testing
import TillCore
@testable import TillScreen

/// The screen draws the core's question, pick lists and weighed quantities; its keys send the
/// core's actions and nothing else.
@Suite struct SaleFlowScreenTests {
    @Test func escOnASaleDrawsTheCoresQuestionInBothLanguagesAndEnterAnswersIt() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.tea, 1)]), ui: Fixture.ui())
        keys.press(.escape)
        #expect(keys.state.confirmation == .cancelActivity(.sale))
        #expect(Fixture.render(keys.state, keys.ui).joined().contains("Cancel this sale?"))
        #expect(Fixture.render(keys.state, Fixture.ui(.zh)).joined().contains("取消这笔销售？"))
        keys.press(.enter)
        #expect(keys.sent.last == .confirmed)
        #expect(keys.state.activity == .idle)
    }

    @Test func theQuitKeyAsksTheCoreInsteadOfQuitting() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.tea, 1)]), ui: Fixture.ui())
        keys.press(.control("Q"))
        #expect(keys.sent == [.quitRequested])
        #expect(!keys.ui.quitRequested)
        #expect(Fixture.render(keys.state, keys.ui).joined().contains("Quit the till?"))
        var ui = keys.ui
        ui.absorb(.quitAllowed, lastSlip: nil)
        #expect(ui.quitRequested)
    }

    @Test func weighedLinesShowKilogramsAndTendersAreNumbered() {
        var state = Fixture.signedIn()
        let rice = CatalogItem(sku: "RICE-KG", barcodes: [], name: "Rice", price: Fixture.money(780), taxClassID: "VAT13", weighed: true)
        _ = Register.reduce(&state, .itemFound(rice, Fixture.vat, code: "RICE-KG", quantity: Quantity(thousandths: 350), lowestRecentPrice: nil), now: Fixture.now)
        _ = Register.reduce(&state, .tendered(.card, amount: Fixture.money(100), reference: "A1"), now: Fixture.now)
        let screen = Fixture.render(state, Fixture.ui()).joined(separator: "\n")
        #expect(screen.contains("0.350 kg"))
        #expect(screen.contains("1 card 1.00"))
    }

    @Test func thePriceKeyOverridesThePickedLineWithTheTypedPrice() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.tea, 1), (Fixture.mug, 1)]), ui: Fixture.ui())
        keys.ui.reconcile(with: keys.state)
        keys.press(.up, .up)  // the first line
        keys.type("20")
        keys.press(.control("T"))
        #expect(keys.sent.last == .priceOverridden(line: 1, Fixture.money(2000)))
        var other = Keyboard(state: Fixture.selling([(Fixture.tea, 1), (Fixture.mug, 1)]), ui: Fixture.ui())
        other.type("3")
        other.press(.control("D"))  // nothing picked: the last line
        #expect(other.sent.last == .lineDiscounted(line: 2, Fixture.money(300)))
    }

    @Test func theLegendNamesTheNewKeysInEnglishAndChinese() {
        let en = KeyMap.standard.legend(.en).map(\.label)
        let zh = KeyMap.standard.legend(.zh).map(\.label)
        for label in ["Park sale", "Recall", "Remove tender", "Search", "Price", "Discount"] { #expect(en.contains(label)) }
        for label in ["挂单", "取单", "撤销付款", "查找", "改价", "折扣"] { #expect(zh.contains(label)) }
    }
}
