import Foundation
import TillCore
import TillPorts

/// Everything the journal can refuse or fail at. Each case names its cause and a remedy in English
/// and Chinese, because a shop assistant or technician may meet it on the screen or in the CLI.
public enum JournalError: Error, Hashable, Sendable {
    // Opening the database
    case folderNotCreatable(folder: String, cause: String)
    case notWritable(path: String, cause: String)
    case cannotOpen(path: String, cause: String)
    case notADatabase(path: String)
    case notATillJournal(path: String)
    case newerSchema(path: String, unknownMigrations: [String])
    case unkeyedJournal(path: String)

    // The key file and the anchor
    case keyFileUnreadable(path: String, cause: String)
    case keyFileMissing(path: String, journal: String)
    case keyFileMismatch(path: String, journal: String)
    case anchorFileUnreadable(path: String, cause: String)
    case behindAnchor(path: String, entries: Int64, anchor: JournalAnchor)
    case anchorMismatch(path: String, anchor: JournalAnchor)

    // Appending (defence in depth behind the core's own rules)
    /// A rule every store checks in its write transaction refused the record (`AppendRules`): its
    /// code, cause and remedy are the refusal's, the same whatever engine stores the record.
    case refused(AppendRefusal)
    case shiftNotFound(till: String, shift: Int64)
    case unreadableEntry(seq: Int64, cause: String)
    /// A record whose amounts the core cannot add without trapping (`JournalRecord.amountProblem`:
    /// a mixed currency, an amount beyond `ValueLimits`, a sum beyond Int64): read back from entry
    /// `seq`, or (seq nil) handed to the journal to append and refused.
    case amountsUncountable(seq: Int64?, reference: String?, why: LocalizedText)
    /// Input checks the journal repeats before it stores or signs anything (InputGuards.swift).
    case textNotAllowed(character: String, text: String)
    case entryBeforeLast(at: Timestamp, last: Timestamp)
    case valueOutOfRange(what: String, value: String, range: String)
    case notEmptyForTestMark(path: String)

    // Storage failures while running
    case diskFull(path: String)
    case busy(path: String)
    case damaged(path: String, cause: String)
    case storageFailed(path: String, cause: String)

    // Catalog and users
    case unknownTaxClass(sku: String, taxClass: String)
    /// Saving `sku` would take barcode `code` away from item `owner` (not asked to reassign).
    case barcodeTaken(code: String, owner: String, sku: String)
    case pinFormat(role: String, minimum: Int)
    case userExists(code: String)
    case userNotFound(code: String)
    case slipNotFound(reference: String)

    // Files
    case fileNotReadable(path: String, cause: String)
    case fileNotWritable(path: String, cause: String)
    case catalogHeaderWrong(found: [String], expected: [String])
}

extension JournalError: LocalizedError {
    public var errorDescription: String? { message.en + " " + remedy.en }
}

extension JournalError {
    /// The stable code: the case's name (`disk_full`); a refusal's own (`refund_exceeds_sold`).
    public var code: String {
        if case .refused(let refusal) = self { return refusal.code }
        return ProblemCode.caseName(of: self)
    }

