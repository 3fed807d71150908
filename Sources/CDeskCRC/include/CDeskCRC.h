#ifndef CDESKCRC_H
#define CDESKCRC_H
#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli, as in iSCSI/ext4/LevelDB), continuing from `crc`
/// (pass 0 to start). Uses the CPU's crc32 instruction when present.
uint32_t cdesk_crc32c(uint32_t crc, const void *data, size_t length);

/// The CRC-32C of two buffers at once (each from 0): the hardware
/// instruction takes 3 cycles but can start one every cycle, so two
/// independent chains run in about the time of one.
void cdesk_crc32c_pair(const void *a, size_t na, const void *b, size_t nb, uint32_t *ca, uint32_t *cb);

/// 1 if the hardware path is in use (reported by `cadredesk bench`).
int cdesk_crc32c_hardware(void);

/// The day number of the last date decoded, keyed by its ten bytes
/// (`YYYY-MM-DD`): one per thread, carried from line to line.
typedef struct {
    uint64_t head;
    uint16_t tail;
    int32_t valid;
    long day;
} cdesk_day_cache;

/// A log line's envelope as `cdesk_envelope_decode` finds it. Offsets are
/// from the line's first byte.
typedef struct {
    /// The id's 16 bytes in text order (a `uuid_t`).
    uint8_t id[16];
    uint64_t seq;
    int64_t epoch_millis;
    int32_t offset_minutes;
    /// `by` and `type`: their text, between the quotes.
    uint32_t by_start, by_end, type_start, type_end;
    /// 0 and 0 for a single event.
    uint32_t batch_index, batch_count;
    /// Where `data`'s opening brace is; it runs to the line's last byte (not included).
    uint32_t data_start;
} cdesk_envelope;

/// Checks and decodes a log line (without its newline) when it is in the
/// writer's exact form and its checksum field equals `crc` (the CRC-32C of
/// its JSON). 1: done; 0: anything else, for the Swift decoder to judge.
int cdesk_envelope_decode(const uint8_t *line, size_t length, uint32_t crc, cdesk_day_cache *days, cdesk_envelope *out);

/// 1 if `cdesk_envelope_decode` can take lines on this CPU (x86-64 with SSE4.2).
int cdesk_envelope_fast_path(void);

/// `fstatfs`'s `f_type` for the file open at `fd` (its filesystem's magic
/// number), or -1 on error.
long long cdesk_fs_type(int fd);

#endif
