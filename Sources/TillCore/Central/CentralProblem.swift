/// Why a refund of a sale made elsewhere (or checked centrally) cannot go on: the core refuses
/// with it (`Refusal.central`). Each names where the sale was made and what to do; none says
/// "invalid" or "not found" when the truth is "cannot be checked right now".
public enum CentralProblem: Hashable, Sendable, Codable {
    /// Another till's or shop's receipt, and no central journal is configured to find it in.
    case notConfigured(sale: DocumentKey, ownShop: ShopCode)
    /// The look-up of `sale` failed.
    case lookUp(sale: DocumentKey, ownShop: ShopCode, CrossTillFailure, utcOffsetSeconds: Int64)
    /// The central check of the refund (its reservation) failed or refused it.
    case reservation(sale: DocumentKey, ownShop: ShopCode, CrossTillFailure, utcOffsetSeconds: Int64)
    /// A key other than Esc while the central journal has not answered yet.
    case stillWaiting(sale: DocumentKey, ownShop: ShopCode)
    /// The offline policy does not allow this unverified refund (`limitMinor` nil: offline refunds are off).
    case offlineNotAllowed(sale: DocumentKey, ownShop: ShopCode, limit: LimitKind?, limitAmount: Money?, amount: Money)

    public var code: String {
        switch self {
        case .notConfigured: return "central_not_configured"
        case .lookUp(_, _, let failure, _), .reservation(_, _, let failure, _):
            switch failure {
            case .unreachable: return "central_unreachable"
            case .timedOut: return "central_timeout"
            case .notFound: return "central_sale_not_found"
            case .refused: return "central_refused"
            case .alreadyReturned: return "already_returned_elsewhere"
            case .outsideLedger: return "outside_central_ledger"
            case .forgedReservation: return "central_reservation_forged"
            case .damaged: return "central_answer_damaged"
            case .refundNumberTaken: return "central_refund_number_taken"
            }
        case .stillWaiting: return "central_waiting"
        case .offlineNotAllowed: return "offline_refund_not_allowed"
        }
    }

    /// "till 02" in this shop, "till 02 of shop 0003" in another.
    static func place(_ sale: DocumentKey, _ own: ShopCode) -> LocalizedText {
        sale.shop == own ? LocalizedText(en: "till \(sale.till)", zh: "\(sale.till) 号收银台")
            : LocalizedText(en: "till \(sale.till) of shop \(sale.shop)", zh: "\(sale.shop) 号门店的 \(sale.till) 号收银台")
    }

    static func place(shop: ShopCode, till: String, _ own: ShopCode) -> LocalizedText {
        place(DocumentKey(shop: shop, number: DocumentNumber(kind: .refund, till: till, sequence: 1)), own)
    }

    public var message: LocalizedText {
        switch self {
        case .notConfigured(let sale, let own):
            let at = Self.place(sale, own)
            return LocalizedText(en: "Sale \(sale.number) was made at \(at.en), and this till has no central journal to look it up in.",
                                 zh: "销售 \(sale.number) 是在\(at.zh)完成的，本收银台未配置中央日志，无法查询。")
        case .lookUp(let sale, let own, let failure, let offset):
            let at = Self.place(sale, own)
            return Self.failureText(failure, own: own, offset: offset,
                                    lead: LocalizedText(en: "Sale \(sale.number) was made at \(at.en)", zh: "销售 \(sale.number) 是在\(at.zh)完成的"))
        case .reservation(let sale, let own, let failure, let offset):
            let at = Self.place(sale, own)
            return Self.failureText(failure, own: own, offset: offset,
                                    lead: LocalizedText(en: "The refund of sale \(sale.number) (made at \(at.en)) could not be checked centrally",
                                                        zh: "销售 \(sale.number)（在\(at.zh)完成）的退款无法在中央日志核对"))
        case .stillWaiting(let sale, _):
            return LocalizedText(en: "The central journal has not answered about sale \(sale.number) yet.",
                                 zh: "中央日志尚未回复销售 \(sale.number) 的查询。")
        case .offlineNotAllowed(let sale, let own, let limit, let limitAmount, let amount):
            let at = Self.place(sale, own)
            guard let limit, let limitAmount else {
                return LocalizedText(en: "Sale \(sale.number) was made at \(at.en), the central journal cannot be reached, and refunds it cannot check are off ([central] offline_refunds).",
                                     zh: "销售 \(sale.number) 是在\(at.zh)完成的，中央日志无法连接，且未开启离线退款（[central] offline_refunds）。")
            }
            let which = limit == .perRefund ? LocalizedText(en: "one unverified refund", zh: "单笔未核实退款")
                : LocalizedText(en: "this shift's unverified refunds", zh: "本班次未核实退款合计")
            return LocalizedText(en: "The central journal cannot be reached, and \(which.en) may be at most \(limitAmount.formatted) (this makes \(amount.formatted)).",
                                 zh: "中央日志无法连接，\(which.zh)最多 \(limitAmount.formatted)（此次合计 \(amount.formatted)）。")
        }
    }

