// libFuzzer target: the json trace reader must reject bad input with a TraceError and
// never crash; whatever it accepts must replay, render and write back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "trace/replay.h"
#include "trace/queries.h"
#include "trace/trace_io.h"
#include "view/text_render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ys::trace::Trace t;
    try {
        t = ys::trace::read_trace_json(bytes);
    } catch (const ys::trace::TraceError&) {
        return 0;
    }
    if (t.step_count() > 5000) return 0;
    ys::trace::Replay replay(t, ys::trace::ReplayOptions{16});
    for (uint64_t s = t.step_count(); s-- > 0;) {
        const ys::trace::HeapState& st = replay.seek(s);
        (void)ys::trace::analyze_heap(st);
        if (!st.objects.empty()) (void)ys::trace::why_alive(st, st.objects.back().id);
        if (s % 7 == 0 || s + 1 == t.step_count())
            for (auto v : {ys::view::TextView::Layout, ys::view::TextView::Heap, ys::view::TextView::Exc,
                           ys::view::TextView::Frames})
                (void)ys::view::render_step(replay, s, v, ys::view::TextOptions{});
    }
    // What was read writes back and reads again.
    (void)ys::trace::read_trace_binary(ys::trace::write_trace_binary(t));
    (void)ys::trace::read_trace_json(ys::trace::write_trace_json(t));
    return 0;
}
