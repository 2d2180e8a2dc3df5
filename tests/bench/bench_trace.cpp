// Trace benchmark: prints figures, asserts nothing. Run by hand (never part of ctest):
//
//   cmake --build build --target bench_trace && build/tests/bench/bench_trace [--steps N] [--runs N] [programs...]
//   build/tests/bench/bench_trace --load FILE [--runs N]   (only the load of a saved trace)
//   build/tests/bench/bench_trace --keep FILE              (keep the synthetic trace's file)
//
// 1. builds a synthetic trace of N steps (default 10 million) through the TraceSink,
//    shaped like a generator-heavy run (resume / yield / exception-state events, frame
//    fields, refcounts, short-lived objects);
// 2. replay: keyframe build time, seek median and worst at random steps, both directions;
// 3. binary size per step and per change, save time, load time, memory per step;
// 4. with programs given (e.g. tests/bench/programs/*.py): recording overhead, the run
//    with the `events` recorder attached vs with no sink.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#ifndef YS_BENCH_NO_VM  // defined only to time the trace side while the VM does not build
#include "trace/record_program.h"
#endif
#include "trace/recorder.h"
#include "trace/replay.h"
#include "trace/trace_io.h"

using namespace ys::trace;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double cpu_ms() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

size_t rss_bytes() {
    std::ifstream f("/proc/self/statm");
    size_t pages = 0, resident = 0;
    f >> pages >> resident;
    return resident * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}

Event make_event(EventKind kind, ObjectId subject, ObjectId frame, int line, int lasti) {
    Event e;
    e.kind = kind;
    e.subject = subject;
    e.frame = frame;
    e.line = line;
    e.lasti = lasti;
    return e;
}

Trace synthetic_trace(uint64_t steps) {
    Recorder rec;
    std::mt19937_64 rng(12345);
    // A thread state, a module, and a pool of generators each with its frame.
    const ObjectId thread = 1, module = 2;
    rec.on_object_created(thread, "PyThreadState", 1);
    rec.on_field_set(thread, "cframe.current_frame", Value::null());
    rec.on_field_set(thread, "exc_info", Value::pointer(thread));
    rec.on_object_created(module, "module", 1);
    rec.on_field_set(module, "__name__", Value::inline_text("'__main__'"));
    ObjectId next = 100;
    struct Gen { ObjectId gen, frame; };
    std::vector<Gen> gens;
    auto new_gen = [&]() {
        Gen g{next++, next++};
        rec.on_object_created(g.gen, "generator", 1);
        rec.on_field_set(g.gen, "gi_name", Value::inline_text("'worker'"));
        rec.on_field_set(g.gen, "gi_exc_state.exc_value", Value::null());
        rec.on_field_set(g.gen, "gi_frame_state", Value::inline_text("FRAME_CREATED"));
        rec.on_object_created(g.frame, "frame", 1);
        rec.on_field_set(g.frame, "prev_instr", Value::integer(-1));
        rec.on_field_set(g.frame, "f_lineno", Value::integer(1));
        rec.on_field_set(g.frame, "localsplus[i]", Value::integer(0));
        rec.on_field_set(g.gen, "gi_iframe", Value::pointer(g.frame));
        rec.on_field_set(module, "g" + std::to_string(gens.size() % 32), Value::pointer(g.gen));
        gens.push_back(g);
    };
    for (int i = 0; i < 32; ++i) new_gen();
    Event ev;
    for (uint64_t s = 0; s < steps; ++s) {
        Gen& g = gens[rng() % gens.size()];
        switch (s % 6) {
            case 0:
                rec.on_field_set(g.gen, "gi_frame_state", Value::inline_text("FRAME_EXECUTING"));
                rec.on_field_set(thread, "cframe.current_frame", Value::pointer(g.frame));
                ev = make_event(EventKind::GenResume, g.gen, g.frame, 3, 10);
                break;
            case 1:
                rec.on_field_set(thread, "exc_info", Value::pointer(g.gen));
                ev = make_event(EventKind::ExcStateRestore, g.gen, g.frame, 3, 10);
                break;
            case 2: {
                int64_t i = static_cast<int64_t>(s & 0xffff);
                rec.on_field_set(g.frame, "localsplus[i]", Value::integer(i));
                rec.on_field_set(g.frame, "prev_instr", Value::integer(52));
                rec.on_field_set(g.frame, "f_lineno", Value::integer(10));
                rec.on_refcount(g.gen, 2);
                rec.on_refcount(g.gen, 1);
                ev = make_event(EventKind::Line, g.frame, g.frame, 10, 52);
                break;
            }
            case 3: {
                // A short-lived object, yielded.
                ObjectId tmp = next++;
                rec.on_object_created(tmp, "tuple", 1);
                rec.on_field_set(tmp, "ob_item[0]", Value::integer(static_cast<int64_t>(s)));
                rec.on_field_set(g.gen, "gi_frame_state", Value::inline_text("FRAME_SUSPENDED"));
                rec.on_field_set(thread, "cframe.current_frame", Value::null());
                ev = make_event(EventKind::GenYield, g.gen, g.frame, 10, 52);
                ev.value = Value::pointer(tmp);
                rec.on_event(ev);
                rec.on_refcount(tmp, 0);
                rec.on_object_freed(tmp);
                ev = make_event(EventKind::Dealloc, tmp, 0, -1, -1);
                ++s;
                break;
            }
            case 4:
                rec.on_field_set(thread, "exc_info", Value::pointer(thread));
                ev = make_event(EventKind::ExcStateSave, g.gen, g.frame, 10, 52);
                break;
            default:
                ev = make_event(EventKind::Output, 0, 0, 11, 60);
                ev.text = "value\n";
                break;
        }
        rec.on_event(ev);
    }
    return rec.finish();
}

