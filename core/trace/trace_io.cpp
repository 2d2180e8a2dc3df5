// Trace files: errors, sniffing the form, loading a file. The readers and writers live
// in trace_{json,binary}_{reader,writer}.cpp, atomic saving in trace_save.cpp. See FORMAT.md.
#include "trace/trace_io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ys::trace {

TraceError::TraceError(TraceErrorKind kind, std::string location, const std::string& message)
    : std::runtime_error(location.empty() ? message : location + ": " + message),
      kind_(kind),
      location_(std::move(location)) {}

TraceFormat format_for_path(const std::filesystem::path& path) {
    return path.extension() == kBinaryExtension ? TraceFormat::Binary : TraceFormat::Json;
}

Trace read_trace(std::string_view bytes) {
    if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view(kBinaryMagic, 4)) return read_trace_binary(bytes);
    return read_trace_json(bytes);
}

namespace {

// A regular file's bytes, mapped read-only: a big trace is read without copying it into
// a buffer first (the copy cost a page fault per 4 KiB of the file on top of the
// reading). Empty when the file cannot be mapped (a pipe, an empty file): the caller
// reads it instead. Only files this process does not write are mapped; a trace saved
// by the tool is replaced by a rename, never rewritten in place.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& path) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<const char*>(p);
                size_ = static_cast<size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    bool ok() const { return data_ != nullptr; }
    std::string_view bytes() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    size_t size_ = 0;
};

Trace read_located(const std::filesystem::path& path, std::string_view bytes) {
    try {
        return read_trace(bytes);
    } catch (const TraceError& e) {
        throw TraceError(e.kind(), path.string() + ": " + e.location(),
                         std::string(e.what()).substr(e.location().empty() ? 0 : e.location().size() + 2));
    }
}

}  // namespace

Trace load_trace(const std::filesystem::path& path) {
    if (MappedFile mapped(path); mapped.ok()) return read_located(path, mapped.bytes());
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw TraceError(TraceErrorKind::Io, path.string(), std::string("cannot open: ") + std::strerror(errno));
    std::string bytes;
    char buf[1 << 16];
    if (std::fseek(f, 0, SEEK_END) == 0) {
        long size = std::ftell(f);
        if (size > 0) bytes.reserve(static_cast<size_t>(size));
        std::fseek(f, 0, SEEK_SET);
    }
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) throw TraceError(TraceErrorKind::Io, path.string(), "read error");
    return read_located(path, bytes);
}

}  // namespace ys::trace
