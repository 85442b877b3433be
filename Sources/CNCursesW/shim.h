// ncursesw for Swift. SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so the wide-character
// API is switched on here, before the header; macros Swift cannot import get small inline
// wrappers. Everything the screen needs from curses goes through these names.
#ifndef TILL_CNCURSESW_SHIM_H
#define TILL_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <poll.h>
#include <ncursesw/curses.h>

/// Locale from the environment: without it ncursesw treats UTF-8 bytes as Latin-1.
static inline void till_setlocale(void) { setlocale(LC_ALL, ""); }

/// Opens the screen: raw keys (Ctrl-Z, Ctrl-Q reach the till as keys), no echo, keypad
/// decoding for F-keys and arrows, a short Esc delay, hidden cursor, key reads time out.
static inline void till_open(int timeout_ms) {
    initscr();
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    timeout(timeout_ms);
}

static inline void till_close(void) { endwin(); }
/// How long a key read waits before it gives up (a tick of the screen's loop).
static inline void till_key_timeout(int timeout_ms) { timeout(timeout_ms); }

/// Mouse and touch: the terminal is asked to report button presses (1000) in SGR form (1006,
/// `ESC [ < b ; x ; y M`), which has no 223-column limit. The till decodes the reports itself
/// (see `till_define_key`), so curses' own mouse handling stays off.
static inline void till_mouse_reporting(int on) {
    fputs(on ? "\033[?1000h\033[?1006h" : "\033[?1006l\033[?1000l", stdout);
    fflush(stdout);
}

/// Makes curses return `code` for the byte sequence `definition` (a programmable keyboard's
/// key, the start of a mouse report); codes above KEY_MAX are the till's own.
static inline int till_define_key(const char *definition, int code) { return define_key(definition, code); }
static inline int till_key_max(void) { return KEY_MAX; }

static inline int till_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int till_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

/// A key: returns OK (a character in *ch), KEY_CODE_YES (a key code in *ch) or ERR (timeout).
static inline int till_get_key(unsigned int *ch) {
    wint_t w = 0;
    int r = get_wch(&w);
    *ch = (unsigned int)w;
    return r;
}

/// True when the terminal is gone (the window closed, the SSH link dropped): key reads then fail
/// at once forever, so the till must stop instead of spinning.
static inline int till_terminal_gone(void) {
    struct pollfd p = { 0, POLLIN, 0 };
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static inline int till_key_f(int n) { return KEY_F(n); }
static inline int till_key_code_yes(void) { return KEY_CODE_YES; }
static inline int till_key_resize(void) { return KEY_RESIZE; }
static inline int till_key_enter(void) { return KEY_ENTER; }
static inline int till_key_backspace(void) { return KEY_BACKSPACE; }
static inline int till_key_up(void) { return KEY_UP; }
static inline int till_key_down(void) { return KEY_DOWN; }
static inline int till_key_ppage(void) { return KEY_PPAGE; }
static inline int till_key_npage(void) { return KEY_NPAGE; }
static inline int till_key_dc(void) { return KEY_DC; }
static inline int till_err(void) { return ERR; }

/// Attributes: bit 0 bold, bit 1 reverse, bit 2 underline, bit 3 dim.
static inline void till_set_attrs(int bits) {
    attr_t a = A_NORMAL;
    if (bits & 1) a |= A_BOLD;
    if (bits & 2) a |= A_REVERSE;
    if (bits & 4) a |= A_UNDERLINE;
    if (bits & 8) a |= A_DIM;
    attrset(a);
}

/// UTF-8 text at a position (ncursesw decodes it under a UTF-8 locale; wide characters take two cells).
static inline void till_put(int y, int x, const char *utf8) { mvaddstr(y, x, utf8); }
static inline void till_clear_to_eol(int y, int x) { move(y, x); clrtoeol(); }
static inline void till_erase(void) { erase(); }
static inline void till_clear(void) { clear(); }
static inline void till_refresh(void) { refresh(); }

#endif
