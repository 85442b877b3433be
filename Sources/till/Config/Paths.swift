/// Where things live by default, after the XDG base directory convention.
enum Paths {
    static func defaultDataDirectory(_ env: [String: String]) -> String {
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/till" }
        return (env["HOME"] ?? ".") + "/.local/share/till"
    }

    static func defaultConfigFile(_ env: [String: String]) -> String {
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/till/till.toml" }
        return (env["HOME"] ?? ".") + "/.config/till/till.toml"
    }
}
