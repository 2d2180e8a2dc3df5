// A regular file mapped read-only, for loading a trace without copying it first.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace ys::trace {

// If another process truncates the file while it is mapped, touching a page the file
// no longer has raises SIGBUS, which would kill the tool and lose whatever the user
// had open. While a MappedFile lives, a SIGBUS inside its range instead maps zero pages
// over the lost part and marks the file lost(): the reader goes on over zeros (to it,
// one more malformed input) and the caller rejects the result.
class MappedFile {
public:
    // Empty (ok() false) when the file cannot be mapped: not a regular file, empty,
    // or more loads at once than the fault handler tracks. The caller reads it instead.
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool ok() const { return data_ != nullptr; }
    std::string_view bytes() const { return {data_, size_}; }
    // Some of the bytes were read after the file lost them (they read as zeros).
    bool lost() const { return lost_.load(std::memory_order_acquire); }

private:
    const char* data_ = nullptr;
    size_t size_ = 0;
    int slot_ = -1;  // this mapping's entry in the fault handler's table
    std::atomic<bool> lost_{false};
};

}  // namespace ys::trace
