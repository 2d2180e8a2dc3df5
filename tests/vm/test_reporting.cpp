// What the VM reports to a trace sink (core/trace/REPORTING.md): frames as objects,
// the thread state first, modules, containers, reprs as inline values, the yield's
// position, one Output per print, and deterministic addresses when recording.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "vm/vm.h"
#include "vm_test_util.h"

namespace ys::test {
namespace {

struct Collect final : trace::TraceSink {
    std::vector<std::pair<trace::ObjectId, std::string>> created;
    std::map<trace::ObjectId, std::string> types;
    std::map<trace::ObjectId, std::map<std::string, trace::Value>> fields;
    std::vector<trace::Event> events;
    std::ostringstream log;
    void on_code(trace::ObjectId, const CodePtr&) override {}
    void on_object_created(trace::ObjectId id, std::string_view t, int64_t) override {
        created.emplace_back(id, std::string(t));
        types[id] = std::string(t);
        log << "new " << id << " " << t << "\n";
    }
    void on_field_set(trace::ObjectId id, std::string_view f, const trace::Value& v) override {
        fields[id][std::string(f)] = v;
        log << "set " << id << " " << f << " " << static_cast<int>(v.kind) << " " << v.number << " " << v.text
            << " " << v.ref << "\n";
    }
    void on_refcount(trace::ObjectId, int64_t) override {}
    void on_object_freed(trace::ObjectId id) override { log << "free " << id << "\n"; }
    void on_event(const trace::Event& e) override {
        events.push_back(e);
        log << "event " << trace::event_kind_name(e.kind) << " " << e.subject << " " << e.frame << " " << e.line
            << " " << e.text << "\n";
    }
    trace::ObjectId find(const std::string& type) const {
        for (auto& [id, t] : created)
            if (t == type) return id;
        return 0;
    }
};

std::string record(const std::string& src, Collect& c) { return run(src, 0, &c).out; }

const char* kProgram =
    "def g(n):\n"
    "    x = [n, 'a']\n"
    "    yield x\n"
    "    yield n\n"
    "it = g(1)\n"
    "print(next(it), it)\n"
    "d = {'k': 2.5}\n";

TEST(Reporting, ThreadStateFirstFramesAndModules) {
    Collect c;
    record(kProgram, c);
    ASSERT_FALSE(c.created.empty());
    EXPECT_EQ(c.created.front().second, "PyThreadState");
    trace::ObjectId gen = c.find("generator");
    ASSERT_NE(gen, 0u);
    const trace::Value& iframe = c.fields[gen]["gi_iframe"];
    EXPECT_EQ(c.fields[gen]["gi_name"].text, "'g'");
    bool pushed = false;
    for (auto& e : c.events) {
        if (e.kind == trace::EventKind::FramePush) {
            pushed = true;
            EXPECT_NE(e.subject, 0u);
            EXPECT_EQ(c.types[e.subject], "frame");
            EXPECT_EQ(e.frame, e.subject);
        }
        if (e.kind == trace::EventKind::GenYield) {
            EXPECT_TRUE(e.line == 3 || e.line == 4) << e.line;
        }
    }
    EXPECT_TRUE(pushed);
    (void)iframe;
    trace::ObjectId mod = 0;
    for (auto& [id, t] : c.created)
        if (t == "module" && c.fields[id]["__name__"].text == "'__main__'") mod = id;
    ASSERT_NE(mod, 0u);
    EXPECT_EQ(c.fields[mod]["it"].ref, gen);
    trace::ObjectId dict = c.fields[mod]["d"].ref;
    ASSERT_NE(dict, 0u);
    EXPECT_EQ(c.fields[dict]["'k'"].text, "2.5");
    trace::ObjectId list = c.find("list");
    ASSERT_NE(list, 0u);
    EXPECT_EQ(c.fields[list]["ob_item[0]"].text, "1");
    EXPECT_EQ(c.fields[list]["ob_item[1]"].text, "'a'");
}

TEST(Reporting, OneOutputPerPrintAndDeterministicRecording) {
    Collect a, b;
    std::string out1 = record(kProgram, a);
    std::string out2 = record(kProgram, b);
    EXPECT_EQ(out1, out2);  // the generator's repr shows an address derived from its id
    EXPECT_NE(out1.find("0x7f"), std::string::npos) << out1;
    std::istringstream la(a.log.str()), lb(b.log.str());
    std::string x, y;
    int n = 0;
    while (std::getline(la, x) && std::getline(lb, y) && n < 3) {
        if (x != y) {
            ADD_FAILURE() << "first difference: " << x << " | " << y;
            n++;
        }
    }
    EXPECT_EQ(a.log.str().size(), b.log.str().size());
    int outputs = 0;
    for (auto& e : a.events) outputs += e.kind == trace::EventKind::Output;
    EXPECT_EQ(outputs, 1);
}

}  // namespace
}  // namespace ys::test