    /// What is wrong.
    public var message: LocalizedText {
        switch self {
        case .folderNotCreatable(let folder, let cause):
            return t("Cannot create the folder \(folder) for the journal: \(cause).", "无法为日志创建文件夹 \(folder)：\(cause)。")
        case .notWritable(let path, let cause):
            return t("The journal database \(path) cannot be written: \(cause).", "日志数据库 \(path) 无法写入：\(cause)。")
        case .cannotOpen(let path, let cause):
            return t("The journal database \(path) cannot be opened: \(cause).", "无法打开日志数据库 \(path)：\(cause)。")
        case .notADatabase(let path):
            return t("\(path) is not an SQLite database (or it is damaged).", "\(path) 不是 SQLite 数据库（或已损坏）。")
        case .notATillJournal(let path):
            return t("\(path) is an SQLite database, but not a till journal.", "\(path) 是 SQLite 数据库，但不是收银日志。")
        case .newerSchema(let path, let unknown):
            return t("The journal \(path) was written by a newer version of till (it has changes \(unknown.joined(separator: ", ")) this version does not know).",
                     "日志 \(path) 由更新版本的 till 写入（含本版本不认识的变更 \(unknown.joined(separator: ", "))）。")
        case .unkeyedJournal(let path):
            return t("The journal \(path) was written before the chain was keyed (an unkeyed SHA-256 chain that anyone can re-hash); this version does not continue it.",
                     "日志 \(path) 写于哈希链启用密钥之前（任何人都能重算的无密钥 SHA-256 链）；本版本不再续写它。")
        case .keyFileUnreadable(let path, let cause):
            return t("The journal key file \(path) cannot be used: \(cause).", "日志密钥文件 \(path) 无法使用：\(cause)。")
        case .keyFileMissing(let path, let journal):
            return t("The journal \(journal) has entries signed with a key, but its key file \(path) is missing.",
                     "日志 \(journal) 的记录已用密钥签名，但其密钥文件 \(path) 不存在。")
        case .keyFileMismatch(let path, let journal):
            return t("The key file \(path) does not belong to the journal \(journal) (or the journal's key mark was changed).",
                     "密钥文件 \(path) 不属于日志 \(journal)（或日志中的密钥标记被改动）。")
        case .anchorFileUnreadable(let path, let cause):
            return t("The journal anchor file \(path) cannot be read: \(cause).", "日志锚点文件 \(path) 无法读取：\(cause)。")
        case .behindAnchor(let path, let entries, let anchor):
            return t("The journal \(path) ends at entry \(entries), but its anchor says it reached entry \(anchor.count): entries \(entries &+ 1)…\(anchor.count) were cut off or wiped, and trading on would issue their numbers again.",
                     "日志 \(path) 止于第 \(entries) 条，但锚点表明它曾到第 \(anchor.count) 条：第 \(entries &+ 1)…\(anchor.count) 条被截断或清除，继续营业会重复使用这些单据号。")
        case .anchorMismatch(let path, let anchor):
            return t("Entry \(anchor.count) of the journal \(path) no longer has the hash its anchor recorded (\(anchor.hash)): the chain was rewritten.",
                     "日志 \(path) 的第 \(anchor.count) 条已不是锚点记录的哈希（\(anchor.hash)）：哈希链被重写。")
        case .shiftNotFound(let till, let shift):
            return t("Shift \(shift) of till \(till) is not in the journal.", "日志中没有收银台 \(till) 的班次 \(shift)。")
        case .unreadableEntry(let seq, let cause):
            return t("Journal entry \(seq) cannot be read: \(cause).", "日志条目 \(seq) 无法读取：\(cause)。")
        case .amountsUncountable(let seq?, let reference, let why):
            let named = reference.map { " (\($0))" } ?? ""
            return t("Journal entry \(seq)\(named) cannot be counted: \(why.en).", "日志条目 \(seq)\(named) 无法计算：\(why.zh)。")
        case .amountsUncountable(nil, let reference, let why):
            // Refused before it was stored: the shared rules' words (AppendRefusal), one text for every engine.
            return AppendRefusal.amountsUncountable(reference: reference, why: why).message
        case .textNotAllowed(let character, let text):
            return t("\"\(text)\" contains the control character \(character); the journal does not store it, and nothing was recorded.",
                     "“\(text)” 含有控制字符 \(character)；日志不予保存，本次未记录任何内容。")
        case .entryBeforeLast(let at, let last):
            return t("The till's clock says \(at.localText(utcOffsetSeconds: 0)) UTC, earlier than the journal's last entry at \(last.localText(utcOffsetSeconds: 0)) UTC: entries are never dated before earlier ones, so nothing was recorded.",
                     "收银机时钟为 UTC \(at.localText(utcOffsetSeconds: 0))，早于日志最后一条记录的时间 UTC \(last.localText(utcOffsetSeconds: 0))：记录不能早于之前的记录，本次未记录任何内容。")
        case .notEmptyForTestMark(let path):
            return t("The journal \(path) already has entries: only a new journal can be made a test journal.",
                     "日志 \(path) 已有记录：只有新日志才能设为测试日志。")
        case .valueOutOfRange(let what, let value, let range):
            return t("\(what) \(value) is out of range (\(range)); nothing was recorded.", "\(what) \(value) 超出范围（\(range)）；本次未记录任何内容。")
        case .diskFull(let path):
            return t("The disk holding the journal \(path) is full; nothing was recorded.", "日志 \(path) 所在的磁盘已满；本次未记录任何内容。")
        case .busy(let path):
            return t("The journal \(path) is locked by another program.", "日志 \(path) 被其他程序锁定。")
        case .damaged(let path, let cause):
            return t("The journal \(path) is damaged: \(cause).", "日志 \(path) 已损坏：\(cause)。")
        case .storageFailed(let path, let cause):
            return t("The journal \(path) could not be read or written: \(cause).", "无法读写日志 \(path)：\(cause)。")
        case .barcodeTaken(let code, let owner, let sku):
            return t("Barcode \(code) belongs to item \(owner); saving item \(sku) with it would take it away unseen.",
                     "条码 \(code) 属于商品 \(owner)；保存商品 \(sku) 会在不知不觉中将其夺走。")
        case .unknownTaxClass(let sku, let taxClass):
            return t("Item \(sku) names tax class \(taxClass), which is not defined.", "商品 \(sku) 使用的税类 \(taxClass) 未定义。")
        case .pinFormat(let role, let minimum):
            return t("A \(role)'s PIN must be \(minimum) to 8 digits.", "\(role) 的 PIN 必须是 \(minimum) 到 8 位数字。")
        case .userExists(let code):
            return t("A user with code \(code) already exists.", "代码为 \(code) 的用户已存在。")
        case .userNotFound(let code):
            return t("There is no user with code \(code).", "没有代码为 \(code) 的用户。")
        case .slipNotFound(let reference):
            return t("No slip \(reference) is in the journal.", "日志中没有单据 \(reference) 的小票。")
        case .fileNotReadable(let path, let cause):
            return t("Cannot read \(path): \(cause).", "无法读取 \(path)：\(cause)。")
        case .fileNotWritable(let path, let cause):
            return t("Cannot write \(path): \(cause).", "无法写入 \(path)：\(cause)。")
        case .catalogHeaderWrong(let found, let expected):
            return t("The catalog file's header is \"\(found.joined(separator: ","))\" but must be \"\(expected.joined(separator: ","))\".",
                     "商品目录文件的表头是 \"\(found.joined(separator: ","))\"，应为 \"\(expected.joined(separator: ","))\"。")
        case .refused(let refusal):
            // The shared rules' own words (TillPorts AppendRefusal): one text for every engine.
            return refusal.message
        }
    }

