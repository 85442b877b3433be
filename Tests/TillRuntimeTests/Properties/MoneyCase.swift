import TillCore

/// One generated shop day: a configuration, a catalog, sales rung up by the admin, then steps
/// (refunds, returns without receipt, post-voids, X reports) by random people with random approvals.
struct MoneyCase: CustomStringConvertible {
    struct SaleLinePlan { var item: Int; var thousandths: Int64; var overrideMinor: Int64?; var discountMinor: Int64? }
    enum TenderPlan { case cash(extraMinor: Int64), card(String), storeCredit(String) }
    struct SalePlan { var lines: [SaleLinePlan]; var tenders: [(TenderPlan, percent: Int64)] }
    enum Quantity { case remaining, thousandths(Int64) }
    enum RefundTender { case original, cash, card(String?), storeCredit }
    enum Step {
        case refund(user: Int, sale: Int, lines: [(line: Int, Quantity)], tender: RefundTender, approver: Int?,
                    changeWhilePending: Bool)
        case blindReturn(user: Int, items: [(item: Int, thousandths: Int64)], tender: TenderKind, approver: Int?)
        case postVoid(user: Int, sale: Int, approver: Int?)
        case xReport(user: Int)
        /// A sale of `item` paid partly (`percent` of the due, 100: all it can) with an issued
        /// credit note (`note` picks one), or with its number misread by one digit.
        case redeem(item: Int, note: Int, percent: Int64, misread: Bool)
    }

    var config: RegisterConfig
    var items: [(CatalogItem, TaxClass)]
    var sales: [SalePlan]
    var steps: [Step]

    var description: String {
        "rounding \(config.cashRounding.increment), limits \(config.policy.refund.perRefundLimitMinor)/\(config.policy.refund.clerkShiftLimitMinor), "
            + "substitution \(config.policy.refund.substitution.decisions.map { "\($0.key.key)=\($0.value.rawValue)" }.sorted()), "
            + "permissions \(config.policy.permissions.table.mapValues { $0.map(\.rawValue).sorted() }), "
            + "items \(items.map { "\($0.0.sku) \($0.0.price.plain) \($0.1.id)\($0.0.weighed ? " kg" : "")" }), "
            + "sales \(sales.map { "\($0.lines.map { "\($0)" }) tenders \($0.tenders.map { "\($0)" })" }), steps \(steps.map { "\($0)" })"
    }

    /// People: index 0 is the admin who opens the shift and sells.
    static let people: [(User, String)] = [
        (User(code: "9001", name: "Admin", role: .admin), "999999"),
        (User(code: "1001", name: "Clerk Lin", role: .clerk), "1111"),
        (User(code: "1002", name: "Clerk Zhao", role: .clerk), "1212"),
        (User(code: "2001", name: "Supervisor Wang", role: .supervisor), "222222"),
        (User(code: "2002", name: "Supervisor Li", role: .supervisor), "232323"),
        (User(code: "3001", name: "Trainer Chen", role: .trainer), "3333"),
        (User(code: "4001", name: "Technician Liu", role: .technician), "4444"),
    ]

