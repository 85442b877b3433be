import Foundation
import Testing
@testable import TillCore

/// Issue 9 (robustness): every value has a documented range, input outside it is a specific
/// refusal, and no arithmetic reachable from input traps.
@Suite struct InputRangeTests {
    @Test func digitsAreOnlyASCIIDigits() {
        for text in ["１２", "٣", "1\u{301}", "1\u{301}.00", "12.3\u{0663}", "۵", "१", "1\u{FE0F}"] {
            guard case .failure(.notADigit(let character)) = DecimalText.check(text, scale: 2) else {
                Issue.record("\(text.unicodeScalars.map { $0.value }) was read as a number"); continue
            }
            #expect(DecimalText.Problem.notADigit(character: character).message.en.contains("is not a digit 0–9"))
            #expect(!DecimalText.Problem.notADigit(character: character).message.zh.isEmpty)
            #expect(Money(parsing: text, currency: .cny) == nil)
            #expect(Quantity(parsing: text) == nil)
        }
        #expect(DecimalText.check("-12.5", scale: 2) == .success(-1250))
        #expect(DecimalText.check("999999999999999999", scale: 0) == .success(999_999_999_999_999_999))
        #expect(DecimalText.check("9999999999999999999", scale: 0) == .failure(.tooManyDigits(maximum: 18)))
        #expect(DecimalText.check("1.2345", scale: 3) == .failure(.tooManyDecimals(maximum: 3)))
        #expect(DecimalText.check(" ", scale: 2) == .failure(.empty))
        #expect(Money(minor: .min, currency: .cny).formatted == "-¥92233720368547758.08") // no abs(Int64.min)
    }

    /// Any text at all: parsing never traps, and what it accepts is exactly ASCII digits with a sign.
    @Test func decimalTextNeverTrapsOnGeneratedText() {
        var random = SeededRandom.fromEnvironment()
        let alphabet: [String] = ["0", "1", "9", ".", "-", "+", " ", "\u{301}", "１", "٣", "\u{0}", "e", "9999999999"]
        for _ in 0..<5_000 {
            let text = (0..<random.int(in: 0...12)).map { _ in random.pick(alphabet) }.joined()
            let scale = random.int(in: 0...3)
            if case .success(let value) = DecimalText.check(text, scale: scale) {
                let plain = text.trimmingSpaces
                #expect(plain.unicodeScalars.allSatisfy { "0123456789.-+".unicodeScalars.contains($0) },
                        "seed \(random.seed): \(text) accepted as \(value)")
                #expect(DecimalText.format(value, scale: scale).count <= 20, "seed \(random.seed)")
            }
        }
    }

    @Test func fifteenDigitQuantityIsRefusedNotATrap() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: Quantity(parsing: "999999999999999")))
        guard case .valueOutOfRange(.quantity, _, _)? = till.lastRefusal else { Issue.record("\(till.refusals)"); return }
        #expect(till.lastRefusal?.code == "value_out_of_range")
        #expect(till.lastRefusal?.message(.en).contains("at most 99999.999") == true)
        #expect(till.lastRefusal?.message(.zh).contains("数量最多为") == true)
        // The open sale is untouched and still works.
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(till.sales.count == 1)
    }

    @Test func hugePriceOverrideAndAmountsAreRefused() {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.priceOverridden(line: 1, Money(parsing: "9999999999999.99", currency: .cny)!))
        #expect(till.lastRefusal == .valueOutOfRange(value: .amount, text: "9999999999999.99", currency: .cny))
        // Each line within range, but together past the sale's maximum total.
        till.send(.priceOverridden(line: 1, Money(minor: ValueLimits.maximumAmountMinor, currency: .cny)))
        till.send(.quantityChanged(line: 1, .each(2)))
        guard case .valueOutOfRange(.total, _, _)? = till.lastRefusal else { Issue.record("\(till.refusals)"); return }
        guard case .selling(let draft) = till.state.activity else { Issue.record("sale lost"); return }
        #expect(draft.lines[0].quantity == .one)
        till.send(.tendered(.cash, amount: Money(minor: Int64.max, currency: .cny), reference: nil))
        guard case .valueOutOfRange(.amount, _, _)? = till.lastRefusal else { Issue.record("\(till.refusals)"); return }
    }

    @Test func mixedCurrenciesAreRefusedByName() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.tendered(.cash, amount: Money(minor: 100, currency: .eur), reference: nil))
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.tendered(.cash, amount: Money(minor: 100, currency: .eur), reference: nil))
        #expect(till.lastRefusal == .currencyMismatch(expected: "CNY", found: "EUR"))
        till.add(CatalogItem(sku: "EURO", barcodes: [], name: "Euro item", price: Money(minor: 100, currency: .eur), taxClassID: "VAT13"))
        till.send(.codeEntered("EURO", quantity: nil))
        #expect(till.lastRefusal == .currencyMismatch(expected: "CNY", found: "EUR"))
        #expect(till.lastRefusal?.remedy(.zh).contains("till.currency") == true)
    }

    @Test func controlCharactersAreRefusedBeforeAnythingIsStored() {
        var till = TestTill()
        till.send(.signInRequested(code: "\u{0}", pin: "1111"))
        #expect(till.lastRefusal == .textNotAllowed(field: .userCode, character: "U+0000"))
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.tendered(.card, amount: nil, reference: "T\u{0}X"))
        #expect(till.lastRefusal == .textNotAllowed(field: .cardReference, character: "U+0000"))
        till.send(.tendered(.card, amount: nil, reference: "AUTH\u{202E}1"))
        #expect(till.lastRefusal == .textNotAllowed(field: .cardReference, character: "U+202E"))
        #expect(till.lastRefusal?.message(.en).contains("card reference") == true)
        #expect(till.lastRefusal?.message(.zh).contains("刷卡授权号") == true)
        #expect(till.sales.isEmpty)
        till.send(.tendered(.card, amount: nil, reference: "AUTH-1"))
        #expect(till.sales.count == 1)
    }

    @Test func aScannersLineEndAroundACodeIsNormalisedNotRefused() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("6901234567892\r\n", quantity: nil))
        till.send(.codeEntered("69012\r34567892", quantity: nil))
        #expect(till.refusals == [.textNotAllowed(field: .itemCode, character: "U+000D")])
        till.send(.tendered(.card, amount: nil, reference: "AUTH-7\n"))
        #expect(till.sales.values.first?.tenders.first?.reference == "AUTH-7")
    }

    @Test func theForbiddenSetIsControlsFormatsAndSeparators() {
        for value: UInt32 in [0x0, 0x9, 0xA, 0x1B, 0x7F, 0x85, 0x9F, 0xAD, 0x200E, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0x2029, 0xFEFF] {
            #expect(InputText.isForbidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for text in ["茉莉花茶", "Café", "👨\u{200D}👩", "A-1/2 #3", "e\u{301}"] {
            #expect(InputText.firstForbidden(in: text) == nil, "\(text)")
        }
    }

    /// Random actions with extreme and hostile values, from every state the sequence reaches:
    /// nothing traps, every refusal has both languages, nothing recorded holds a forbidden
    /// character or an amount out of range, and an open sale never totals past the maximum.
    @Test func generatedHostileActionsNeverTrapOrStoreBadValues() {
        var random = SeededRandom.fromEnvironment()
        let cases = 800
        let first = TestTill()
        var previous = first
        for _ in 0..<cases {
            // Each case a fresh till, over the journal the cases before it left (a till restarted).
            var till = TestTill(continuing: previous)
            previous = till
            till.signInAndOpenShift(random.pick(["1001", "2001"]))
            for _ in 0..<random.int(in: 1...25) {
                till.send(random.hostileAction())
                let violation = Self.violation(till)
                #expect(violation == nil, "seed \(random.seed): \(violation ?? "")")
                if violation != nil { return }
            }
        }
    }

    static func violation(_ till: TestTill) -> String? {
        for refusal in till.refusals where refusal.message(.en).isEmpty || refusal.message(.zh).isEmpty || refusal.remedy(.zh).isEmpty {
            return "refusal without text: \(refusal)"
        }
        if let refusal = till.state.totalRefusal() { return "state out of range: \(refusal)" }
        for record in till.records {
            let text = "\(record)"
            if let bad = InputText.firstForbidden(in: text) { return "recorded \(InputText.name(bad)): \(text)" }
            if case .sale(let sale, _) = record, !ValueLimits.contains(amount: sale.total) { return "sale total \(sale.total)" }
        }
        return nil
    }
}

