#include "trace/big_array.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace ys::trace::big_array_detail {

namespace {

// Below this a block lives on the heap: a mapping costs system calls and whole pages.
constexpr size_t kMapFrom = size_t{1} << 20;
// Reservations start on this boundary (the kernel's huge-page size) so that a kernel
// that backs the range with huge pages by itself (THP "always") can.
constexpr size_t kHugePage = size_t{2} << 20;
// Address space held per mapped array: only what is used costs memory, and a trace's
// table rarely outgrows it (if one does, it moves to a bigger range).
constexpr size_t kReserve = size_t{64} << 30;

size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

void make_usable(char* p, size_t bytes, bool fill_now) {
    if (::mprotect(p, bytes, PROT_READ | PROT_WRITE) != 0) throw std::bad_alloc();
#ifdef MADV_POPULATE_WRITE
    // Advice only: an older kernel refuses it and the pages fault in one by one.
    if (fill_now) ::madvise(p, bytes, MADV_POPULATE_WRITE);
#else
    (void)fill_now;
#endif
}

// Inaccessible address space of `bytes`, starting on a huge-page boundary; null when the
// process may not have that much (a `ulimit -v`, valgrind).
char* reserve_range(size_t bytes) {
    const size_t span = bytes + kHugePage;
    void* raw = ::mmap(nullptr, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    char* start = static_cast<char*>(raw);
    char* aligned = reinterpret_cast<char*>(round_up(reinterpret_cast<uintptr_t>(start), kHugePage));
    if (aligned > start) ::munmap(start, static_cast<size_t>(aligned - start));
    char* end = aligned + bytes;
    if (start + span > end) ::munmap(end, static_cast<size_t>(start + span - end));
    return aligned;
}

Block map(size_t bytes, bool fill_now) {
    bytes = round_up(bytes, kHugePage);
    // The big reservation first; where address space is limited, just what is asked
    // (growing past it then moves the table, as a vector would).
    size_t reserved = std::max(kReserve, round_up(bytes * 2, kHugePage));
    char* p = reserve_range(reserved);
    if (!p) p = reserve_range(reserved = bytes);
    if (!p) throw std::bad_alloc();
    try {
        make_usable(p, bytes, fill_now);
    } catch (...) {
        ::munmap(p, reserved);
        throw;
    }
    return Block{p, bytes, reserved, true};
}

}  // namespace

Block allocate(size_t bytes, bool fill_now) {
    if (bytes >= kMapFrom) return map(bytes, fill_now);
    void* p = std::malloc(bytes);
    if (!p) throw std::bad_alloc();
    return Block{p, bytes, 0, false};
}

Block grow(Block b, size_t used, size_t bytes, bool fill_now) {
    if (!b.mapped) {
        if (bytes < kMapFrom) {
            void* p = std::realloc(b.data, bytes);
            if (!p) throw std::bad_alloc();
            return Block{p, bytes, 0, false};
        }
        Block m = map(bytes, fill_now);
        std::memcpy(m.data, b.data, used);
        std::free(b.data);
        return m;
    }
    bytes = round_up(bytes, kHugePage);
    char* p = static_cast<char*>(b.data);
    if (bytes <= b.reserved) {
        make_usable(p + b.bytes, bytes - b.bytes, fill_now);
        b.bytes = bytes;
        return b;
    }
    Block m = map(bytes, fill_now);
    std::memcpy(m.data, b.data, used);
    release(b);
    return m;
}

void release(Block b) {
    if (!b.data) return;
    if (b.mapped) ::munmap(b.data, b.reserved);
    else std::free(b.data);
}

}  // namespace ys::trace::big_array_detail
