/// The documented default configuration: `till config defaults` prints it. Every value shown is
/// the default used when the key is missing.
enum DefaultConfiguration {
    static let text = """
    # Till configuration. Location: --config PATH, else $TILL_CONFIG, else
    # $XDG_CONFIG_HOME/till/till.toml (~/.config/till/till.toml). Every key is optional;
    # the values below are the defaults. Command-line flags override this file.

    [till]
    id = "01"                  # two digits: printed in receipt numbers (S01-000123) and codes
    currency = "CNY"           # CNY, EUR, USD, GBP, JPY, CHF
    # language = "en"          # screen/CLI language, "en" or "zh"; default from $LANG (zh_* -> zh)
    # receipt_language = "en"  # slip language; default from $LANG
    utc_offset = "system"      # the shop's time zone: "system" (the machine's offset when the till starts)
                               # or a fixed offset from -14:00 to +14:00 ("+08:00"): local dates on
                               # slips, refund windows, lock-out times
    # data_dir = "~/.local/share/till"   # journal.sqlite, training.sqlite, slips/ ($XDG_DATA_HOME/till)

    [shop]
    code = "0001"              # 1–4 digits: the shop in receipt codes, so another shop's receipt reads as its own
    name = "Till Demo Shop 演示商店"
    address = ["1 Demo Street", "演示路1号"]
    # tax_id = "91310000XXXXXXXXXX"
    # tax_id_label = "Tax ID"  # printed before tax_id on receipts and refund slips (1–32 characters);
                               # default "Tax ID", or "税号" when receipt_language is zh
    footer = "Thank you 谢谢惠顾"
    # logo_file = "/etc/till/logo.png"   # PNG, PGM or PBM: dithered to the paper, stored once in the
                               # printer's NV memory where the profile allows, then printed by key
    logo = false               # print the logo on receipts (true when logo_file is set)

    # [[tax.class]]            # the shop's tax classes, named by the catalog's tax_class column; repeat the
    # id = "VAT13"             # table for each class. id: 1–16 letters, digits, - or _
    # name = "VAT 13% 增值税"   # printed beside the tax on receipts
    # rate = "13"              # percent, 0–100, at most two decimals ("9.5")
    # inclusive = true         # shelf prices include the tax (default); false: tax added at the till
                               # (demo data defines VAT13, VAT9, VAT0; a --no-demo shop defines its own here)

    [refund]
    window_days = 30           # 0–3650: a sale on day D is refundable through day D + window_days
    per_refund_limit = "500.00"        # one refund above this needs a supervisor (every amount: 0 to 999999999.99)
    clerk_shift_limit = "1000.00"      # a clerk's refunds in one shift above this need a supervisor

    [refund.substitution]      # refunding a payment to another tender: "allowed", "supervisor" or "refused"
    card_to_cash = "supervisor"
    cash_to_card = "refused"               # a known fraud pattern
    cash_to_store_credit = "allowed"
    card_to_store_credit = "allowed"
    store_credit_to_cash = "supervisor"
    store_credit_to_card = "refused"
    card_to_other_card = "supervisor"      # a card refund to another card than paid
    # (older switches, still read: allow_store_credit, cash_for_card_needs_supervisor, allow_card_for_cash)

    [blind_return]             # returns without a receipt
    enabled = true
    pricing = "lowest:90"      # "current", or "lowest:DAYS" (1–3650): lowest unit price sold in DAYS days
    supervisor_above = "0.00"  # above this total a supervisor approves; 0.00 = always
    maximum = "200.00"         # above this total refused outright
    tenders = ["storeCredit", "cash"]      # allowed; the first is the default
    require_customer_reference = false

    [sale]                     # price overrides and line discounts (permissions overridePrice, discountLine)
    price_override_approval_above = "20.00"   # a holder who may not approve changes a line by at most this alone
    discount_approval_above = "20.00"         # a larger discount on one line needs a supervisor's code and PIN

    [report.refunds]           # `till report refunds`: when a clerk is flagged (whole numbers)
    no_receipt_share_percent = 200   # 100–100000: share of refunds without receipt at least this % of the shop's …
    no_receipt_minimum = 3           # 1–1000000: … with at least this many without receipt
    soon_after_sale_minutes = 10     # 0–10080: a refund this many minutes or less after its sale …
    soon_after_sale_minimum = 2      # 1–1000000: … at least this many times
    under_limit_percent = 10         # 0–100: a refund within this % under refund.per_refund_limit …
    under_limit_minimum = 3          # 1–1000000: … at least this many times

    [security]
    max_pin_attempts = 5       # 1–100 wrong PINs in a row before the user is locked
    lockout_seconds = 300      # 0–315360000 (ten years)
    pin_hash_rounds = 210000   # 1000–10000000 PBKDF2-HMAC-SHA256 rounds for new PINs
    min_pin_length = { clerk = 4, trainer = 4, technician = 4, supervisor = 6, admin = 6 }   # 4-8, when a PIN is set

    [journal]
    # key_file = "~/.local/share/till/journal.key"   # HMAC chain key and PIN pepper (0600); default beside the journal.
                               # Its anchor (COUNT:HASH of the last entry) is kept beside it as journal.anchor.

    [cash]
    rounding_increment = "0.01"  # smallest coin, 0.01–1000.00; e.g. "0.05" rounds cash due to 5 cents
    # denominations = ["100", "50", "20", "10", "5", "1", "0.5", "0.1"]   # what the Z's cash count lists;
                               # default: the currency's notes and coins (CNY as shown), 1–30 distinct amounts

    [printer]
    url = "virtual"            # "virtual" (built-in), "text" (plain files), usb://VID:PID, lp:///dev/usb/lp0,
                               # serial:///dev/ttyUSB0?baud=9600&flow=xonxoff, tcp://HOST:9100,
                               # file:PATH (appends each job's bytes to a file; slips end "unknown")
    profile = "generic-80"     # printer profile id: a file in Devices/printers/ (`till printer profiles`), or "auto" (ask the printer, GS I)
    # out_dir = "~/.local/share/till/slips"   # where the virtual printer writes NNN.png/NNN.txt
    columns = 42               # 16–160, for the "text" printer
    # control = "/run/user/1000/till-printer.sock"   # inject faults: till printer fault --control PATH paper-out
    # devices_dir = "/usr/share/till/Devices"        # default: $TILL_DEVICES_DIR, else beside or above the binary,
                               # else in or above the current folder, else /usr/local/share/till/Devices, /usr/share/till/Devices

    [keys]                     # the till screen's keypad (`till run`): F1…F12, ^A…^Z (not ^H ^I ^J ^M), Esc
    language = "F1"            # English / 中文
    cash = "F2"                # typed amount first, or nothing for exactly what is due
    card = "F3"                # then the terminal's approval code
    credit = "F4"              # store credit
    quantity = "F5"            # typed quantity × the next code, or the picked line's quantity
    void = "F6"                # void a line (typed line number, else the picked or last line)
    refund = "F7"              # refund with receipt
    blind = "F8"               # return without receipt
    postvoid = "F9"
    reprint = "F10"            # typed slip number, else the oldest slip that did not print
    drawer = "F11"
    xreport = "F12"
    zreport = "^Z"
    shift = "^N"               # open a shift with the typed float
    signout = "^O"
    cancel = "Esc"
    quit = "^Q"
    keypad = "^K"              # show/hide the on-screen keypad (shown anyway when the screen is wide enough)

    [keypad]                   # the on-screen POS keypad, pressed with the mouse or a touch screen
    layout = "pos-4x6"         # a file in Devices/keypads/ (`till keypad layouts`), or "none"
    quick_keys = ["TEA-JAS", "MUG-01", "KETTLE", "RICECOOK", "RICE-KG", "APPLE-KG"]   # SKUs on the QUICK page
    # keyboard = "~/.config/till/keyboard.json"   # a programmable keyboard's keys (`till keypad learn`)

    [display]                  # the customer display (2×20 pole display)
    url = "screen"             # "screen" (a panel on the till screen), "none", or serial:///dev/ttyUSB1?baud=9600, usb://…, tcp://…
    profile = "generic-vfd-gb18030"   # a file in Devices/displays/ (aures-ocd-300 has no Chinese font: English)
    # language = "zh"          # the customer's language; default: till.receipt_language

    [central]                  # the shared PostgreSQL journal of a shop or chain (README "A central journal")
    # url = "postgres://till@central.example:5432/till"   # unset: this till stands alone. Set: entries are
                               # sent there, other tills' receipts are looked up there, and every refund with
                               # receipt is checked (reserved) there before it is kept. No password here:
                               # it comes from $TILL_CENTRAL_PASSWORD or password_file. A unix socket:
                               # "postgres://till@/till?host=/run/postgresql"; TLS: add "?sslmode=require"
                               # The shop in the central key is [shop] code.
    # password_file = "/etc/till/central.password"   # one line, mode 0600
    connect_timeout_seconds = 5    # 1–120
    query_timeout_seconds = 15     # 1–600: the longest any central request may take
    pull_interval_seconds = 300    # 5–86400: how often a running till pulls the central catalog and users
    # users_key_file = "/etc/till/chain-users.key"   # the chain user key, the same file (0600) at the back
                               # office and every till; unset: no users are published or taken centrally.
                               # `till central publish` creates it when it does not exist. Set, the catalog
                               # is signed with it too, and a till holding it takes only signed catalogs.
    lookup_timeout_ms = 2000   # 50–30000: a look-up or refund check taking longer is told as "did not answer"
    offline_refunds = false    # true: while the central journal cannot be reached, a supervisor may approve a
                               # refund it cannot check; kept and printed UNVERIFIED, checked when the link returns
    offline_refund_limit = "100.00"    # one unverified refund at most this
    offline_shift_limit = "300.00"     # a shift's unverified refunds together at most this

    [scanner]
    url = "keyboard"           # the terminal (a keyboard-wedge scanner types into it), or a device the screen
                               # also reads: serial:///dev/ttyACM0?baud=9600&suffix=cr, evdev:///dev/input/event5?layout=us

    # [permissions]            # replace a role's permissions (names: see `till config permissions`)
    # clerk = ["sell", "voidLine", "changeQuantity", "refundWithReceipt", "blindReturn", "reprint", "manageShift"]
    """
}
