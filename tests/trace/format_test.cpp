#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <limits>
#include <filesystem>
#include <fstream>
#include <thread>

#include "trace/hand_trace.h"
#include "trace/temp_dir.h"
#include "trace/recorder.h"
#include "trace/replay.h"
#include "trace/trace_io.h"

namespace ys::trace {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

using testing::TempDir;

void expect_same_replay(const Trace& a, const Trace& b) {
    Replay ra(a), rb(b);
    ASSERT_EQ(a.step_count(), b.step_count());
    for (uint64_t s = 0; s < a.step_count(); ++s) {
        const HeapState& x = ra.seek(s);
        const HeapState& y = rb.seek(s);
        ASSERT_EQ(x.objects, y.objects) << "step " << s;
        ASSERT_EQ(x.output, y.output) << "step " << s;
        ASSERT_EQ(x.frame_stack.size(), y.frame_stack.size()) << "step " << s;
        ASSERT_EQ(x.exc_chain.size(), y.exc_chain.size()) << "step " << s;
        ASSERT_EQ(x.event.kind, y.event.kind);
        ASSERT_EQ(x.event.value, y.event.value);
    }
}

TEST(Format, JsonRoundTrip) {
    Trace t = testing::build_hand_trace();
    std::string json = write_trace_json(t);
    Trace back = read_trace_json(json);
    EXPECT_TRUE(t.same_content(back));
    EXPECT_EQ(write_trace_json(back), json);  // deterministic
    expect_same_replay(t, back);
    EXPECT_NE(json.find("\"format\": \"yieldscope-trace\""), std::string::npos);
    EXPECT_NE(json.find("\"gi_frame_state\""), std::string::npos);
}

TEST(Format, BinaryRoundTrip) {
    Trace t = testing::build_hand_trace();
    std::string bin = write_trace_binary(t);
    ASSERT_EQ(bin.compare(0, 8, std::string(kBinaryMagic, 8)), 0);
    Trace back = read_trace_binary(bin);
    EXPECT_TRUE(t.same_content(back));
    EXPECT_EQ(write_trace_binary(back), bin);
    expect_same_replay(t, back);
}

TEST(Format, JsonAndBinaryGiveIdenticalReplays) {
    Trace t = testing::build_hand_trace();
    Trace from_json = read_trace(write_trace_json(t));
    Trace from_bin = read_trace(write_trace_binary(t));
    EXPECT_TRUE(from_json.same_content(from_bin));
    expect_same_replay(from_json, from_bin);
    // And converting between the two keeps everything.
    EXPECT_TRUE(read_trace_binary(write_trace_binary(from_json)).same_content(t));
    EXPECT_EQ(from_bin.code(testing::kCodeFib)->co_consts[2].items[1].float_value, 0.1);
    EXPECT_EQ(from_json.code(testing::kCodeFib)->co_consts[2].items[0].text, "x\n\"y\"");
    EXPECT_EQ(from_json.annotations.at(7), t.annotations.at(7));
}

TraceError expect_error(const std::string& bytes) {
    try {
        read_trace(bytes);
    } catch (const TraceError& e) {
        return e;
    }
    ADD_FAILURE() << "no error";
    return TraceError(TraceErrorKind::Io, "", "");
}

TEST(Format, RejectsWrongMagic) {
    TraceError e = expect_error(std::string("YSTRACX\0", 8) + "rest");
    // Not the binary magic, so it is read as JSON and is not JSON.
    EXPECT_EQ(e.kind(), TraceErrorKind::NotATrace);
    try {
        read_trace_binary("NOTATRACEFILE");
        FAIL();
    } catch (const TraceError& err) {
        EXPECT_EQ(err.kind(), TraceErrorKind::NotATrace);
        EXPECT_EQ(err.location(), "byte 0");
    }
}

const std::string kVersionLine = "\"version\": " + std::to_string(kFormatVersion);

TEST(Format, RejectsUnsupportedVersions) {
    std::string bin = write_trace_binary(testing::build_hand_trace());
    bin[8] = 7;
    TraceError e = expect_error(bin);
    EXPECT_EQ(e.kind(), TraceErrorKind::UnsupportedVersion);
    EXPECT_EQ(e.location(), "byte 8");
    EXPECT_NE(std::string(e.what()).find("version 7"), std::string::npos);

    std::string json = write_trace_json(testing::build_hand_trace());
    auto at = json.find(kVersionLine);
    ASSERT_NE(at, std::string::npos);
    json.replace(at, 12, "\"version\": 99");
    e = expect_error(json);
    EXPECT_EQ(e.kind(), TraceErrorKind::UnsupportedVersion);
    EXPECT_EQ(e.location(), "/version");
}

TEST(Format, EveryTruncationOfABinaryTraceIsReported) {
    std::string bin = write_trace_binary(testing::build_hand_trace());
    for (size_t n = 0; n < bin.size(); ++n) {
        std::string cut = bin.substr(0, n);
        try {
            read_trace_binary(cut);
            FAIL() << "prefix of " << n << " bytes accepted";
        } catch (const TraceError& e) {
            if (n >= 8) {
                EXPECT_EQ(e.kind(), TraceErrorKind::Truncated) << n << ": " << e.what();
                EXPECT_EQ(e.location(), "byte " + std::to_string(n)) << e.what();
            }
        }
    }
}

TEST(Format, EveryTruncationOfAJsonTraceIsReported) {
    std::string json = write_trace_json(testing::build_hand_trace());
    for (size_t n = 0; n < json.size(); n += 7) {
        try {
            read_trace_json(json.substr(0, n));
            FAIL() << "prefix of " << n << " bytes accepted";
        } catch (const TraceError& e) {
            EXPECT_EQ(e.location().rfind("byte ", 0), 0u) << e.what();
        }
    }
}

// A minimal binary trace whose byte layout is known: one step with one change.
std::string minimal_binary() {
    Trace t;
    t.header.tool_version.clear();
    t.add_freed(5);
    Event e;
    e.kind = EventKind::ProgramEnd;
    t.add_event(e);
    return write_trace_binary(t);
}

TEST(Format, BinaryErrorsSayWhere) {
    std::string bin = minimal_binary();
    // magic(8) version(4) granularity truncated tool filename source nstrings ncodes nnotes nsteps
    // nchanges = byte 22: the step's change count, 23: the change's kind, 25: the event kind.
    ASSERT_EQ(static_cast<uint8_t>(bin[22]), 1);
    ASSERT_EQ(static_cast<uint8_t>(bin[23]), static_cast<uint8_t>(Change::Kind::Freed));
    EXPECT_NO_THROW(read_trace_binary(bin));

    std::string bad = bin;
    bad[23] = 9;
    TraceError e = expect_error(bad);
    EXPECT_EQ(e.kind(), TraceErrorKind::Malformed);
    EXPECT_EQ(e.location(), "byte 23");
    EXPECT_NE(std::string(e.what()).find("change kind"), std::string::npos);

    bad = bin;
    bad[12] = 9;  // granularity
    e = expect_error(bad);
    EXPECT_EQ(e.location(), "byte 12");

    bad = bin + "x";
    e = expect_error(bad);
    EXPECT_EQ(e.kind(), TraceErrorKind::Malformed);

    bad = bin;
    bad[25] = 100;  // event kind
    e = expect_error(bad);
    EXPECT_EQ(e.location(), "byte 25");

    bad = bin;
    bad[21] = 2;  // the total change count disagrees with the steps
    e = expect_error(bad);
    EXPECT_EQ(e.kind(), TraceErrorKind::Malformed);
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

TEST(Format, JsonErrorsGiveTheJsonPath) {
    const std::string json = write_trace_json(testing::build_hand_trace());
    struct Case { std::string from, to, location; TraceErrorKind kind; };
    const Case cases[] = {
        {"\"format\": \"yieldscope-trace\"", "\"format\": \"other\"", "/format", TraceErrorKind::NotATrace},
        {"{\"op\":\"set\",\"id\":1,\"field\":\"cframe.current_frame\"", "{\"op\":\"set\",\"id\":1",
         "/steps/0/changes/1/field", TraceErrorKind::Malformed},
        {"{\"op\":\"create\",\"id\":1,", "{\"op\":\"grow\",\"id\":1,", "/steps/0/changes/0/op", TraceErrorKind::Malformed},
        {"\"event\":\"GenYield\"", "\"event\":\"GenFly\"", "/steps/7/event", TraceErrorKind::Malformed},
        {"\"value\":1,\"changes\"", "\"value\":[1],\"changes\"", "/steps/7/value", TraceErrorKind::Malformed},
        {"\"granularity\": \"events\"", "\"granularity\": \"some\"", "/granularity", TraceErrorKind::Malformed},
        {"\"co_code\": \"4b00", "\"co_code\": \"zz00", "/codes/0/co_code", TraceErrorKind::Malformed},
        {"\"steps\": [", "\"stops\": [", "/steps", TraceErrorKind::Malformed},
        {"\"id\":3,\"type\":\"code\"", "\"id\":-3,\"type\":\"code\"", "/steps/0/changes/6/id", TraceErrorKind::Malformed},
        {"{\"ref\":1}", "{\"ref\":0}", "/steps/0/changes/2/value/ref", TraceErrorKind::Malformed},
        {"\"id\":3,\"type\":\"code\"", "\"id\":4294967296,\"type\":\"code\"", "/steps/0/changes/6/id", TraceErrorKind::Malformed},
    };
    for (const auto& c : cases) {
        TraceError e = expect_error(replace_once(json, c.from, c.to));
        EXPECT_EQ(e.location(), c.location) << c.to << " -> " << e.what();
        EXPECT_EQ(e.kind(), c.kind) << c.to;
    }
    TraceError e = expect_error("{\"format\": \"yieldscope-trace\", \"version\": 1,,}");
    EXPECT_EQ(e.location().rfind("byte ", 0), 0u);
    e = expect_error("{\"format\": \"yieldscope-trace\", \"version\": 1e999}");  // found by fuzz_trace_json
    EXPECT_EQ(e.kind(), TraceErrorKind::Malformed);
    EXPECT_EQ(e.location(), "byte 42");
    e = expect_error("[1, 2]");
    EXPECT_EQ(e.kind(), TraceErrorKind::NotATrace);
    e = expect_error("");
    EXPECT_EQ(e.kind(), TraceErrorKind::Truncated);
}

TEST(Format, SaveIsAtomicAndLeavesNoTemporaryFiles) {
    TempDir dir;
    Trace t = testing::build_hand_trace();
    fs::path p = dir.path / "t.json";
    save_trace(t, p);
    EXPECT_TRUE(load_trace(p).same_content(t));
    t.annotations[0] = "changed";
    save_trace(t, p);
    EXPECT_EQ(load_trace(p).annotations.at(0), "changed");
    fs::path b = dir.path / "t.ystrace";
    save_trace(t, b);
    EXPECT_EQ(slurp(b).substr(0, 7), "YSTRACE");
    EXPECT_TRUE(load_trace(b).same_content(t));
    EXPECT_EQ(dir.entries(), 2u);
}

TEST(Format, FailedSaveKeepsTheExistingFile) {
    TempDir dir;
    Trace t = testing::build_hand_trace();
    // A destination that cannot be replaced (a non-empty directory): the save fails
    // after writing its temporary file, which must be cleaned up.
    fs::path target = dir.path / "busy.json";
    fs::create_directories(target / "inside");
    EXPECT_THROW(save_trace(t, target), TraceError);
    EXPECT_TRUE(fs::is_directory(target / "inside"));
    EXPECT_EQ(dir.entries(), 1u);
    // A missing directory.
    try {
        save_trace(t, dir.path / "no" / "such" / "dir.json");
        FAIL();
    } catch (const TraceError& e) {
        EXPECT_EQ(e.kind(), TraceErrorKind::Io);
    }
}

TEST(Format, InterruptedSaveNeverDestroysTheExistingTrace) {
    TempDir dir;
    Trace t = testing::build_hand_trace();
    fs::path p = dir.path / "keep.json";
    save_trace(t, p);
    const std::string before = slurp(p);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Write a very large file slowly enough to be killed in the middle.
        std::string big(512u << 20, 'x');
        try { atomic_write_file(p, big); } catch (...) {}
        ::_exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_EQ(slurp(p).size() == before.size() || slurp(p).size() == (512u << 20), true);
    if (WIFSIGNALED(status)) {
        EXPECT_EQ(slurp(p), before);  // killed mid-save: the old trace is intact
        EXPECT_TRUE(load_trace(p).same_content(t));
    }
}

TEST(Format, LoadReportsMissingFiles) {
    try {
        load_trace("/nonexistent/trace.json");
        FAIL();
    } catch (const TraceError& e) {
        EXPECT_EQ(e.kind(), TraceErrorKind::Io);
        EXPECT_NE(std::string(e.what()).find("/nonexistent/trace.json"), std::string::npos);
    }
}

TEST(Format, LoadNamesTheFileInErrors) {
    TempDir dir;
    fs::path p = dir.path / "bad.ystrace";
    std::ofstream(p) << "YSTRACE";
    try {
        load_trace(p);
        FAIL();
    } catch (const TraceError& e) {
        EXPECT_EQ(e.kind(), TraceErrorKind::Truncated);
        EXPECT_NE(e.location().find("bad.ystrace: byte 7"), std::string::npos) << e.location();
    }
}

TEST(Format, RemovedFieldsRoundTripInBothForms) {
    Trace t = testing::build_removal_trace();
    std::string json = write_trace_json(t);
    EXPECT_NE(json.find("{\"op\":\"remove\",\"id\":1,\"field\":\"'a'\"}"), std::string::npos);
    Trace j = read_trace(json);
    Trace b = read_trace(write_trace_binary(t));
    EXPECT_TRUE(t.same_content(j));
    EXPECT_TRUE(t.same_content(b));
    expect_same_replay(t, j);
    expect_same_replay(t, b);
    std::string bin = write_trace_binary(t);
    for (size_t n = 0; n < bin.size(); ++n) {
        try {
            read_trace_binary(bin.substr(0, n));
            ADD_FAILURE() << "prefix of " << n << " bytes accepted";
        } catch (const TraceError& e) {
            EXPECT_EQ(e.kind(), TraceErrorKind::Truncated) << n;
            EXPECT_EQ(e.location(), "byte " + std::to_string(n)) << n;
        }
    }
}

// Int reprs are kept as numbers (no string per distinct int); every other text,
// including ones that only look like numbers, is interned as before.
TEST(Format, DecimalTextsRoundTripAsNumbersAndOthersAsStrings) {
    int64_t n = 0;
    EXPECT_TRUE(parse_decimal_repr("0", n) && n == 0);
    EXPECT_TRUE(parse_decimal_repr("-12", n) && n == -12);
    EXPECT_TRUE(parse_decimal_repr("999999999999999999", n) && n == 999999999999999999);
    for (const char* not_decimal : {"", "-", "-0", "007", "+1", "1.5", "1e3", "0x1", " 1", "1234567890123456789", "True"})
        EXPECT_FALSE(parse_decimal_repr(not_decimal, n)) << not_decimal;

    const std::vector<std::string> texts = {"0", "-7", "400000", "007", "-0", "12345678901234567890", "'5'", "None"};
    Trace t;
    t.add_created(1, "list", 1);
    for (size_t i = 0; i < texts.size(); ++i)
        t.add_field_set(1, "ob_item[" + std::to_string(i) + "]", Value::inline_text(texts[i]));
    Event e;
    e.kind = EventKind::GenYield;
    e.value = Value::inline_text("-7");
    t.add_event(e);
    EXPECT_EQ(t.event(0).value, Value::inline_text("-7"));
    for (size_t i = 0; i < texts.size(); ++i)
        EXPECT_EQ(t.unpack(t.changes(0)[i + 1].value()), Value::inline_text(texts[i])) << texts[i];
    for (const std::string& s : t.strings()) EXPECT_NE(s, "400000") << "an int repr went to the string table";

    const std::string bin = write_trace_binary(t);
    Trace back = read_trace(bin);
    EXPECT_TRUE(t.same_content(back));
    expect_same_replay(t, back);
    EXPECT_TRUE(t.same_content(read_trace(write_trace_json(t))));

    // Value kind 4 is version 3's: an older file holding it is malformed.
    std::string old = bin;
    old[8] = 2;
    TraceError err = expect_error(old);
    EXPECT_EQ(err.kind(), TraceErrorKind::Malformed);
    EXPECT_NE(std::string(err.what()).find("unknown value kind 4"), std::string::npos) << err.what();
}

// Floats reach the recorder as their bits (Value::float_repr_of): no repr is made or
// interned while recording; reading gives Python's repr of the float.
TEST(Format, FloatTextsRoundTripAsBitsAndReadAsTheirRepr) {
    const std::vector<std::pair<double, std::string>> floats = {
        {0.1, "0.1"},       {1e16, "1e+16"},       {1e-5, "1e-05"},           {-0.0, "-0.0"},
        {2.5, "2.5"},       {1.0 / 3, "0.3333333333333333"}, {123456789.125, "123456789.125"},
        {std::numeric_limits<double>::infinity(), "inf"}, {std::numeric_limits<double>::quiet_NaN(), "nan"}};
    Recorder r;
    r.set_program("f.py", "x = 0.1\n");
    r.on_object_created(1, "list", 1);
    for (size_t i = 0; i < floats.size(); ++i)
        r.on_field_set(1, "ob_item[" + std::to_string(i) + "]", Value::float_repr_of(floats[i].first));
    Event e;
    e.kind = EventKind::GenYield;
    e.value = Value::float_repr_of(0.1);
    r.on_event(e);
    Trace t = r.finish();
    ASSERT_TRUE(Recorder().takes_number_reprs());
    EXPECT_EQ(t.event(0).value, Value::inline_text("0.1"));
    for (size_t i = 0; i < floats.size(); ++i) {
        const PackedValue packed = t.changes(0)[i + 1].value();
        EXPECT_TRUE(packed.float_text()) << floats[i].second;
        EXPECT_EQ(t.unpack(packed), Value::inline_text(floats[i].second));
    }
    for (const std::string& s : t.strings()) EXPECT_NE(s, "0.1") << "a float repr went to the string table";

    const std::string bin = write_trace_binary(t);
    Trace back = read_trace(bin);
    EXPECT_TRUE(t.same_content(back));
    EXPECT_TRUE(back.changes(0)[1].value().float_text());
    expect_same_replay(t, back);
    // The JSON form holds the reprs as text, as before version 4.
    const std::string json = write_trace_json(t);
    EXPECT_NE(json.find("\"1e+16\""), std::string::npos);
    EXPECT_TRUE(t.same_content(read_trace(json)));

    // Value kind 5 is version 4's: an older file holding it is malformed.
    std::string old = bin;
    old[8] = 3;
    TraceError err = expect_error(old);
    EXPECT_EQ(err.kind(), TraceErrorKind::Malformed);
    EXPECT_NE(std::string(err.what()).find("unknown value kind 5"), std::string::npos) << err.what();
}

TEST(Format, ReadsVersion1Files) {
    Trace hand = testing::build_hand_trace();  // nothing version 2 added
    std::string bin = write_trace_binary(hand);
    bin[8] = 1;
    EXPECT_TRUE(hand.same_content(read_trace(bin)));
    EXPECT_EQ(read_trace(bin).header.version, kFormatVersion);  // read into the current version
    std::string json = replace_once(write_trace_json(hand), kVersionLine, "\"version\": 1");
    EXPECT_TRUE(hand.same_content(read_trace(json)));
}

TEST(Format, RemoveIsRejectedInVersion1AndWhenMalformed) {
    Trace t = testing::build_removal_trace();
    std::string json = replace_once(write_trace_json(t), kVersionLine, "\"version\": 1");
    TraceError e = expect_error(json);
    EXPECT_EQ(e.kind(), TraceErrorKind::Malformed);
    EXPECT_EQ(e.location(), "/steps/1/changes/0/op");

    std::string bin = write_trace_binary(t);
    bin[8] = 1;
    e = expect_error(bin);
    EXPECT_EQ(e.kind(), TraceErrorKind::Malformed);
    ASSERT_EQ(e.location().rfind("byte ", 0), 0u);
    size_t at = std::stoul(e.location().substr(5));
    ASSERT_LT(at, bin.size());
    EXPECT_EQ(static_cast<uint8_t>(bin[at]), static_cast<uint8_t>(Change::Kind::FieldRemoved));

    json = replace_once(write_trace_json(t), "{\"op\":\"remove\",\"id\":1,\"field\":\"'a'\"}",
                        "{\"op\":\"remove\",\"id\":1}");
    e = expect_error(json);
    EXPECT_EQ(e.location(), "/steps/1/changes/0/field");
    json = replace_once(write_trace_json(t), "{\"op\":\"remove\",\"id\":1,\"field\":\"'a'\"}",
                        "{\"op\":\"remove\",\"id\":1,\"field\":\"\"}");
    e = expect_error(json);
    EXPECT_EQ(e.location(), "/steps/1/changes/0/field");
}

}  // namespace
}  // namespace ys::trace
