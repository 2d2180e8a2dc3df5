// Trace files: errors, sniffing the form, loading a file. The readers and writers live
// in trace_{json,binary}_{reader,writer}.cpp, atomic saving in trace_save.cpp. See FORMAT.md.
#include "trace/trace_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "trace/mapped_file.h"

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

Trace read_located(const std::filesystem::path& path, std::string_view bytes) {
    try {
        return read_trace(bytes);
    } catch (const TraceError& e) {
        throw TraceError(e.kind(), path.string() + ": " + e.location(),
                         std::string(e.what()).substr(e.location().empty() ? 0 : e.location().size() + 2));
    }
}

}  // namespace

// A file truncated by another process while mapped reads as zeros past its new end
// (MappedFile): whatever the reader made of them is not the file.
Trace load_mapped_trace(const std::filesystem::path& path, const MappedFile& mapped) {
    try {
        Trace trace = read_located(path, mapped.bytes());
        if (!mapped.lost()) return trace;
    } catch (const TraceError&) {
        if (!mapped.lost()) throw;
    }
    throw TraceError(TraceErrorKind::Io, path.string(), "the file was truncated by another program while it was being read");
}

Trace load_trace(const std::filesystem::path& path) {
    if (MappedFile mapped(path); mapped.ok()) return load_mapped_trace(path, mapped);
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
