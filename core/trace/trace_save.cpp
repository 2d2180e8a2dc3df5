// Saving a trace atomically: a temporary file in the same directory, fsync, rename.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "trace/trace_io.h"

namespace ys::trace {

void atomic_write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::filesystem::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::random_device rd;
    std::string tmp_name = "." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(rd() & 0xffffff);
    std::filesystem::path tmp = dir / tmp_name;
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw TraceError(TraceErrorKind::Io, path.string(), std::string("cannot create a temporary file: ") + std::strerror(errno));
    auto fail = [&](const char* what) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        throw TraceError(TraceErrorKind::Io, path.string(), std::string(what) + ": " + std::strerror(err));
    };
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed");
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) fail("fsync failed");
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw TraceError(TraceErrorKind::Io, path.string(), std::string("close failed: ") + std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw TraceError(TraceErrorKind::Io, path.string(), std::string("rename failed: ") + std::strerror(err));
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void save_trace(const Trace& trace, const std::filesystem::path& path, TraceFormat format) {
    atomic_write_file(path, format == TraceFormat::Binary ? write_trace_binary(trace) : write_trace_json(trace));
}

void save_trace(const Trace& trace, const std::filesystem::path& path) { save_trace(trace, path, format_for_path(path)); }

}  // namespace ys::trace
