import TillGraphics

/// One decoded ESC/POS command. Text arrives as `.text` runs of raw bytes (decoded to Unicode
/// later, with the code page or double-byte mode in force at that point).
public enum EscPosCommand: Equatable, Sendable {
    case text([UInt8])
    case lineFeed                       // LF
    case carriageReturn                 // CR
    case horizontalTab                  // HT
    case initialize                     // ESC @
    case printMode(UInt8)               // ESC ! n
    case emphasized(Bool)               // ESC E n
    case doubleStrike(Bool)             // ESC G n
    case underline(Int)                 // ESC - n (0, 1, 2 dots)
    case justification(Int)             // ESC a n (0 left, 1 centre, 2 right)
    case font(Int)                      // ESC M n
    case codeTable(UInt8)               // ESC t n
    case internationalSet(UInt8)        // ESC R n
    case feedLines(Int)                 // ESC d n
    case feedDots(Int)                  // ESC J n
    case lineSpacing(Int?)              // ESC 3 n / ESC 2 (nil = default)
    case characterSpacing(Int)          // ESC SP n
    case upsideDown(Bool)               // ESC { n
    case rotate90(Bool)                 // ESC V n
    case drawerKick(pin: Int, onMs: Int, offMs: Int)   // ESC p m t1 t2, DLE DC4 1 m t
    case absolutePosition(Int)          // ESC $ nL nH
    case relativePosition(Int)          // ESC \ nL nH
    case tabStops([Int])                // ESC D … NUL
    case bitImage(Bitmap)               // ESC * m nL nH d…
    case characterSize(width: Int, height: Int)  // GS ! n
    case reverse(Bool)                  // GS B n
    case cut(partial: Bool, feedDots: Int)       // GS V m [n]
    case barcode(symbology: UInt8, data: [UInt8], functionB: Bool)   // GS k
    case barcodeHeight(Int)             // GS h n
    case barcodeModuleWidth(Int)        // GS w n
    case hriPosition(Int)               // GS H n
    case hriFont(Int)                   // GS f n
    case leftMargin(Int)                // GS L nL nH
    case printAreaWidth(Int)            // GS W nL nH
    case qrModel(Int)                   // GS ( k fn 65
    case qrModuleSize(Int)              // GS ( k fn 67
    case qrErrorLevel(UInt8)            // GS ( k fn 69
    case qrStore([UInt8])               // GS ( k fn 80
    case qrPrint                        // GS ( k fn 81
    case pdf417Store([UInt8])           // GS ( k cn 48 fn 80
    case pdf417Print                    // GS ( k cn 48 fn 81
    case pdf417Setting(function: UInt8, parameters: [UInt8])  // GS ( k cn 48 fn 65…70
    case raster(Bitmap, scaleX: Int, scaleY: Int)   // GS v 0
    case graphicsStore(Bitmap, scaleX: Int, scaleY: Int)   // GS ( L / GS 8 L fn 112
    case graphicsPrint                  // fn 50
    case nvDefine(key: [UInt8], Bitmap) // fn 67
    case nvPrint(key: [UInt8], scaleX: Int, scaleY: Int)   // fn 69
    case nvDeleteAll                    // fn 65
    case nvDelete(key: [UInt8])         // fn 66
    case legacyNVDefine([Bitmap])       // FS q
    case legacyNVPrint(index: Int, mode: Int)   // FS p n m
    case kanjiMode(Bool)                // FS & / FS .
    /// ESC & y c1 c2 [x d…]…: glyphs for codes first…, each x dots wide and y × 8 dots tall.
    case defineUserCharacters(first: UInt8, cells: [Bitmap])
    case userCharacterSet(Bool)         // ESC % n
    case cancelUserCharacter(UInt8)     // ESC ? n
    case realtimeStatus(Int)            // DLE EOT n (answered as bytes arrive, not here)
    case realtimeRequest(Int)           // DLE ENQ n
    case transmitStatus(Int)            // GS r n
    case automaticStatusBack(UInt8)     // GS a n
    case transmitPrinterID(UInt8)       // GS I n
    case processIdRequest([UInt8])      // GS ( H fn 48: answered in sequence with 37 22 d1…d4 00
    /// A command we know and deliberately do nothing with (page mode, macros, …).
    case ignored(String)
    /// Bytes skipped by a length rule because the command is unknown or malformed.
    case skipped([UInt8], reason: String)
}