    static func generate(_ rng: inout SeededGenerator) -> MoneyCase {
        var config = RegisterConfig(utcOffsetSeconds: 8 * 3600)
        config.cashRounding = CashRounding(increment: rng.pick([1, 1, 5, 10, 50, 100]))
        config.policy.refund.perRefundLimitMinor = rng.pick([500, 5_000, 50_000, 1_000_000])
        config.policy.refund.clerkShiftLimitMinor = rng.pick([1_000, 20_000, 100_000, 10_000_000])
        config.policy.blindReturn.maximumMinor = rng.pick([2_000, 20_000, 200_000])
        config.policy.blindReturn.supervisorAboveMinor = rng.pick([0, 0, 1_000, 10_000])
        config.policy.blindReturn.tenders = rng.chance(0.5) ? [.storeCredit, .cash] : [.cash, .storeCredit, .card]
        for pair in TenderSubstitutionPolicy.Pair.all where rng.chance(0.5) {
            config.policy.refund.substitution.decisions[pair] = rng.pick(TenderSubstitutionPolicy.Decision.allCases)
        }
        if rng.chance(0.5) {
            for role in [Role.clerk, .supervisor, .trainer, .technician] {
                var set = config.policy.permissions.table[role] ?? []
                for permission in Permission.allCases {
                    if set.contains(permission), rng.chance(0.2) { set.remove(permission) }
                    else if !set.contains(permission), rng.chance(0.1) { set.insert(permission) }
                }
                config.policy.permissions.table[role] = set
            }
        }
        let items: [(CatalogItem, TaxClass)] = (0..<Int(rng.int(1...5))).map { i in
            let tax = TaxClass(id: "T\(i)", name: "Tax \(i)", rateBasisPoints: rng.pick([0, 600, 900, 1300, 2500]),
                               inclusive: rng.chance(0.6))
            let item = CatalogItem(sku: "SKU\(i)", barcodes: [], name: "Item \(i)",
                                   price: Money(minor: rng.int(1...60_000), currency: .cny), taxClassID: tax.id,
                                   returnable: rng.chance(0.9), weighed: rng.chance(0.3))
            return (item, tax)
        }
        let sales: [SalePlan] = (0..<Int(rng.int(1...3))).map { _ in
            let lines: [SaleLinePlan] = (0..<Int(rng.int(1...4))).map { _ in
                let item = rng.index(items.count)
                let weighed = items[item].0.weighed
                return SaleLinePlan(item: item, thousandths: weighed ? rng.int(1...5_000) : rng.int(1...4) * 1000,
                                    overrideMinor: rng.chance(0.2) ? rng.int(0...80_000) : nil,
                                    discountMinor: rng.chance(0.3) ? rng.int(0...30_000) : nil)
            }
            var tenders: [(TenderPlan, percent: Int64)] = []
            for _ in 0..<Int(rng.int(0...2)) {
                let plan: TenderPlan = rng.chance(0.6) ? .card(rng.pick(["AUTH-A", "AUTH-B"])) : .storeCredit("V-1")
                tenders.append((plan, rng.int(1...99)))
            }
            tenders.append((rng.chance(0.7) ? .cash(extraMinor: rng.pick([0, 0, 7, 1_000])) : .card("AUTH-C"), 100))
            return SalePlan(lines: lines, tenders: tenders)
        }
        let steps: [Step] = (0..<Int(rng.int(1...7))).map { _ in
            let user = Int(rng.int(1...Int64(people.count - 1)))
            // Mostly the supervisors (or the admin), sometimes anyone, sometimes nobody.
            let approver: Int? = rng.chance(0.8) ? (rng.chance(0.7) ? rng.pick([0, 3, 4]) : rng.index(people.count)) : nil
            switch rng.int(0...11) {
            case 0...5:
                let lines: [(line: Int, Quantity)] = (0..<Int(rng.int(1...3))).map { _ in
                    (Int(rng.int(0...3)), rng.chance(0.4) ? .remaining : .thousandths(rng.pick([500, 1000, 1000, 2000, 3000, 1234])))
                }
                let tender: RefundTender = rng.pick([.original, .original, .cash, .card(nil), .card("AUTH-B"), .card("OTHER"), .storeCredit])
                return .refund(user: user, sale: rng.index(sales.count + 3), lines: lines, tender: tender, approver: approver,
                               changeWhilePending: rng.chance(0.2))
            case 6, 7:
                let picked: [(item: Int, thousandths: Int64)] = (0..<Int(rng.int(1...2))).map { _ in
                    let item = rng.index(items.count)
                    return (item, items[item].0.weighed ? rng.int(1...2_000) : 1000)
                }
                return .blindReturn(user: user, items: picked, tender: rng.pick([.cash, .storeCredit, .card]), approver: approver)
            case 8:
                return .postVoid(user: user, sale: rng.index(sales.count), approver: approver)
            case 10, 11:
                return .redeem(item: rng.index(items.count), note: rng.index(4), percent: rng.pick([30, 100, 100, 150]),
                               misread: rng.chance(0.15))
            default:
                return .xReport(user: user)
            }
        }
        return MoneyCase(config: config, items: items, sales: sales, steps: steps)
    }

    /// Smaller cases: one step fewer, one sale line fewer, the permission table standard.
    func shrunk() -> [MoneyCase] {
        var out: [MoneyCase] = []
        for i in steps.indices {
            var smaller = self
            smaller.steps.remove(at: i)
            out.append(smaller)
        }
        for s in sales.indices where sales[s].lines.count > 1 {
            for l in sales[s].lines.indices {
                var smaller = self
                smaller.sales[s].lines.remove(at: l)
                out.append(smaller)
            }
        }
        if config.policy.permissions != .standard {
            var smaller = self
            smaller.config.policy.permissions = .standard
            out.append(smaller)
        }
        return out
    }
}
