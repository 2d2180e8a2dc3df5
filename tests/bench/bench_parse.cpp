// Front-end speed: lexing + parsing, and parsing + compiling, of a 10,000-line module.
// Google Benchmark prints the figures; nothing here is asserted.
#include <benchmark/benchmark.h>

#include <string>

#include "lang/compiler.h"
#include "lang/parser.h"

namespace {

std::string ten_thousand_lines() {
    std::string src;
    for (int i = 0; i < 1000; ++i) {
        src += "def f" + std::to_string(i) + "(a, b=2, *c, **d):\n";
        src += "    x = [i * 2 for i in range(a) if i % 3]\n";
        src += "    y = {'k': x, 'n': len(x)}\n";
        src += "    for j, v in enumerate(x):\n";
        src += "        if v > b and not c:\n";
        src += "            yield f'{j}: {v!r}'\n";
        src += "        else:\n";
        src += "            total = sum(v ** 2 for v in x) / (len(x) or 1)\n";
        src += "    return y['k'][1:-1]\n";
        src += "\n";
    }
    return src;
}

void BM_Parse10kLines(benchmark::State& state) {
    const std::string src = ten_thousand_lines();
    for (auto _ : state) {
        auto result = ys::parse_module(src, "prog.py");
        benchmark::DoNotOptimize(result.module);
    }
}
BENCHMARK(BM_Parse10kLines)->Unit(benchmark::kMillisecond);

void BM_Compile10kLines(benchmark::State& state) {
    const std::string src = ten_thousand_lines();
    for (auto _ : state) {
        auto result = ys::compile_source(src, "prog.py");
        benchmark::DoNotOptimize(result.code);
    }
}
BENCHMARK(BM_Compile10kLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
