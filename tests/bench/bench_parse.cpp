// Front-end speed: lexing + parsing, and parsing + compiling, of a 10,000-line module.
// Google Benchmark prints the figures; nothing here is asserted.
#include <benchmark/benchmark.h>

#include <string>

#include "lang/compiler.h"
#include "lang/parser.h"
#include "../lang/scale_source.h"

namespace {

void BM_Parse10kLines(benchmark::State& state) {
    const std::string src = ys::testing::ten_thousand_line_module();
    for (auto _ : state) {
        auto result = ys::parse_module(src, "prog.py");
        benchmark::DoNotOptimize(result.module);
    }
}
BENCHMARK(BM_Parse10kLines)->Unit(benchmark::kMillisecond);

void BM_Compile10kLines(benchmark::State& state) {
    const std::string src = ys::testing::ten_thousand_line_module();
    for (auto _ : state) {
        auto result = ys::compile_source(src, "prog.py");
        benchmark::DoNotOptimize(result.code);
    }
}
BENCHMARK(BM_Compile10kLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
