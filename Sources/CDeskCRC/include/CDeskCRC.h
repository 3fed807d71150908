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

/// `fstatfs`'s `f_type` for the file open at `fd` (its filesystem's magic
/// number), or -1 on error.
long long cdesk_fs_type(int fd);

#endif
