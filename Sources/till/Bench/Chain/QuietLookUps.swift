import Foundation
import TillCentral

/// The chain benchmark's quiet figure: after the load, with the selling tills stopped and the
/// watch ended, one more real `till exec` process looks up other tills' sales one at a time,
/// each beside a `SELECT 1` on the benchmark's own connection taken just before it. It separates
/// what a look-up costs from the 2-core contention the loaded figure includes.
struct QuietLookUps {
    struct Figures {
        var lookUps: [UInt64] = []
        var peers: [UInt64] = []
    }

    let binary: String
    let folder: String
    let shop: String
    let centralURL: String
    let settings: CentralSettings
    let id: String
    let samples: Int

    /// `receipts`: sales of the selling tills, seen centrally. The first look-up is a warm-up
    /// (the new till's connection and schema check), not counted.
    func run(receipts: [String]) throws -> Figures {
        var figures = Figures()
        guard !receipts.isEmpty else { return figures }
        let till = try ChainTill(binary: binary, id: id, folder: folder, shop: shop, centralURL: centralURL)
        defer { till.stop() }
        try till.send("signin 2001 222222\n")
        let signedIn = try till.answer(["signedIn"])
        guard signedIn.name == "signedIn" else { throw ChainTill.Stopped(description: "the quiet till refused the sign-in: \(signedIn.fields)") }
        try till.send("shift 500\n")
        _ = try till.answer(["shiftOpened"])
        let connection = CentralConnection(settings: settings)
        defer { _ = try? Blocking.wait { await connection.drop() } }
        for n in 0...samples {
            let receipt = receipts[n % receipts.count]
            let peer = try Blocking.wait {
                try await connection.run { db, logger in
                    let started = ChainRecord.now()
                    _ = try await db.query("SELECT 1", logger: logger).collect()
                    return ChainRecord.now() - started
                }
            }
            let start = ChainRecord.now()
            try till.send("refund\nreceipt \(receipt)\n")
            let found = try till.answer(["saleFound"])
            let end = ChainRecord.now()
            guard found.name == "saleFound" else {
                throw ChainTill.Stopped(description: "the quiet till did not find \(receipt): \(found.fields)")
            }
            if n > 0 {
                figures.lookUps.append(end - start)
                figures.peers.append(peer)
            }
            try till.reset()
        }
        return figures
    }
}