    private static func failureText(_ failure: CrossTillFailure, own: ShopCode, offset: Int64, lead: LocalizedText) -> LocalizedText {
        switch failure {
        case .unreachable(let detail):
            return LocalizedText(en: "\(lead.en), and the central journal cannot be reached (\(detail)).",
                                 zh: "\(lead.zh)，且中央日志无法连接（\(detail)）。")
        case .timedOut(let ms):
            return LocalizedText(en: "\(lead.en), and the central journal did not answer within \(ms) ms.",
                                 zh: "\(lead.zh)，且中央日志在 \(ms) 毫秒内没有回应。")
        case .notFound:
            return LocalizedText(en: "\(lead.en), and the central journal has no such sale (yet).",
                                 zh: "\(lead.zh)，但中央日志中（尚）无此销售。")
        case .refused(let detail):
            return LocalizedText(en: "\(lead.en): the central journal refused it (\(detail)).",
                                 zh: "\(lead.zh)：中央日志拒绝了请求（\(detail)）。")
        case .outsideLedger(let violation):
            return LocalizedText(en: "\(lead.en): \(violation.message.en)", zh: "\(lead.zh)：\(violation.message.zh)")
        case .forgedReservation(let key):
            return LocalizedText(en: "\(lead.en): the central journal holds refund reservation \(key), whose signature does not verify under its till's central key (it was written or changed in the database, not by that till).",
                                 zh: "\(lead.zh)：中央日志中的退款预留 \(key) 的签名无法用其收银机的中央密钥验证（它是在数据库中被写入或改动的，并非由该收银机）。")
        case .damaged(let what):
            return LocalizedText(en: "\(lead.en), but the central journal's record of it is damaged: \(what.en).",
                                 zh: "\(lead.zh)，但中央日志中该记录已损坏：\(what.zh)。")
        case .refundNumberTaken(let number, let shop):
            return LocalizedText(en: "\(lead.en): the central journal already holds a different \(number) of shop \(shop).",
                                 zh: "\(lead.zh)：中央日志中已有 \(shop) 号门店另一张编号为 \(number) 的单据。")
        case .alreadyReturned(let c):
            let at = place(shop: c.shop, till: c.till, own)
            let when = c.at.localText(utcOffsetSeconds: offset)
            return LocalizedText(en: "\(c.item): only \(c.remaining) of it is left to refund (asked \(c.asked)); it was already returned at \(at.en) by clerk \(c.clerk) at \(when) (refund \(c.refund)).",
                                 zh: "\(c.item)：可退数量仅剩 \(c.remaining)（申请 \(c.asked)）；已于 \(when) 在\(at.zh)由收银员 \(c.clerk) 退过（退款单 \(c.refund)）。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .notConfigured(let sale, let own):
            let at = Self.place(sale, own)
            return LocalizedText(en: "Refund it at \(at.en), or set [central] url in the configuration; without the receipt, use a return without receipt.",
                                 zh: "请到\(at.zh)办理退款，或在配置中设置 [central] url；也可按无收据退货处理。")
        case .lookUp(_, _, let failure, _), .reservation(_, _, let failure, _):
            switch failure {
            case .unreachable, .timedOut:
                return LocalizedText(en: "Check the network and the central server, then try again; a supervisor may allow an unverified refund if [central] offline_refunds is on, or use a return without receipt.",
                                     zh: "请检查网络和中央服务器后重试；如已开启 [central] offline_refunds，主管可批准未核实退款，或按无收据退货处理。")
            case .notFound:
                return LocalizedText(en: "Check the receipt number; if the sale is recent, wait until its till has sent it and try again.",
                                     zh: "请核对收据号；如是刚完成的销售，请待其收银台上传后重试。")
            case .refused:
                return LocalizedText(en: "Tell a supervisor: the central journal must be repaired before this sale can be refunded.",
                                     zh: "请通知主管：须先修复中央日志才能退此笔销售。")
            case .forgedReservation:
                return LocalizedText(en: "Tell a supervisor: the administrator must find who writes to central_refund_reservation and remove the forged row; this sale cannot be refunded with receipt until then.",
                                     zh: "请通知主管：管理员须查明是谁写入了 central_refund_reservation 并删除伪造的记录；在此之前此笔销售不能凭收据退款。")
            case .alreadyReturned, .outsideLedger:
                return LocalizedText(en: "Refund only what is left (the screen shows it), or ask a supervisor to look at the earlier refund.",
                                     zh: "请只退剩余数量（屏幕有显示），或请主管核查之前的退款。")
            case .refundNumberTaken:
                return LocalizedText(en: "Nothing was refunded. Check [till] id and [shop] code in the configuration: two tills must not share a number; if this till's journal was replaced, tell a supervisor.",
                                     zh: "未办理任何退款。请检查配置中的 [till] id 和 [shop] code：两台收银台不能同号；如本机日志被更换过，请通知主管。")
            case .damaged:
                return LocalizedText(en: "Nothing was refunded. Tell a supervisor: the central database's rows for this sale (its entries and refund reservations) must be checked and repaired before it can be refunded.",
                                     zh: "未办理任何退款。请通知主管：须先核查并修复中央数据库中此笔销售的记录（其日志条目和退款预留）才能退款。")
            }
        case .stillWaiting:
            return LocalizedText(en: "Wait a moment for the answer, or press Esc to stop.", zh: "请稍候回复，或按 Esc 取消。")
        case .offlineNotAllowed(_, _, let limit, _, _):
            return limit == nil
                ? LocalizedText(en: "Try again when the central journal is back, or use a return without receipt.",
                                zh: "请在中央日志恢复后重试，或按无收据退货处理。")
                : LocalizedText(en: "Refund less now, or wait until the central journal is back.", zh: "请减少退款金额，或等中央日志恢复后再办理。")
        }
    }
}
