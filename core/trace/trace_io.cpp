// Trace files: errors, sniffing the form, loading a file. The readers and writers live
// in trace_{json,binary}_{reader,writer}.cpp, atomic saving in trace_save.cpp. See FORMAT.md.
#include "trace/trace_io.h"

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

Trace load_trace(const std::filesystem::path& path) {
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
    try {
        return read_trace(bytes);
    } catch (const TraceError& e) {
        throw TraceError(e.kind(), path.string() + ": " + e.location(),
                         std::string(e.what()).substr(e.location().empty() ? 0 : e.location().size() + 2));
    }
}

}  // namespace ys::trace
