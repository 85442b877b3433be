import Foundation
import TillDevices
import TillEscPos
import TillVirtualPrinter

/// The built-in printer (`printer.url = "virtual"`): the virtual ESC/POS printer in this
/// process behind an `InProcessTransport`, driven by the same `PrinterDriver` as real printers
/// (status before and after each job). Each cut is written into the slip folder as NNN.png
/// and NNN.txt; `--printer-control PATH` takes faults (`till printer fault`).
final class VirtualPrinterLink {
    let printer: VirtualPrinter
    let writer: PageWriter
    let directory: String
    private var control: ControlServer?

    init(profile: PrinterProfile, directory: String, controlSocket: String?) throws {
        printer = VirtualPrinter(profile: profile)
        self.directory = directory
        do { writer = try PageWriter(directory: directory) } catch {
            throw CLIError(code: "slip_folder_not_creatable", en: "Cannot create the slip folder \(directory): \(ErrorCause.text(error).en)",
                           zh: "无法创建小票文件夹 \(directory)：\(ErrorCause.text(error).zh)",
                           remedyEn: "Pass --slips DIR with a folder you can write, or fix its permissions.",
                           remedyZh: "请用 --slips DIR 指定可写的文件夹，或修正权限。")
        }
        if let controlSocket {
            let server: ControlServer
            do { server = try ControlServer(path: controlSocket, printer: printer) } catch let e as SocketPathError {
                throw CLIError(e)
            }
            server.start()
            control = server
        }
    }

    /// The transport the driver writes through; finished pages are written after each write.
    func transport() -> PrinterTransport {
        let printer = printer, writer = writer
        return InProcessTransport(printer: printer, name: "virtual \(printer.profile.id) printer in \(directory)") {
            _ = try? writer.write(printer.takeNewPages())
        }
    }
}
