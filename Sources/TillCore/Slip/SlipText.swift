/// Fixed words printed on slips, in both languages.
enum SlipText {
    static let copyBanner = "COPY / 副本"
    static let trainingBanner = "TRAINING - NOT A RECEIPT / 培训 - 非正式收据"

    static func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

    static let receipt = t("RECEIPT", "收据")
    static let refund = t("REFUND", "退款")
    static let voidTitle = t("VOID", "作废")
    static let subtotal = t("Subtotal", "小计")
    static let tax = t("Tax", "税额")
    static let total = t("TOTAL", "合计")
    static let change = t("Change", "找零")
    static let rounding = t("Rounding", "舍入")
    static let roundingPaidMore = t("Cash rounding, paid out more", "现金舍入，多退")
    static let roundingPaidLess = t("Cash rounding, paid out less", "现金舍入，少退")
    static let approvedAmount = t("Amount approved", "批准金额")
    static let clerk = t("Clerk", "收银员")
    static let approvedBy = t("Approved by", "批准人")
    static let shift = t("Shift", "班次")
    static let originalReceipt = t("Original receipt", "原收据")
    static let soldOn = t("Sold on", "销售日期")
    static let reason = t("Reason", "原因")
    static let refundedTo = t("Refunded to", "退至")
    static let customer = t("Customer", "顾客")
    static let customerSignature = t("Customer signature", "顾客签名")
    static let keepForReturns = t("Keep this receipt for returns", "请保留收据以便退换")
    static let noReceipt = t("NO RECEIPT RETURN", "无收据退货")
    /// A refund given while the central journal could not check it (the offline policy).
    static let unverified = t("UNVERIFIED: CENTRAL CHECK PENDING", "未核实：待中央日志核对")
    static let voidedSale = t("Voided sale", "作废销售")
    static let returned = t("Returned", "退回")
    static let discount = t("Discount", "折扣")
    static let priceOverride = t("Price changed from", "原价")
    static let voidedLine = t("VOIDED", "已删除")
    static let sales = t("Sales", "销售")
    static let refunds = t("Refunds", "退款")
    static let voids = t("Post-voids", "作废")
    static let net = t("Net", "净额")
    static let byTender = t("By tender", "按支付方式")
    static let byClerk = t("By clerk", "按收银员")
    /// The journal anchor on X and Z reports: entries so far, then the head hash.
    static let journalAnchor = t("Journal entries", "日志条目数")
    static let opened = t("Opened", "开班")
    static let closed = t("Closed", "结班")
    static let printed = t("Printed", "打印时间")
    static let count = t("count", "笔数")
    static let cashExpected = t("Cash expected in drawer", "钱箱应有现金")
    static let openingFloat = t("Opening float", "备用金")
    static let xReport = t("X REPORT", "X 报表")
    static let zReport = t("Z REPORT", "Z 报表")
    static let till = t("Till", "收银机")
}