struct Stats { double median, p99, worst; };
Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[v.size() * 99 / 100], v.back()};
}

std::string g_self;  // this benchmark's executable (to time a load in a fresh process)
std::string g_keep;  // --keep FILE: save the synthetic trace there and leave it (to profile --load)

#ifndef YS_BENCH_NO_VM
int g_runs = 3;  // best of this many runs, for each of the two timings

// One program: the run with no sink and with the `events` recorder, each the best of
// g_runs, timed in this same process. Returns the overhead ratio (0 when unreadable).
double record_overhead(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::printf("  %s: cannot open\n", path.c_str());
        return 0;
    }
    std::stringstream src;
    src << in.rdbuf();
    std::ostringstream out, err;
    // Wall time, and CPU time (less inflated when others share the machine).
    double best_cpu = 0;
    auto best = [&](auto&& fn) {
        double b = 1e300;
        best_cpu = 1e300;
        for (int i = 0; i < g_runs; ++i) {
            auto t0 = Clock::now();
            double c0 = cpu_ms();
            fn();
            b = std::min(b, ms_since(t0));
            best_cpu = std::min(best_cpu, cpu_ms() - c0);
        }
        return b;
    };
    ys::RunResult plain_result;
    double plain = best([&] {
        out.str("");
        ys::VmOptions o;
        o.argv = {path};
        o.out = &out;
        o.err = &err;
        plain_result = ys::run_program(src.str(), path, o);
    });
    double plain_cpu = best_cpu;
    uint64_t steps = 0, changes = 0;
    double traced = best([&] {
        out.str("");
        RecordOptions o;
        o.out = &out;
        o.err = &err;
        o.max_steps = 1'000'000'000;
        RecordResult r = record_program(src.str(), path, o);
        steps = r.trace.step_count();
        changes = r.trace.change_count();
    });
    double traced_cpu = best_cpu;
    double ratio = traced / plain;
    std::printf("  %-22s no sink %8.1f ms   events sink %9.1f ms   overhead %6.2fx %s  (CPU %.0f / %.0f ms = %.2fx)"
                "  (%llu steps, %llu changes, exit %d; per step: %.0f ns with no sink, %.0f ns recorded)\n",
                std::filesystem::path(path).filename().c_str(), plain, traced, ratio, ratio <= 2.0 ? "  " : " !",
                plain_cpu, traced_cpu, traced_cpu / plain_cpu,
                static_cast<unsigned long long>(steps), static_cast<unsigned long long>(changes),
                plain_result.exit_status, plain * 1e6 / double(std::max<uint64_t>(steps, 1)),
                traced * 1e6 / double(std::max<uint64_t>(steps, 1)));
    return ratio;
}
#endif

void synthetic_benchmarks(uint64_t steps);

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures as they come, also into a pipe
    g_self = std::filesystem::read_symlink("/proc/self/exe").string();
    uint64_t steps = 10'000'000;
    std::vector<std::string> programs;
    bool overhead_only = false;  // skip the synthetic trace (about two minutes) and time the programs only
    std::string load_file;       // --load FILE: only time loading a saved trace (for profiling the reader)
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--overhead-only") overhead_only = true;
        else if (a == "--steps" && i + 1 < argc) steps = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--runs" && i + 1 < argc) g_runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--load" && i + 1 < argc) load_file = argv[++i];
        else if (a == "--keep" && i + 1 < argc) g_keep = argv[++i];
        else programs.push_back(a);
    }
    if (!load_file.empty()) {
        for (int run = 0; run < g_runs; ++run) {
            auto t0 = Clock::now();
            double c0 = cpu_ms();
            Trace loaded = load_trace(load_file);
            std::printf("load %s: %.0f ms wall, %.0f ms CPU, %llu steps, %.1f bytes/step\n", load_file.c_str(),
                        ms_since(t0), cpu_ms() - c0, static_cast<unsigned long long>(loaded.step_count()),
                        double(loaded.memory_bytes()) / double(std::max<uint64_t>(1, loaded.step_count())));
        }
        return 0;
    }
    if (overhead_only) steps = 0;
    if (steps > 0) synthetic_benchmarks(steps);
