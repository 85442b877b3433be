import TillCore
import TillPorts

/// What the PostgreSQL store refuses on its own (the shared money rules refuse with
/// `AppendRefusal`, the connection fails with `CentralFailure`).
public enum PostgresStoreFailure: Error, Hashable, Sendable {
    case unreadable(what: String)
    case userExists(code: String)
    case userNotFound(code: String)
    case unknownTaxClass(sku: String, taxClass: String)
    case barcodeTaken(code: String, owner: String, sku: String)
    case slipNotFound(reference: String)
    case entryBeforeLast(at: Timestamp, last: Timestamp)
    case shiftNotFound(till: String, shift: Int64)
}

extension PostgresStoreFailure: StoreFailure {
    public var code: String { "pg_store_" + ProblemCode.caseName(of: self) }

    public var message: LocalizedText {
        switch self {
        case .unreadable(let what):
            return t("The PostgreSQL store holds \(what) that cannot be read.", "PostgreSQL 存储中的\(what)无法读取。")
        case .userExists(let code): return t("A user with code \(code) already exists.", "代码为 \(code) 的用户已存在。")
        case .userNotFound(let code): return t("There is no user with code \(code).", "没有代码为 \(code) 的用户。")
        case .unknownTaxClass(let sku, let taxClass):
            return t("Item \(sku) names tax class \(taxClass), which is not defined.", "商品 \(sku) 的税类 \(taxClass) 未定义。")
        case .barcodeTaken(let code, let owner, let sku):
            return t("Barcode \(code) belongs to item \(owner); saving item \(sku) with it would take it away unseen.",
                     "条码 \(code) 属于商品 \(owner)；保存商品 \(sku) 会在不知不觉中将其夺走。")
        case .slipNotFound(let reference): return t("No slip \(reference) is stored.", "没有存储单据 \(reference)。")
        case .shiftNotFound(let till, let shift):
            return t("Shift \(shift) of till \(till) is not in the store.", "存储中没有收银台 \(till) 的班次 \(shift)。")
        case .entryBeforeLast(let at, let last):
            return t("An entry dated \(at.seconds) would follow one dated \(last.seconds).", "时间为 \(at.seconds) 的记录早于其前一条（\(last.seconds)）。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .unreadable:
            return t("Have an admin compare the store with the till's journal (`till journal verify`).",
                     "请管理员将该存储与收银台日志核对（`till journal verify`）。")
        case .userExists: return t("Choose another code, or change the existing user.", "请换一个代码，或修改现有用户。")
        case .userNotFound: return t("Check the code, or add the user first.", "请核对代码，或先添加该用户。")
        case .unknownTaxClass: return t("Define the tax class first, or correct the item's tax class.", "请先定义该税类，或更正商品的税类。")
        case .barcodeTaken:
            return t("Remove the barcode from the other item first, or import with --reassign-barcodes to move it.",
                     "请先从另一商品移除该条码，或使用 --reassign-barcodes 导入以转移条码。")
        case .slipNotFound: return t("Check the document number (for example S01-000123).", "请核对单据号（例如 S01-000123）。")
        case .shiftNotFound: return t("Open a shift first, or check the shift number.", "请先开班，或核对班次号。")
        case .entryBeforeLast: return t("Set the till's clock right, then try again.", "请校正收银台时钟后重试。")
        }
    }
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
