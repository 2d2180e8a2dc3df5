#include "view/followed_frame.h"

namespace ys::view {

namespace {

const trace::FrameInfo* find_frame(const trace::HeapState& st, trace::ObjectId frame) {
    for (const auto& f : st.frame_stack)
        if (f.frame == frame) return &f;
    for (const auto& f : st.suspended_frames)
        if (f.frame == frame) return &f;
    return nullptr;
}

FollowedFrame from_info(const trace::FrameInfo& f) {
    FollowedFrame out;
    out.frame = f.frame;
    out.code = f.code;
    out.name = f.name;
    out.line = f.line;
    out.lasti = f.lasti;
    out.suspended = f.suspended;
    return out;
}

}  // namespace

FollowedFrame followed_frame(const trace::HeapState& st) {
    const trace::Event& ev = st.event;
    FollowedFrame out;
    if (ev.frame) {
        if (const trace::FrameInfo* f = find_frame(st, ev.frame)) {
            out = from_info(*f);
        } else if (const trace::ObjectState* obj = st.find(ev.frame)) {
            // A frame neither on the stack nor suspended (being created or torn down).
            out.frame = ev.frame;
            out.code = obj->ref("f_code");
            out.line = static_cast<int>(obj->integer("f_lineno", -1));
            out.lasti = static_cast<int>(obj->integer("prev_instr", -1));
        }
    }
    if (!out.frame && !st.frame_stack.empty()) out = from_info(st.frame_stack.front());
    // The event's own position is fresher than the frame's fields.
    if (out.frame && (ev.frame == out.frame || ev.frame == 0)) {
        if (ev.lasti >= 0) out.lasti = ev.lasti;
        if (ev.line >= 0) out.line = ev.line;
    }
    return out;
}

}  // namespace ys::view
