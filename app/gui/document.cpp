#include "gui/document.h"

#include <filesystem>
#include <limits>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "trace/record_program.h"
#include "trace/trace_io.h"
#include "view/describe.h"

namespace ys::gui {

namespace fs = std::filesystem;

std::string source_dir() {
#ifdef YS_SOURCE_DIR
    return YS_SOURCE_DIR;
#else
    return ".";
#endif
}

std::string default_example_path() { return source_dir() + "/assets/examples/fib.py"; }

int heap_lane(std::string_view type, bool has_traceback_field) {
    if (type == "PyThreadState" || type == "module") return LaneRoots;
    if (trace::is_frame_type(type)) return LaneFrames;
    if (!trace::gen_prefix(type).empty()) return LaneGenerators;
    // Level 2: the event loop and what it schedules.
    if (type.find("EventLoop") != std::string_view::npos || type == "Handle" || type == "TimerHandle" ||
        type == "Task" || type == "Future" || type == "_GatheringFuture")
        return LaneLoop;
    if (has_traceback_field || type == "traceback") return LaneExceptions;
    if (type == "code" || type == "function" || type == "cell") return LaneCode;
    return LaneOther;
}

const char* load_stage_text(LoadStage stage) {
    switch (stage) {
    case LoadStage::Reading: return "reading the file";
    case LoadStage::Recording: return "running the program";
    case LoadStage::Decoding: return "decoding the trace";
    case LoadStage::Indexing: return "indexing the steps";
    case LoadStage::Replaying: return "preparing the replay";
    case LoadStage::Done: return "done";
    }
    return "loading";
}

// Reads a whole file in chunks, so a large trace shows how far the read has got.
static std::string read_file(const std::string& path, LoadProgress* progress = nullptr) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open file");
    std::error_code ec;
    const uintmax_t total = fs::file_size(path, ec);
    std::string bytes;
    if (!ec) bytes.reserve(static_cast<size_t>(total));
    constexpr size_t kChunk = size_t{4} << 20;
    std::vector<char> chunk(kChunk);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(kChunk));
        bytes.append(chunk.data(), static_cast<size_t>(in.gcount()));
        if (progress && !ec && total > 0)
            progress->set(LoadStage::Reading, static_cast<float>(static_cast<double>(bytes.size()) / static_cast<double>(total)));
    }
    if (in.bad()) throw std::runtime_error(path + ": read error");
    return bytes;
}

trace::Trace record_file(const std::string& path) {
    const std::string source = read_file(path);
    std::ostringstream out, err;
    trace::RecordOptions options;
    options.out = &out;
    options.err = &err;
    trace::RecordResult result =
        trace::record_program(source, fs::path(path).filename().string(), options);
    // A program that could not start (a syntax error) leaves nothing worth showing.
    if (result.trace.step_count() <= 1 && !err.str().empty()) throw std::runtime_error(err.str());
    return std::move(result.trace);
}

static bool looks_like_program(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext == ".py";
}

std::unique_ptr<Document> Document::open(const std::string& path, LoadProgress* progress) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw std::runtime_error(path + ": no such file");
    if (fs::is_directory(path, ec)) throw std::runtime_error(path + ": is a directory");
    if (looks_like_program(path)) {
        if (progress) progress->set(LoadStage::Recording);
        trace::Trace t = record_file(path);
        if (t.empty()) throw std::runtime_error(path + ": the program produced no trace");
        return from_trace(std::move(t), path, true, progress);
    }
    trace::Trace t;
    try {
        const std::string bytes = read_file(path, progress);
        if (progress) progress->set(LoadStage::Decoding);
        t = trace::read_trace(bytes);
    } catch (const trace::TraceError& e) {
        throw std::runtime_error("not a valid trace: " + path + ": " + e.what());
    }
    return from_trace(std::move(t), path, false, progress);
}

std::unique_ptr<Document> Document::open_default() { return open(default_example_path()); }

std::unique_ptr<Document> Document::from_trace(trace::Trace t, std::string path, bool is_program,
                                               LoadProgress* progress) {
    std::unique_ptr<Document> d(new Document());
    d->trace_ = std::make_unique<trace::Trace>(std::move(t));
    d->path_ = std::move(path);
    d->is_program_ = is_program;
    d->build_indexes(progress);
    if (progress) progress->set(LoadStage::Replaying);
    d->replay_ = std::make_unique<trace::Replay>(*d->trace_);
    d->replay_->seek(0);
    if (progress) progress->set(LoadStage::Done, 1.0f);
    return d;
}

