import Foundation
import Testing
@testable import TillCore
import TillEscPos
@testable import TillVirtualPrinter

/// The customer display end to end: the content is a pure function of the core's state (two
/// lines of exactly 20 columns that agree with the sale), the encoder's bytes decode on the
/// virtual display to exactly those lines, however the link chops them, and no byte stream
/// can break the virtual display. Generated inputs; the seed is in every failure message.
@Suite struct CustomerDisplayTests {
    static let displays = Profiles.directory.replacingOccurrences(of: "/printers", with: "/displays")
    static let now = Timestamp(seconds: 1_800_000_000)
    static let vat = TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)
    static let names = ["Jasmine tea 茉莉花茶 250g", "电饭煲", "Ceramic mug", "A very long English item name indeed",
                        "Crème brûlée", "绿茶\u{7}tab\tname", "苹果 Apple"]

    static func profile(_ id: String) throws -> CustomerDisplayProfile {
        try CustomerDisplayProfile.load(file: displays + "/" + id + ".json")
    }

    static func signedIn() -> RegisterState {
        var state = RegisterState(config: RegisterConfig(utcOffsetSeconds: 8 * 3600))
        let clerk = User(code: "1001", name: "Lin", role: .clerk)
        let shift = ShiftRecord(number: 3, till: "01", openedAt: now, openedBy: clerk, openingFloat: .zero(.cny))
        _ = Register.reduce(&state, .started(shift: shift, sequences: DocumentSequences()), now: now)
        _ = Register.reduce(&state, .signedIn(clerk, refundedThisShift: .zero(.cny)), now: now)
        return state
    }

    /// Every state a generated sale passes through: items added, some voided, tendered in parts.
    static func saleStates(_ fuzz: inout StreamFuzzer) -> [RegisterState] {
        var state = signedIn()
        var states = [state]
        for i in 0..<(1 + fuzz.below(6)) {
            let name = names[fuzz.below(names.count)]
            let item = CatalogItem(sku: "SKU-\(i)", barcodes: [], name: name, price: Money(minor: Int64(1 + fuzz.below(2_000_000)), currency: .cny),
                                   taxClassID: "VAT13")
            _ = Register.reduce(&state, .itemFound(item, vat, code: item.sku, quantity: .each(Int64(1 + fuzz.below(12))), lowestRecentPrice: nil), now: now)
            states.append(state)
            if fuzz.below(4) == 0 { _ = Register.reduce(&state, .lineVoided(line: i + 1), now: now); states.append(state) }
        }
        while case .selling(let draft) = state.activity, draft.due.minor > 0, states.count < 40 {
            let part = fuzz.below(3) == 0 ? nil : Money(minor: Int64(1 + fuzz.below(Int(draft.due.minor) * 2)), currency: .cny)
            _ = Register.reduce(&state, .tendered(.cash, amount: part, reference: nil), now: now)
            states.append(state)
        }
        return states
    }

    @Test func theContentIsTwentyColumnsAndAgreesWithTheSaleInEveryState() throws {
        let seed: UInt64 = 14_2014
        var fuzz = StreamFuzzer(seed: seed)
        for run in 0..<300 {
            for state in Self.saleStates(&fuzz) {
                for (language, font) in [(Language.en, true), (.zh, true), (.zh, false)] {
                    let content = CustomerDisplayContent(state, language: language, chineseFont: font)
                    let where_ = "seed \(seed) run \(run) \(language) font \(font): \(content.lines)"
                    #expect(content.lines.count == 2, "\(where_)")
                    #expect(content.lines.allSatisfy { DisplayWidth.of($0) == 20 }, "\(where_)")
                    #expect(content.lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } }, "\(where_)")
                    if !font { #expect(content.lines.allSatisfy { !$0.unicodeScalars.contains { DisplayWidth.of($0) == 2 } }, "\(where_)") }
                    switch state.activity {
                    case .selling(let draft) where draft.tenders.isEmpty:
                        #expect(content.lines[1].hasSuffix(" " + draft.totals.gross.plain), "\(where_)")
                        if let last = draft.lines.last(where: { !$0.voided }) {
                            #expect(content.lines[0].hasSuffix(" " + last.amount.plain), "\(where_)")
                        }
                    case .selling(let draft):
                        #expect(content.lines[0].hasSuffix(" " + draft.paid.plain) && content.lines[1].hasSuffix(" " + draft.due.plain), "\(where_)")
                    case .idle where state.lastCompleted == nil:
                        #expect(content.lines[0].contains(language == .zh && font ? "欢迎光临" : "WELCOME"), "\(where_)")
                    case .idle:
                        let change = try #require(state.lastCompleted).change
                        #expect(content.lines[0].hasSuffix(" " + change.plain), "\(where_)")
                        #expect(content.lines[1].contains(language == .zh && font ? "谢谢惠顾" : "THANK YOU"), "\(where_)")
                    default:
                        Issue.record("unexpected activity \(state.activity)")
                    }
                }
            }
        }
    }

    @Test func duringARefundTheCustomerSeesTheAmountTheCoreWillRefund() throws {
        var state = Self.signedIn()
        let tea = CatalogItem(sku: "TEA", barcodes: [], name: "Jasmine tea 茉莉花茶", price: Money(minor: 2500, currency: .cny), taxClassID: "VAT13")
        _ = Register.reduce(&state, .itemFound(tea, Self.vat, code: "TEA", quantity: .each(3), lowestRecentPrice: nil), now: Self.now)
        var sale: SaleRecord?
        for case .record(.sale(let record, _)) in Register.reduce(&state, .tendered(.cash, amount: nil, reference: nil), now: Self.now) { sale = record }
        _ = Register.reduce(&state, .refundStarted, now: Self.now)
        #expect(CustomerDisplayContent(state, language: .en, chineseFont: false).lines[0].hasPrefix("REFUND"))
        _ = Register.reduce(&state, .saleLoaded(ReturnableSale(sale: try #require(sale), priorRefunds: [], voided: false)), now: Self.now)
        for n in 1...3 {
            _ = Register.reduce(&state, .refundQuantitySet(line: 1, .each(Int64(n))), now: Self.now)
            guard case .refunding(let draft) = state.activity else { Issue.record("not refunding"); return }
            let shown = CustomerDisplayContent(state, language: .zh, chineseFont: true).lines
            #expect(shown[0] == "退款" + String(repeating: " ", count: 16))
            #expect(shown[1].hasPrefix("退款金额") && shown[1].hasSuffix(" " + draft.chosenTotal(.cny).plain))
            #expect(draft.chosenTotal(.cny).minor == 2500 * Int64(n))
        }
    }

    @Test func encodedContentDecodesToTheSameLinesHoweverTheLinkChopsIt() throws {
        let seed: UInt64 = 20_261_201
        var fuzz = StreamFuzzer(seed: seed)
        for (id, font) in [("generic-vfd-gb18030", true), ("aures-ocd-300", false)] {
            let profile = try Self.profile(id)
            for run in 0..<150 {
                var display = VirtualCustomerDisplay(profile: profile)
                display.receive([0x41, 0x42, 0xE9, 0x0C, 0x1F])  // leftovers from whatever ran before
                var first = true
                for state in Self.saleStates(&fuzz) {
                    let content = CustomerDisplayContent(state, language: fuzz.below(2) == 0 ? .zh : .en, chineseFont: font)
                    // What cannot be shown is substituted, never dropped: the columns stay put.
                    #expect(content.lines.allSatisfy { DisplayWidth.of(CustomerDisplayEncoder.shown($0, profile)) == 20 })
                    var bytes = CustomerDisplayEncoder.show(content, profile)
                    if first { bytes = CustomerDisplayEncoder.reset(profile) + bytes; first = false }
                    let chunks = fuzz.below(3) == 0 ? bytes.map { [$0] } : fuzz.chunks(bytes)
                    for chunk in chunks { display.receive(chunk) }
                    #expect(display.lines == content.lines.map { CustomerDisplayEncoder.shown($0, profile) }, "seed \(seed) \(id) run \(run): \(bytes)")
                }
            }
        }
    }

    @Test func aDisplayWithoutAChineseFontIsSentNoDoubleByteCodes() throws {
        let profile = try Self.profile("aures-ocd-300")
        var state = Self.signedIn()
        let cooker = CatalogItem(sku: "RICECOOK", barcodes: [], name: "电饭煲", price: Money(minor: 39900, currency: .cny), taxClassID: "VAT13")
        _ = Register.reduce(&state, .itemFound(cooker, Self.vat, code: "RICECOOK", quantity: .each(1), lowestRecentPrice: nil), now: Self.now)
        let content = CustomerDisplayContent(state, language: .zh, chineseFont: profile.chinese != nil)
        // The Chinese-only name falls back to the SKU; the words to English.
        #expect(content.lines == ["RICECOOK      399.00", "TOTAL         399.00"])
        let bytes = CustomerDisplayEncoder.reset(profile) + CustomerDisplayEncoder.show(content, profile)
        #expect(!bytes.contains(0x1C))  // never FS & (Chinese mode)
        #expect(bytes.prefix(5) == [0x1B, 0x40, 0x1B, 0x74, 19])
    }

    @Test func anAmountTooWideForTheLineIsNeverShownCut() {
        for digits in 1...24 {
            let amount = String(repeating: "9", count: digits) + ".99"
            let line = CustomerDisplayContent.spread("TOTAL", amount)
            #expect(DisplayWidth.of(line) == 20)
            #expect(line.hasSuffix(" " + amount) || line == String(repeating: "#", count: 20), "\(line)")
        }
    }

    @Test func noByteStreamBreaksTheVirtualDisplay() throws {
        let seed: UInt64 = 99
        var fuzz = StreamFuzzer(seed: seed)
        let profile = try Self.profile("generic-vfd-gb18030")
        for run in 0..<2000 {
            var display = VirtualCustomerDisplay(profile: profile)
            for chunk in fuzz.chunks(fuzz.next()) { display.receive(chunk) }
            #expect(display.lines.count == 2 && display.lines.allSatisfy { DisplayWidth.of($0) == 20 }, "seed \(seed) run \(run)")
            #expect((0..<20).contains(display.column) && (0..<2).contains(display.row), "seed \(seed) run \(run)")
        }
    }

    @Test func shippedProfilesLoadAndAMisspeltFieldIsRefusedWithTheNearestName() throws {
        #expect(try Self.profile("generic-vfd-gb18030").chinese == "GB18030")
        #expect(try Self.profile("aures-ocd-300").chinese == nil)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("displays-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"schema": 1, "id": "bad", "name": "x", "codeTabel": 0, "encoding": "CP437"}"#.write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        #expect(throws: DisplayProfileError.self) { try CustomerDisplayProfile.load(file: dir + "/bad.json") }
        do { _ = try CustomerDisplayProfile.load(file: dir + "/bad.json") } catch {
            #expect(error.remedy.en.contains("\"codeTable\"") && error.message.zh.contains("codeTabel"))
        }
        do { _ = try CustomerDisplayProfile.named("aures-ocd300", in: Self.displays) } catch {
            #expect(error.remedy.en.contains("\"aures-ocd-300\""))
        }
    }
}
