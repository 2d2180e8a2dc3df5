// The virtual clock (Level 2): the `time` module and the private `_ysclock` module
// the asyncio library reads. Nothing here looks at the real clock, so a recorded
// trace and a program's output are the same on every run: `time.sleep()` and an
// idle event loop advance Runtime::virtual_clock instead of waiting.
#include <cmath>

#include "vm/builtins_util.h"

namespace ys::vm {

// time.time() is the wall clock: a fixed moment (2023-11-14 22:13:20 UTC) plus the
// virtual seconds elapsed, so that it too moves only when the clock does.
static constexpr double kWallClockStart = 1700000000.0;

static bool seconds_arg(Object* o, double* out) {
    if (is_float(o)) {
        *out = float_value(o);
        return true;
    }
    if (is_int(o)) return int_as_double(o, out);
    raise_format(&TypeError_Type, "'%s' object cannot be interpreted as an integer", o->ob_type->tp_name.c_str());
    return false;
}

// Moves the clock forward to `t` (never back: monotonic() must not decrease).
static bool advance_clock_to(double t) {
    if (std::isnan(t)) {
        raise(&ValueError_Type, "Invalid value NaN (not a number)");
        return false;
    }
    if (!std::isfinite(t)) {
        raise(&OverflowError_Type, "timestamp too large to convert to C _PyTime_t");
        return false;
    }
    if (t > rt().virtual_clock) rt().virtual_clock = t;
    return true;
}

static bool noargs(const char* name, size_t nargs, Object* kwnames) {
    return no_kwargs(name, kwnames) && check_nargs(name, nargs, 0, 0);
}

static Object* time_time(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("time", nargs, kwnames)) return nullptr;
    return new_float(kWallClockStart + rt().virtual_clock);
}
static Object* time_monotonic(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("monotonic", nargs, kwnames)) return nullptr;
    return new_float(rt().virtual_clock);
}
static Object* time_perf_counter(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("perf_counter", nargs, kwnames)) return nullptr;
    return new_float(rt().virtual_clock);
}
static Object* time_ns(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("time_ns", nargs, kwnames)) return nullptr;
    return new_int(static_cast<int64_t>(std::llround((kWallClockStart + rt().virtual_clock) * 1e9)));
}
static Object* time_monotonic_ns(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("monotonic_ns", nargs, kwnames)) return nullptr;
    return new_int(static_cast<int64_t>(std::llround(rt().virtual_clock * 1e9)));
}
static Object* time_sleep(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("sleep", kwnames) || !check_nargs("sleep", nargs, 1, 1)) return nullptr;
    double secs;
    if (!seconds_arg(args[0], &secs)) return nullptr;
    if (secs < 0) return raise(&ValueError_Type, "sleep length must be non-negative");
    if (!advance_clock_to(rt().virtual_clock + secs)) return nullptr;
    return none();
}

static const MethodDef kTimeFunctions[] = {
    {"time", time_time},
    {"monotonic", time_monotonic},
    {"perf_counter", time_perf_counter},
    {"time_ns", time_ns},
    {"monotonic_ns", time_monotonic_ns},
    {"perf_counter_ns", time_monotonic_ns},
    {"sleep", time_sleep},
};

int init_time_module(Object* m) {
    for (const MethodDef& def : kTimeFunctions)
        if (add_function(m, &def) < 0) return -1;
    return 0;
}

// _ysclock: now() and advance_to(t), what the event loop uses instead of select().
static Object* clock_now(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("now", nargs, kwnames)) return nullptr;
    return new_float(rt().virtual_clock);
}
static Object* clock_advance_to(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("advance_to", kwnames) || !check_nargs("advance_to", nargs, 1, 1)) return nullptr;
    double t;
    if (!seconds_arg(args[0], &t) || !advance_clock_to(t)) return nullptr;
    return none();
}

static const MethodDef kClockFunctions[] = {
    {"now", clock_now},
    {"advance_to", clock_advance_to},
};

int init_ysclock_module(Object* m) {
    for (const MethodDef& def : kClockFunctions)
        if (add_function(m, &def) < 0) return -1;
    return 0;
}

}  // namespace ys::vm
