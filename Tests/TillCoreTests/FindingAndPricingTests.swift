import Testing
@testable import TillCore

/// Items found by name, price overrides and discounts within a configurable amount, weighed
/// quantities shown with their unit.
@Suite struct FindingAndPricingTests {
    @Test func searchFindsBySubstringOfEitherNameAnyCaseAndBySKU() {
        var till = TestTill()
        till.signInAndOpenShift()
        for (query, expected) in [("jasmine", ["TEA"]), ("茉莉", ["TEA"]), ("MuG", ["MUG"]), ("大米", ["RICE"]), ("e", ["PEN", "RICE", "TEA", "TV"])] {
            till.send(.searchRequested(query))
            #expect(till.state.search?.results.map(\.sku) == expected, "\(query)")
        }
        till.send(.searchRequested("nothing-like-it"))
        #expect(till.lastRefusal == .noItemsMatch(query: "nothing-like-it"))
        #expect(till.state.search == nil)
        till.send(.searchRequested("   "))
        #expect(till.lastRefusal == .searchTextRequired)
    }

    /// Generated: every result matches, nothing that matches is left out (below the limit), and
    /// a SKU equal to the query comes first.
    @Test func searchResultsAreExactlyTheMatchesBestFirst() {
        var random = SeededRandom.fromEnvironment()
        let alphabet = Array("abAB茶米-1 ")
        for _ in 0..<300 {
            let items = (0..<random.int(in: 0...12)).map { n in
                CatalogItem(sku: String((0..<random.int(in: 1...4)).map { _ in random.pick(alphabet) }) + "\(n)",
                            barcodes: [], name: String((0..<random.int(in: 0...6)).map { _ in random.pick(alphabet) }),
                            price: Money(minor: 100, currency: .cny), taxClassID: "VAT13")
            }
            let query = String((0..<random.int(in: 1...2)).map { _ in random.pick(alphabet) })
            let results = ItemSearch.results(in: items, for: query)
            let q = query.trimmingSpaces.lowercased()
            let expected = q.isEmpty ? [] : items.filter { $0.sku.lowercased().contains(q) || $0.name.lowercased().contains(q) }
            #expect(Set(results.map(\.sku)) == Set(expected.map(\.sku)), "seed \(random.seed): \(query)")
            if let exact = expected.first(where: { $0.sku.lowercased() == q }) {
                #expect(results.first?.sku.lowercased() == exact.sku.lowercased(), "seed \(random.seed)")
            }
        }
    }

    @Test func pickingFromTheSearchAddsTheItemAndClosesTheList() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.searchRequested("tea"))
        till.send(.codeEntered(till.state.search!.results[0].sku, quantity: .each(2)))
        #expect(till.state.search == nil)
        guard case .selling(let draft) = till.state.activity else { Issue.record("no sale"); return }
        #expect(draft.lines.map(\.sku) == ["TEA"])
        #expect(draft.lines[0].quantity == .each(2))
    }

    private func clerkMayChangePrices() -> TestTill {
        var config = RegisterConfig()
        config.policy.permissions.table[.clerk]?.formUnion([.overridePrice, .discountLine])
        config.policy.priceChange = PriceChangePolicy(overrideApprovalAboveMinor: 500, discountApprovalAboveMinor: 300)
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        return till
    }

    @Test func withinTheAmountAHolderChangesThePriceAloneAboveItASupervisorApprovesExactlyThatChange() throws {
        var till = clerkMayChangePrices()
        till.send(.codeEntered("TEA", quantity: .each(2)))  // 2 × 25.00
        till.send(.priceOverridden(line: 1, till.cny(2300)))  // moves the line by 4.00
        guard case .selling(let draft) = till.state.activity else { Issue.record("no sale"); return }
        #expect(draft.lines[0].unitPrice == till.cny(2300))
        #expect(till.state.pendingApproval == nil)
        till.send(.priceOverridden(line: 1, till.cny(2000)))  // 10.00 off the catalog amount: over 5.00
        let pending = try #require(till.state.pendingApproval)
        #expect(pending.amount == till.cny(1000))
        #expect(pending.reason == .overLimit(limit: .priceOverride, limitAmount: till.cny(500), amount: till.cny(1000)))
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        guard case .selling(let after) = till.state.activity else { Issue.record("no sale"); return }
        #expect(after.lines[0].unitPrice == till.cny(2000))
        #expect(after.lines[0].approvedBy == "2001")
    }

    @Test func anApprovalAskedForOneDiscountDoesNotGrantAnother() {
        var till = clerkMayChangePrices()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.lineDiscounted(line: 1, till.cny(200)))
        #expect(till.state.pendingApproval == nil)
        till.send(.lineDiscounted(line: 1, till.cny(900)))
        #expect(till.state.pendingApproval?.amount == till.cny(900))
        // The clerk changes the sale while the supervisor is asked: the approval lapses.
        till.send(.quantityChanged(line: 1, .each(3)))
        #expect(till.state.pendingApproval == nil)
        guard case .selling(let draft) = till.state.activity else { Issue.record("no sale"); return }
        #expect(draft.lines[0].discount == till.cny(200))
    }

    @Test func aClerkWithoutThePermissionNeedsASupervisorForAnyChange() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.lineDiscounted(line: 1, till.cny(1)))
        #expect(till.state.pendingApproval?.reason == .lineDiscount)
        #expect(till.state.pendingApproval?.amount == till.cny(1))
    }

    @Test func weighedQuantitiesShowTheirUnitOnScreenAndSlip() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("RICE", quantity: Quantity(thousandths: 350)))
        guard case .selling(let draft) = till.state.activity else { Issue.record("no sale"); return }
        #expect(draft.lines[0].quantityText == "0.350 kg")
        till.send(.tendered(.cash, amount: nil, reference: nil))
        let text = PlainTextSlipRenderer.render(till.printed[0], columns: 42).joined(separator: "\n")
        #expect(text.contains("0.350 kg x 8.00"))
    }
}

