import Testing
import TillCore

/// Every refusal a user can meet names its cause and its remedy, in English and Simplified
/// Chinese, whatever its values: generated refusals of every case (the generator's switch has
/// no `default`, so a new case does not compile here until it is generated too).
@Suite struct RefusalTextPropertyTests {
    @Test func everyRefusalRendersCauseAndRemedyInBothLanguages() {
        let failure = PropertyRun.check("refusal texts", cases: 3_000, baseSeed: 10_500_000,
                                        generate: RefusalGenerator.generate, shrink: { _ in [] }) { refusal in
            for lang in Language.allCases {
                let message = refusal.message(lang), remedy = refusal.remedy(lang)
                if message.filter { !$0.isWhitespace }.count < 4 { return "\(refusal.code): no cause in \(lang)" }
                if remedy.filter { !$0.isWhitespace }.count < 4 { return "\(refusal.code): no remedy in \(lang)" }
            }
            let chinese = { (s: String) in s.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
            if !chinese(refusal.message(.zh)) || !chinese(refusal.remedy(.zh)) { return "\(refusal.code): not in Chinese" }
            if refusal.code.isEmpty { return "\(refusal) has no code" }
            return nil
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func theGeneratorReachesEveryCase() {
        var rng = SeededGenerator(seed: 10_500_000)
        let reached = Set((0..<3_000).map { _ in RefusalGenerator.caseName(RefusalGenerator.generate(&rng)) })
        let cases = Set(RefusalGenerator.templates.map(RefusalGenerator.caseName))
        #expect(cases.count == RefusalGenerator.templates.count, "one template per case")
        #expect(reached == cases)
    }
}

/// Refusals of every case with generated values.
enum RefusalGenerator {
    static let money = Money(minor: 100, currency: .cny)
    /// One of each case (one per code); `vary` draws its values.
    static let templates: [Refusal] = [
        .receiptNotFound(reference: ""), .receiptCodeUnreadable(code: ""), .unknownItem(code: ""),
        .itemNoLongerSold(code: "", withdrawal: ItemWithdrawal(sku: "", name: "", revision: 0, by: "")),
        .barcodeCheckDigitWrong(code: "", expected: 0, found: 0), .lineNotFound(line: 0), .itemNotOnReceipt(item: "", receipt: ""),
        .quantityExceedsReturnable(item: "", asked: .one, remaining: .one), .alreadyFullyRefunded(receipt: ""),
        .windowExpired(soldOn: CivilDate(year: 2026, month: 1, day: 1), daysAgo: 0, windowDays: 0), .itemNotReturnable(item: ""),
        .saleWasVoided(receipt: ""), .nothingSelected, .reasonRequired, .unknownReason(code: "", known: []),
        .customerReferenceRequired, .blindReturnsDisabled, .overLimit(limit: .perRefund, limitAmount: money, amount: money),
        .tenderNotAllowed(tender: .cash, rule: .blindReturnTenders),
        .tenderSubstitutionRefused(paid: .cash, refunded: .card, otherCard: false, amount: money, available: money),
        .refundOutsideLedger(.saleVoided), .tenderExceedsDue(tender: .cash, amount: money, due: money), .cardReferenceRequired,
        .amountInvalid(text: ""), .quantityInvalid(text: ""), .fractionalQuantityNotAllowed(item: ""), .weightRequired(item: ""),
        .discountTooLarge(line: 0, discount: money, amount: money), .creditNote(.numberRequired), .cashCountRequired(expected: money),
        .supervisorRequired(reason: .postVoid), .notPermitted(role: .clerk, permission: .sell),
        .approverNotPermitted(user: "", role: .clerk), .approverLacksPermission(user: "", role: .clerk, permission: .sell),
        .wrongPIN(attemptsLeft: 0), .lockedOut(until: Timestamp(seconds: 0), secondsLeft: 0), .notSignedIn, .noOpenShift,
        .shiftAlreadyOpen(number: 0), .busy(current: .sale), .nothingInProgress, .slipRequired,
        .postVoidNotAllowed(receipt: "", why: .otherShift), .printerUnavailable(cause: .paperOut),
        .valueOutOfRange(value: .amount, text: "", currency: .cny), .textNotAllowed(field: .itemCode, character: ""),
        .currencyMismatch(expected: "", found: ""),
        .tendersTaken(count: 0), .nothingToPark, .parkedSaleNotFound(reference: "", parked: []), .noTenderToRemove,
        .tenderNotFound(number: 0, count: 0), .searchTextRequired, .noItemsMatch(query: ""),
        .cashCountInvalid(.totalTooLarge), .parkedSalesOpen([]),
        .central(.stillWaiting(sale: DocumentKey(shop: .standard, number: DocumentNumber(kind: .sale, till: "01", sequence: 1)), ownShop: .standard)),
    ]

    static func generate(_ rng: inout SeededGenerator) -> Refusal { vary(rng.pick(templates), &rng) }

    /// The case's name ("overLimit", "saleFlow.nothingToPark"), whatever its values.
    static func caseName(_ refusal: Refusal) -> String {
        if case .saleFlow(let flow) = refusal {
            return "saleFlow." + (Mirror(reflecting: flow).children.first?.label ?? "\(flow)")
        }
        return Mirror(reflecting: refusal).children.first?.label ?? "\(refusal)"
    }

    static func text(_ rng: inout SeededGenerator) -> String {
        rng.pick(["S01-000001", "TEA", "茉莉花茶", "x", "6901234567892", "P01-000002", "a b", "%", "0"])
    }
    static func int(_ rng: inout SeededGenerator) -> Int { Int(rng.int(0...1_000)) }
    static func amount(_ rng: inout SeededGenerator) -> Money {
        Money(minor: rng.int(0...10_000_000), currency: rng.pick([.cny, .eur]))
    }
    static func quantity(_ rng: inout SeededGenerator) -> Quantity { Quantity(thousandths: rng.int(0...100_000)) }

    /// The same case with generated values. No `default`: every case is listed.
    static func vary(_ refusal: Refusal, _ g: inout SeededGenerator) -> Refusal {
        switch refusal {
        case .receiptNotFound: return .receiptNotFound(reference: text(&g))
        case .receiptCodeUnreadable: return .receiptCodeUnreadable(code: String(repeating: "1", count: Int(g.int(0...30))))
        case .unknownItem: return .unknownItem(code: text(&g))
        case .itemNoLongerSold:
            return .itemNoLongerSold(code: text(&g), withdrawal: ItemWithdrawal(sku: text(&g), name: text(&g),
                                                                                  revision: Int64(int(&g)), by: text(&g)))
        case .barcodeCheckDigitWrong: return .barcodeCheckDigitWrong(code: text(&g), expected: int(&g) % 10, found: int(&g) % 10)
        case .lineNotFound: return .lineNotFound(line: int(&g))
        case .itemNotOnReceipt: return .itemNotOnReceipt(item: text(&g), receipt: text(&g))
        case .quantityExceedsReturnable: return .quantityExceedsReturnable(item: text(&g), asked: quantity(&g), remaining: quantity(&g))
        case .alreadyFullyRefunded: return .alreadyFullyRefunded(receipt: text(&g))
        case .windowExpired:
            return .windowExpired(soldOn: CivilDate(year: g.int(2000...2099), month: g.int(1...12), day: g.int(1...28)),
                                  daysAgo: g.int(0...4000), windowDays: g.int(0...365))
        case .itemNotReturnable: return .itemNotReturnable(item: text(&g))
        case .saleWasVoided: return .saleWasVoided(receipt: text(&g))
        case .nothingSelected, .reasonRequired, .customerReferenceRequired, .blindReturnsDisabled, .cardReferenceRequired,
             .notSignedIn, .noOpenShift, .nothingInProgress, .slipRequired:
            return refusal
        case .unknownReason: return .unknownReason(code: text(&g), known: (0..<int(&g) % 4).map { _ in text(&g) })
        case .overLimit:
            return .overLimit(limit: g.pick([.perRefund, .clerkPerShift, .blindReturnSupervisor, .blindReturnMaximum, .priceOverride, .lineDiscount]),
                              limitAmount: amount(&g), amount: amount(&g))
        case .tenderNotAllowed: return .tenderNotAllowed(tender: g.pick(TenderKind.allCases), rule: .blindReturnTenders)
        case .tenderSubstitutionRefused:
            return .tenderSubstitutionRefused(paid: g.pick(TenderKind.allCases), refunded: g.pick(TenderKind.allCases),
                                              otherCard: g.chance(0.5), amount: amount(&g), available: amount(&g))
        case .refundOutsideLedger:
            return .refundOutsideLedger(g.pick([.saleVoided, .lineNotOnSale(lineNo: int(&g)), .negativeAmount,
                                                .quantityExceedsRemaining(lineNo: int(&g), asked: quantity(&g), remaining: quantity(&g)),
                                                .lineAmountExceedsRemaining(lineNo: int(&g), asked: amount(&g), remaining: amount(&g)),
                                                .lineTaxExceedsRemaining(lineNo: int(&g), asked: amount(&g), remaining: amount(&g)),
                                                .tendersDoNotAddUp(tenders: amount(&g), total: amount(&g))]))
        case .tenderExceedsDue: return .tenderExceedsDue(tender: g.pick(TenderKind.allCases), amount: amount(&g), due: amount(&g))
        case .amountInvalid: return .amountInvalid(text: text(&g))
        case .quantityInvalid: return .quantityInvalid(text: text(&g))
        case .fractionalQuantityNotAllowed: return .fractionalQuantityNotAllowed(item: text(&g))
        case .weightRequired: return .weightRequired(item: text(&g))
        case .discountTooLarge: return .discountTooLarge(line: int(&g), discount: amount(&g), amount: amount(&g))
        case .creditNote:
            return .creditNote(g.pick([.numberRequired, .misread(text: text(&g)), .notANumber(text: text(&g)), .unknown(number: text(&g)),
                                       .exhausted(number: text(&g)), .overdrawn(number: text(&g), asked: amount(&g), balance: amount(&g)),
                                       .notOnSale(number: text(&g))]))
        case .cashCountRequired: return .cashCountRequired(expected: amount(&g))
        case .supervisorRequired:
            return .supervisorRequired(reason: g.pick([.overLimit(limit: .perRefund, limitAmount: amount(&g), amount: amount(&g)),
                                                       .tenderSubstitution(paid: g.pick(TenderKind.allCases), refunded: g.pick(TenderKind.allCases),
                                                                           otherCard: g.chance(0.5)),
                                                       .blindReturn, .postVoid, .priceOverride, .lineDiscount,
                                                       .lackingPermission(g.pick(Permission.allCases))]))
        case .notPermitted: return .notPermitted(role: g.pick(Role.allCases), permission: g.pick(Permission.allCases))
        case .approverNotPermitted: return .approverNotPermitted(user: text(&g), role: g.pick(Role.allCases))
        case .approverLacksPermission:
            return .approverLacksPermission(user: text(&g), role: g.pick(Role.allCases), permission: g.pick(Permission.allCases))
        case .wrongPIN: return .wrongPIN(attemptsLeft: int(&g) % 10)
        case .lockedOut:
            return .lockedOut(until: Timestamp(seconds: g.int(0...4_000_000_000)), secondsLeft: g.int(0...86_400),
                              utcOffsetSeconds: g.int(-12...14) * 3600)
        case .shiftAlreadyOpen: return .shiftAlreadyOpen(number: g.int(0...100_000))
        case .busy: return .busy(current: g.pick([.sale, .payment, .refund, .blindReturn, .postVoid, .approval, .lookup, .zReport]))
        case .postVoidNotAllowed:
            return .postVoidNotAllowed(receipt: text(&g), why: g.pick([.otherShift, .alreadyVoided, .hasRefunds, .training]))
        case .printerUnavailable:
            return .printerUnavailable(cause: g.pick([.paperOut, .coverOpen, .offline, .noAnswer, .stoppedAnswering, .notPrintedYet,
                                                      .linkLost(text(&g)), .notConfirmed(seconds: int(&g)), .other(text(&g))]))
        case .valueOutOfRange:
            return .valueOutOfRange(value: g.pick([.quantity, .amount, .total, .taxRate, .time]), text: text(&g), currency: g.pick([.cny, .eur]))
        case .textNotAllowed: return .textNotAllowed(field: g.pick(TextField.allCases), character: g.pick(["\u{7}", "\u{1B}", "\u{200B}"]))
        case .currencyMismatch: return .currencyMismatch(expected: g.pick(["CNY", "EUR"]), found: g.pick(["USD", "JPY"]))
        case .cashCountInvalid:
            return .cashCountInvalid(g.pick([.notADenomination(value: text(&g), allowed: (0..<int(&g) % 8).map { _ in text(&g) }),
                                             .pieceCountOutOfRange(g.int(-1_000...Int64.max)), .totalTooLarge,
                                             .negative(text(&g)), .wrongCurrency(found: g.pick(["USD", "JPY", ""]))]))
        case .central:
            let shops = ["0001", "0002", "9999"].compactMap(ShopCode.init(parsing:))
            let sale = DocumentKey(shop: g.pick(shops), number: DocumentNumber(kind: .sale, till: g.pick(["01", "02", "99"]), sequence: g.int(1...999_999)))
            let own = g.pick(shops), offset = g.int(-12...14) * 3600
            let failure: CrossTillFailure = g.pick([
                .unreachable(detail: text(&g)), .timedOut(milliseconds: g.int(0...30_000)), .notFound, .refused(detail: text(&g)),
                .alreadyReturned(ReturnConflict(item: text(&g), asked: quantity(&g), remaining: quantity(&g), refund: text(&g),
                                                shop: g.pick(shops), till: "02", clerk: text(&g), at: Timestamp(seconds: g.int(0...4_000_000_000)))),
                .outsideLedger(.saleVoided), .forgedReservation(key: text(&g)), .damaged(LocalizedText(en: text(&g), zh: text(&g))),
                .refundNumberTaken(number: text(&g), shop: g.pick(shops))])
            return .central(g.pick([.notConfigured(sale: sale, ownShop: own),
                                    .lookUp(sale: sale, ownShop: own, failure, utcOffsetSeconds: offset),
                                    .reservation(sale: sale, ownShop: own, failure, utcOffsetSeconds: offset),
                                    .stillWaiting(sale: sale, ownShop: own),
                                    .offlineNotAllowed(sale: sale, ownShop: own, limit: g.pick([nil, .perRefund]),
                                                       limitAmount: g.pick([nil, amount(&g)]), amount: amount(&g))]))
        case .parkedSalesOpen:
            return .parkedSalesOpen((0..<int(&g) % 4).map { _ in
                ParkedSaleSummary(ParkedSale(reference: text(&g), till: "01", parkedAt: Timestamp(seconds: g.int(0...4_000_000_000)),
                                             clerk: text(&g), draft: SaleDraft(startedAt: Timestamp(seconds: 0), currency: g.pick([.cny, .eur]))))
            })
        case .saleFlow(let flow):
            switch flow {
            case .tendersTaken: return .tendersTaken(count: 1 + int(&g) % 9)
            case .nothingToPark, .noTenderToRemove, .searchTextRequired: return refusal
            case .parkedSaleNotFound: return .parkedSaleNotFound(reference: text(&g), parked: (0..<int(&g) % 4).map { _ in text(&g) })
            case .tenderNotFound: return .tenderNotFound(number: int(&g), count: 1 + int(&g) % 9)
            case .noItemsMatch: return .noItemsMatch(query: text(&g))
            }
        }
    }
}
