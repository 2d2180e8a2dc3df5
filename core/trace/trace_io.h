// Reading and writing trace files: the readable JSON form and the compact binary form
// (`.ystrace`). FORMAT.md describes both. Readers never trust their input: anything
// wrong throws TraceError with a location (a byte offset for binary, a JSON path such as
// `/steps/12/changes/3/field` for JSON). Saves are atomic.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "trace/trace.h"

namespace ys::trace {

enum class TraceErrorKind { Io, NotATrace, UnsupportedVersion, Truncated, Malformed };

class TraceError : public std::runtime_error {
public:
    TraceError(TraceErrorKind kind, std::string location, const std::string& message);
    TraceErrorKind kind() const { return kind_; }
    // "byte 1234", "/steps/12/changes/3/field", or the file path for I/O errors.
    const std::string& location() const { return location_; }
    // what() is "<location>: <message>".
private:
    TraceErrorKind kind_;
    std::string location_;
};

enum class TraceFormat { Json, Binary };
inline constexpr char kBinaryMagic[8] = {'Y', 'S', 'T', 'R', 'A', 'C', 'E', '\0'};
inline constexpr const char* kBinaryExtension = ".ystrace";

// By extension: ".ystrace" is binary, anything else JSON.
TraceFormat format_for_path(const std::filesystem::path& path);

std::string write_trace_json(const Trace& trace);     // pretty, one step per few lines
std::string write_trace_binary(const Trace& trace);
Trace read_trace_json(std::string_view text);
Trace read_trace_binary(std::string_view bytes);
// Sniffs the content: the binary magic, else JSON. Errors name `path` in the message.
Trace read_trace(std::string_view bytes);
Trace load_trace(const std::filesystem::path& path);
class MappedFile;
// load_trace's path for a file it could map (tests call it to truncate the file first).
Trace load_mapped_trace(const std::filesystem::path& path, const MappedFile& mapped);

// Writes `trace` to `path` atomically (temporary file in the same directory, fsync,
// rename). On failure the previous file at `path`, if any, is untouched.
void save_trace(const Trace& trace, const std::filesystem::path& path, TraceFormat format);
void save_trace(const Trace& trace, const std::filesystem::path& path);  // format_for_path
void atomic_write_file(const std::filesystem::path& path, std::string_view bytes);

// A code object as JSON and back (shared by both formats: the binary form stores it
// as a length-prefixed JSON blob per code object). `where` prefixes error paths.
std::string code_to_json_text(const CodeObject& code);

}  // namespace ys::trace
