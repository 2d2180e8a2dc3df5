// The compiler against CPython 3.11: every expected value here was printed by python3
// (see the comments), never worked out by hand. The golden test compares every field
// of every code object of the dis_compare programs with expected/*.json, which
// tests/lang/dis_compare/gen_expected.py records from python3.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lang/code.h"
#include "lang/compiler.h"
#include "lang/disassembler.h"

namespace ys {
std::string constant_repr(const Constant& c);  // disassembler.cpp
}

namespace {

using ys::CodeObject;
using ys::CodePtr;

CodePtr compile(const std::string& src, const std::string& filename = "t.py") {
    ys::CompileResult r = ys::compile_source(src, filename);
    EXPECT_TRUE(r.code) << r.error.msg << " at line " << r.error.lineno;
    return r.code;
}

void walk(const CodePtr& code, std::vector<CodePtr>& out) {
    out.push_back(code);
    for (const auto& c : code->co_consts)
        if (c.kind == ys::Constant::Kind::Code) walk(c.code, out);
}

std::vector<CodePtr> all_code(const std::string& src) {
    std::vector<CodePtr> out;
    CodePtr code = compile(src);
    if (code) walk(code, out);
    return out;
}

const CodeObject* find(const std::vector<CodePtr>& codes, const std::string& qualname) {
    for (const auto& c : codes)
        if (c->co_qualname == qualname) return c.get();
    return nullptr;
}

using Names = std::vector<std::string>;

// python3 -c 'compile(SRC, "t.py", "exec")', walked depth first, printing co_qualname,
// co_flags, co_stacksize, co_varnames, co_cellvars, co_freevars, co_names.
const char* kScopes =
    "def outer(a):\n"
    "    b = 1\n"
    "    def inner():\n"
    "        nonlocal b\n"
    "        b += a\n"
    "        return c\n"
    "    return inner\n"
    "c = 3\n"
    "class K:\n"
    "    def m(self):\n"
    "        return super().m()\n"
    "def gen():\n"
    "    try:\n"
    "        yield 1\n"
    "    finally:\n"
    "        pass\n"
    "async def co():\n"
    "    await x\n"
    "async def ag():\n"
    "    yield 1\n"
    "lam = lambda: 0\n";

TEST(CompilerSymbols, CellsFreesAndLocals) {
    auto codes = all_code(std::string("\n") + kScopes);
    const CodeObject* outer = find(codes, "outer");
    ASSERT_TRUE(outer);
    EXPECT_EQ(outer->varnames(), (Names{"a", "inner"}));
    EXPECT_EQ(outer->cellvars(), (Names{"a", "b"}));  // `a` is an argument cell
    EXPECT_TRUE(outer->freevars().empty());
    const CodeObject* inner = find(codes, "outer.<locals>.inner");
    ASSERT_TRUE(inner);
    EXPECT_TRUE(inner->varnames().empty());
    EXPECT_EQ(inner->freevars(), (Names{"a", "b"}));
    EXPECT_EQ(inner->co_names, (Names{"c"}));  // global, not free
    const CodeObject* k = find(codes, "K");
    ASSERT_TRUE(k);
    EXPECT_EQ(k->cellvars(), (Names{"__class__"}));  // super() in a method
    EXPECT_EQ(k->co_names, (Names{"__name__", "__module__", "__qualname__", "m", "__classcell__"}));
    const CodeObject* m = find(codes, "K.m");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->freevars(), (Names{"__class__"}));
    EXPECT_EQ(m->co_names, (Names{"super", "m"}));
}

TEST(CompilerFlags, FunctionKinds) {
    auto codes = all_code(std::string("\n") + kScopes);
    struct Case { const char* qualname; uint32_t flags; int stacksize; int firstlineno; };
    // python3: co_flags / co_stacksize / co_firstlineno
    const Case cases[] = {
        {"<module>", 0x0, 4, 1},     {"outer", 0x3, 2, 2},  {"outer.<locals>.inner", 0x13, 2, 4},
        {"K", 0x0, 2, 10},           {"K.m", 0x3, 2, 11},   {"gen", 0x23, 4, 13},
        {"co", 0x83, 2, 18},         {"ag", 0x203, 1, 20},  {"<lambda>", 0x3, 1, 22},
    };
    for (const auto& c : cases) {
        const CodeObject* code = find(codes, c.qualname);
        ASSERT_TRUE(code) << c.qualname;
        EXPECT_EQ(code->co_flags, c.flags) << c.qualname;
        EXPECT_EQ(code->co_stacksize, c.stacksize) << c.qualname;
        EXPECT_EQ(code->co_firstlineno, c.firstlineno) << c.qualname;
    }
}

