// The 10,000-line module the parser is checked (tests/lang) and timed (tests/bench)
// on: one source, so the benchmark measures what the test proves parses.
#pragma once

#include <string>

namespace ys::testing {

inline std::string ten_thousand_line_module() {
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

}  // namespace ys::testing