#ifndef YS_BENCH_NO_VM
    if (!programs.empty()) {
        std::printf("recording overhead = time with the events sink / time with none (best of %d runs each,\n"
                    "both in this process; target <= 2.00, '!' marks a miss):\n", g_runs);
        double worst = 0;
        for (const auto& p : programs) worst = std::max(worst, record_overhead(p));
        std::printf("  worst overhead: %.2fx\n", worst);
    }
#endif
    return 0;
}

namespace {

void synthetic_benchmarks(uint64_t steps) {
    std::printf("bench_trace: synthetic trace of %llu steps (load average matters: wall times on a busy machine\n"
                "are inflated; CPU times are given where it counts)\n",
                static_cast<unsigned long long>(steps));

    size_t rss0 = rss_bytes();
    auto t0 = Clock::now();
    Trace trace = synthetic_trace(steps);
    double gen_ms = ms_since(t0);
    std::printf("  record through the sink: %.0f ms (%.0f ns/step), %llu changes\n", gen_ms, gen_ms * 1e6 / steps,
                static_cast<unsigned long long>(trace.change_count()));
    std::printf("  in-memory trace: %.1f MB, %.1f bytes/step (RSS +%.1f MB)\n", trace.memory_bytes() / 1e6,
                double(trace.memory_bytes()) / steps, (rss_bytes() - rss0) / 1e6);

    t0 = Clock::now();
    Replay replay(trace);
    std::printf("  replay index: %.0f ms, %zu keyframes, %.1f MB (%.1f bytes/step)\n", ms_since(t0), replay.keyframe_count(),
                replay.memory_bytes() / 1e6, double(replay.memory_bytes()) / steps);
    std::mt19937_64 rng(7);
    std::vector<double> times;
    for (int i = 0; i < 2000; ++i) {
        uint64_t s = rng() % trace.step_count();
        auto ts = Clock::now();
        const HeapState& st = replay.seek(s);
        times.push_back(ms_since(ts));
        if (st.step != s) std::printf("  seek went wrong\n");
    }
    Stats r = stats(times);
    std::printf("  seek (2000 random steps): median %.3f ms, p99 %.3f ms, worst %.3f ms\n", r.median, r.p99, r.worst);
    times.clear();
    uint64_t pos = trace.step_count() / 2;
    for (int i = 0; i < 2000; ++i) {
        pos = (i % 2) ? pos + 1 : pos - 1 + (i % 4 == 0 ? 0 : 0);
        auto ts = Clock::now();
        replay.seek(i % 2 ? pos : pos - 1);
        times.push_back(ms_since(ts));
    }
    r = stats(times);
    std::printf("  seek (single steps back and forth): median %.3f ms, worst %.3f ms\n", r.median, r.worst);

    t0 = Clock::now();
    std::string bin = write_trace_binary(trace);
    double write_ms = ms_since(t0);
    std::printf("  binary: %.1f MB, %.2f bytes/step, %.2f bytes/change; encode %.0f ms\n", bin.size() / 1e6,
                double(bin.size()) / steps, double(bin.size()) / trace.change_count(), write_ms);
    auto file = g_keep.empty() ? std::filesystem::temp_directory_path() / ("bench_trace_" + std::to_string(::getpid()) + ".ystrace")
                               : std::filesystem::path(g_keep);
    t0 = Clock::now();
    atomic_write_file(file, bin);
    std::printf("  atomic save: %.0f ms\n", ms_since(t0));
    bin.clear();
    bin.shrink_to_fit();
    { Trace drop = std::move(trace); }
    size_t rss1 = rss_bytes();
    t0 = Clock::now();
    double c0 = cpu_ms();
    Trace loaded = load_trace(file);
    double load_ms = ms_since(t0), load_cpu = cpu_ms() - c0;
    size_t rss2 = rss_bytes();
    std::printf("  load the binary trace: %.0f ms wall, %.0f ms CPU; memory %.1f bytes/step (trace arrays),\n"
                "    RSS +%.0f MB (%.1f bytes/step)\n",
                load_ms, load_cpu, double(loaded.memory_bytes()) / loaded.step_count(),
                (double(rss2) - double(rss1)) / 1e6, (double(rss2) - double(rss1)) / loaded.step_count());
    { Trace drop = std::move(loaded); }
    // What a user who opens the file gets: a new process, whose memory the kernel has to
    // hand out fresh (the load above reuses what this process just freed).
    std::fflush(stdout);
    std::string cmd = "'" + g_self + "' --runs 1 --load '" + file.string() + "' | sed 's/^/  fresh process: /'";
    if (std::system(cmd.c_str()) != 0) std::printf("  fresh process: failed\n");
    if (g_keep.empty()) std::filesystem::remove(file);
}

}  // namespace
