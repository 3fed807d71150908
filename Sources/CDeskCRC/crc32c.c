// CRC-32C: hardware instruction when the CPU has it, else slicing-by-8 tables.
#include "CDeskCRC.h"
#include <string.h>

static uint32_t table[8][256];
static int table_ready = 0;

static void build_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : (c >> 1);
        table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int s = 1; s < 8; s++)
            table[s][i] = (table[s - 1][i] >> 8) ^ table[0][table[s - 1][i] & 0xFF];
    __atomic_store_n(&table_ready, 1, __ATOMIC_RELEASE);
}

static uint32_t crc_soft(uint32_t crc, const unsigned char *p, size_t n) {
    if (!__atomic_load_n(&table_ready, __ATOMIC_ACQUIRE)) build_table();
    crc = ~crc;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        w ^= crc; // little-endian hosts only (x86_64, aarch64)
        crc = table[7][w & 0xFF] ^ table[6][(w >> 8) & 0xFF] ^ table[5][(w >> 16) & 0xFF] ^
              table[4][(w >> 24) & 0xFF] ^ table[3][(w >> 32) & 0xFF] ^ table[2][(w >> 40) & 0xFF] ^
              table[1][(w >> 48) & 0xFF] ^ table[0][(w >> 56)];
        p += 8; n -= 8;
    }
    while (n--) crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xFF];
    return ~crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static uint32_t crc_hw(uint32_t crc, const unsigned char *p, size_t n) {
    uint64_t c = ~crc;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        c = __builtin_ia32_crc32di(c, w);
        p += 8; n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n--) c32 = __builtin_ia32_crc32qi(c32, *p++);
    return ~c32;
}
__attribute__((target("sse4.2")))
static void crc_hw_pair(const unsigned char *a, size_t na, const unsigned char *b, size_t nb, uint32_t *ca, uint32_t *cb) {
    uint64_t x = 0xFFFFFFFFu, y = 0xFFFFFFFFu;
    size_t both = (na < nb ? na : nb) & ~(size_t)7;
    for (size_t i = 0; i < both; i += 8) {
        uint64_t u, v;
        memcpy(&u, a + i, 8);
        memcpy(&v, b + i, 8);
        x = __builtin_ia32_crc32di(x, u);
        y = __builtin_ia32_crc32di(y, v);
    }
    *ca = crc_hw(~(uint32_t)x, a + both, na - both);
    *cb = crc_hw(~(uint32_t)y, b + both, nb - both);
}
#define HAVE_PAIR 1

static int have_hw(void) { return __builtin_cpu_supports("sse4.2"); }
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
#include <arm_acle.h>
static uint32_t crc_hw(uint32_t crc, const unsigned char *p, size_t n) {
    crc = ~crc;
    while (n >= 8) { uint64_t w; memcpy(&w, p, 8); crc = __crc32cd(crc, w); p += 8; n -= 8; }
    while (n--) crc = __crc32cb(crc, *p++);
    return ~crc;
}
static int have_hw(void) { return 1; }
#else
static uint32_t crc_hw(uint32_t crc, const unsigned char *p, size_t n) { return crc_soft(crc, p, n); }
static int have_hw(void) { return 0; }
#endif

int cdesk_crc32c_hardware(void) { return have_hw(); }

static int mode(void) {
    static int m = -1;
    int v = __atomic_load_n(&m, __ATOMIC_RELAXED);
    if (v < 0) { v = have_hw(); __atomic_store_n(&m, v, __ATOMIC_RELAXED); }
    return v;
}

uint32_t cdesk_crc32c(uint32_t crc, const void *data, size_t length) {
    return mode() ? crc_hw(crc, (const unsigned char *)data, length)
                  : crc_soft(crc, (const unsigned char *)data, length);
}

void cdesk_crc32c_pair(const void *a, size_t na, const void *b, size_t nb, uint32_t *ca, uint32_t *cb) {
#ifdef HAVE_PAIR
    if (mode()) {
        crc_hw_pair((const unsigned char *)a, na, (const unsigned char *)b, nb, ca, cb);
        return;
    }
#endif
    *ca = cdesk_crc32c(0, a, na);
    *cb = cdesk_crc32c(0, b, nb);
}
