#include "view/describe.h"

#include "view/struct_layout.h"

namespace ys::view {

using trace::EventKind;
using trace::HeapState;
using trace::ObjectId;
using trace::Value;

namespace {

// TaskScheduled's text is "created Task-1", "step of Task-1" or "wakeup of Task-1".
std::string task_scheduled_sentence(const std::string& text) {
    auto after = [&](const char* prefix) {
        const size_t n = std::char_traits<char>::length(prefix);
        return text.rfind(prefix, 0) == 0 ? text.substr(n) : std::string();
    };
    if (std::string t = after("created "); !t.empty())
        return t + " is created: its first step goes to the end of the event loop's ready queue.";
    if (std::string t = after("step of "); !t.empty())
        return t + " gave up its turn without waiting for anything: its next step goes back on the ready queue.";
    if (std::string t = after("wakeup of "); !t.empty())
        return "The future that " + t + " waited on is done: a wakeup for " + t + " goes on the ready queue.";
    return "A task is scheduled" + (text.empty() ? std::string() : ": " + text) + ".";
}

std::string shorten(const std::string& in, size_t max = 40) {
    std::string s;
    for (char c : in) {
        if (c == '\n') s += "\\n";
        else if (c == '\t') s += "\\t";
        else s += c;
    }
    if (s.size() > max) s = s.substr(0, max - 3) + "...";
    return s;
}

std::string value_words(const HeapState& st, const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return "None";
        case Value::Kind::Int: return std::to_string(v.number);
        case Value::Kind::Text: return shorten(v.text);
        case Value::Kind::Ref: return pointee_text(st, v);
    }
    return "?";
}

std::string name_of(const HeapState& st, ObjectId id) {
    if (!id) return "the program";
    std::string n = st.code_name(id);
    if (!n.empty()) return n;
    if (st.alive(id)) return st.label(id);
    for (const auto& f : st.diff.freed)
        if (f.id == id) return f.type;
    return "object #" + std::to_string(id);
}

// Where a generator's frame is: its frame object's prev_instr / f_lineno, or the inline
// gi_iframe.* fields; the event's own position otherwise.
void generator_position(const HeapState& st, ObjectId gen, int& line, int& lasti) {
    const trace::ObjectState* g = st.find(gen);
    if (!g) return;
    std::string p(trace::gen_prefix(g->type));
    if (p.empty()) return;
    if (const trace::ObjectState* f = st.find(g->ref(p + "iframe"))) {
        line = static_cast<int>(f->integer("f_lineno", line));
        lasti = static_cast<int>(f->integer("prev_instr", lasti));
        return;
    }
    line = static_cast<int>(g->integer(p + "iframe.f_lineno", line));
    lasti = static_cast<int>(g->integer(p + "iframe.prev_instr", lasti));
}

std::string at_line(const trace::Event& e) {
    std::string s;
    if (e.line >= 0) s += " at line " + std::to_string(e.line);
    if (e.lasti >= 0) s += " (f_lasti " + std::to_string(e.lasti) + ")";
    return s;
}

std::string in_frame(const HeapState& st, const trace::Event& e) {
    if (!e.frame) return "";
    std::string n = st.code_name(e.frame);
    return n.empty() ? "" : " in " + n;
}

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

const char* event_short_label(EventKind kind) {
    switch (kind) {
        case EventKind::ProgramStart: return "start";
        case EventKind::ProgramEnd: return "end";
        case EventKind::FramePush: return "frame push";
        case EventKind::FramePop: return "frame pop";
        case EventKind::GenCreate: return "gen create";
        case EventKind::GenResume: return "resume";
        case EventKind::GenYield: return "yield";
        case EventKind::ExcStateRestore: return "exc restore";
        case EventKind::ExcStateSave: return "exc save";
        case EventKind::ExcRaised: return "raise";
        case EventKind::ExcCaught: return "catch";
        case EventKind::GenClose: return "close";
        case EventKind::GenExit: return "GenExit";
        case EventKind::GenReturn: return "return";
        case EventKind::Dealloc: return "dealloc";
        case EventKind::Finalizer: return "finalizer";
        case EventKind::GcStart: return "gc start";
        case EventKind::GcEnd: return "gc end";
        case EventKind::Output: return "output";
        case EventKind::Line: return "line";
        case EventKind::Instruction: return "instruction";
        case EventKind::CoroCreate: return "coro create";
        case EventKind::AwaitSuspend: return "await";
        case EventKind::LoopCallback: return "callback";
        case EventKind::TaskScheduled: return "task";
        case EventKind::TimerFired: return "timer";
        case EventKind::HookCall: return "hook";
        case EventKind::FreeListReuse: return "free list";
    }
    return "?";
}

std::string describe_step(const HeapState& st) {
    trace::Event e = st.event;
    std::string who = name_of(st, e.subject);
    if (!e.subject && !e.text.empty() && (e.kind == EventKind::FramePush || e.kind == EventKind::FramePop)) who = e.text;
    if (e.kind == EventKind::GenYield || e.kind == EventKind::GenExit) generator_position(st, e.subject, e.line, e.lasti);
    switch (e.kind) {
        case EventKind::ProgramStart: return "The program starts.";
        case EventKind::ProgramEnd:
            if (!e.text.empty()) return "The program stops: " + e.text + ".";
            return "The program ends" +
                   (e.value.kind == Value::Kind::Int ? " with exit status " + std::to_string(e.value.number) : std::string()) +
                   ".";
        case EventKind::FramePush: {
            ObjectId g = embedding_generator(st, e.subject);
            if (g) return "The frame of generator " + who + " is pushed onto the stack" + at_line(e) + ".";
            return "A frame for " + who + " is pushed onto the stack.";
        }
        case EventKind::FramePop: {
            ObjectId g = embedding_generator(st, e.subject);
            if (g) return "The frame of generator " + who + " is popped from the stack" + at_line(e) + ".";
            return "The frame for " + who + " is popped from the stack.";
        }
        case EventKind::GenCreate:
            return "Calling " + who +
                   " created a generator object (RETURN_GENERATOR); its frame is FRAME_CREATED, not started (f_lasti -1).";
        case EventKind::CoroCreate: {
            const std::string type = st.alive(e.subject) ? st.find(e.subject)->type : std::string("coroutine");
            return "Calling " + who + " created " + (type == "async_generator" ? "an async generator" : "a " + type) +
                   " object; its frame has not started.";
        }
        case EventKind::GenResume: {
            std::string how;
            switch (static_cast<trace::ResumeHow>(e.detail)) {
                case trace::ResumeHow::Next: how = "next()"; break;
                case trace::ResumeHow::Send: how = "send(" + value_words(st, e.value) + ")"; break;
                case trace::ResumeHow::Throw: how = "throw(" + value_words(st, e.value) + ")"; break;
                case trace::ResumeHow::Close: how = "close()"; break;
                case trace::ResumeHow::ForIter: how = "a for loop (FOR_ITER)"; break;
                case trace::ResumeHow::YieldFrom: how = "yield from (SEND) with " + value_words(st, e.value); break;
                default: how = "?"; break;
            }
            // CPython's order (gen_send_ex2): the exception state goes on the chain,
            // then gi_frame_state becomes FRAME_EXECUTING and the frame runs.
            return who + " is resumed by " + how + "; next its exception state is pushed, then its frame runs (FRAME_EXECUTING).";
        }
        case EventKind::GenYield: {
            std::string s = who + " yielded " + value_words(st, e.value) + at_line(e);
            const trace::ObjectState* g = st.find(e.subject);
            if (g) {
                std::string p(trace::gen_prefix(g->type));
                const Value* ev = g->field(p + "exc_state.exc_value");
                if (ev && ev->kind == Value::Kind::Ref) s += " while handling " + pointee_text(st, *ev);
            }
            return s + ".";
        }
        case EventKind::ExcStateSave:
            if (e.value.kind == Value::Kind::Null)
                return who + "'s exception state was saved (no exception being handled) and popped off the thread's chain.";
            return who + "'s exception state was saved: gi_exc_state.exc_value holds " + value_words(st, e.value) +
                   "; it was popped off the thread's chain.";
        case EventKind::ExcStateRestore:
            if (e.value.kind == Value::Kind::Null)
                return who + "'s exception state (empty) was pushed onto the thread's exception-info chain.";
            return who + "'s exception state (" + value_words(st, e.value) +
                   ") was pushed back onto the thread's exception-info chain.";
        case EventKind::ExcRaised:
            return (e.text.empty() ? who : e.text) + " was raised" + in_frame(st, e) + at_line(e) + ".";
        case EventKind::ExcCaught:
            return (e.text.empty() ? who : e.text) + " was caught" + in_frame(st, e) + at_line(e) + ".";
        case EventKind::GenClose: return who + " is closed.";
        case EventKind::GenExit: return "GeneratorExit is thrown into " + who + at_line(e) + ".";
        case EventKind::GenReturn:
            return who + " returned " + value_words(st, e.value) + " (StopIteration); its frame is cleared.";
        case EventKind::Dealloc: {
            std::string what = st.label(e.subject);
            if (st.alive(e.subject)) what += " #" + std::to_string(e.subject);
            switch (static_cast<trace::DeallocCause>(e.detail)) {
                case trace::DeallocCause::CycleCollector: return what + " is deallocated by the cycle collector.";
                case trace::DeallocCause::Shutdown: return what + " is deallocated at shutdown.";
                default: return what + " is deallocated: its reference count reached zero.";
            }
        }
        case EventKind::Finalizer:
            return (e.text.empty() ? std::string("A finalizer") : e.text) + " runs for " +
                   (st.alive(e.subject) ? st.label(e.subject) : who) + ".";
        case EventKind::GcStart:
            return "The cycle collector starts" +
                   (e.value.kind == Value::Kind::Int ? " (generation " + std::to_string(e.value.number) + ")" : std::string()) +
                   ".";
        case EventKind::GcEnd: {
            if (e.objects.empty()) return "The cycle collector found no unreachable objects.";
            std::string s = "The cycle collector found " + plural(e.objects.size(), "unreachable object") + ": ";
            for (size_t i = 0; i < e.objects.size() && i < 4; ++i) {
                if (i) s += ", ";
                s += st.label(e.objects[i]);
            }
            if (e.objects.size() > 4) s += ", ...";
            return s + ".";
        }
        case EventKind::Output:
            return std::string(e.detail ? "The program wrote to stderr: " : "The program printed ") + "'" + shorten(e.text) + "'.";
        case EventKind::Line: return who + " reaches line " + std::to_string(e.line) + ".";
        case EventKind::Instruction:
            return who + " executes " + (e.text.empty() ? std::string("an instruction") : e.text) + at_line(e) + ".";
        case EventKind::AwaitSuspend: return who + " is suspended at an await" + at_line(e) + ".";
        case EventKind::LoopCallback:
            return "The event loop takes the next handle from its ready queue and runs it" +
                   (e.text.empty() ? std::string() : ": " + e.text) + ".";
        case EventKind::TaskScheduled: return task_scheduled_sentence(e.text);
        case EventKind::TimerFired:
            return "The clock reached " + (e.text.empty() ? std::string("a timer's due time") : e.text) +
                   ": the timer leaves the loop's timer heap (_scheduled) for the end of its ready queue.";
        case EventKind::HookCall:
            return "An async generator hook (sys.set_asyncgen_hooks: firstiter or finalizer) runs for " + who + ".";
        case EventKind::FreeListReuse: return who + " reuses an object from the free list.";
    }
    return trace::event_kind_label(e.kind);
}

}  // namespace ys::view
