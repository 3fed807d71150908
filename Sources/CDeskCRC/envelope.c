// The log line as the writer forms it, checked and decoded 16 bytes at a time.
// Only the writer's exact form is taken here; anything else (another form the
// format allows, or damage) returns 0 and the Swift decoder (`Envelope.decode`)
// judges it, so there is one judge of a bad line. The Swift decoder spent
// ~1,250 instructions a line on this, a field and often a byte at a time.
#include "CDeskCRC.h"
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#define SSE __attribute__((target("sse4.2"), always_inline)) static inline

static inline uint64_t load64(const uint8_t *p) { uint64_t w; memcpy(&w, p, 8); return w; }
static inline uint16_t load16(const uint8_t *p) { uint16_t w; memcpy(&w, p, 2); return w; }
/// The first `n` bytes of `s` as a little-endian word (what `load64` reads where they are).
static inline uint64_t word(const char *s, int n) {
    uint64_t w = 0;
    for (int i = n - 1; i >= 0; i--) w = w << 8 | (uint8_t)s[i];
    return w;
}
static inline uint64_t low(int n) { return n == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1; }

SSE __m128i lu(const void *p) { return _mm_loadu_si128((const __m128i *)p); }
SSE __m128i splat(char c) { return _mm_set1_epi8(c); }

/// 16 bytes of text against a template: `x` a lowercase hex digit, `X` a hex
/// digit of either case, `D` a decimal digit, `?` anything; every other byte
/// itself. Gives the lanes that pass, and each digit's value.
SSE __m128i match(__m128i v, const char *pattern, __m128i *value) {
    const __m128i t = lu(pattern);
    const __m128i anyCase = _mm_cmpeq_epi8(t, splat('X'));
    const __m128i hex = _mm_or_si128(anyCase, _mm_cmpeq_epi8(t, splat('x')));
    const __m128i decimal = _mm_cmpeq_epi8(t, splat('D'));
    const __m128i skip = _mm_cmpeq_epi8(t, splat('?'));
    const __m128i literal = _mm_andnot_si128(_mm_or_si128(_mm_or_si128(hex, decimal), skip), _mm_set1_epi8(-1));

    const __m128i d = _mm_sub_epi8(v, splat('0'));
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(d, splat(9)), d);
    const __m128i a = _mm_sub_epi8(_mm_or_si128(v, _mm_and_si128(anyCase, splat(0x20))), splat('a'));
    const __m128i isLetter = _mm_cmpeq_epi8(_mm_min_epu8(a, splat(5)), a);
    *value = _mm_blendv_epi8(_mm_add_epi8(a, splat(10)), d, isDigit);

    __m128i ok = _mm_and_si128(_mm_cmpeq_epi8(v, t), literal);
    ok = _mm_or_si128(ok, _mm_and_si128(_mm_or_si128(isDigit, isLetter), hex));
    ok = _mm_or_si128(ok, _mm_and_si128(isDigit, decimal));
    return _mm_or_si128(ok, skip);
}

SSE int all(__m128i lanes) { return _mm_movemask_epi8(lanes) == 0xFFFF; }

/// Where the JSON string whose text starts at `i` ends (its closing quote),
/// 16 bytes at a time (the last few one by one); 0 when it holds an escape or
/// a control character, or runs past `n` (the Swift decoder takes those).
SSE size_t stringEnd(const uint8_t *line, size_t n, size_t i) {
    for (;;) {
        if (i + 16 > n) {
            for (; i < n; i++) {
                if (line[i] == '"') return i;
                if (line[i] == '\\' || line[i] < 0x20) return 0;
            }
            return 0;
        }
        const __m128i v = lu(line + i);
        const unsigned quote = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, splat('"')));
        const unsigned bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, splat('\\')),
                                                                     _mm_cmpeq_epi8(_mm_min_epu8(v, splat(0x1F)), v)));
        if (quote) {
            const unsigned k = (unsigned)__builtin_ctz(quote);
            return (bad & ((1u << k) - 1)) ? 0 : i + k;
        }
        if (bad) return 0;
        i += 16;
    }
}