/// The invariant behind the approval limits, over generated overrides, discounts, quantity
/// changes and supervisors who approve or not: in every completed sale, a line whose override
/// moves it by more than the limit, or whose discount is over the limit, names the supervisor
/// who approved it, and no line is worth less than nothing.
@Suite struct PriceChangeLimitPropertyTests {
    @Test func everyChangeOverTheLimitInACompletedSaleWasApprovedBySomeoneWhoMay() {
        var random = SeededRandom.fromEnvironment()
        let limit: Int64 = 500
        for round in 0..<200 {
            var config = RegisterConfig()
            config.policy.permissions.table[.clerk]?.formUnion([.overridePrice, .discountLine])
            config.policy.priceChange = PriceChangePolicy(overrideApprovalAboveMinor: limit, discountApprovalAboveMinor: limit)
            var till = TestTill(config: config)
            till.signInAndOpenShift()
            till.send(.codeEntered("TEA", quantity: .each(Int64(random.int(in: 1...3)))))
            till.send(.codeEntered("MUG", quantity: nil))
            for _ in 0..<random.int(in: 1...10) {
                let line = random.int(in: 1...2)
                switch random.int(in: 0...3) {
                case 0: till.send(.priceOverridden(line: line, till.cny(Int64(random.int(in: 0...4000)))))
                case 1: till.send(.lineDiscounted(line: line, till.cny(Int64(random.int(in: 0...3000)))))
                case 2: till.send(.quantityChanged(line: line, .each(Int64(random.int(in: 1...20)))))
                default: break
                }
                if till.state.pendingApproval != nil {
                    if random.int(in: 0...1) == 0 { till.send(.approverPINEntered(code: "2001", pin: "2222")) } else { till.send(.cancelled) }
                }
            }
            if till.state.pendingApproval != nil { till.send(.cancelled) }
            till.send(.tendered(.cash, amount: nil, reference: nil))
            guard case .sale(let sale, _)? = till.records.last(where: { if case .sale = $0 { return true } else { return false } }) else {
                Issue.record("seed \(random.seed) round \(round): no sale \(till.refusals)")
                return
            }
            for line in sale.lines {
                #expect(line.amount.minor >= 0, "seed \(random.seed) round \(round): line \(line.lineNo)")
                if line.originalUnitPrice != nil,
                   RegisterState.overrideMoves(line, price: line.unitPrice, quantity: line.quantity).minor > limit {
                    #expect(line.approvedBy == "2001", "seed \(random.seed) round \(round): override on line \(line.lineNo) unapproved")
                }
                if line.discount.minor > limit {
                    #expect(line.approvedBy == "2001", "seed \(random.seed) round \(round): discount on line \(line.lineNo) unapproved")
                }
            }
        }
    }
}
