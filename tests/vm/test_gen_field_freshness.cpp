// A generator's, coroutine's or async generator's reported fields are current at every
// event (REPORTING.md): the VM moves the frame state at places that report nothing of
// their own (the resumed frame's push, YIELD_VALUE), and the reporting wrapper re-reads
// the generators whose frames are on the chain. Checked through the recorder (its fast
// path for field names) and through a plain sink (the string path).
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "trace/record_program.h"
#include "vm/vm.h"
#include "vm_test_util.h"

namespace ys::test {
namespace {

using trace::EventKind;
using trace::ObjectId;
using trace::Value;

const char* kProgram =
    "def gen():\n"
    "    print('in gen')\n"
    "    x = yield 1\n"
    "    print('gen got', x)\n"
    "    yield 2\n"
    "async def coro():\n"
    "    print('in coro')\n"
    "    return 5\n"
    "async def agen():\n"
    "    print('in agen')\n"
    "    yield 1\n"
    "    print('agen again')\n"
    "    yield 2\n"
    "g = gen()\n"
    "next(g)\n"
    "g.send('a')\n"
    "g.close()\n"
    "c = coro()\n"
    "try:\n"
    "    c.send(None)\n"
    "except StopIteration:\n"
    "    pass\n"
    "a = agen()\n"
    "for aw in (a.asend(None), a.__anext__()):\n"
    "    try:\n"
    "        aw.send(None)\n"
    "    except StopIteration:\n"
    "        pass\n"
    "print('done')\n";

// Replays what the VM reported and checks the generators' fields at each event.
struct FreshnessChecker {
    std::map<ObjectId, std::string> types;
    std::map<ObjectId, std::map<std::string, Value>> fields;
    ObjectId thread = 0;
    std::vector<std::string> failures;
    std::map<std::string, int> running_checks;   // by prefix: generators checked while running
    std::map<std::string, int> suspended_checks;  // by prefix: at their yields
    int agen_running_seen = 0, agen_idle_seen = 0;

    static std::string prefix(const std::string& type) {
        return type == "coroutine" ? "cr_" : type == "async_generator" ? "ag_" : "gi_";
    }
    bool gen_like(ObjectId id) const {
        auto it = types.find(id);
        return it != types.end() &&
               (it->second == "generator" || it->second == "coroutine" || it->second == "async_generator");
    }
    std::string text(ObjectId id, const std::string& field) const {
        auto o = fields.find(id);
        if (o == fields.end()) return "<no object>";
        auto f = o->second.find(field);
        return f == o->second.end() ? "<no field>" : f->second.text;
    }
    ObjectId ref(ObjectId id, const std::string& field) const {
        auto o = fields.find(id);
        if (o == fields.end()) return 0;
        auto f = o->second.find(field);
        return f == o->second.end() || f->second.kind != Value::Kind::Ref ? 0 : f->second.ref;
    }

    void created(ObjectId id, std::string_view type) {
        types[id] = std::string(type);
        fields[id].clear();
        if (type == "PyThreadState") thread = id;
    }
    void set(ObjectId id, std::string_view field, const Value& v) { fields[id][std::string(field)] = v; }
    void removed(ObjectId id, std::string_view field) { fields[id].erase(std::string(field)); }
    void freed(ObjectId id) {
        fields.erase(id);
        types.erase(id);
    }