/// Decimal digits at `*i` (1 to 7, no leading zero), stepping past them; -1 otherwise.
static inline long smallNumber(const uint8_t *line, size_t n, size_t *i) {
    long v = 0;
    size_t k = *i;
    while (k < n && (uint8_t)(line[k] - '0') < 10) {
        if (k - *i == 7) return -1;
        v = v * 10 + (line[k] - '0');
        k++;
    }
    if (k == *i || (k - *i > 1 && line[*i] == '0')) return -1;
    *i = k;
    return v;
}

static inline int isLeap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`, as `CivilCalendar.dayNumber`).
static inline long dayNumber(long year, long month, long day) {
    const long y = month <= 2 ? year - 1 : year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

__attribute__((target("sse4.2")))
static int decode(const uint8_t *line, size_t n, uint32_t crc, cdesk_day_cache *days, cdesk_envelope *out) {
    // Checksum, space, `{"v":1,"id":"`, the id, `","seq":`, and 16 bytes
    // for the digits of seq (the shortest record is longer).
    if (n < 82) return 0;

    // Bytes 0..<64: checksum, version, id; the nibbles of every hex digit.
    __m128i n0, n1, n2, n3;
    __m128i ok = match(lu(line), "xxxxxxxx {\"v\":1,", &n0);
    ok = _mm_and_si128(ok, match(lu(line + 16), "\"id\":\"XXXXXXXX-X", &n1));
    ok = _mm_and_si128(ok, match(lu(line + 32), "XXX-XXXX-XXXX-XX", &n2));
    ok = _mm_and_si128(ok, match(lu(line + 48), "XXXXXXXXXX\",\"seq", &n3));
    if (!all(ok) || load16(line + 64) != word("\":", 2)) return 0;

    // Nibble pairs into bytes: the checksum field (text order = big-endian).
    const __m128i pairs = _mm_setr_epi8(16, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1);
    const __m128i sum = _mm_packus_epi16(_mm_maddubs_epi16(n0, pairs), _mm_setzero_si128());
    if (__builtin_bswap32((uint32_t)_mm_cvtsi128_si32(sum)) != crc) return 0;
    // The id's 32 digits gathered past the dashes, then paired: its 16 bytes in text order.
    const __m128i lo = _mm_or_si128(_mm_shuffle_epi8(n1, _mm_setr_epi8(6, 7, 8, 9, 10, 11, 12, 13, 15, -1, -1, -1, -1, -1, -1, -1)),
                                    _mm_shuffle_epi8(n2, _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 4, 5, 6, 7)));
    const __m128i hi = _mm_or_si128(_mm_shuffle_epi8(n2, _mm_setr_epi8(9, 10, 11, 12, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1)),
                                    _mm_shuffle_epi8(n3, _mm_setr_epi8(-1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
    _mm_storeu_si128((__m128i *)out->id, _mm_packus_epi16(_mm_maddubs_epi16(lo, pairs), _mm_maddubs_epi16(hi, pairs)));

    // seq: 1 to 15 digits, no leading zero (16 bytes are there: n ≥ 82).
    const __m128i s = _mm_sub_epi8(lu(line + 66), splat('0'));
    const unsigned digits = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(s, splat(9)), s));
    const size_t k = (size_t)__builtin_ctz(digits | 0x10000);
    if (k == 0 || k > 15 || line[66] == '0') return 0;
    uint64_t seq = 0;
    for (size_t i = 66; i < 66 + k; i++) seq = seq * 10 + (uint64_t)(line[i] - '0');
    out->seq = seq;

    // `,"at":"`, the writer's 29-byte time (`2026-11-23T14:21:05.123+08:00`), `","by":"`.
    const size_t at = 66 + k;
    if (at + 44 > n) return 0;
    __m128i date, time;
    const __m128i timeOK = _mm_and_si128(match(lu(line + at + 7), "DDDD-DD-DDTDD:DD", &date),
                                         match(lu(line + at + 23), ":DD.DDD?DD:DD\",\"", &time));
    const uint8_t sign = line[at + 30];
    if (((load64(line + at) ^ word(",\"at\":\"", 7)) & low(7)) != 0 || !all(timeOK) || (sign != '+' && sign != '-') ||
        load64(line + at + 36) != word("\",\"by\":\"", 8)) {
        return 0;
    }
    uint8_t dv[16], tv[16];
    _mm_storeu_si128((__m128i *)dv, date);
    _mm_storeu_si128((__m128i *)tv, time);
    const long hour = dv[11] * 10 + dv[12], minute = dv[14] * 10 + dv[15], second = tv[1] * 10 + tv[2];
    const long offsetHours = tv[8] * 10 + tv[9], offsetMinutes = tv[11] * 10 + tv[12];
    if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return 0;
    // Records of one day follow each other: the day number of the last date, keyed by its ten bytes.
    const uint64_t head = load64(line + at + 7);
    const uint16_t tail = load16(line + at + 15);
    if (!(days->valid && days->head == head && days->tail == tail)) {
        const long year = dv[0] * 1000 + dv[1] * 100 + dv[2] * 10 + dv[3], month = dv[5] * 10 + dv[6], day = dv[8] * 10 + dv[9];
        static const uint8_t monthDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (month < 1 || month > 12 || day < 1 || day > monthDays[month] + (month == 2 && isLeap(year))) return 0;
        days->head = head;
        days->tail = tail;
        days->day = dayNumber(year, month, day);
        days->valid = 1;
    }
    const long offset = (offsetHours * 60 + offsetMinutes) * (sign == '-' ? -1 : 1);
    const long millis = tv[4] * 100 + tv[5] * 10 + tv[6];
    out->epoch_millis = (days->day * 86400 + hour * 3600 + minute * 60 + second) * 1000 + millis - offset * 60000;
    out->offset_minutes = (int32_t)offset;

    // `by` (may be empty), `","type":"`, `type` (may not).
    const size_t by = at + 44;
    const size_t byEnd = stringEnd(line, n, by);
    if (byEnd == 0 || byEnd + 10 > n || load64(line + byEnd) != word("\",\"type\"", 8) || load16(line + byEnd + 8) != word(":\"", 2)) {
        return 0;
    }
    const size_t type = byEnd + 10;
    const size_t typeEnd = stringEnd(line, n, type);
    if (typeEnd <= type) return 0;
    out->by_start = (uint32_t)by;
    out->by_end = (uint32_t)byEnd;
    out->type_start = (uint32_t)type;
    out->type_end = (uint32_t)typeEnd;

    // Optional `,"bi":i,"bn":n`, then `,"data":{` … `}}` ending the line.
    size_t i = typeEnd + 1;
    out->batch_index = 0;
    out->batch_count = 0;
    if (i + 8 <= n && ((load64(line + i) ^ word(",\"bi\":", 6)) & low(6)) == 0) {
        i += 6;
        const long index = smallNumber(line, n, &i);
        if (index < 0 || i + 8 > n || ((load64(line + i) ^ word(",\"bn\":", 6)) & low(6)) != 0) return 0;
        i += 6;
        const long count = smallNumber(line, n, &i);
        if (count < 2 || index < 1 || index > count || count > 1000000) return 0;
        out->batch_index = (uint32_t)index;
        out->batch_count = (uint32_t)count;
    }
    if (i + 8 > n || load64(line + i) != word(",\"data\":", 8)) return 0;
    i += 8;
    if (n < i + 3 || line[i] != '{' || line[n - 1] != '}' || line[n - 2] != '}') return 0;
    out->data_start = (uint32_t)i;
    return 1;
}

static int available(void) {
    static int known = -1;
    int v = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (v < 0) {
        v = __builtin_cpu_supports("sse4.2");
        __atomic_store_n(&known, v, __ATOMIC_RELAXED);
    }
    return v;
}

int cdesk_envelope_decode(const uint8_t *line, size_t length, uint32_t crc, cdesk_day_cache *days, cdesk_envelope *out) {
    return available() ? decode(line, length, crc, days, out) : 0;
}

int cdesk_envelope_fast_path(void) { return available(); }

#else

int cdesk_envelope_decode(const uint8_t *line, size_t length, uint32_t crc, cdesk_day_cache *days, cdesk_envelope *out) {
    (void)line; (void)length; (void)crc; (void)days; (void)out;
    return 0;
}

int cdesk_envelope_fast_path(void) { return 0; }

#endif
