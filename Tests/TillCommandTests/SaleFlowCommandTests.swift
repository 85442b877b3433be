import Foundation
import Testing

/// `till exec`'s words for issue 12: park, parked, recall, untender, search, quit, and cancel
/// asking first. Each run of `till exec` is a new process: a park survives it.
@Suite struct SaleFlowCommandTests {
    private func named(_ evs: [[String: Any]], _ name: String) -> [[String: Any]] {
        evs.filter { $0["event"] as? String == name }
    }

    @Test func aSaleParkedInOneRunIsRecalledInTheNextAndOnlyOnce() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let first = events(try till.run(["exec"], stdin: "signin 1001 1111\nscan TEA-JAS 2\nscan RICE-KG 0.350\npark\n").lines)
        let parked = try #require(named(first, "saleParked").first, "\(first)")
        #expect(parked["reference"] as? String == "P01-000001")
        #expect(parked["lines"] as? Int == 2)
        #expect(parked["total"] as? String == "52.73")

        let second = events(try till.run(["exec"], stdin: "signin 1001 1111\nparked\nrecall P01-000001\ncash 100\nrecall P01-000001\n").lines)
        let list = try #require(named(second, "parkedSales").first?["sales"] as? [[String: Any]], "\(second)")
        #expect(list.map { $0["reference"] as? String } == ["P01-000001"])
        #expect(named(second, "saleRecalled").count == 1)
        #expect(named(second, "saleCompleted").first?["total"] as? String == "52.73")
        #expect(named(second, "refused").last?["code"] as? String == "parked_sale_not_found")
        #expect(try till.run(["journal", "verify"]).status == 0)
    }

    @Test func cancelAsksFirstAndUntenderTakesTheCardOff() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let evs = events(try till.run(["exec"], stdin: """
            signin 1001 1111
            scan MUG-01
            card 5 AP1
            cancel
            untender
            cancel
            confirm
            quit
            """ + "\n").lines)
        #expect(named(evs, "refused").first?["code"] as? String == "tenders_taken")
        let removed = try #require(named(evs, "tenderRemoved").first)
        #expect(removed["tender"] as? String == "card" && removed["reverseOnTerminal"] as? Bool == true)
        #expect(named(evs, "confirmationNeeded").first?["question"] as? String == "cancel")
        #expect(named(evs, "cancelled").first?["what"] as? String == "sale")
        #expect(!named(evs, "quitAllowed").isEmpty)
        let csv = try till.run(["journal", "export", "--csv"]).stdout
        #expect(csv.contains("tenderRemoved: card 5.00 ref AP1"))
        #expect(csv.contains("saleCancelled: 1 line: MUG-01"))
    }

    @Test func searchListsMatchesWithPricesAndAddsNothing() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let evs = events(try till.run(["exec"], stdin: "signin 1001 1111\nsearch 茉莉\nsearch jasmine TEA\nsearch zzzz\nscan tea-jas\n").lines)
        let found = named(evs, "itemsFound")
        let first = try #require(found.first?["items"] as? [[String: Any]], "\(evs)")
        #expect(first.contains { $0["sku"] as? String == "TEA-JAS" && $0["price"] as? String == "25.00" })
        #expect(named(evs, "lineAdded").count == 1)  // only the scan, by a SKU in another case
        #expect(named(evs, "refused").contains { $0["code"] as? String == "no_items_match" })
    }
}
