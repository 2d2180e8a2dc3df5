// Parser tests: CPython's exact text for syntax errors (the corpus in syntax_errors/),
// and robustness: no input crashes or hangs the parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lang/parser.h"
#include "scale_source.h"

namespace {

// ---- syntax errors: tests/lang/syntax_errors/*.py against CPython's stderr -------------

std::string read_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<std::string> error_cases() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(YS_SYNTAX_ERRORS_DIR)) {
        auto path = entry.path();
        if (path.extension() == ".py" && path.filename() != "regen.py") names.push_back(path.stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

class SyntaxErrorText : public testing::TestWithParam<std::string> {};

TEST_P(SyntaxErrorText, MatchesPython3Stderr) {
    std::filesystem::path dir(YS_SYNTAX_ERRORS_DIR);
    std::string source = read_file(dir / (GetParam() + ".py"));
    std::string expected = read_file(dir / (GetParam() + ".expected"));
    ys::ParseResult r = ys::parse_module(source, "prog.py");
    ASSERT_FALSE(r.module.has_value()) << "parsed without error:\n" << source;
    EXPECT_EQ(ys::format_syntax_error(r.error), expected) << "source:\n" << source;
}

INSTANTIATE_TEST_SUITE_P(Corpus, SyntaxErrorText, testing::ValuesIn(error_cases()),
                         [](const testing::TestParamInfo<std::string>& param_info) { return param_info.param; });

// ---- robustness: never crash, never hang -----------------------------------------------

TEST(ParserRobustness, DeepParenthesesAreASyntaxError) {
    std::string src = "x = " + std::string(10000, '(') + "1" + std::string(10000, ')') + "\n";
    auto r = ys::parse_module(src, "prog.py");
    ASSERT_FALSE(r.module);
    EXPECT_EQ(r.error.msg, "too many nested parentheses");
}

TEST(ParserRobustness, DeepUnaryAndCallsDoNotOverflow) {
    for (const std::string& unit : {std::string("-"), std::string("not "), std::string("await "),
                                    std::string("lambda: "), std::string("*")}) {
        std::string src = "x = " ;
        for (int i = 0; i < 100000; ++i) src += unit;
        src += "1\n";
        auto r = ys::parse_module(src, "prog.py");
        EXPECT_FALSE(r.module) << unit;
    }
    std::string calls = "x = f";
    for (int i = 0; i < 150; ++i) calls += "(f";
    calls += std::string(150, ')') + "\n";
    EXPECT_TRUE(ys::parse_module(calls, "prog.py").module);
}

TEST(ParserRobustness, DeepIndentation) {
    std::string src;
    for (int i = 0; i < 120; ++i) src += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    src += std::string(120, ' ') + "pass\n";
    auto r = ys::parse_module(src, "prog.py");
    ASSERT_FALSE(r.module);
    EXPECT_EQ(r.error.type, "IndentationError");
    EXPECT_EQ(r.error.msg, "too many levels of indentation");
}

TEST(ParserRobustness, ArbitraryBytes) {
    std::mt19937 rng(12345);
    const std::string alphabet = "()[]{}:,;.+-*/%&|^~<>=!@'\"\\#\n\t x1_aeif0\xc3\xa9\xff\x00";
    for (int round = 0; round < 3000; ++round) {
        std::string src;
        size_t len = rng() % 60;
        for (size_t i = 0; i < len; ++i) {
            if (rng() % 4 == 0) src.push_back(static_cast<char>(rng() % 256));
            else src.push_back(alphabet[rng() % alphabet.size()]);
        }
        auto r = ys::parse_module(src, "prog.py");
        if (!r.module) {
            std::string text = ys::format_syntax_error(r.error);
            EXPECT_FALSE(text.empty());
        }
    }
}

TEST(ParserRobustness, MutatedPrograms) {
    const std::string base =
        "def gen(n, *a, k=1, **kw):\n    x = yield n\n    try:\n        return [i for i in range(x) if i]\n"
        "    except (A, B) as e:\n        raise C from e\n    finally:\n        print(f'{x!r:>{n}} {{}}', end='')\n"
        "class K(B):\n    @property\n    def p(self): return self._p\nasync def h():\n    async with a as b:\n"
        "        await b\n";
    std::mt19937 rng(99);
    for (int round = 0; round < 3000; ++round) {
        std::string src = base;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            size_t at = rng() % src.size();
            switch (rng() % 3) {
                case 0: src.erase(at, 1 + rng() % 3); break;
                case 1: src.insert(at, 1, base[rng() % base.size()]); break;
                default: src[at] = base[rng() % base.size()]; break;
            }
            if (src.empty()) src = "x";
        }
        auto r = ys::parse_module(src, "prog.py");
        if (!r.module) {
            EXPECT_FALSE(r.error.msg.empty());
        }
    }
}

// Parsing speed is measured by tests/bench/bench_parse.cpp; a test asserts no timing.
TEST(ParserScale, TenThousandLines) {
    const std::string src = ys::testing::ten_thousand_line_module();
    auto r = ys::parse_module(src, "prog.py");
    ASSERT_TRUE(r.module) << ys::format_syntax_error(r.error);
    EXPECT_EQ(r.module->body.size(), 1000u);
    EXPECT_EQ(r.module->body.back()->pos.lineno, 9991);
}

}  // namespace
