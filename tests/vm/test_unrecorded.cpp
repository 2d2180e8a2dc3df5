// Unrecorded scopes (trace_report.h): importing the frozen asyncio library and the
// library's handle descriptions are no steps, yet nothing of the heap is lost — the
// objects made meanwhile appear in the next step, and what dies meanwhile is freed.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lang/code.h"
#include "vm/vm.h"
#include "vm_test_util.h"

namespace ys::test {
namespace {

struct Collect final : trace::TraceSink {
    std::map<trace::ObjectId, std::string> code_files;  // code object id -> co_filename
    std::map<trace::ObjectId, std::string> code_names;  // code object id -> co_name
    std::map<trace::ObjectId, trace::ObjectId> frame_code;
    std::set<trace::ObjectId> live;
    std::map<trace::ObjectId, std::string> types;
    std::vector<trace::Event> events;
    void on_code(trace::ObjectId id, const CodePtr& code) override { 
        code_files[id] = code->co_filename;
        code_names[id] = code->co_name;
    }
    void on_object_created(trace::ObjectId id, std::string_view t, int64_t) override {
        live.insert(id);
        types[id] = std::string(t);
    }
    void on_field_set(trace::ObjectId id, std::string_view f, const trace::Value& v) override {
        if (f == "f_code" && v.kind == trace::Value::Kind::Ref) frame_code[id] = v.ref;
    }
    void on_refcount(trace::ObjectId, int64_t) override {}
    void on_object_freed(trace::ObjectId id) override { live.erase(id); }
    void on_event(const trace::Event& e) override { events.push_back(e); }
    bool frozen_frame(trace::ObjectId frame) const {
        auto f = frame_code.find(frame);
        if (f == frame_code.end()) return false;
        auto c = code_files.find(f->second);
        return c != code_files.end() && c->second.rfind("<frozen", 0) == 0;
    }
};

std::string record(const std::string& src, Collect& c) {
    Run r = run(src, 0, &c);
    return r.out + r.err;
}

TEST(Unrecorded, ImportingAsyncioIsNoStepButItsModulesAreInTheHeap) {
    Collect c;
    EXPECT_EQ(record("import asyncio\nprint('imported')\n", c), "imported\n");
    bool module_frame_of_library = false;
    for (const auto& e : c.events)
        if (e.kind == trace::EventKind::FramePush && e.frame && c.frozen_frame(e.frame)) module_frame_of_library = true;
    EXPECT_FALSE(module_frame_of_library) << "a frame of the frozen library was a step";
    bool asyncio_module = false;
    for (const auto& [id, type] : c.types) asyncio_module |= type == "module" && c.live.count(id);
    EXPECT_TRUE(asyncio_module);
    // Before the print: the start and the module's frame only (the shutdown after it
    // has many steps of its own: the collector frees the library's cycles).
    size_t before_print = 0;
    while (before_print < c.events.size() && c.events[before_print].kind != trace::EventKind::Output) ++before_print;
    EXPECT_LE(before_print, 2u);
}

TEST(Unrecorded, LoopCallbacksAreDescribedWithoutSteps) {
    Collect c;
    record(
        "import asyncio\n"
        "async def main():\n"
        "    await asyncio.sleep(0)\n"
        "asyncio.run(main())\n",
        c);
    size_t callbacks = 0;
    for (const auto& e : c.events) {
        if (e.kind == trace::EventKind::LoopCallback) {
            ++callbacks;
            EXPECT_FALSE(e.text.empty());  // described, though the describing was no step
        }
    }
    EXPECT_GE(callbacks, 2u);
    // The library's asyncio frames are steps (they are what runs); the code that
    // only builds the callbacks' descriptions is not.
    size_t library_frames = 0;
    for (const auto& e : c.events) {
        if (e.kind != trace::EventKind::FramePush) continue;
        auto f = c.frame_code.find(e.frame);
        ASSERT_NE(f, c.frame_code.end());
        const std::string& name = c.code_names[f->second];
        EXPECT_NE(name, "_describe_handle");
        EXPECT_NE(name, "_callback_name");
        library_frames += c.frozen_frame(e.frame);
    }
    EXPECT_GT(library_frames, 0u);
}

}  // namespace
}  // namespace ys::test
