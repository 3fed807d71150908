// The filesystem type of an open file (Swift's Glibc module leaves out <sys/vfs.h>).
#include "CDeskCRC.h"
#include <sys/vfs.h>

long long cdesk_fs_type(int fd) {
    struct statfs fs;
    if (fstatfs(fd, &fs) != 0) return -1;
    return (long long)fs.f_type;
}