    /// What to do about it.
    public var remedy: LocalizedText {
        switch self {
        case .folderNotCreatable, .notWritable, .cannotOpen:
            return t("Check the folder's permissions or pass --db with a writable path.", "请检查文件夹权限，或用 --db 指定可写的路径。")
        case .notADatabase, .notATillJournal:
            return t("Pass --db with the path of the till journal, or restore the journal from its backup.",
                     "请用 --db 指定收银日志的路径，或从备份恢复日志。")
        case .newerSchema:
            return t("Install the newer version of till that wrote this journal; do not open it with an older one.",
                     "请安装写入此日志的较新版本 till；不要用旧版本打开。")
        case .unkeyedJournal:
            return t("Keep the file for the record (an older till can still verify and export it), move it aside, and start a new journal; the demo data is written again.",
                     "请保留该文件备查（旧版 till 仍可校验和导出），将其移开后开始新日志；演示数据会重新写入。")
        case .keyFileUnreadable:
            return t("Make the key file readable only by the till's user (chmod 600), or set journal.key_file to the right file.",
                     "请使密钥文件仅收银用户可读（chmod 600），或将 journal.key_file 设为正确的文件。")
        case .keyFileMissing, .keyFileMismatch:
            return t("Restore this journal's key file from its escrow copy (printed by `till journal key escrow`) to that path with mode 0600, or set journal.key_file; do not trade until then.",
                     "请从托管副本（`till journal key escrow` 打印的）把此日志的密钥文件恢复到该路径（权限 0600），或设置 journal.key_file；在此之前不要营业。")
        case .anchorFileUnreadable:
            return t("Make the anchor file readable by the till's user, or restore it; run `till journal verify` to see where the journal stands.",
                     "请使锚点文件可被收银用户读取，或恢复它；运行 `till journal verify` 查看日志状态。")
        case .behindAnchor, .anchorMismatch:
            return t("Stop trading: keep the file, restore the journal from its backup, run `till journal verify` and have an admin investigate.",
                     "请停止营业：保留文件，从备份恢复日志，运行 `till journal verify` 并交由管理员调查。")
        case .shiftNotFound:
            return t("Open a shift first, or check the shift number.", "请先开班，或核对班次号。")
        case .textNotAllowed:
            return t("Type the text again with letters, digits and punctuation only.", "请只用字母、数字和标点重新输入。")
        case .entryBeforeLast:
            return t("Set the system clock to the right time (for example `timedatectl set-ntp true`), then try again.",
                     "请将系统时钟调到正确时间（例如 `timedatectl set-ntp true`）后重试。")
        case .notEmptyForTestMark:
            return t("Pass --db with the path of a new file for the test journal.", "请用 --db 为测试日志指定一个新文件的路径。")
        case .valueOutOfRange:
            return t("Use a value within the range named above.", "请使用上述范围内的数值。")
        case .unreadableEntry, .amountsUncountable(_?, _, _):
            return t("Run `till journal verify` to find what was changed, and restore the journal from its backup.",
                     "请运行 `till journal verify` 查明改动，并从备份恢复日志。")
        case .amountsUncountable(nil, let reference, let why):
            return AppendRefusal.amountsUncountable(reference: reference, why: why).remedy
        case .diskFull:
            return t("Free space on the disk (or move the journal with --db), then try again.", "请释放磁盘空间（或用 --db 移动日志）后重试。")
        case .busy:
            return t("Close the other program using the journal (another till or report), then try again.",
                     "请关闭正在使用日志的其他程序（另一个收银程序或报表），然后重试。")
        case .damaged:
            return t("Stop selling, copy the journal file for the technician, and restore the journal from its backup.",
                     "请停止销售，为技术人员复制日志文件，并从备份恢复日志。")
        case .storageFailed:
            return t("Check the disk and the database file's permissions, then try again.", "请检查磁盘和数据库文件的权限后重试。")
        case .barcodeTaken:
            return t("Remove the barcode from the other item first, or import with --reassign-barcodes to move it.",
                     "请先从另一商品删除该条码，或用 --reassign-barcodes 导入以改归。")
        case .unknownTaxClass:
            return t("Define the tax class in the configuration first, or correct the item's tax class.",
                     "请先在配置中定义该税类，或更正商品的税类。")
        case .pinFormat(_, let minimum):
            return t("Choose a PIN of \(minimum) to 8 digits (0-9); [security] min_pin_length sets the minimum per role.",
                     "请设置 \(minimum) 到 8 位数字（0-9）的 PIN；[security] min_pin_length 按角色设置最短长度。")
        case .userExists:
            return t("Choose another code, or change the existing user.", "请换一个代码，或修改现有用户。")
        case .userNotFound:
            return t("Check the code, or add the user first.", "请核对代码，或先添加该用户。")
        case .slipNotFound:
            return t("Check the document number (for example S01-000123).", "请核对单据号（例如 S01-000123）。")
        case .fileNotReadable:
            return t("Check the path and the file's permissions.", "请检查路径和文件权限。")
        case .fileNotWritable:
            return t("Check the folder's permissions, or choose another output path.", "请检查文件夹权限，或选择其他输出路径。")
        case .catalogHeaderWrong:
            return t("Make the first line of the file exactly the expected column names, in that order.",
                     "请将文件第一行改为上述列名，顺序一致。")
        case .refused(let refusal):
            return refusal.remedy
        }
    }
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
