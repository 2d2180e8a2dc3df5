// MappedFile and the SIGBUS handler that keeps a truncated mapping from killing the tool.
#include "trace/mapped_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>

namespace ys::trace {
namespace {

// The live mappings, read by the signal handler: a fixed table of lock-free slots
// (a handler may neither lock nor allocate). `end` is written last when a slot is
// taken and cleared first when it is given back, so a handler that sees a range
// sees a mapping that is still there.
constexpr int kSlots = 16;
struct Slot {
    std::atomic<bool> taken{false};
    std::atomic<uintptr_t> begin{0};
    std::atomic<uintptr_t> end{0};
    std::atomic<std::atomic<bool>*> lost{nullptr};
};
Slot g_slots[kSlots];
struct sigaction g_previous;  // the handler installed before ours, to pass other faults on

void on_sigbus(int sig, siginfo_t* info, void* context) {
    const auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    for (Slot& s : g_slots) {
        const uintptr_t end = s.end.load(std::memory_order_acquire);
        const uintptr_t begin = s.begin.load(std::memory_order_acquire);
        if (end == 0 || addr < begin || addr >= end) continue;
        // Zero pages from the faulting one to the end of the mapping: the rest of the
        // file is gone or going, and one fault is cheaper than one per page.
        const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
        const uintptr_t from = addr & ~(page - 1);
        void* p = ::mmap(reinterpret_cast<void*>(from), end - from, PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (p == MAP_FAILED) break;  // cannot repair: fall through to the old handler
        if (std::atomic<bool>* lost = s.lost.load(std::memory_order_acquire))
            lost->store(true, std::memory_order_release);
        return;  // the faulting read runs again, on the zero page
    }
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) g_previous.sa_sigaction(sig, info, context);
        return;
    }
    if (g_previous.sa_handler == SIG_IGN) return;
    if (g_previous.sa_handler != SIG_DFL) {
        g_previous.sa_handler(sig);
        return;
    }
    // Not ours and nobody else's: die of it as the process would have.
    ::signal(SIGBUS, SIG_DFL);
    ::raise(SIGBUS);
}

bool install_handler() {
    struct sigaction sa {};
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    return ::sigaction(SIGBUS, &sa, &g_previous) == 0;
}

int take_slot(const char* data, size_t size, std::atomic<bool>* lost) {
    static const bool installed = install_handler();
    if (!installed) return -1;
    for (int i = 0; i < kSlots; i++) {
        bool expected = false;
        if (!g_slots[i].taken.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) continue;
        g_slots[i].lost.store(lost, std::memory_order_release);
        g_slots[i].begin.store(reinterpret_cast<uintptr_t>(data), std::memory_order_release);
        g_slots[i].end.store(reinterpret_cast<uintptr_t>(data) + size, std::memory_order_release);
        return i;
    }
    return -1;
}

void give_back_slot(int i) {
    g_slots[i].end.store(0, std::memory_order_release);
    g_slots[i].begin.store(0, std::memory_order_release);
    g_slots[i].lost.store(nullptr, std::memory_order_release);
    g_slots[i].taken.store(false, std::memory_order_release);
}

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        const auto size = static_cast<size_t>(st.st_size);
        void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p != MAP_FAILED) {
            slot_ = take_slot(static_cast<const char*>(p), size, &lost_);
            if (slot_ >= 0) {
                data_ = static_cast<const char*>(p);
                size_ = size;
            } else {
                ::munmap(p, size);  // unguarded, a truncation would kill us: read instead
            }
        }
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (!data_) return;
    give_back_slot(slot_);
    ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace ys::trace