/// SplitMix64: the seed comes from $TILL_TEST_SEED or is fresh, and is printed on failure.
struct SeededRandom {
    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64) { self.seed = seed; state = seed }

    static func fromEnvironment() -> SeededRandom {
        if let text = ProcessInfo.processInfo.environment["TILL_TEST_SEED"], let seed = UInt64(text) { return SeededRandom(seed: seed) }
        return SeededRandom(seed: UInt64.random(in: 1...UInt64.max))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[int(in: 0...(values.count - 1))] }

    mutating func int64() -> Int64 {
        pick([0, 1, -1, 999, 100_000, ValueLimits.maximumAmountMinor, ValueLimits.maximumAmountMinor + 1,
              99_999_999, 100_000_000, Int64.max, Int64.min, Int64.max / 1000, Int64(bitPattern: next())])
    }

    mutating func text() -> String {
        pick(["TEA", "MUG", "RICE", "TV", "6901234567892", "T\u{0}X", "A\u{202E}B", "\u{7F}", "1\u{301}", "１２", "S01-000001",
              "DAMAGED", "", "  ", "\u{FEFF}TEA", "茶"])
    }

    mutating func hostileAction() -> RegisterAction {
        let currency = pick([Currency.cny, .cny, .cny, .eur])
        let money = Money(minor: int64(), currency: currency)
        let quantity = Quantity(thousandths: int64())
        switch int(in: 0...13) {
        case 0: return .codeEntered(text(), quantity: pick([nil, quantity, .one]))
        case 1: return .quantityChanged(line: int(in: 1...3), quantity)
        case 2: return .priceOverridden(line: int(in: 1...3), money)
        case 3: return .lineDiscounted(line: int(in: 1...3), money)
        case 4: return .tendered(pick([.cash, .card, .storeCredit]), amount: pick([nil, money]), reference: pick([nil, text()]))
        case 5: return .refundStarted
        case 6: return .receiptEntered(text())
        case 7: return .refundQuantitySet(line: int(in: 1...3), quantity)
        case 8: return .reasonChosen(code: text())
        case 9: return .confirmed
        case 10: return .blindReturnStarted
        case 11: return .customerReferenceEntered(text())
        case 12: return .approverPINEntered(code: pick(["2001", text()]), pin: "2222")
        default: return .cancelled
        }
    }
}
