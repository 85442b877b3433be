import TillSerial
import Testing
import TillDevices
import TillEscPos

@Suite struct StatusFramingTests {
    @Test func repliesAreFramedByTheirBitPatternAmidStrayBytesAndASB() {
        var f = StatusReplyFramer()
        // Noise, an ASB block (first byte 0xx1xx00, then 3 bytes 0xx0xxxx), a reply split from the next read.
        f.feed([0x00, 0xFF, 0x41, 0x10, 0x0C, 0x00, 0x0F])
        #expect(f.next() == nil)
        f.feed([0x12])
        f.feed([0x00, 0x1E])
        #expect(f.next() == 0x12)
        #expect(f.next() == 0x1E)
        #expect(f.next() == nil)
        #expect(f.strayBytes == 4)
    }
}

@Suite struct PrinterAddressTests {
    @Test func everyFormParses() throws {
        #expect(try PrinterAddress(parsing: "usb://04b8:0202") == .usb(.init(vendorId: 0x04b8, productId: 0x0202)))
        #expect(try PrinterAddress(parsing: "usb://04B8:0E28?serial=X1&interface=1")
                == .usb(.init(vendorId: 0x04b8, productId: 0x0e28, serial: "X1", interface: 1)))
        #expect(try PrinterAddress(parsing: "usb://") == .usb(.init()))
        #expect(try PrinterAddress(parsing: "lp:///dev/usb/lp0") == .lp(path: "/dev/usb/lp0"))
        #expect(try PrinterAddress(parsing: "serial:///dev/ttyUSB0?baud=19200&flow=xonxoff")
                == .serial(path: "/dev/ttyUSB0", settings: SerialLineSettings(baud: 19200, flow: .xonxoff)))
        #expect(try PrinterAddress(parsing: "serial:///dev/ttyS0") == .serial(path: "/dev/ttyS0", settings: SerialLineSettings()))
        #expect(try PrinterAddress(parsing: "tcp://10.0.0.9") == .tcp(host: "10.0.0.9", port: 9100))
        #expect(try PrinterAddress(parsing: "tcp://printer.local:9101") == .tcp(host: "printer.local", port: 9101))
        #expect(try PrinterAddress(parsing: "virtual") == .virtual)
        #expect(try PrinterAddress(parsing: "usb://04b8:0202?serial=X1").description == "usb://04b8:0202?serial=X1")
    }

    @Test(arguments: ["usb://4b8:202", "serial:///dev/ttyUSB0?baud=1234", "serial:///dev/ttyUSB0?flow=dtr",
                      "tcp://host:0", "lp://dev/usb/lp0", "ftp://x", "/dev/usb/lp0", "usb://04b8:0202?colour=red"])
    func badURLsAreRefusedSayingWhy(text: String) {
        #expect(throws: AddressError.self) { try PrinterAddress(parsing: text) }
    }
}
