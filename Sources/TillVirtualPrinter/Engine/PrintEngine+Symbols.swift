import TillCore
import TillEscPos
import TillGraphics

extension PrintEngine {
    /// GS k system number → our symbology (nil: a system we do not draw).
    static func symbology(_ m: UInt8) -> (Symbology?, String, profileName: String) {
        switch m {
        case 0, 65: return (.upcA, "UPC-A", "upcA")
        case 1, 66: return (.upcE, "UPC-E", "upcE")
        case 2, 67: return (.ean13, "EAN-13", "ean13")
        case 3, 68: return (.ean8, "EAN-8", "ean8")
        case 4, 69: return (.code39, "Code 39", "code39")
        case 5, 70: return (.itf, "ITF", "itf")
        case 6, 71: return (.codabar, "Codabar", "codabar")
        case 72: return (.code93, "Code 93", "code93")
        case 73: return (.code128, "Code 128", "code128")
        default: return (nil, "GS1 (m=\(m))", "gs1")
        }
    }

    mutating func printBarcode(_ m: UInt8, data: [UInt8], functionB: Bool, at offset: Int) {
        flushLineIfNeeded()
        let (symbology, name, profileName) = PrintEngine.symbology(m)
        var item = BarcodeItem(symbologyName: name, barcode: nil, error: nil, data: data, height: barcodeHeight,
                               moduleWidth: barcodeModuleWidth, hriPosition: hriPosition, hriFont: hriFont)
        if !profile.barcodes.native.contains(profileName) {
            // The model cannot draw it: a real one prints nothing (the driver should send raster).
            item.error = "\(name) is not a native symbology of \(profile.id)"
            diagnose("barcode not printed: " + item.error!, at: offset)
        } else if let symbology {
            do {
                item.barcode = try Barcode1D.encode(symbology, data: data)
            } catch let BarcodeError.checkDigitMismatch(s, given, expected) {
                // Epson prints the check digit it computes; tell the sender theirs was wrong.
                diagnose("\(s.rawValue) check digit \(given) is wrong (should be \(expected)); printed with \(expected)", at: offset)
                item.barcode = try? Barcode1D.encode(symbology, data: Array(data.dropLast()))
            } catch {
                item.error = "\(error)"
                diagnose("barcode not printed: \(error)", at: offset)
            }
        } else {
            item.error = "\(name) is not emulated"
            diagnose("barcode \(name) is not emulated: nothing printed", at: offset)
        }
        if let code = item.barcode, code.modules.count * barcodeModuleWidth > areaWidth - leftMargin {
            let message = "\(name) is \(code.modules.count * barcodeModuleWidth) dots wide, the print area \(areaWidth - leftMargin): a printer skips it"
            diagnose("barcode not printed: " + message, at: offset)
            item.error = message
            item.barcode = nil
        }
        current.items.append(.barcode(item, alignment: alignment, leftMargin: leftMargin, areaWidth: areaWidth, fonts: fontMetrics))
        if item.barcode != nil {
            paperFed(item.height + (hriPosition == 0 ? 0 : metrics(hriFont).height * (hriPosition == 3 ? 2 : 1)))
        }
    }

    mutating func printQR(at offset: Int) {
        flushLineIfNeeded()
        guard let data = qrData, !data.isEmpty else {
            diagnose("QR print (fn 81) with no data stored (fn 80)", at: offset)
            return
        }
        var item = QRItem(data: data, code: nil, error: nil, moduleSize: qrModuleSize, level: qrLevel)
        guard profile.qr.native else {
            item.error = "\(profile.id) has no native QR (GS ( k): send QR as raster"
            diagnose("QR not printed: " + item.error!, at: offset)
            current.items.append(.qr(item, alignment: alignment, leftMargin: leftMargin, areaWidth: areaWidth))
            return
        }
        do {
            let code = try QRCode.encode(data, level: qrLevel)
            if code.size * qrModuleSize > areaWidth - leftMargin {
                item.error = "QR symbol \(code.size * qrModuleSize) dots wide, the print area \(areaWidth - leftMargin)"
                diagnose("QR not printed: " + item.error!, at: offset)
            } else {
                item.code = code
            }
        } catch {
            item.error = "\(error)"
            diagnose("QR not printed: \(error)", at: offset)
        }
        current.items.append(.qr(item, alignment: alignment, leftMargin: leftMargin, areaWidth: areaWidth))
        if let code = item.code { paperFed(code.size * qrModuleSize) }
    }

    /// PDF417 from the stored data and the fn 65…70 settings, encoded and drawn as a real
    /// printer does: each module `moduleWidth` dots wide and `rowHeight` modules tall.
    mutating func printPDF417(at offset: Int) {
        flushLineIfNeeded()
        guard let data = pdf417Data, !data.isEmpty else {
            diagnose("PDF417 print (fn 81) with no data stored (fn 80)", at: offset)
            return
        }
        let label = "pdf417 \"\(TextRenderer.printable(data))\""
        do {
            var options = pdf417.options
            options.maximumColumns = pdf417.columnsFitting(areaWidth - leftMargin)
            let symbol = try PDF417.encode(data, options: options)
            let image = pdf417.bitmap(symbol)
            guard image.width <= areaWidth - leftMargin else {
                // A real printer prints nothing for a symbol wider than the print area.
                let message = "PDF417 symbol \(image.width) dots wide, the print area \(areaWidth - leftMargin): not printed; set fewer columns (fn 65) or a narrower module (fn 67)"
                current.items.append(.note(label + ": " + message))
                diagnose(message, at: offset)
                return
            }
            placeImage(image, label: label)
        } catch {
            current.items.append(.note("\(label): \(error)"))
            diagnose("PDF417 not printed: \(error)", at: offset)
        }
    }
}
