// Wide-character ncurses for Swift. The X/Open wide API (get_wch, add_wch,
// mvaddnwstr, setcchar) is only declared when _XOPEN_SOURCE_EXTENDED is set.
// Swift cannot import function-like or pointer macros, so each one we use is
// wrapped below in a static inline function with a `cd_` prefix.
#ifndef CADREDESK_NCURSES_SHIM_H
#define CADREDESK_NCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attributes
static inline attr_t cd_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cd_A_BOLD(void) { return A_BOLD; }
static inline attr_t cd_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cd_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cd_A_DIM(void) { return A_DIM; }
static inline attr_t cd_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t cd_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t cd_COLOR_PAIR(int n) { return COLOR_PAIR(n); }

// Keys
static inline int cd_KEY_F(int n) { return KEY_F(n); }

// Window geometry
static inline WINDOW *cd_stdscr(void) { return stdscr; }
static inline int cd_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cd_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int cd_COLORS(void) { return COLORS; }
static inline int cd_COLOR_PAIRS(void) { return COLOR_PAIRS; }

// Line-drawing characters (wide and classic)
static inline const cchar_t *cd_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *cd_WACS_VLINE(void) { return WACS_VLINE; }
static inline const cchar_t *cd_WACS_ULCORNER(void) { return WACS_ULCORNER; }
static inline const cchar_t *cd_WACS_URCORNER(void) { return WACS_URCORNER; }
static inline const cchar_t *cd_WACS_LLCORNER(void) { return WACS_LLCORNER; }
static inline const cchar_t *cd_WACS_LRCORNER(void) { return WACS_LRCORNER; }
static inline const cchar_t *cd_WACS_LTEE(void) { return WACS_LTEE; }
static inline const cchar_t *cd_WACS_RTEE(void) { return WACS_RTEE; }
static inline const cchar_t *cd_WACS_TTEE(void) { return WACS_TTEE; }
static inline const cchar_t *cd_WACS_BTEE(void) { return WACS_BTEE; }
static inline const cchar_t *cd_WACS_PLUS(void) { return WACS_PLUS; }
static inline const cchar_t *cd_WACS_BLOCK(void) { return WACS_BLOCK; }
static inline chtype cd_ACS_HLINE(void) { return ACS_HLINE; }
static inline chtype cd_ACS_VLINE(void) { return ACS_VLINE; }

// Display width of one code point, from the C library's locale tables.
static inline int cd_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