std::string Document::display_name() const {
    if (path_.empty()) return trace_->filename.empty() ? "untitled" : trace_->filename;
    return fs::path(path_).filename().string();
}

void Document::mark_saved(const std::string& path) {
    path_ = path;
    is_program_ = false;
    dirty_ = false;
}

void Document::build_indexes(LoadProgress* progress) {
    const trace::Trace& t = *trace_;
    const uint64_t n = t.step_count();
    auto report = [&](uint64_t s) {
        if (progress && (s & 0xFFFF) == 0 && n) progress->set(LoadStage::Indexing, static_cast<float>(s) / static_cast<float>(n));
    };
    if (progress) progress->set(LoadStage::Indexing, 0.0f);
    std::vector<uint8_t> kinds(t.step_count());
    const auto& extras = t.extras();
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        kinds[s] = static_cast<uint8_t>(t.event_kind(s));
        const uint32_t extra = t.record(s).extra;
        if (extra && extra < extras.size()) view::add_clock_reading(clock_, static_cast<int64_t>(s), extras[extra].virtual_time);
        else if (!clock_.empty()) view::add_clock_reading(clock_, static_cast<int64_t>(s), 0.0);
    }
    timeline_ = view::TimelineIndex(kinds);

    // Object lifetimes for the heap graph's stable placement.
    struct Life {
        int64_t born = 0;
        int64_t died = std::numeric_limits<int64_t>::max();
        uint32_t type = 0;
        bool traceback = false;
    };
    std::unordered_map<trace::ObjectId, Life> lives;
    uint32_t tb_name = UINT32_MAX, f_code_name = UINT32_MAX;
    for (uint32_t i = 0; i < t.strings().size(); ++i) {
        if (t.strings()[i] == "__traceback__") tb_name = i;
        if (t.strings()[i] == "f_code") f_code_name = i;
    }
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        report(s);
        for (const trace::Change& c : t.changes(s)) {
            switch (c.kind) {
            case trace::Change::Kind::Created: {
                Life& l = lives[c.object];
                l.born = static_cast<int64_t>(s);
                l.type = c.name;
                break;
            }
            case trace::Change::Kind::Freed: lives[c.object].died = static_cast<int64_t>(s); break;
            case trace::Change::Kind::FieldSet:
                if (c.name == tb_name) lives[c.object].traceback = true;
                if (c.name == f_code_name && c.value_kind == trace::Value::Kind::Ref)
                    frame_code_[c.object] = static_cast<trace::ObjectId>(c.payload);
                break;
            default: break;
            }
        }
    }
    std::vector<view::NodeLifetime> list;
    list.reserve(lives.size());
    for (const auto& [id, l] : lives)
        list.push_back({id, heap_lane(t.str(l.type), l.traceback), l.born, l.died});
    graph_ = view::StableGraphLayout(std::move(list), LaneCount);
}

const trace::HeapState& Document::seek(uint64_t step) {
    if (step > last_step()) step = last_step();
    if (replay_->position() != step || step_count() == 0) return replay_->seek(step);
    return replay_->state();
}

const trace::HeapAnalysis& Document::analysis() {
    if (analysis_step_ != state().step) {
        analysis_ = trace::analyze_heap(state());
        analysis_step_ = state().step;
    }
    return analysis_;
}

const std::string& Document::sentence() {
    if (sentence_step_ != state().step) {
        sentence_ = step_count() ? view::describe_step(state()) : std::string("(empty trace)");
        sentence_step_ = state().step;
    }
    return sentence_;
}

int64_t Document::next_step_on_line(int line, uint64_t from) const {
    const uint64_t n = step_count();
    for (uint64_t i = 1; i <= n; ++i) {
        const uint64_t s = (from + i) % n;
        if (trace_->record(s).line == line) return static_cast<int64_t>(s);
    }
    return -1;
}

int64_t Document::next_step_at(trace::ObjectId code_object, int lasti, uint64_t from) {
    const uint64_t n = step_count();
    for (uint64_t i = 1; i <= n; ++i) {
        const uint64_t s = (from + i) % n;
        const trace::StepRecord& r = trace_->record(s);
        if (r.lasti != lasti) continue;
        auto it = frame_code_.find(r.frame);
        if (it != frame_code_.end() && it->second == code_object) return static_cast<int64_t>(s);
    }
    return -1;
}

}  // namespace ys::gui
