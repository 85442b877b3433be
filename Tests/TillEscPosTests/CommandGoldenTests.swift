import Testing
@testable import TillEscPos

/// Each command against the byte sequence the Epson ESC/POS reference gives for it.
struct CommandGoldenTests {
    @Test func initialiseAndTextStyles() {
        #expect(EscPos.initialize == [0x1B, 0x40])
        #expect(EscPos.bold(true) == [0x1B, 0x45, 1])
        #expect(EscPos.bold(false) == [0x1B, 0x45, 0])
        #expect(EscPos.underline(2) == [0x1B, 0x2D, 2])
        #expect(EscPos.characterSize(width: 2, height: 2) == [0x1D, 0x21, 0x11])
        #expect(EscPos.characterSize(width: 1, height: 2) == [0x1D, 0x21, 0x01])
        #expect(EscPos.characterSize(width: 8, height: 8) == [0x1D, 0x21, 0x77])
        #expect(EscPos.invert(true) == [0x1D, 0x42, 1])
        #expect(EscPos.justify(.center) == [0x1B, 0x61, 1])
        #expect(EscPos.justify(.right) == [0x1B, 0x61, 2])
        #expect(EscPos.font(1) == [0x1B, 0x4D, 1])
        #expect(EscPos.codePage(16) == [0x1B, 0x74, 16])
        #expect(EscPos.enterMultibyte == [0x1C, 0x26])
        #expect(EscPos.exitMultibyte == [0x1C, 0x2E])
        #expect(EscPos.feedLines(4) == [0x1B, 0x64, 4])
    }

    @Test func cutAndDrawer() {
        #expect(EscPos.cut(.full) == [0x1D, 0x56, 0])
        #expect(EscPos.cut(.partial) == [0x1D, 0x56, 1])
        #expect(EscPos.feedAndCut(.full, lines: 3) == [0x1D, 0x56, 65, 3])
        #expect(EscPos.feedAndCut(.partial, lines: 0) == [0x1D, 0x56, 66, 0])
        // 100 ms on, 200 ms off on pin 2: t = ms / 2.
        #expect(EscPos.drawerKick(pin: 2, onMs: 100, offMs: 200) == [0x1B, 0x70, 0, 50, 100])
        #expect(EscPos.drawerKick(pin: 5, onMs: 120, offMs: 240) == [0x1B, 0x70, 1, 60, 120])
    }

    @Test func statusRequests() {
        #expect(EscPos.realTimeStatus(4) == [0x10, 0x04, 4])
        #expect(EscPos.automaticStatusBack(0xFF) == [0x1D, 0x61, 0xFF])
        #expect(EscPos.transmitStatus(1) == [0x1D, 0x72, 1])
    }

    @Test func barcodeCommands() {
        #expect(EscPos.barcodeHeight(80) == [0x1D, 0x68, 80])
        #expect(EscPos.barcodeModuleWidth(3) == [0x1D, 0x77, 3])
        #expect(EscPos.barcodeHRI(.below) == [0x1D, 0x48, 2])
        let ean = Array("400638133393".utf8)
        #expect(EscPos.barcode(m: 67, data: ean) == [0x1D, 0x6B, 67, 12] + ean)
        #expect(EscPos.barcodeSelector("upcA") == 65)
        #expect(EscPos.barcodeSelector("ean13") == 67)
        #expect(EscPos.barcodeSelector("ean8") == 68)
        #expect(EscPos.barcodeSelector("code39") == 69)
        #expect(EscPos.barcodeSelector("itf") == 70)
        #expect(EscPos.barcodeSelector("code128") == 73)
    }

    @Test func qrFunctions() {
        #expect(EscPos.qrModel2 == [0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 50, 0])
        #expect(EscPos.qrModuleSize(6) == [0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 6])
        #expect(EscPos.qrErrorLevel(.medium) == [0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 49])
        // Store: pL pH = data + 3.
        #expect(EscPos.qrStore(Array("ABC".utf8)) == [0x1D, 0x28, 0x6B, 6, 0, 0x31, 0x50, 0x30, 0x41, 0x42, 0x43])
        #expect(EscPos.qrPrint == [0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30])
        let long = [UInt8](repeating: 0x41, count: 300)
        #expect(Array(EscPos.qrStore(long).prefix(5)) == [0x1D, 0x28, 0x6B, 0x2F, 0x01]) // 303 = 0x012F
    }

    @Test func rasterAndGraphics() {
        let data: [UInt8] = [0xFF, 0x00, 0xAA, 0x55]
        #expect(EscPos.rasterImage(bytesPerRow: 2, rows: 2, data: data[...]) == [0x1D, 0x76, 0x30, 0, 2, 0, 2, 0] + data)
        // Function 112: p = 10 + k; a=48, bx=by=1, c=49, width in dots.
        #expect(EscPos.graphicsStore(widthDots: 16, rows: 2, data: data)
                == [0x1D, 0x28, 0x4C, 14, 0, 0x30, 112, 48, 1, 1, 49, 16, 0, 2, 0] + data)
        #expect(EscPos.graphicsPrint == [0x1D, 0x28, 0x4C, 2, 0, 0x30, 50])
        // Over 65535 bytes the 4-byte length form GS 8 L is used.
        let big = [UInt8](repeating: 0, count: 70_000)
        let cmd = EscPos.graphicsStore(widthDots: 560, rows: 1000, data: big)
        #expect(Array(cmd.prefix(7)) == [0x1D, 0x38, 0x4C, 0x7A, 0x11, 0x01, 0x00]) // 70010 = 0x0001117A
        #expect(cmd.count == 7 + 70_010)
    }

    @Test func nvGraphics() {
        let data: [UInt8] = [0xF0, 0x0F]
        // Function 67: m fn a kc1 kc2 b xL xH yL yH c d…, p = 11 + k.
        #expect(EscPos.nvDefine(key: (0x4C, 0x47), widthDots: 8, rows: 2, data: data)
                == [0x1D, 0x28, 0x4C, 13, 0, 0x30, 67, 48, 0x4C, 0x47, 1, 8, 0, 2, 0, 49, 0xF0, 0x0F])
        #expect(EscPos.nvPrint(key: (0x4C, 0x47)) == [0x1D, 0x28, 0x4C, 6, 0, 0x30, 69, 0x4C, 0x47, 1, 1])
        #expect(EscPos.nvDelete(key: (0x4C, 0x47)) == [0x1D, 0x28, 0x4C, 4, 0, 0x30, 66, 0x4C, 0x47])
        #expect(EscPos.nvDeleteAll == [0x1D, 0x28, 0x4C, 5, 0, 0x30, 65, 0x43, 0x4C, 0x52])
    }

    @Test func mnemonicsParseAsTheReferenceWritesThem() {
        #expect(CommandMnemonic.parse("FS &") == [0x1C, 0x26])
        #expect(CommandMnemonic.parse("FS .") == [0x1C, 0x2E])
        #expect(CommandMnemonic.parse("GS V 66 0") == [0x1D, 0x56, 66, 0])
        #expect(CommandMnemonic.parse("ESC t 0x10") == [0x1B, 0x74, 0x10])
        #expect(CommandMnemonic.parse("ESC tt") == nil)
    }
}
