// An open trace and everything derived from it once: replay, the timeline index, the
// heap graph's stable placement, and per-step caches (heap analysis, the step's sentence).
// Model state only; what the user is looking at lives in ViewState.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "trace/queries.h"
#include "trace/replay.h"
#include "trace/trace.h"
#include "view/graph_layout.h"
#include "view/timeline.h"

namespace ys::gui {

// Heap-graph lanes (bands), by family of object.
enum HeapLane : int {
    LaneRoots, LaneFrames, LaneGenerators, LaneLoop, LaneExceptions, LaneCode, LaneOther, LaneCount
};
int heap_lane(std::string_view type_name, bool has_traceback_field);

// How far a load has got, written by the loading thread and read by the GUI thread.
enum class LoadStage : int { Reading, Recording, Decoding, Indexing, Replaying, Done };
const char* load_stage_text(LoadStage stage);   // "reading the file"
struct LoadProgress {
    std::atomic<LoadStage> stage{LoadStage::Reading};
    std::atomic<float> fraction{-1.0f};         // of the stage, 0..1; < 0 when unknown
    void set(LoadStage s, float f = -1.0f) {
        fraction.store(f, std::memory_order_relaxed);
        stage.store(s, std::memory_order_relaxed);
    }
};

class Document {
public:
    // A trace file (.json / .ystrace) or a Python program (recorded on the fly).
    // Throws std::runtime_error with a message fit for the user. `progress`, when given,
    // is updated as the load goes (the call may run on any thread: it touches no GUI).
    static std::unique_ptr<Document> open(const std::string& path, LoadProgress* progress = nullptr);
    // The built-in default example.
    static std::unique_ptr<Document> open_default();
    static std::unique_ptr<Document> from_trace(trace::Trace trace, std::string path, bool is_program,
                                                LoadProgress* progress = nullptr);

    const trace::Trace& trace() const { return *trace_; }
    trace::Trace& trace_for_edit() { dirty_ = true; return *trace_; }
    const std::string& path() const { return path_; }
    std::string display_name() const;
    bool is_program() const { return is_program_; }
    bool dirty() const { return dirty_; }
    void mark_saved(const std::string& path);

    uint64_t step_count() const { return trace_->step_count(); }
    uint64_t last_step() const { return step_count() ? step_count() - 1 : 0; }
    const trace::HeapState& seek(uint64_t step);
    const trace::HeapState& state() const { return replay_->state(); }
    const view::TimelineIndex& timeline() const { return timeline_; }
    const view::StableGraphLayout& graph() const { return graph_; }
    // Level 2: the steps where the virtual clock changes (empty when it stays at 0).
    const std::vector<view::ClockChange>& clock() const { return clock_; }
    // Per current step.
    const trace::HeapAnalysis& analysis();
    const std::string& sentence();

    // The code object a frame runs, as learned from its f_code (0 if never set).
    trace::ObjectId code_of_frame(trace::ObjectId frame) const {
        auto it = frame_code_.find(frame);
        return it == frame_code_.end() ? 0 : it->second;
    }
    // The next step after `from` (wrapping to the start) whose event is on `line`; -1 if none.
    int64_t next_step_on_line(int line, uint64_t from) const;
    // The next step after `from` (wrapping) whose running frame runs code `code` at lasti.
    int64_t next_step_at(trace::ObjectId code_object, int lasti, uint64_t from);

private:
    Document() = default;
    void build_indexes(LoadProgress* progress);

    std::unique_ptr<trace::Trace> trace_;
    std::unique_ptr<trace::Replay> replay_;
    view::TimelineIndex timeline_;
    std::vector<view::ClockChange> clock_;
    view::StableGraphLayout graph_;
    std::string path_;
    bool is_program_ = false;
    bool dirty_ = false;
    uint64_t analysis_step_ = UINT64_MAX;
    trace::HeapAnalysis analysis_;
    uint64_t sentence_step_ = UINT64_MAX;
    std::string sentence_;
    // frame object -> code object id, learned from f_code field sets.
    std::unordered_map<trace::ObjectId, trace::ObjectId> frame_code_;
};

// Records a Python program file into a trace (events granularity); its output is dropped.
trace::Trace record_file(const std::string& path);

// Where the examples and shipped traces live.
std::string source_dir();
std::string default_example_path();

}  // namespace ys::gui