TEST(CompilerExceptionTable, GeneratorTryFinally) {
    auto codes = all_code(std::string("\n") + kScopes);
    const CodeObject* gen = find(codes, "gen");
    ASSERT_TRUE(gen);
    // python3: dis._parse_exception_table(gen.__code__) (bytes / 2 = code units)
    // [(start=8, end=16, target=20, depth=0, lasti=False), (20, 24, 24, 1, True)]
    ASSERT_EQ(gen->exception_table.size(), 2u);
    EXPECT_EQ(gen->exception_table[0].start, 4);
    EXPECT_EQ(gen->exception_table[0].end, 8);
    EXPECT_EQ(gen->exception_table[0].target, 10);
    EXPECT_EQ(gen->exception_table[0].depth, 0);
    EXPECT_FALSE(gen->exception_table[0].push_lasti);
    EXPECT_EQ(gen->exception_table[1].start, 10);
    EXPECT_EQ(gen->exception_table[1].end, 12);
    EXPECT_EQ(gen->exception_table[1].target, 12);
    EXPECT_EQ(gen->exception_table[1].depth, 1);
    EXPECT_TRUE(gen->exception_table[1].push_lasti);
    // handler_for follows the table
    EXPECT_EQ(gen->handler_for(3), nullptr);
    ASSERT_TRUE(gen->handler_for(4));
    EXPECT_EQ(gen->handler_for(7)->target, 10);
    EXPECT_EQ(gen->handler_for(8), nullptr);
    EXPECT_EQ(gen->handler_for(11)->target, 12);
    EXPECT_EQ(gen->handler_for(12), nullptr);
}

TEST(CompilerPositions, GeneratorPrologueAndCaches) {
    auto codes = all_code(std::string("\n") + kScopes);
    const CodeObject* gen = find(codes, "gen");
    ASSERT_TRUE(gen);
    // python3: list(gen.__code__.co_positions()), None as -1
    const int expected[][4] = {
        {13, 13, -1, -1}, {13, 13, -1, -1}, {13, 13, 0, 0},   {14, 17, 4, 12}, {15, 15, 14, 15},
        {15, 15, 8, 15},  {15, 15, 8, 15},  {15, 15, 8, 15},  {17, 17, 8, 12}, {17, 17, 8, 12},
        {-1, -1, -1, -1}, {17, 17, 8, 12},  {17, 17, 8, 12},  {17, 17, 8, 12}, {17, 17, 8, 12},
    };
    ASSERT_EQ(gen->positions.size(), std::size(expected));
    ASSERT_EQ(gen->code_units(), static_cast<int>(std::size(expected)));
    for (size_t i = 0; i < std::size(expected); ++i) {
        const auto& p = gen->positions[i];
        EXPECT_EQ(p.line, expected[i][0]) << "unit " << i;
        EXPECT_EQ(p.end_line, expected[i][1]) << "unit " << i;
        EXPECT_EQ(p.col, expected[i][2]) << "unit " << i;
        EXPECT_EQ(p.end_col, expected[i][3]) << "unit " << i;
    }
}

struct ErrorCase {
    const char* src;
    const char* msg;
    int lineno, offset, end_lineno, end_offset;
};

