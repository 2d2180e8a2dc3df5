// `yieldscope show --view loop`: the event loop as text (the GUI's Event loop panel).
#include "view/event_loop.h"
#include "view/geometry.h"
#include "view/text_render.h"

namespace ys::view {

namespace {

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kReset = "\x1b[0m";

std::string line_of(const std::string& text, bool changed, const TextOptions& o) {
    std::string s = elide(text + (changed ? " *" : ""), static_cast<size_t>(std::max(40, o.width)));
    return (changed && o.color ? std::string(kRed) + s + kReset : s) + "\n";
}

std::string handle_text(const LoopHandle& h) {
    std::string s = h.type + " #" + std::to_string(h.id) + "  " + h.callback + h.args;
    if (h.has_when || !h.when_text.empty()) s = "t=" + h.when_text + "  " + s;
    if (h.cancelled) s += "  (cancelled: skipped when its turn comes)";
    return s;
}

}  // namespace

std::string render_loop(const trace::HeapState& st, const TextOptions& o) {
    const EventLoopView v = event_loop_view(st);
    std::string out = "Virtual clock: " + clock_text(v.clock) + "\n";
    if (!v.loop) return out + "\nNo event loop at this step (asyncio.run has not created one, or it is gone).\n";
    out += "Event loop #" + std::to_string(v.loop) + ": " +
           (v.closed ? "closed" : v.running ? (v.stopping ? "running, stopping" : "running") : "not running") + "\n";
    out += "\nReady queue (_ready, runs front to back)\n";
    if (v.ready.empty()) out += "  (empty)\n";
    for (size_t i = 0; i < v.ready.size(); ++i)
        out += line_of("  " + std::to_string(i + 1) + ". " + handle_text(v.ready[i]), v.ready[i].changed, o);
    out += "\nTimers (_scheduled, by due time)\n";
    if (v.timers.empty()) out += "  (none)\n";
    for (const auto& t : v.timers) out += line_of("  " + handle_text(t), t.changed, o);
    out += "\nTasks\n";
    if (v.tasks.empty()) out += "  (none)\n";
    for (const auto& t : v.tasks) {
        std::string s = "  " + t.name + " #" + std::to_string(t.id) + "  " + t.state + (t.running ? ", running now" : "");
        out += line_of(s, t.changed, o);
        out += line_of("      coro:  " + t.coro_text, false, o);
        if (!t.awaits_text.empty()) out += line_of("      awaits: " + t.awaits_text, false, o);
        if (!t.result.empty()) out += line_of("      result: " + t.result, false, o);
    }
    return out;
}

}  // namespace ys::view
