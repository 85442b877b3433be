import Foundation
import TillCore
import TillEscPos

/// A 2×20 customer display in software: decodes the ESC/POS display commands a pole display
/// obeys into the grid of cells the customer would read. Bytes may arrive in any chunks (a
/// command split across two reads is finished by the next). Commands it does not know are
/// skipped, never a reason to stop: a real display ignores them too.
public struct VirtualCustomerDisplay: Sendable {
    public let profile: CustomerDisplayProfile
    /// Each cell holds one character; the right half of a wide (Chinese) one holds "".
    public private(set) var cells: [[String]]
    public private(set) var column = 0
    public private(set) var row = 0
    public private(set) var chineseMode = false
    private var codeTable: UInt8
    private var pending: [UInt8] = []

    public init(profile: CustomerDisplayProfile) {
        self.profile = profile
        cells = Array(repeating: Array(repeating: " ", count: profile.columns), count: profile.rows)
        codeTable = profile.codeTable
    }

    /// What the customer reads, one string per row.
    public var lines: [String] { cells.map { $0.joined() } }

    public mutating func receive(_ bytes: [UInt8]) {
        pending += bytes
        var i = 0
        while i < pending.count {
            guard let used = step(at: i) else { break }  // an unfinished command: wait for more
            i += used
        }
        pending.removeFirst(i)
        // A stream that never finishes its command cannot hold memory: a display's buffer is small too.
        if pending.count > 64 { pending.removeAll() }
    }

    /// Acts on the command or character at `i`; how many bytes it took, nil when incomplete.
    private mutating func step(at i: Int) -> Int? {
        let b = pending[i]
        func arg(_ k: Int) -> UInt8? { i + k < pending.count ? pending[i + k] : nil }
        switch b {
        case 0x1B:
            guard let c = arg(1) else { return nil }
            switch c {
            case 0x40: reset(); return 2
            case 0x74: guard let n = arg(2) else { return nil }; codeTable = n; return 3
            case 0x52, 0x3D: return arg(2) == nil ? nil : 3  // international set, peripheral select
            default: return 2
            }
        case 0x1F:
            guard let c = arg(1) else { return nil }
            switch c {
            case 0x24:
                guard let x = arg(2), let y = arg(3) else { return nil }
                if (1...profile.columns).contains(Int(x)), (1...profile.rows).contains(Int(y)) {
                    column = Int(x) - 1
                    row = Int(y) - 1
                }
                return 4
            case 0x42: column = 0; row = profile.rows - 1; return 2
            case 0x43, 0x45, 0x58, 0x72: return arg(2) == nil ? nil : 3  // cursor, blink, brightness, reverse
            default: return 2  // US MD1/MD2/MD3 and others: the modes this display keeps (overwrite)
            }
        case 0x1C:
            guard let c = arg(1) else { return nil }
            if c == 0x26, profile.chinese != nil { chineseMode = true }
            if c == 0x2E { chineseMode = false }
            return 2
        case 0x0C: clear(); return 1
        case 0x18: cells[row] = Array(repeating: " ", count: profile.columns); column = 0; return 1
        case 0x0B: column = 0; row = 0; return 1
        case 0x08: column = max(0, column - 1); return 1
        case 0x09: advance(1); return 1
        case 0x0A: row = (row + 1) % profile.rows; return 1
        case 0x0D: column = 0; return 1
        case 0x00..<0x20, 0x7F: return 1
        default:
            if chineseMode, b >= 0x81, let encoding = profile.chinese {
                guard let second = arg(1) else { return nil }
                let scalar = IconvDecoder(encoding: encoding)?.decode([b, second])?.first ?? "?"
                put(String(Character(scalar)))
                return 2
            }
            if b < 0x80 { put(String(UnicodeScalar(b))); return 1 }
            let encoding = codeTable == profile.codeTable ? profile.encoding : (CodePages.epsonStandard[codeTable] ?? "CP437")
            put(CodePages.table(encoding).map { String(Character($0.scalar(b))) } ?? "?")
            return 1
        }
    }

    private mutating func reset() {
        clear()
        chineseMode = false
        codeTable = profile.codeTable
    }

    private mutating func clear() {
        cells = Array(repeating: Array(repeating: " ", count: profile.columns), count: profile.rows)
        column = 0
        row = 0
    }

    /// Writes at the cursor (overwrite mode): past the right end the cursor goes to the next
    /// row's start, past the last row back to the top. A wide character that would not fit
    /// in the last column starts the next row.
    private mutating func put(_ character: String) {
        let width = max(1, DisplayWidth.of(character))
        if column + width > profile.columns { advance(profile.columns - column) }
        // Overwriting half of a wide character leaves a blank in its other half.
        for c in column..<(column + width) where cells[row][c] == "" && c > 0 { cells[row][c - 1] = " " }
        if column + width < profile.columns, cells[row][column + width] == "" { cells[row][column + width] = " " }
        cells[row][column] = character
        if width == 2 { cells[row][column + 1] = "" }
        advance(width)
    }

    private mutating func advance(_ n: Int) {
        column += n
        while column >= profile.columns {
            column -= profile.columns
            row = (row + 1) % profile.rows
        }
    }
}