TEST(CompilerErrors, CPythonMessagesAndPositions) {
    // python3: compile(src, "t.py", "exec") -> SyntaxError msg, lineno, offset, end_lineno, end_offset
    const ErrorCase cases[] = {
        {"return 1", "'return' outside function", 1, 1, 1, 9},
        {"yield 1", "'yield' outside function", 1, 1, 1, 8},
        {"break", "'break' outside loop", 1, 1, 1, 6},
        {"continue", "'continue' not properly in loop", 1, 1, 1, 9},
        {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15},
        {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5, 3, 13},
        {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5, 3, 13},
        {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13},
        {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
        {"await x\n", "'await' outside function", 1, 1, 1, 8},
        {"class C:\n    return 1\n", "'return' outside function", 2, 5, 2, 13},
        {"def f():\n    x = [(yield) for i in y]\n", "'yield' inside list comprehension", 2, 11, 2, 16},
    };
    for (const auto& c : cases) {
        ys::CompileResult r = ys::compile_source(c.src, "t.py");
        ASSERT_FALSE(r.code) << c.src;
        EXPECT_EQ(r.error.type, "SyntaxError") << c.src;
        EXPECT_EQ(r.error.msg, c.msg) << c.src;
        EXPECT_EQ(r.error.filename, "t.py");
        EXPECT_EQ(r.error.lineno, c.lineno) << c.src;
        EXPECT_EQ(r.error.offset, c.offset) << c.src;
        EXPECT_EQ(r.error.end_lineno, c.end_lineno) << c.src;
        EXPECT_EQ(r.error.end_offset, c.end_offset) << c.src;
    }
}

TEST(CompilerDis, ListingLayout) {
    // python3 -m dis t.py for `x = 1\n` (addresses aside)
    CodePtr code = compile("x = 1\n");
    ASSERT_TRUE(code);
    EXPECT_EQ(ys::disassemble(*code),
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 (1)\n"
              "              4 STORE_NAME               0 (x)\n"
              "              6 LOAD_CONST               1 (None)\n"
              "              8 RETURN_VALUE\n");
}

// ---- golden comparison with python3's code objects ----

std::string hex(const std::vector<uint8_t>& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

void compare_code(const CodeObject& ours, const nlohmann::json& exp, const std::string& where) {
    std::string w = where + " " + exp["co_qualname"].get<std::string>();
    EXPECT_EQ(ours.co_name, exp["co_name"].get<std::string>()) << w;
    EXPECT_EQ(ours.co_qualname, exp["co_qualname"].get<std::string>()) << w;
    EXPECT_EQ(ours.co_firstlineno, exp["co_firstlineno"].get<int>()) << w;
    EXPECT_EQ(ours.co_argcount, exp["co_argcount"].get<int>()) << w;
    EXPECT_EQ(ours.co_posonlyargcount, exp["co_posonlyargcount"].get<int>()) << w;
    EXPECT_EQ(ours.co_kwonlyargcount, exp["co_kwonlyargcount"].get<int>()) << w;
    EXPECT_EQ(ours.co_stacksize, exp["co_stacksize"].get<int>()) << w;
    EXPECT_EQ(ours.co_flags, exp["co_flags"].get<uint32_t>()) << w;
    EXPECT_EQ(hex(ours.co_code), exp["co_code"].get<std::string>()) << w;
    EXPECT_EQ(ours.co_names, exp["co_names"].get<Names>()) << w;
    EXPECT_EQ(ours.varnames(), exp["co_varnames"].get<Names>()) << w;
    EXPECT_EQ(ours.cellvars(), exp["co_cellvars"].get<Names>()) << w;
    EXPECT_EQ(ours.freevars(), exp["co_freevars"].get<Names>()) << w;
    Names consts;
    for (const auto& c : ours.co_consts) {
        consts.push_back(c.kind == ys::Constant::Kind::Code ? "<code " + c.code->co_qualname + ">"
                                                            : ys::constant_repr(c));
    }
    EXPECT_EQ(consts, exp["co_consts"].get<Names>()) << w;
    const auto& positions = exp["positions"];
    ASSERT_EQ(ours.positions.size(), positions.size()) << w;
    for (size_t i = 0; i < positions.size(); ++i) {
        const auto& p = ours.positions[i];
        std::vector<int> got{p.line, p.end_line, p.col, p.end_col};
        EXPECT_EQ(got, positions[i].get<std::vector<int>>()) << w << " position of unit " << i;
        if (got != positions[i].get<std::vector<int>>()) break;
    }
    const auto& table = exp["exception_table"];
    ASSERT_EQ(ours.exception_table.size(), table.size()) << w;
    for (size_t i = 0; i < table.size(); ++i) {
        const auto& e = ours.exception_table[i];
        std::vector<int> got{e.start, e.end, e.target, e.depth, e.push_lasti ? 1 : 0};
        EXPECT_EQ(got, table[i].get<std::vector<int>>()) << w << " exception entry " << i;
    }
}

TEST(CompilerGolden, DisComparePrograms) {
    namespace fs = std::filesystem;
    fs::path dir = YS_DIS_COMPARE_DIR;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir / "expected")) {
        if (entry.path().extension() != ".json") continue;
        std::string stem = entry.path().stem().string();
        std::ifstream src_in(dir / "programs" / (stem + ".py"));
        ASSERT_TRUE(src_in) << stem;
        std::stringstream src;
        src << src_in.rdbuf();
        std::ifstream json_in(entry.path());
        nlohmann::json expected = nlohmann::json::parse(json_in);
        ys::CompileResult r = ys::compile_source(src.str(), stem + ".py");
        ASSERT_TRUE(r.code) << stem << ": " << r.error.msg;
        std::vector<CodePtr> codes;
        walk(r.code, codes);
        ASSERT_EQ(codes.size(), expected.size()) << stem;
        for (size_t i = 0; i < codes.size(); ++i) compare_code(*codes[i], expected[i], stem);
        ++files;
    }
    EXPECT_GE(files, 40);
}

}  // namespace
