#include "trace/mapped_file.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "trace/hand_trace.h"
#include "trace/temp_dir.h"
#include "trace/trace_io.h"

namespace ys::trace {
namespace {

namespace fs = std::filesystem;

// A file in the test's own temporary directory.
struct TempFile {
    testing::TempDir dir;
    fs::path path;
    explicit TempFile(const std::string& name) : path(dir.path / name) {}
    void write(const std::string& bytes) const {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
};

const size_t kPage = static_cast<size_t>(::sysconf(_SC_PAGESIZE));

TEST(MappedFile, ReadsTheWholeFile) {
    TempFile f("ys_mapped_read");
    const std::string bytes = std::string(3 * kPage + 17, 'x') + "end";
    f.write(bytes);
    MappedFile mapped(f.path);
    ASSERT_TRUE(mapped.ok());
    EXPECT_EQ(mapped.bytes(), bytes);
    EXPECT_FALSE(mapped.lost());
}

TEST(MappedFile, EmptyOrMissingFilesAreNotMapped) {
    TempFile f("ys_mapped_empty");
    f.write("");
    EXPECT_FALSE(MappedFile(f.path).ok());
    EXPECT_FALSE(MappedFile(f.path.string() + ".missing").ok());
}

// Another program truncating the file under a load used to kill the tool with SIGBUS.
TEST(MappedFile, TruncatedWhileMappedReadsZerosAndSaysSo) {
    TempFile f("ys_mapped_truncated");
    f.write(std::string(4 * kPage, 'x'));
    MappedFile mapped(f.path);
    ASSERT_TRUE(mapped.ok());
    fs::resize_file(f.path, 100);
    const std::string_view bytes = mapped.bytes();
    ASSERT_EQ(bytes.size(), 4 * kPage);
    size_t xs = 0, zeros = 0;
    for (char c : bytes) {
        xs += c == 'x';
        zeros += c == '\0';
    }
    EXPECT_EQ(xs, 100u);
    EXPECT_EQ(zeros, 4 * kPage - 100);
    EXPECT_TRUE(mapped.lost());
}

TEST(MappedFile, ManyAtOnceAllStayGuarded) {
    TempFile f("ys_mapped_many");
    f.write(std::string(2 * kPage, 'y'));
    std::vector<std::unique_ptr<MappedFile>> maps;
    for (int i = 0; i < 40; i++) maps.push_back(std::make_unique<MappedFile>(f.path));
    fs::resize_file(f.path, 10);
    for (const auto& m : maps) {
        // Past the handler's table a file is not mapped (the caller reads it instead),
        // so every mapping that exists is one a truncation cannot kill.
        if (!m->ok()) continue;
        EXPECT_EQ(m->bytes()[2 * kPage - 1], '\0');
        EXPECT_TRUE(m->lost());
    }
}

// A trace of several pages (a long program source), so that a truncation takes whole
// pages away: within the last page the kernel just zeroes the lost bytes.
Trace several_pages_trace() {
    Trace trace = testing::build_hand_trace();
    trace.source += "\n# padding\n" + std::string(8 * kPage, '#');
    return trace;
}

TEST(LoadTrace, FileTruncatedWhileLoadingIsRejectedWithAMessage) {
    TempFile f("ys_mapped_trace.ystrace");
    f.write(write_trace_binary(several_pages_trace()));
    MappedFile mapped(f.path);
    ASSERT_TRUE(mapped.ok());
    fs::resize_file(f.path, kPage);
    try {
        load_mapped_trace(f.path, mapped);
        FAIL() << "a truncated file loaded";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.kind(), TraceErrorKind::Io);
        EXPECT_NE(std::string(e.what()).find("truncated by another program"), std::string::npos) << e.what();
    }
}

TEST(LoadTrace, UntouchedMappedFileLoadsAsWritten) {
    TempFile f("ys_mapped_trace_ok.ystrace");
    const std::string bytes = write_trace_binary(several_pages_trace());
    f.write(bytes);
    MappedFile mapped(f.path);
    ASSERT_TRUE(mapped.ok());
    EXPECT_EQ(write_trace_binary(load_mapped_trace(f.path, mapped)), bytes);
}

}  // namespace
}  // namespace ys::trace