    void event(const trace::Event& e, size_t step) {
        std::string where = "step " + std::to_string(step) + " " + trace::event_kind_name(e.kind);
        // Every generator whose frame is on the thread's chain is running.
        std::map<ObjectId, bool> on_chain;
        for (ObjectId f = ref(thread, "cframe.current_frame"); f && !on_chain[f]; f = ref(f, "previous"))
            on_chain[f] = true;
        for (auto& [id, type] : types) {
            if (!gen_like(id)) continue;
            std::string p = prefix(type);
            ObjectId frame = ref(id, p + "iframe");
            // Not yet running at its creation (reported from its frame), already
            // suspended at the pop of its frame by YIELD_VALUE.
            if (e.kind == EventKind::GenCreate || e.kind == EventKind::CoroCreate) continue;
            if (frame && on_chain.count(frame)) {
                running_checks[p]++;
                std::string state = text(id, p + "frame_state");
                if (e.kind == EventKind::FramePop && e.subject == frame && state == "FRAME_SUSPENDED") continue;
                if (state != "FRAME_EXECUTING")
                    failures.push_back(where + ": " + type + " #" + std::to_string(id) + " on the chain shows " +
                                       text(id, p + "frame_state"));
            }
        }
        if ((e.kind == EventKind::GenYield || e.kind == EventKind::ExcStateSave) && gen_like(e.subject)) {
            std::string p = prefix(types[e.subject]);
            suspended_checks[p]++;
            if (text(e.subject, p + "frame_state") != "FRAME_SUSPENDED")
                failures.push_back(where + ": the yielding generator shows " + text(e.subject, p + "frame_state"));
        }
        if (e.kind == EventKind::Output) {
            for (auto& [id, type] : types) {
                if (type != "async_generator") continue;
                auto f = fields[id].find("ag_running_async");
                if (f == fields[id].end()) {
                    failures.push_back(where + ": no ag_running_async");
                    continue;
                }
                bool in_agen = e.text.find("agen") != std::string::npos;
                bool done = e.text.find("done") != std::string::npos;
                if (in_agen) agen_running_seen++;
                if (done) agen_idle_seen++;
                if ((in_agen && f->second.number != 1) || (done && f->second.number != 0))
                    failures.push_back(where + " '" + e.text + "': ag_running_async = " +
                                       std::to_string(f->second.number));
            }
        }
    }

    void expect_all_checked() {
        for (const char* p : {"gi_", "cr_", "ag_"}) EXPECT_GT(running_checks[p], 0) << p;
        for (const char* p : {"gi_", "ag_"}) EXPECT_GT(suspended_checks[p], 0) << p;
        EXPECT_GT(agen_running_seen, 0);
        EXPECT_GT(agen_idle_seen, 0);
        for (size_t i = 0; i < failures.size() && i < 10; i++) ADD_FAILURE() << failures[i];
        EXPECT_TRUE(failures.empty()) << failures.size() << " stale fields";
    }
};

TEST(GenFieldFreshness, ThroughTheRecorder) {
    std::ostringstream out, err;
    trace::RecordOptions opt;
    opt.out = &out;
    opt.err = &err;
    trace::RecordResult r = trace::record_program(kProgram, "prog.py", opt);
    ASSERT_EQ(r.run.exit_status, 0) << err.str();
    const trace::Trace& t = r.trace;
    FreshnessChecker check;
    for (uint64_t s = 0; s < t.step_count(); s++) {
        for (const trace::Change& c : t.changes(s)) {
            switch (c.kind) {
                case trace::Change::Kind::Created: check.created(c.object, t.str(c.name)); break;
                case trace::Change::Kind::FieldSet: check.set(c.object, t.str(c.name), t.unpack(c.value())); break;
                case trace::Change::Kind::FieldRemoved: check.removed(c.object, t.str(c.name)); break;
                case trace::Change::Kind::Freed: check.freed(c.object); break;
                case trace::Change::Kind::Refcount: break;
            }
        }
        check.event(t.event(s), s);
    }
    check.expect_all_checked();
}

struct CheckingSink final : trace::TraceSink {
    FreshnessChecker check;
    size_t steps = 0;
    void on_code(ObjectId, const CodePtr&) override {}
    void on_object_created(ObjectId id, std::string_view t, int64_t) override { check.created(id, t); }
    void on_field_set(ObjectId id, std::string_view f, const Value& v) override { check.set(id, f, v); }
    void on_field_removed(ObjectId id, std::string_view f) override { check.removed(id, f); }
    void on_refcount(ObjectId, int64_t) override {}
    void on_object_freed(ObjectId id) override { check.freed(id); }
    void on_event(const trace::Event& e) override { check.event(e, steps++); }
};

TEST(GenFieldFreshness, ThroughAPlainSink) {
    CheckingSink sink;
    const auto r = run(kProgram, 0, &sink);
    ASSERT_EQ(r.status, 0) << r.err;
    sink.check.expect_all_checked();
}

}  // namespace
}  // namespace ys::test
