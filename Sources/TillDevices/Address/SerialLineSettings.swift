import TillSerial

/// A serial printer's line settings from its URL's query (`?baud=19200&flow=xonxoff`).
extension SerialLineSettings {
    init(query: [String: String], url: String) throws {
        self.init()
        for (key, value) in query {
            switch key {
            case "baud":
                guard let b = Int(value), Self.supportedBauds.contains(b) else {
                    throw AddressError(url, "baud must be one of \(Self.supportedBauds.map(String.init).joined(separator: ", "))")
                }
                baud = b
            case "flow":
                let spelled = value.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "/", with: "")
                guard let f = Flow(rawValue: spelled) else { throw AddressError(url, "flow must be none, xonxoff or rtscts") }
                flow = f
            default:
                throw AddressError(url, "unknown option \"\(key)\" (known: baud, flow)")
            }
        }
    }
}
