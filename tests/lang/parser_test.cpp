// Parser tests: the AST (as CPython's `ast.dump(tree, include_attributes=True)` prints
// it) for each construct, and CPython's exact text for syntax errors.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "lang/ast.h"
#include "lang/parser.h"

namespace ys::test {

using namespace ys::ast;

// ---- an ast.dump look-alike ------------------------------------------------------------

inline std::string py_str_repr(const std::string& s, bool bytes) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out = bytes ? "b" : "";
    out.push_back(quote);
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (!bytes && c >= 0xC2 && c <= 0xC2 + 1 && i + 1 < s.size()) {
            // U+0080..U+00FF: repr escapes the non-printable ones (C1 controls, NBSP, SHY)
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            if (cp <= 0xA0 || cp == 0xAD) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", cp);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));
                out.push_back(s[i + 1]);
            }
            ++i;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    out.push_back(quote);
    return out;
}

inline std::string py_float_repr(double d) {
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (std::isnan(d)) return "nan";
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    // buf is d.ddde[+-]XX; rebuild in Python's repr style
    std::string s = buf;
    size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    int exp = std::atoi(s.c_str() + e + 1);
    std::string digits;
    bool neg = mant[0] == '-';
    for (char c : mant) {
        if (c >= '0' && c <= '9') digits.push_back(c);
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out = neg ? "-" : "";
    if (exp >= 16 || exp < -4) {
        out += digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
        return out;
    }
    if (exp >= 0) {
        std::string ip = digits.substr(0, std::min(digits.size(), static_cast<size_t>(exp + 1)));
        while (static_cast<int>(ip.size()) < exp + 1) ip.push_back('0');
        std::string fp = digits.size() > static_cast<size_t>(exp + 1) ? digits.substr(static_cast<size_t>(exp + 1)) : "0";
        return out + ip + "." + fp;
    }
    return out + "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
}

class Dumper {
public:
    std::string out;

    void module(const Module& m) {
        out += "Module(body=";
        stmts(m.body);
        out += ", type_ignores=[])";
    }

private:
    void attrs(const Pos& p) {
        out += "lineno=" + std::to_string(p.lineno) + ", col_offset=" + std::to_string(p.col_offset) +
               ", end_lineno=" + std::to_string(p.end_lineno) + ", end_col_offset=" + std::to_string(p.end_col_offset);
    }
    void stmts(const StmtList& list) {
        out += "[";
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            stmt(*list[i]);
        }
        out += "]";
    }
    void exprs(const ExprList& list) {
        out += "[";
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            if (list[i]) expr(*list[i]);
            else out += "None";
        }
        out += "]";
    }
    void field(const char* name, const Expr* e, bool first = false) {
        if (!e) return;
        if (!first) out += ", ";
        out += name;
        out += "=";
        expr(*e);
    }
    void ctx(ExprContext c) {
        out += c == ExprContext::Load ? "ctx=Load()" : c == ExprContext::Store ? "ctx=Store()" : "ctx=Del()";
    }
    static const char* op_name(OperatorKind k) {
        static const char* const names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                            "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
        return names[static_cast<int>(k)];
    }
    static const char* cmp_name(CmpOpKind k) {
        static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
        return names[static_cast<int>(k)];
    }
    void arg(const Arg& a) {
        out += "arg(arg='" + a.arg + "', ";
        attrs(a.pos);
        out += ")";
    }
    void args_list(const std::vector<Arg>& list) {
        out += "[";
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            arg(list[i]);
        }
        out += "]";
    }
    void arguments(const Arguments& a) {
        out += "arguments(posonlyargs=";
        args_list(a.posonlyargs);
        out += ", args=";
        args_list(a.args);
        if (a.vararg) {
            out += ", vararg=";
            arg(*a.vararg);
        }
        out += ", kwonlyargs=";
        args_list(a.kwonlyargs);
        out += ", kw_defaults=";
        exprs(a.kw_defaults);
        if (a.kwarg) {
            out += ", kwarg=";
            arg(*a.kwarg);
        }
        out += ", defaults=";
        exprs(a.defaults);
        out += ")";
    }
    void keywords(const std::vector<Keyword>& list) {
        out += "[";
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            out += "keyword(";
            if (!list[i].arg.empty()) out += "arg='" + list[i].arg + "', ";
            out += "value=";
            expr(*list[i].value);
            out += ", ";
            attrs(list[i].pos);
            out += ")";
        }
        out += "]";
    }
    void generators(const std::vector<Comprehension>& gens) {
        out += "[";
        for (size_t i = 0; i < gens.size(); ++i) {
            if (i) out += ", ";
            out += "comprehension(target=";
            expr(*gens[i].target);
            out += ", iter=";
            expr(*gens[i].iter);
            out += ", ifs=";
            exprs(gens[i].ifs);
            out += gens[i].is_async ? ", is_async=1)" : ", is_async=0)";
        }
        out += "]";
    }
    void constant(const ConstantValue& c) {
        switch (c.kind) {
            case ConstantValue::Kind::None: out += "None"; break;
            case ConstantValue::Kind::True: out += "True"; break;
            case ConstantValue::Kind::False: out += "False"; break;
            case ConstantValue::Kind::Ellipsis: out += "Ellipsis"; break;
            case ConstantValue::Kind::Int: out += std::to_string(c.int_value); break;
            case ConstantValue::Kind::BigInt: out += c.text; break;
            case ConstantValue::Kind::Float: out += py_float_repr(c.float_value); break;
            case ConstantValue::Kind::Str: out += py_str_repr(c.text, false); break;
            case ConstantValue::Kind::Bytes: out += py_str_repr(c.text, true); break;
        }
    }
    void aliases(const std::vector<Alias>& names) {
        out += "[";
        for (size_t i = 0; i < names.size(); ++i) {
            if (i) out += ", ";
            out += "alias(name='" + names[i].name + "', ";
            if (!names[i].asname.empty()) out += "asname='" + names[i].asname + "', ";
            attrs(names[i].pos);
            out += ")";
        }
        out += "]";
    }
    void strings(const std::vector<std::string>& names) {
        out += "[";
        for (size_t i = 0; i < names.size(); ++i) {
            if (i) out += ", ";
            out += "'" + names[i] + "'";
        }
        out += "]";
    }

    void expr(const Expr& e) {
        switch (e.kind) {
            case ExprKind::BoolOp:
                out += e.bool_op == BoolOpKind::And ? "BoolOp(op=And(), values=" : "BoolOp(op=Or(), values=";
                exprs(e.values);
                break;
            case ExprKind::NamedExpr:
                out += "NamedExpr(";
                field("target", e.a.get(), true);
                field("value", e.b.get());
                break;
            case ExprKind::BinOp:
                out += "BinOp(";
                field("left", e.a.get(), true);
                out += ", op=" + std::string(op_name(e.op)) + "()";
                field("right", e.b.get());
                break;
            case ExprKind::UnaryOp: {
                static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
                out += "UnaryOp(op=" + std::string(names[static_cast<int>(e.unary_op)]) + "()";
                field("operand", e.a.get());
                break;
            }
            case ExprKind::Lambda:
                out += "Lambda(args=";
                arguments(*e.args);
                field("body", e.a.get());
                break;
            case ExprKind::IfExp:
                out += "IfExp(";
                field("test", e.a.get(), true);
                field("body", e.b.get());
                field("orelse", e.c.get());
                break;
            case ExprKind::Dict:
                out += "Dict(keys=";
                exprs(e.keys);
                out += ", values=";
                exprs(e.values);
                break;
            case ExprKind::Set:
                out += "Set(elts=";
                exprs(e.values);
                break;
            case ExprKind::ListComp:
            case ExprKind::SetComp:
            case ExprKind::GeneratorExp:
                out += e.kind == ExprKind::ListComp ? "ListComp(" : e.kind == ExprKind::SetComp ? "SetComp(" : "GeneratorExp(";
                field("elt", e.a.get(), true);
                out += ", generators=";
                generators(e.generators);
                break;
            case ExprKind::DictComp:
                out += "DictComp(";
                field("key", e.a.get(), true);
                field("value", e.b.get());
                out += ", generators=";
                generators(e.generators);
                break;
            case ExprKind::Await:
                out += "Await(";
                field("value", e.a.get(), true);
                break;
            case ExprKind::Yield:
                out += "Yield(";
                if (e.a) {
                    field("value", e.a.get(), true);
                    out += ", ";
                }
                attrs(e.pos);
                out += ")";
                return;
            case ExprKind::YieldFrom:
                out += "YieldFrom(";
                field("value", e.a.get(), true);
                break;
            case ExprKind::Compare:
                out += "Compare(";
                field("left", e.a.get(), true);
                out += ", ops=[";
                for (size_t i = 0; i < e.cmp_ops.size(); ++i) {
                    if (i) out += ", ";
                    out += std::string(cmp_name(e.cmp_ops[i])) + "()";
                }
                out += "], comparators=";
                exprs(e.values);
                break;
            case ExprKind::Call:
                out += "Call(";
                field("func", e.a.get(), true);
                out += ", args=";
                exprs(e.values);
                out += ", keywords=";
                keywords(e.keywords);
                break;
            case ExprKind::FormattedValue:
                out += "FormattedValue(";
                field("value", e.a.get(), true);
                out += ", conversion=" + std::to_string(e.conversion);
                field("format_spec", e.b.get());
                break;
            case ExprKind::JoinedStr:
                out += "JoinedStr(values=";
                exprs(e.values);
                break;
            case ExprKind::Constant:
                out += "Constant(value=";
                constant(e.constant);
                break;
            case ExprKind::Attribute:
                out += "Attribute(";
                field("value", e.a.get(), true);
                out += ", attr='" + e.id + "', ";
                ctx(e.ctx);
                break;
            case ExprKind::Subscript:
                out += "Subscript(";
                field("value", e.a.get(), true);
                field("slice", e.b.get());
                out += ", ";
                ctx(e.ctx);
                break;
            case ExprKind::Starred:
                out += "Starred(";
                field("value", e.a.get(), true);
                out += ", ";
                ctx(e.ctx);
                break;
            case ExprKind::Name:
                out += "Name(id='" + e.id + "', ";
                ctx(e.ctx);
                break;
            case ExprKind::List:
            case ExprKind::Tuple:
                out += e.kind == ExprKind::List ? "List(elts=" : "Tuple(elts=";
                exprs(e.values);
                out += ", ";
                ctx(e.ctx);
                break;
            case ExprKind::Slice: {
                out += "Slice(";
                bool first = true;
                if (e.a) {
                    field("lower", e.a.get(), true);
                    first = false;
                }
                if (e.b) {
                    field("upper", e.b.get(), first);
                    first = false;
                }
                if (e.c) {
                    field("step", e.c.get(), first);
                    first = false;
                }
                if (!first) out += ", ";
                attrs(e.pos);
                out += ")";
                return;
            }
        }
        out += ", ";
        attrs(e.pos);
        out += ")";
    }

    void stmt(const Stmt& s) {
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef:
                out += s.kind == StmtKind::FunctionDef ? "FunctionDef(name='" : "AsyncFunctionDef(name='";
                out += s.name + "', args=";
                arguments(*s.args);
                out += ", body=";
                stmts(s.body);
                out += ", decorator_list=";
                exprs(s.decorator_list);
                break;
            case StmtKind::ClassDef:
                out += "ClassDef(name='" + s.name + "', bases=";
                exprs(s.bases);
                out += ", keywords=";
                keywords(s.keywords);
                out += ", body=";
                stmts(s.body);
                out += ", decorator_list=";
                exprs(s.decorator_list);
                break;
            case StmtKind::Return:
                out += "Return(";
                if (s.value) {
                    field("value", s.value.get(), true);
                    out += ", ";
                }
                attrs(s.pos);
                out += ")";
                return;
            case StmtKind::Delete:
                out += "Delete(targets=";
                exprs(s.targets);
                break;
            case StmtKind::Assign:
                out += "Assign(targets=";
                exprs(s.targets);
                field("value", s.value.get());
                break;
            case StmtKind::AugAssign:
                out += "AugAssign(";
                field("target", s.target.get(), true);
                out += ", op=" + std::string(op_name(s.op)) + "()";
                field("value", s.value.get());
                break;
            case StmtKind::AnnAssign:
                out += "AnnAssign(";
                field("target", s.target.get(), true);
                field("annotation", s.value2.get());
                field("value", s.value.get());
                out += s.target->kind == ExprKind::Name ? ", simple=1" : ", simple=0";
                break;
            case StmtKind::For:
            case StmtKind::AsyncFor:
                out += s.kind == StmtKind::For ? "For(" : "AsyncFor(";
                field("target", s.target.get(), true);
                field("iter", s.value2.get());
                out += ", body=";
                stmts(s.body);
                out += ", orelse=";
                stmts(s.orelse);
                break;
            case StmtKind::While:
            case StmtKind::If:
                out += s.kind == StmtKind::While ? "While(" : "If(";
                field("test", s.value2.get(), true);
                out += ", body=";
                stmts(s.body);
                out += ", orelse=";
                stmts(s.orelse);
                break;
            case StmtKind::With:
            case StmtKind::AsyncWith:
                out += s.kind == StmtKind::With ? "With(items=[" : "AsyncWith(items=[";
                for (size_t i = 0; i < s.items.size(); ++i) {
                    if (i) out += ", ";
                    out += "withitem(";
                    field("context_expr", s.items[i].context_expr.get(), true);
                    field("optional_vars", s.items[i].optional_vars.get());
                    out += ")";
                }
                out += "], body=";
                stmts(s.body);
                break;
            case StmtKind::Raise: {
                out += "Raise(";
                bool any = false;
                if (s.value) {
                    field("exc", s.value.get(), true);
                    any = true;
                }
                if (s.value2) {
                    field("cause", s.value2.get(), !any);
                    any = true;
                }
                if (any) out += ", ";
                attrs(s.pos);
                out += ")";
                return;
            }
            case StmtKind::Try:
                out += "Try(body=";
                stmts(s.body);
                out += ", handlers=[";
                for (size_t i = 0; i < s.handlers.size(); ++i) {
                    const ExceptHandler& h = s.handlers[i];
                    if (i) out += ", ";
                    out += "ExceptHandler(";
                    if (h.type) {
                        field("type", h.type.get(), true);
                        out += ", ";
                    }
                    if (!h.name.empty()) out += "name='" + h.name + "', ";
                    out += "body=";
                    stmts(h.body);
                    out += ", ";
                    attrs(h.pos);
                    out += ")";
                }
                out += "], orelse=";
                stmts(s.orelse);
                out += ", finalbody=";
                stmts(s.finalbody);
                break;
            case StmtKind::Assert:
                out += "Assert(";
                field("test", s.value.get(), true);
                field("msg", s.value2.get());
                break;
            case StmtKind::Import:
                out += "Import(names=";
                aliases(s.names);
                break;
            case StmtKind::ImportFrom:
                out += "ImportFrom(";
                if (!s.name.empty()) out += "module='" + s.name + "', ";
                out += "names=";
                aliases(s.names);
                out += ", level=" + std::to_string(s.level);
                break;
            case StmtKind::Global:
            case StmtKind::Nonlocal:
                out += s.kind == StmtKind::Global ? "Global(names=" : "Nonlocal(names=";
                strings(s.identifiers);
                break;
            case StmtKind::Expr:
                out += "Expr(";
                field("value", s.value.get(), true);
                break;
            case StmtKind::Pass:
            case StmtKind::Break:
            case StmtKind::Continue:
                out += s.kind == StmtKind::Pass ? "Pass(" : s.kind == StmtKind::Break ? "Break(" : "Continue(";
                attrs(s.pos);
                out += ")";
                return;
        }
        out += ", ";
        attrs(s.pos);
        out += ")";
    }
};

inline std::string dump(const Module& m) {
    Dumper d;
    d.module(m);
    return d.out;
}

}  // namespace ys::test

#ifndef YS_AST_DUMP_ONLY
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace {

struct AstCase {
    const char* name;
    const char* source;
    const char* expected;  // ast.dump(ast.parse(source), include_attributes=True) from CPython 3.11.7
};

// Generated by running python3 (3.11.7) on each source; pasted verbatim.
const AstCase kAstCases[] = {
    {"assign", R"PY(x = 1
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[]))PY"},
    {"multi_target", R"PY(a = b = c
)PY", R"PY(Module(body=[Assign(targets=[Name(id='a', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Name(id='b', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5)], value=Name(id='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[]))PY"},
    {"tuple_unpack", R"PY(a, b = b, a + b
)PY", R"PY(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Name(id='b', ctx=Store(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], value=Tuple(elts=[Name(id='b', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), op=Add(), right=Name(id='b', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), lineno=1, col_offset=10, end_lineno=1, end_col_offset=15)], ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))PY"},
    {"starred_target", R"PY(first, *rest = items
)PY", R"PY(Module(body=[Assign(targets=[Tuple(elts=[Name(id='first', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), Starred(value=Name(id='rest', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=12), ctx=Store(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=12)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], value=Name(id='items', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=20), lineno=1, col_offset=0, end_lineno=1, end_col_offset=20)], type_ignores=[]))PY"},
    {"attr_subscript_targets", R"PY(self.x[i], y.z = 1, 2
)PY", R"PY(Module(body=[Assign(targets=[Tuple(elts=[Subscript(value=Attribute(value=Name(id='self', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=4), attr='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=6), slice=Name(id='i', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), Attribute(value=Name(id='y', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), attr='z', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=14)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], value=Tuple(elts=[Constant(value=1, lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), Constant(value=2, lineno=1, col_offset=20, end_lineno=1, end_col_offset=21)], ctx=Load(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=21), lineno=1, col_offset=0, end_lineno=1, end_col_offset=21)], type_ignores=[]))PY"},
    {"augassign", R"PY(total += x ** 2
)PY", R"PY(Module(body=[AugAssign(target=Name(id='total', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), op=Add(), value=BinOp(left=Name(id='x', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), op=Pow(), right=Constant(value=2, lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), lineno=1, col_offset=9, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))PY"},
    {"annassign", R"PY(count: int = 0
name: str
self.v: list = []
)PY", R"PY(Module(body=[AnnAssign(target=Name(id='count', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10), value=Constant(value=0, lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), simple=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), AnnAssign(target=Name(id='name', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=4), annotation=Name(id='str', ctx=Load(), lineno=2, col_offset=6, end_lineno=2, end_col_offset=9), simple=1, lineno=2, col_offset=0, end_lineno=2, end_col_offset=9), AnnAssign(target=Attribute(value=Name(id='self', ctx=Load(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=4), attr='v', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=6), annotation=Name(id='list', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=12), value=List(elts=[], ctx=Load(), lineno=3, col_offset=15, end_lineno=3, end_col_offset=17), simple=0, lineno=3, col_offset=0, end_lineno=3, end_col_offset=17)], type_ignores=[]))PY"},
    {"delete", R"PY(del a[0], b.c, d
)PY", R"PY(Module(body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), slice=Constant(value=0, lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Del(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=8), Attribute(value=Name(id='b', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), attr='c', ctx=Del(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=13), Name(id='d', ctx=Del(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[]))PY"},
    {"generator_def", R"PY(def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return i
)PY", R"PY(Module(body=[FunctionDef(name='gen', args=arguments(posonlyargs=[], args=[arg(arg='n', lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='i', ctx=Store(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], value=Constant(value=0, lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), While(test=Compare(left=Name(id='i', ctx=Load(), lineno=3, col_offset=10, end_lineno=3, end_col_offset=11), ops=[Lt()], comparators=[Name(id='n', ctx=Load(), lineno=3, col_offset=14, end_lineno=3, end_col_offset=15)], lineno=3, col_offset=10, end_lineno=3, end_col_offset=15), body=[Expr(value=Yield(value=Name(id='i', ctx=Load(), lineno=4, col_offset=14, end_lineno=4, end_col_offset=15), lineno=4, col_offset=8, end_lineno=4, end_col_offset=15), lineno=4, col_offset=8, end_lineno=4, end_col_offset=15), AugAssign(target=Name(id='i', ctx=Store(), lineno=5, col_offset=8, end_lineno=5, end_col_offset=9), op=Add(), value=Constant(value=1, lineno=5, col_offset=13, end_lineno=5, end_col_offset=14), lineno=5, col_offset=8, end_lineno=5, end_col_offset=14)], orelse=[], lineno=3, col_offset=4, end_lineno=5, end_col_offset=14), Return(value=Name(id='i', ctx=Load(), lineno=6, col_offset=11, end_lineno=6, end_col_offset=12), lineno=6, col_offset=4, end_lineno=6, end_col_offset=12)], decorator_list=[], lineno=1, col_offset=0, end_lineno=6, end_col_offset=12)], type_ignores=[]))PY"},
    {"yield_forms", R"PY(def g():
    x = yield
    y = yield 1
    z = yield a, b
    w = yield from h()
    (yield)
    await_ = (yield) + 1
)PY", R"PY(Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], value=Yield(lineno=2, col_offset=8, end_lineno=2, end_col_offset=13), lineno=2, col_offset=4, end_lineno=2, end_col_offset=13), Assign(targets=[Name(id='y', ctx=Store(), lineno=3, col_offset=4, end_lineno=3, end_col_offset=5)], value=Yield(value=Constant(value=1, lineno=3, col_offset=14, end_lineno=3, end_col_offset=15), lineno=3, col_offset=8, end_lineno=3, end_col_offset=15), lineno=3, col_offset=4, end_lineno=3, end_col_offset=15), Assign(targets=[Name(id='z', ctx=Store(), lineno=4, col_offset=4, end_lineno=4, end_col_offset=5)], value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load(), lineno=4, col_offset=14, end_lineno=4, end_col_offset=15), Name(id='b', ctx=Load(), lineno=4, col_offset=17, end_lineno=4, end_col_offset=18)], ctx=Load(), lineno=4, col_offset=14, end_lineno=4, end_col_offset=18), lineno=4, col_offset=8, end_lineno=4, end_col_offset=18), lineno=4, col_offset=4, end_lineno=4, end_col_offset=18), Assign(targets=[Name(id='w', ctx=Store(), lineno=5, col_offset=4, end_lineno=5, end_col_offset=5)], value=YieldFrom(value=Call(func=Name(id='h', ctx=Load(), lineno=5, col_offset=19, end_lineno=5, end_col_offset=20), args=[], keywords=[], lineno=5, col_offset=19, end_lineno=5, end_col_offset=22), lineno=5, col_offset=8, end_lineno=5, end_col_offset=22), lineno=5, col_offset=4, end_lineno=5, end_col_offset=22), Expr(value=Yield(lineno=6, col_offset=5, end_lineno=6, end_col_offset=10), lineno=6, col_offset=4, end_lineno=6, end_col_offset=11), Assign(targets=[Name(id='await_', ctx=Store(), lineno=7, col_offset=4, end_lineno=7, end_col_offset=10)], value=BinOp(left=Yield(lineno=7, col_offset=14, end_lineno=7, end_col_offset=19), op=Add(), right=Constant(value=1, lineno=7, col_offset=23, end_lineno=7, end_col_offset=24), lineno=7, col_offset=13, end_lineno=7, end_col_offset=24), lineno=7, col_offset=4, end_lineno=7, end_col_offset=24)], decorator_list=[], lineno=1, col_offset=0, end_lineno=7, end_col_offset=24)], type_ignores=[]))PY"},
    {"params", R"PY(def f(a, b=1, /, c=2, *args, d, e=5, **kw): pass
)PY", R"PY(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), arg(arg='b', lineno=1, col_offset=9, end_lineno=1, end_col_offset=10)], args=[arg(arg='c', lineno=1, col_offset=17, end_lineno=1, end_col_offset=18)], vararg=arg(arg='args', lineno=1, col_offset=23, end_lineno=1, end_col_offset=27), kwonlyargs=[arg(arg='d', lineno=1, col_offset=29, end_lineno=1, end_col_offset=30), arg(arg='e', lineno=1, col_offset=32, end_lineno=1, end_col_offset=33)], kw_defaults=[None, Constant(value=5, lineno=1, col_offset=34, end_lineno=1, end_col_offset=35)], kwarg=arg(arg='kw', lineno=1, col_offset=39, end_lineno=1, end_col_offset=41), defaults=[Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), Constant(value=2, lineno=1, col_offset=19, end_lineno=1, end_col_offset=20)]), body=[Pass(lineno=1, col_offset=44, end_lineno=1, end_col_offset=48)], decorator_list=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=48)], type_ignores=[]))PY"},
    {"lambda", R"PY(f = lambda x, *y, z=1, **w: x if y else z
)PY", R"PY(Module(body=[Assign(targets=[Name(id='f', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x', lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)], vararg=arg(arg='y', lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), kwonlyargs=[arg(arg='z', lineno=1, col_offset=18, end_lineno=1, end_col_offset=19)], kw_defaults=[Constant(value=1, lineno=1, col_offset=20, end_lineno=1, end_col_offset=21)], kwarg=arg(arg='w', lineno=1, col_offset=25, end_lineno=1, end_col_offset=26), defaults=[]), body=IfExp(test=Name(id='y', ctx=Load(), lineno=1, col_offset=33, end_lineno=1, end_col_offset=34), body=Name(id='x', ctx=Load(), lineno=1, col_offset=28, end_lineno=1, end_col_offset=29), orelse=Name(id='z', ctx=Load(), lineno=1, col_offset=40, end_lineno=1, end_col_offset=41), lineno=1, col_offset=28, end_lineno=1, end_col_offset=41), lineno=1, col_offset=4, end_lineno=1, end_col_offset=41), lineno=1, col_offset=0, end_lineno=1, end_col_offset=41)], type_ignores=[]))PY"},
    {"lambda_noargs", R"PY(g = lambda: (yield)
)PY", R"PY(Module(body=[Assign(targets=[Name(id='g', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield(lineno=1, col_offset=13, end_lineno=1, end_col_offset=18), lineno=1, col_offset=4, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], type_ignores=[]))PY"},
    {"class_def", R"PY(@dataclass
class A(B, C, metaclass=M):
    x = 1
    def m(self):
        return super().m()
)PY", R"PY(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load(), lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), Name(id='C', ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=12)], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load(), lineno=2, col_offset=24, end_lineno=2, end_col_offset=25), lineno=2, col_offset=14, end_lineno=2, end_col_offset=25)], body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=3, col_offset=4, end_lineno=3, end_col_offset=5)], value=Constant(value=1, lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), lineno=3, col_offset=4, end_lineno=3, end_col_offset=9), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self', lineno=4, col_offset=10, end_lineno=4, end_col_offset=14)], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Call(func=Attribute(value=Call(func=Name(id='super', ctx=Load(), lineno=5, col_offset=15, end_lineno=5, end_col_offset=20), args=[], keywords=[], lineno=5, col_offset=15, end_lineno=5, end_col_offset=22), attr='m', ctx=Load(), lineno=5, col_offset=15, end_lineno=5, end_col_offset=24), args=[], keywords=[], lineno=5, col_offset=15, end_lineno=5, end_col_offset=26), lineno=5, col_offset=8, end_lineno=5, end_col_offset=26)], decorator_list=[], lineno=4, col_offset=4, end_lineno=5, end_col_offset=26)], decorator_list=[Name(id='dataclass', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=10)], lineno=2, col_offset=0, end_lineno=5, end_col_offset=26)], type_ignores=[]))PY"},
    {"decorators", R"PY(@staticmethod
@a.b(1, k=2)
def f():
    pass
)PY", R"PY(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], decorator_list=[Name(id='staticmethod', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=13), Call(func=Attribute(value=Name(id='a', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), attr='b', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=4), args=[Constant(value=1, lineno=2, col_offset=5, end_lineno=2, end_col_offset=6)], keywords=[keyword(arg='k', value=Constant(value=2, lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=8, end_lineno=2, end_col_offset=11)], lineno=2, col_offset=1, end_lineno=2, end_col_offset=12)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[]))PY"},
    {"if_elif_else", R"PY(if a:
    x
elif b:
    y
else:
    z
)PY", R"PY(Module(body=[If(test=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Expr(value=Name(id='x', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], orelse=[If(test=Name(id='b', ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), body=[Expr(value=Name(id='y', ctx=Load(), lineno=4, col_offset=4, end_lineno=4, end_col_offset=5), lineno=4, col_offset=4, end_lineno=4, end_col_offset=5)], orelse=[Expr(value=Name(id='z', ctx=Load(), lineno=6, col_offset=4, end_lineno=6, end_col_offset=5), lineno=6, col_offset=4, end_lineno=6, end_col_offset=5)], lineno=3, col_offset=0, end_lineno=6, end_col_offset=5)], lineno=1, col_offset=0, end_lineno=6, end_col_offset=5)], type_ignores=[]))PY"},
    {"while_else", R"PY(while x:
    break
else:
    pass
)PY", R"PY(Module(body=[While(test=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), body=[Break(lineno=2, col_offset=4, end_lineno=2, end_col_offset=9)], orelse=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[]))PY"},
    {"for_else", R"PY(for i, (a, b) in enumerate(pairs):
    continue
else:
    done()
)PY", R"PY(Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), Name(id='b', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)], ctx=Store(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=13)], ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=13), iter=Call(func=Name(id='enumerate', ctx=Load(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=26), args=[Name(id='pairs', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=32)], keywords=[], lineno=1, col_offset=17, end_lineno=1, end_col_offset=33), body=[Continue(lineno=2, col_offset=4, end_lineno=2, end_col_offset=12)], orelse=[Expr(value=Call(func=Name(id='done', ctx=Load(), lineno=4, col_offset=4, end_lineno=4, end_col_offset=8), args=[], keywords=[], lineno=4, col_offset=4, end_lineno=4, end_col_offset=10), lineno=4, col_offset=4, end_lineno=4, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=4, end_col_offset=10)], type_ignores=[]))PY"},
    {"try_full", R"PY(try:
    f()
except (A, B) as e:
    raise C from e
except D:
    raise
except:
    pass
else:
    g()
finally:
    h()
)PY", R"PY(Module(body=[Try(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5), args=[], keywords=[], lineno=2, col_offset=4, end_lineno=2, end_col_offset=7), lineno=2, col_offset=4, end_lineno=2, end_col_offset=7)], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), Name(id='B', ctx=Load(), lineno=3, col_offset=11, end_lineno=3, end_col_offset=12)], ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=13), name='e', body=[Raise(exc=Name(id='C', ctx=Load(), lineno=4, col_offset=10, end_lineno=4, end_col_offset=11), cause=Name(id='e', ctx=Load(), lineno=4, col_offset=17, end_lineno=4, end_col_offset=18), lineno=4, col_offset=4, end_lineno=4, end_col_offset=18)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=18), ExceptHandler(type=Name(id='D', ctx=Load(), lineno=5, col_offset=7, end_lineno=5, end_col_offset=8), body=[Raise(lineno=6, col_offset=4, end_lineno=6, end_col_offset=9)], lineno=5, col_offset=0, end_lineno=6, end_col_offset=9), ExceptHandler(body=[Pass(lineno=8, col_offset=4, end_lineno=8, end_col_offset=8)], lineno=7, col_offset=0, end_lineno=8, end_col_offset=8)], orelse=[Expr(value=Call(func=Name(id='g', ctx=Load(), lineno=10, col_offset=4, end_lineno=10, end_col_offset=5), args=[], keywords=[], lineno=10, col_offset=4, end_lineno=10, end_col_offset=7), lineno=10, col_offset=4, end_lineno=10, end_col_offset=7)], finalbody=[Expr(value=Call(func=Name(id='h', ctx=Load(), lineno=12, col_offset=4, end_lineno=12, end_col_offset=5), args=[], keywords=[], lineno=12, col_offset=4, end_lineno=12, end_col_offset=7), lineno=12, col_offset=4, end_lineno=12, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=12, end_col_offset=7)], type_ignores=[]))PY"},
    {"with_items", R"PY(with open(p) as f, lock:
    pass
)PY", R"PY(Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=9), args=[Name(id='p', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11)], keywords=[], lineno=1, col_offset=5, end_lineno=1, end_col_offset=12), optional_vars=Name(id='f', ctx=Store(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17)), withitem(context_expr=Name(id='lock', ctx=Load(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=23))], body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[]))PY"},
    {"with_parens", R"PY(with (a as b, c as d):
    pass
)PY", R"PY(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), optional_vars=Name(id='b', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)), withitem(context_expr=Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), optional_vars=Name(id='d', ctx=Store(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=20))], body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[]))PY"},
    {"imports", R"PY(import a.b.c as d, e
from ..m import x as y, z
from . import (p,
    q,)
from os import *
)PY", R"PY(Module(body=[Import(names=[alias(name='a.b.c', asname='d', lineno=1, col_offset=7, end_lineno=1, end_col_offset=17), alias(name='e', lineno=1, col_offset=19, end_lineno=1, end_col_offset=20)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), ImportFrom(module='m', names=[alias(name='x', asname='y', lineno=2, col_offset=16, end_lineno=2, end_col_offset=22), alias(name='z', lineno=2, col_offset=24, end_lineno=2, end_col_offset=25)], level=2, lineno=2, col_offset=0, end_lineno=2, end_col_offset=25), ImportFrom(names=[alias(name='p', lineno=3, col_offset=15, end_lineno=3, end_col_offset=16), alias(name='q', lineno=4, col_offset=4, end_lineno=4, end_col_offset=5)], level=1, lineno=3, col_offset=0, end_lineno=4, end_col_offset=7), ImportFrom(module='os', names=[alias(name='*', lineno=5, col_offset=15, end_lineno=5, end_col_offset=16)], level=0, lineno=5, col_offset=0, end_lineno=5, end_col_offset=16)], type_ignores=[]))PY"},
    {"global_nonlocal", R"PY(def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
    return inner
)PY", R"PY(Module(body=[FunctionDef(name='outer', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], value=Constant(value=1, lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), FunctionDef(name='inner', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['x'], lineno=4, col_offset=8, end_lineno=4, end_col_offset=18), Global(names=['y'], lineno=5, col_offset=8, end_lineno=5, end_col_offset=16), AugAssign(target=Name(id='x', ctx=Store(), lineno=6, col_offset=8, end_lineno=6, end_col_offset=9), op=Add(), value=Constant(value=1, lineno=6, col_offset=13, end_lineno=6, end_col_offset=14), lineno=6, col_offset=8, end_lineno=6, end_col_offset=14)], decorator_list=[], lineno=3, col_offset=4, end_lineno=6, end_col_offset=14), Return(value=Name(id='inner', ctx=Load(), lineno=7, col_offset=11, end_lineno=7, end_col_offset=16), lineno=7, col_offset=4, end_lineno=7, end_col_offset=16)], decorator_list=[], lineno=1, col_offset=0, end_lineno=7, end_col_offset=16)], type_ignores=[]))PY"},
    {"assert_pass", R"PY(assert x, 'msg'
pass
)PY", R"PY(Module(body=[Assert(test=Name(id='x', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), msg=Constant(value='msg', lineno=1, col_offset=10, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), Pass(lineno=2, col_offset=0, end_lineno=2, end_col_offset=4)], type_ignores=[]))PY"},
    {"boolops", R"PY(x = a and b and c or not d
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Name(id='b', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), Name(id='c', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=17), UnaryOp(op=Not(), operand=Name(id='d', ctx=Load(), lineno=1, col_offset=25, end_lineno=1, end_col_offset=26), lineno=1, col_offset=21, end_lineno=1, end_col_offset=26)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=26), lineno=1, col_offset=0, end_lineno=1, end_col_offset=26)], type_ignores=[]))PY"},
    {"compare_chain", R"PY(x = a < b <= c != d is not e not in f
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Compare(left=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), ops=[Lt(), LtE(), NotEq(), IsNot(), NotIn()], comparators=[Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), Name(id='c', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), Name(id='d', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), Name(id='e', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), Name(id='f', ctx=Load(), lineno=1, col_offset=36, end_lineno=1, end_col_offset=37)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=37), lineno=1, col_offset=0, end_lineno=1, end_col_offset=37)], type_ignores=[]))PY"},
    {"binops_precedence", R"PY(x = -a ** -b * c // d % e @ f + g - h << i >> j & k ^ l | m
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=10, end_lineno=1, end_col_offset=12), lineno=1, col_offset=5, end_lineno=1, end_col_offset=12), lineno=1, col_offset=4, end_lineno=1, end_col_offset=12), op=Mult(), right=Name(id='c', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), lineno=1, col_offset=4, end_lineno=1, end_col_offset=16), op=FloorDiv(), right=Name(id='d', ctx=Load(), lineno=1, col_offset=20, end_lineno=1, end_col_offset=21), lineno=1, col_offset=4, end_lineno=1, end_col_offset=21), op=Mod(), right=Name(id='e', ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=25), lineno=1, col_offset=4, end_lineno=1, end_col_offset=25), op=MatMult(), right=Name(id='f', ctx=Load(), lineno=1, col_offset=28, end_lineno=1, end_col_offset=29), lineno=1, col_offset=4, end_lineno=1, end_col_offset=29), op=Add(), right=Name(id='g', ctx=Load(), lineno=1, col_offset=32, end_lineno=1, end_col_offset=33), lineno=1, col_offset=4, end_lineno=1, end_col_offset=33), op=Sub(), right=Name(id='h', ctx=Load(), lineno=1, col_offset=36, end_lineno=1, end_col_offset=37), lineno=1, col_offset=4, end_lineno=1, end_col_offset=37), op=LShift(), right=Name(id='i', ctx=Load(), lineno=1, col_offset=41, end_lineno=1, end_col_offset=42), lineno=1, col_offset=4, end_lineno=1, end_col_offset=42), op=RShift(), right=Name(id='j', ctx=Load(), lineno=1, col_offset=46, end_lineno=1, end_col_offset=47), lineno=1, col_offset=4, end_lineno=1, end_col_offset=47), op=BitAnd(), right=Name(id='k', ctx=Load(), lineno=1, col_offset=50, end_lineno=1, end_col_offset=51), lineno=1, col_offset=4, end_lineno=1, end_col_offset=51), op=BitXor(), right=Name(id='l', ctx=Load(), lineno=1, col_offset=54, end_lineno=1, end_col_offset=55), lineno=1, col_offset=4, end_lineno=1, end_col_offset=55), op=BitOr(), right=Name(id='m', ctx=Load(), lineno=1, col_offset=58, end_lineno=1, end_col_offset=59), lineno=1, col_offset=4, end_lineno=1, end_col_offset=59), lineno=1, col_offset=0, end_lineno=1, end_col_offset=59)], type_ignores=[]))PY"},
    {"unary", R"PY(x = ~a, +b, -c, not d
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Tuple(elts=[UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), lineno=1, col_offset=4, end_lineno=1, end_col_offset=6), UnaryOp(op=UAdd(), operand=Name(id='b', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=8, end_lineno=1, end_col_offset=10), UnaryOp(op=USub(), operand=Name(id='c', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), lineno=1, col_offset=12, end_lineno=1, end_col_offset=14), UnaryOp(op=Not(), operand=Name(id='d', ctx=Load(), lineno=1, col_offset=20, end_lineno=1, end_col_offset=21), lineno=1, col_offset=16, end_lineno=1, end_col_offset=21)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=21), lineno=1, col_offset=0, end_lineno=1, end_col_offset=21)], type_ignores=[]))PY"},
    {"ifexp", R"PY(x = a if b else c if d else e
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=IfExp(test=Name(id='b', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), body=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), orelse=IfExp(test=Name(id='d', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), body=Name(id='c', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), orelse=Name(id='e', ctx=Load(), lineno=1, col_offset=28, end_lineno=1, end_col_offset=29), lineno=1, col_offset=16, end_lineno=1, end_col_offset=29), lineno=1, col_offset=4, end_lineno=1, end_col_offset=29), lineno=1, col_offset=0, end_lineno=1, end_col_offset=29)], type_ignores=[]))PY"},
    {"walrus", R"PY(if (n := len(a)) > 10:
    print(n)
)PY", R"PY(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), value=Call(func=Name(id='len', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], keywords=[], lineno=1, col_offset=9, end_lineno=1, end_col_offset=15), lineno=1, col_offset=4, end_lineno=1, end_col_offset=15), ops=[Gt()], comparators=[Constant(value=10, lineno=1, col_offset=19, end_lineno=1, end_col_offset=21)], lineno=1, col_offset=3, end_lineno=1, end_col_offset=21), body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), args=[Name(id='n', ctx=Load(), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11)], keywords=[], lineno=2, col_offset=4, end_lineno=2, end_col_offset=12), lineno=2, col_offset=4, end_lineno=2, end_col_offset=12)], orelse=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=12)], type_ignores=[]))PY"},
    {"call_args", R"PY(f(a, *b, c=1, **d)
)PY", R"PY(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=7)], keywords=[keyword(arg='c', value=Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), keyword(value=Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[]))PY"},
    {"call_genexp", R"PY(total = sum(x * x for x in xs if x)
)PY", R"PY(Module(body=[Assign(targets=[Name(id='total', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], value=Call(func=Name(id='sum', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=11), args=[GeneratorExp(elt=BinOp(left=Name(id='x', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), op=Mult(), right=Name(id='x', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=12, end_lineno=1, end_col_offset=17), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=22, end_lineno=1, end_col_offset=23), iter=Name(id='xs', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=29), ifs=[Name(id='x', ctx=Load(), lineno=1, col_offset=33, end_lineno=1, end_col_offset=34)], is_async=0)], lineno=1, col_offset=11, end_lineno=1, end_col_offset=35)], keywords=[], lineno=1, col_offset=8, end_lineno=1, end_col_offset=35), lineno=1, col_offset=0, end_lineno=1, end_col_offset=35)], type_ignores=[]))PY"},
    {"attribute_chain", R"PY(a.b.c(d)[e].f
)PY", R"PY(Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Attribute(value=Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), attr='b', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3), attr='c', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), args=[Name(id='d', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), slice=Name(id='e', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), attr='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], type_ignores=[]))PY"},
    {"slices", R"PY(x[1:2, ::3]
x[a:]
x[:b]
x[::]
x[i]
x[()]
x[*a]
)PY", R"PY(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1), slice=Slice(lower=Name(id='a', ctx=Load(), lineno=2, col_offset=2, end_lineno=2, end_col_offset=3), lineno=2, col_offset=2, end_lineno=2, end_col_offset=4), ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=5), lineno=2, col_offset=0, end_lineno=2, end_col_offset=5), Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1), slice=Slice(upper=Name(id='b', ctx=Load(), lineno=3, col_offset=3, end_lineno=3, end_col_offset=4), lineno=3, col_offset=2, end_lineno=3, end_col_offset=4), ctx=Load(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=5), lineno=3, col_offset=0, end_lineno=3, end_col_offset=5), Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=4, col_offset=0, end_lineno=4, end_col_offset=1), slice=Slice(lineno=4, col_offset=2, end_lineno=4, end_col_offset=4), ctx=Load(), lineno=4, col_offset=0, end_lineno=4, end_col_offset=5), lineno=4, col_offset=0, end_lineno=4, end_col_offset=5), Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=5, col_offset=0, end_lineno=5, end_col_offset=1), slice=Name(id='i', ctx=Load(), lineno=5, col_offset=2, end_lineno=5, end_col_offset=3), ctx=Load(), lineno=5, col_offset=0, end_lineno=5, end_col_offset=4), lineno=5, col_offset=0, end_lineno=5, end_col_offset=4), Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=6, col_offset=0, end_lineno=6, end_col_offset=1), slice=Tuple(elts=[], ctx=Load(), lineno=6, col_offset=2, end_lineno=6, end_col_offset=4), ctx=Load(), lineno=6, col_offset=0, end_lineno=6, end_col_offset=5), lineno=6, col_offset=0, end_lineno=6, end_col_offset=5), Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=7, col_offset=0, end_lineno=7, end_col_offset=1), slice=Tuple(elts=[Starred(value=Name(id='a', ctx=Load(), lineno=7, col_offset=3, end_lineno=7, end_col_offset=4), ctx=Load(), lineno=7, col_offset=2, end_lineno=7, end_col_offset=4)], ctx=Load(), lineno=7, col_offset=2, end_lineno=7, end_col_offset=4), ctx=Load(), lineno=7, col_offset=0, end_lineno=7, end_col_offset=5), lineno=7, col_offset=0, end_lineno=7, end_col_offset=5)], type_ignores=[]))PY"},
    {"parens_extend_spans", R"PY((a).b
(a)(b)
(a) + (b)
(a), (b)
(a) if (b) else (c)
)PY", R"PY(Module(body=[Expr(value=Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), attr='b', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), Expr(value=Call(func=Name(id='a', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), args=[Name(id='b', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], keywords=[], lineno=2, col_offset=0, end_lineno=2, end_col_offset=6), lineno=2, col_offset=0, end_lineno=2, end_col_offset=6), Expr(value=BinOp(left=Name(id='a', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), op=Add(), right=Name(id='b', ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), lineno=3, col_offset=0, end_lineno=3, end_col_offset=9), lineno=3, col_offset=0, end_lineno=3, end_col_offset=9), Expr(value=Tuple(elts=[Name(id='a', ctx=Load(), lineno=4, col_offset=1, end_lineno=4, end_col_offset=2), Name(id='b', ctx=Load(), lineno=4, col_offset=6, end_lineno=4, end_col_offset=7)], ctx=Load(), lineno=4, col_offset=0, end_lineno=4, end_col_offset=8), lineno=4, col_offset=0, end_lineno=4, end_col_offset=8), Expr(value=IfExp(test=Name(id='b', ctx=Load(), lineno=5, col_offset=8, end_lineno=5, end_col_offset=9), body=Name(id='a', ctx=Load(), lineno=5, col_offset=1, end_lineno=5, end_col_offset=2), orelse=Name(id='c', ctx=Load(), lineno=5, col_offset=17, end_lineno=5, end_col_offset=18), lineno=5, col_offset=0, end_lineno=5, end_col_offset=19), lineno=5, col_offset=0, end_lineno=5, end_col_offset=19)], type_ignores=[]))PY"},
    {"list_tuple_set_dict", R"PY(x = [1, *a]
y = (1,)
z = {1, 2}
w = {'a': 1, **d}
e = ()
f = {}
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=List(elts=[Constant(value=1, lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), Starred(value=Name(id='a', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=10)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), Assign(targets=[Name(id='y', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Tuple(elts=[Constant(value=1, lineno=2, col_offset=5, end_lineno=2, end_col_offset=6)], ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=8), lineno=2, col_offset=0, end_lineno=2, end_col_offset=8), Assign(targets=[Name(id='z', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=Set(elts=[Constant(value=1, lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), Constant(value=2, lineno=3, col_offset=8, end_lineno=3, end_col_offset=9)], lineno=3, col_offset=4, end_lineno=3, end_col_offset=10), lineno=3, col_offset=0, end_lineno=3, end_col_offset=10), Assign(targets=[Name(id='w', ctx=Store(), lineno=4, col_offset=0, end_lineno=4, end_col_offset=1)], value=Dict(keys=[Constant(value='a', lineno=4, col_offset=5, end_lineno=4, end_col_offset=8), None], values=[Constant(value=1, lineno=4, col_offset=10, end_lineno=4, end_col_offset=11), Name(id='d', ctx=Load(), lineno=4, col_offset=15, end_lineno=4, end_col_offset=16)], lineno=4, col_offset=4, end_lineno=4, end_col_offset=17), lineno=4, col_offset=0, end_lineno=4, end_col_offset=17), Assign(targets=[Name(id='e', ctx=Store(), lineno=5, col_offset=0, end_lineno=5, end_col_offset=1)], value=Tuple(elts=[], ctx=Load(), lineno=5, col_offset=4, end_lineno=5, end_col_offset=6), lineno=5, col_offset=0, end_lineno=5, end_col_offset=6), Assign(targets=[Name(id='f', ctx=Store(), lineno=6, col_offset=0, end_lineno=6, end_col_offset=1)], value=Dict(keys=[], values=[], lineno=6, col_offset=4, end_lineno=6, end_col_offset=6), lineno=6, col_offset=0, end_lineno=6, end_col_offset=6)], type_ignores=[]))PY"},
    {"comprehensions", R"PY(a = [x for x in y if x for z in x]
b = {x for x in y}
c = {k: v for k, v in d.items()}
d = (x for x in y)
)PY", R"PY(Module(body=[Assign(targets=[Name(id='a', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=ListComp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), ifs=[Name(id='x', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22)], is_async=0), comprehension(target=Name(id='z', ctx=Store(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), iter=Name(id='x', ctx=Load(), lineno=1, col_offset=32, end_lineno=1, end_col_offset=33), ifs=[], is_async=0)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=34), lineno=1, col_offset=0, end_lineno=1, end_col_offset=34), Assign(targets=[Name(id='b', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=SetComp(elt=Name(id='x', ctx=Load(), lineno=2, col_offset=5, end_lineno=2, end_col_offset=6), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=12), iter=Name(id='y', ctx=Load(), lineno=2, col_offset=16, end_lineno=2, end_col_offset=17), ifs=[], is_async=0)], lineno=2, col_offset=4, end_lineno=2, end_col_offset=18), lineno=2, col_offset=0, end_lineno=2, end_col_offset=18), Assign(targets=[Name(id='c', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=DictComp(key=Name(id='k', ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), value=Name(id='v', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store(), lineno=3, col_offset=14, end_lineno=3, end_col_offset=15), Name(id='v', ctx=Store(), lineno=3, col_offset=17, end_lineno=3, end_col_offset=18)], ctx=Store(), lineno=3, col_offset=14, end_lineno=3, end_col_offset=18), iter=Call(func=Attribute(value=Name(id='d', ctx=Load(), lineno=3, col_offset=22, end_lineno=3, end_col_offset=23), attr='items', ctx=Load(), lineno=3, col_offset=22, end_lineno=3, end_col_offset=29), args=[], keywords=[], lineno=3, col_offset=22, end_lineno=3, end_col_offset=31), ifs=[], is_async=0)], lineno=3, col_offset=4, end_lineno=3, end_col_offset=32), lineno=3, col_offset=0, end_lineno=3, end_col_offset=32), Assign(targets=[Name(id='d', ctx=Store(), lineno=4, col_offset=0, end_lineno=4, end_col_offset=1)], value=GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=4, col_offset=5, end_lineno=4, end_col_offset=6), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=4, col_offset=11, end_lineno=4, end_col_offset=12), iter=Name(id='y', ctx=Load(), lineno=4, col_offset=16, end_lineno=4, end_col_offset=17), ifs=[], is_async=0)], lineno=4, col_offset=4, end_lineno=4, end_col_offset=18), lineno=4, col_offset=0, end_lineno=4, end_col_offset=18)], type_ignores=[]))PY"},
    {"async", R"PY(async def f():
    await g()
    async for x in y:
        pass
    async with a as b:
        pass
    r = [x async for x in y]
)PY", R"PY(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Call(func=Name(id='g', ctx=Load(), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), args=[], keywords=[], lineno=2, col_offset=10, end_lineno=2, end_col_offset=13), lineno=2, col_offset=4, end_lineno=2, end_col_offset=13), lineno=2, col_offset=4, end_lineno=2, end_col_offset=13), AsyncFor(target=Name(id='x', ctx=Store(), lineno=3, col_offset=14, end_lineno=3, end_col_offset=15), iter=Name(id='y', ctx=Load(), lineno=3, col_offset=19, end_lineno=3, end_col_offset=20), body=[Pass(lineno=4, col_offset=8, end_lineno=4, end_col_offset=12)], orelse=[], lineno=3, col_offset=4, end_lineno=4, end_col_offset=12), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=5, col_offset=15, end_lineno=5, end_col_offset=16), optional_vars=Name(id='b', ctx=Store(), lineno=5, col_offset=20, end_lineno=5, end_col_offset=21))], body=[Pass(lineno=6, col_offset=8, end_lineno=6, end_col_offset=12)], lineno=5, col_offset=4, end_lineno=6, end_col_offset=12), Assign(targets=[Name(id='r', ctx=Store(), lineno=7, col_offset=4, end_lineno=7, end_col_offset=5)], value=ListComp(elt=Name(id='x', ctx=Load(), lineno=7, col_offset=9, end_lineno=7, end_col_offset=10), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=7, col_offset=21, end_lineno=7, end_col_offset=22), iter=Name(id='y', ctx=Load(), lineno=7, col_offset=26, end_lineno=7, end_col_offset=27), ifs=[], is_async=1)], lineno=7, col_offset=8, end_lineno=7, end_col_offset=28), lineno=7, col_offset=4, end_lineno=7, end_col_offset=28)], decorator_list=[], lineno=1, col_offset=0, end_lineno=7, end_col_offset=28)], type_ignores=[]))PY"},
    {"strings", R"PY(s = 'a' "b" '''c
d''' r'\n' 'e\tf\x41\u00e9\101'
b = b'\x00\xff' rb'\d'
)PY", R"PY(Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value='abc\nd\\ne\tfAéA', lineno=1, col_offset=4, end_lineno=2, end_col_offset=31), lineno=1, col_offset=0, end_lineno=2, end_col_offset=31), Assign(targets=[Name(id='b', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=Constant(value=b'\x00\xff\\d', lineno=3, col_offset=4, end_lineno=3, end_col_offset=22), lineno=3, col_offset=0, end_lineno=3, end_col_offset=22)], type_ignores=[]))PY"},
    {"numbers", R"PY(n = 0x_ff + 0o17 + 0b1010 + 1_000 + 1.5e10 + .5 + 5. + 1e-7 + 123456789012345678901234567890
)PY", R"PY(Module(body=[Assign(targets=[Name(id='n', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255, lineno=1, col_offset=4, end_lineno=1, end_col_offset=9), op=Add(), right=Constant(value=15, lineno=1, col_offset=12, end_lineno=1, end_col_offset=16), lineno=1, col_offset=4, end_lineno=1, end_col_offset=16), op=Add(), right=Constant(value=10, lineno=1, col_offset=19, end_lineno=1, end_col_offset=25), lineno=1, col_offset=4, end_lineno=1, end_col_offset=25), op=Add(), right=Constant(value=1000, lineno=1, col_offset=28, end_lineno=1, end_col_offset=33), lineno=1, col_offset=4, end_lineno=1, end_col_offset=33), op=Add(), right=Constant(value=15000000000.0, lineno=1, col_offset=36, end_lineno=1, end_col_offset=42), lineno=1, col_offset=4, end_lineno=1, end_col_offset=42), op=Add(), right=Constant(value=0.5, lineno=1, col_offset=45, end_lineno=1, end_col_offset=47), lineno=1, col_offset=4, end_lineno=1, end_col_offset=47), op=Add(), right=Constant(value=5.0, lineno=1, col_offset=50, end_lineno=1, end_col_offset=52), lineno=1, col_offset=4, end_lineno=1, end_col_offset=52), op=Add(), right=Constant(value=1e-07, lineno=1, col_offset=55, end_lineno=1, end_col_offset=59), lineno=1, col_offset=4, end_lineno=1, end_col_offset=59), op=Add(), right=Constant(value=123456789012345678901234567890, lineno=1, col_offset=62, end_lineno=1, end_col_offset=92), lineno=1, col_offset=4, end_lineno=1, end_col_offset=92), lineno=1, col_offset=0, end_lineno=1, end_col_offset=92)], type_ignores=[]))PY"},
    {"fstring_basic", R"PY(f'a{x}b'
)PY", R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), Constant(value='b', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[]))PY"},
    {"fstring_conversions", R"PY(f'{x!r} {y!s} {z!a}'
)PY", R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), Constant(value=' ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=115, lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), Constant(value=' ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), FormattedValue(value=Name(id='z', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), conversion=97, lineno=1, col_offset=0, end_lineno=1, end_col_offset=20)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), lineno=1, col_offset=0, end_lineno=1, end_col_offset=20)], type_ignores=[]))PY"},
    {"fstring_format_spec", R"PY(f'{x:>10} {y:{w}.{p}f}'
)PY", R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), Constant(value=' ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), Constant(value='.', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), FormattedValue(value=Name(id='p', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), Constant(value='f', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], type_ignores=[]))PY"},
    {"fstring_debug", R"PY(f'{x=}' f'{y = }' f'{z=:>4}'
)PY", R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), Constant(value='y = ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), Constant(value='z=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), FormattedValue(value=Name(id='z', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>4', lineno=1, col_offset=18, end_lineno=1, end_col_offset=28)], lineno=1, col_offset=18, end_lineno=1, end_col_offset=28), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28)], type_ignores=[]))PY"},
    {"fstring_concat", R"PY(s = 'q' f'{x}' 'c' f'{{}}'
)PY", R"PY(Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='q', lineno=1, col_offset=4, end_lineno=1, end_col_offset=26), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), conversion=-1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=26), Constant(value='c{}', lineno=1, col_offset=4, end_lineno=1, end_col_offset=26)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=26), lineno=1, col_offset=0, end_lineno=1, end_col_offset=26)], type_ignores=[]))PY"},
    {"fstring_multiline", R"PY(s = f'''a
{b}
  {c + 1}'''
)PY", R"PY(Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='a\n', lineno=1, col_offset=4, end_lineno=3, end_col_offset=12), FormattedValue(value=Name(id='b', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), conversion=-1, lineno=1, col_offset=4, end_lineno=3, end_col_offset=12), Constant(value='\n  ', lineno=1, col_offset=4, end_lineno=3, end_col_offset=12), FormattedValue(value=BinOp(left=Name(id='c', ctx=Load(), lineno=3, col_offset=3, end_lineno=3, end_col_offset=4), op=Add(), right=Constant(value=1, lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), lineno=3, col_offset=3, end_lineno=3, end_col_offset=8), conversion=-1, lineno=1, col_offset=4, end_lineno=3, end_col_offset=12)], lineno=1, col_offset=4, end_lineno=3, end_col_offset=12), lineno=1, col_offset=0, end_lineno=3, end_col_offset=12)], type_ignores=[]))PY"},
    {"return_tuple", R"PY(def f():
    return a, b
)PY", R"PY(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Tuple(elts=[Name(id='a', ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=12), Name(id='b', ctx=Load(), lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)], ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=15), lineno=2, col_offset=4, end_lineno=2, end_col_offset=15)], decorator_list=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=15)], type_ignores=[]))PY"},
    {"constants", R"PY(x = None, True, False, ...
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Tuple(elts=[Constant(value=None, lineno=1, col_offset=4, end_lineno=1, end_col_offset=8), Constant(value=True, lineno=1, col_offset=10, end_lineno=1, end_col_offset=14), Constant(value=False, lineno=1, col_offset=16, end_lineno=1, end_col_offset=21), Constant(value=Ellipsis, lineno=1, col_offset=23, end_lineno=1, end_col_offset=26)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=26), lineno=1, col_offset=0, end_lineno=1, end_col_offset=26)], type_ignores=[]))PY"},
    {"semicolons", R"PY(x = 1; y = 2;
if x: y = 1; z = 2
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), Assign(targets=[Name(id='y', ctx=Store(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8)], value=Constant(value=2, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=7, end_lineno=1, end_col_offset=12), If(test=Name(id='x', ctx=Load(), lineno=2, col_offset=3, end_lineno=2, end_col_offset=4), body=[Assign(targets=[Name(id='y', ctx=Store(), lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], value=Constant(value=1, lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=6, end_lineno=2, end_col_offset=11), Assign(targets=[Name(id='z', ctx=Store(), lineno=2, col_offset=13, end_lineno=2, end_col_offset=14)], value=Constant(value=2, lineno=2, col_offset=17, end_lineno=2, end_col_offset=18), lineno=2, col_offset=13, end_lineno=2, end_col_offset=18)], orelse=[], lineno=2, col_offset=0, end_lineno=2, end_col_offset=18)], type_ignores=[]))PY"},
    {"continuation", R"PY(x = \
  1 + \
  2
y = (1 +
     2)
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=Constant(value=1, lineno=2, col_offset=2, end_lineno=2, end_col_offset=3), op=Add(), right=Constant(value=2, lineno=3, col_offset=2, end_lineno=3, end_col_offset=3), lineno=2, col_offset=2, end_lineno=3, end_col_offset=3), lineno=1, col_offset=0, end_lineno=3, end_col_offset=3), Assign(targets=[Name(id='y', ctx=Store(), lineno=4, col_offset=0, end_lineno=4, end_col_offset=1)], value=BinOp(left=Constant(value=1, lineno=4, col_offset=5, end_lineno=4, end_col_offset=6), op=Add(), right=Constant(value=2, lineno=5, col_offset=5, end_lineno=5, end_col_offset=6), lineno=4, col_offset=5, end_lineno=5, end_col_offset=6), lineno=4, col_offset=0, end_lineno=5, end_col_offset=7)], type_ignores=[]))PY"},
    {"nested_functions", R"PY(def a():
    def b():
        def c():
            return 1
        return c
    return b
)PY", R"PY(Module(body=[FunctionDef(name='a', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[FunctionDef(name='b', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[FunctionDef(name='c', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Constant(value=1, lineno=4, col_offset=19, end_lineno=4, end_col_offset=20), lineno=4, col_offset=12, end_lineno=4, end_col_offset=20)], decorator_list=[], lineno=3, col_offset=8, end_lineno=4, end_col_offset=20), Return(value=Name(id='c', ctx=Load(), lineno=5, col_offset=15, end_lineno=5, end_col_offset=16), lineno=5, col_offset=8, end_lineno=5, end_col_offset=16)], decorator_list=[], lineno=2, col_offset=4, end_lineno=5, end_col_offset=16), Return(value=Name(id='b', ctx=Load(), lineno=6, col_offset=11, end_lineno=6, end_col_offset=12), lineno=6, col_offset=4, end_lineno=6, end_col_offset=12)], decorator_list=[], lineno=1, col_offset=0, end_lineno=6, end_col_offset=12)], type_ignores=[]))PY"},
    {"del_parens", R"PY(del (a), [b, c]
)PY", R"PY(Module(body=[Delete(targets=[Name(id='a', ctx=Del(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), List(elts=[Name(id='b', ctx=Del(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), Name(id='c', ctx=Del(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], ctx=Del(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=15)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))PY"},
    {"for_single_tuple", R"PY(for x, in y:
    pass
)PY", R"PY(Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5)], ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=6), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], orelse=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[]))PY"},
    {"raise_forms", R"PY(raise
raise X
raise X from None
)PY", R"PY(Module(body=[Raise(lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), Raise(exc=Name(id='X', ctx=Load(), lineno=2, col_offset=6, end_lineno=2, end_col_offset=7), lineno=2, col_offset=0, end_lineno=2, end_col_offset=7), Raise(exc=Name(id='X', ctx=Load(), lineno=3, col_offset=6, end_lineno=3, end_col_offset=7), cause=Constant(value=None, lineno=3, col_offset=13, end_lineno=3, end_col_offset=17), lineno=3, col_offset=0, end_lineno=3, end_col_offset=17)], type_ignores=[]))PY"},
    {"empty_return", R"PY(def f():
    return
)PY", R"PY(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(lineno=2, col_offset=4, end_lineno=2, end_col_offset=10)], decorator_list=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=10)], type_ignores=[]))PY"},
    {"comments_blank_lines", R"PY(# comment

x = 1  # trailing


   # indented comment
y = 2
)PY", R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=Constant(value=1, lineno=3, col_offset=4, end_lineno=3, end_col_offset=5), lineno=3, col_offset=0, end_lineno=3, end_col_offset=5), Assign(targets=[Name(id='y', ctx=Store(), lineno=7, col_offset=0, end_lineno=7, end_col_offset=1)], value=Constant(value=2, lineno=7, col_offset=4, end_lineno=7, end_col_offset=5), lineno=7, col_offset=0, end_lineno=7, end_col_offset=5)], type_ignores=[]))PY"},
    {"tabs_indent", R"PY(if x:
	y = 1
	if y:
		z = 2
)PY", R"PY(Module(body=[If(test=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Assign(targets=[Name(id='y', ctx=Store(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2)], value=Constant(value=1, lineno=2, col_offset=5, end_lineno=2, end_col_offset=6), lineno=2, col_offset=1, end_lineno=2, end_col_offset=6), If(test=Name(id='y', ctx=Load(), lineno=3, col_offset=4, end_lineno=3, end_col_offset=5), body=[Assign(targets=[Name(id='z', ctx=Store(), lineno=4, col_offset=2, end_lineno=4, end_col_offset=3)], value=Constant(value=2, lineno=4, col_offset=6, end_lineno=4, end_col_offset=7), lineno=4, col_offset=2, end_lineno=4, end_col_offset=7)], orelse=[], lineno=3, col_offset=1, end_lineno=4, end_col_offset=7)], orelse=[], lineno=1, col_offset=0, end_lineno=4, end_col_offset=7)], type_ignores=[]))PY"},
    {"utf8_columns", R"PY(s = 'héllo'; t = s
)PY", R"PY(Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value='héllo', lineno=1, col_offset=4, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), Assign(targets=[Name(id='t', ctx=Store(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15)], value=Name(id='s', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), lineno=1, col_offset=14, end_lineno=1, end_col_offset=19)], type_ignores=[]))PY"},
    {"kwonly_defaults", R"PY(def f(*, a, b=2): pass
)PY", R"PY(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a', lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), arg(arg='b', lineno=1, col_offset=12, end_lineno=1, end_col_offset=13)], kw_defaults=[None, Constant(value=2, lineno=1, col_offset=14, end_lineno=1, end_col_offset=15)], defaults=[]), body=[Pass(lineno=1, col_offset=18, end_lineno=1, end_col_offset=22)], decorator_list=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=22)], type_ignores=[]))PY"},
    {"starred_call_subscript", R"PY(print(*a, *b, sep='')
)PY", R"PY(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), args=[Starred(value=Name(id='a', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=8), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=12)], keywords=[keyword(arg='sep', value=Constant(value='', lineno=1, col_offset=18, end_lineno=1, end_col_offset=20), lineno=1, col_offset=14, end_lineno=1, end_col_offset=20)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=21), lineno=1, col_offset=0, end_lineno=1, end_col_offset=21)], type_ignores=[]))PY"},

};

class AstShape : public testing::TestWithParam<AstCase> {};

TEST_P(AstShape, MatchesCPython) {
    const AstCase& c = GetParam();
    ys::ParseResult r = ys::parse_module(c.source, "prog.py");
    ASSERT_TRUE(r.module.has_value()) << ys::format_syntax_error(r.error);
    EXPECT_EQ(ys::test::dump(*r.module), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Constructs, AstShape, testing::ValuesIn(kAstCases),
                         [](const testing::TestParamInfo<AstCase>& param_info) { return std::string(param_info.param.name); });

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

// ---- constants -------------------------------------------------------------------------

const ys::ast::Expr& first_value(const ys::ast::Module& m) { return *m.body.at(0)->value; }

TEST(ParserConstants, BigIntKeepsDecimalDigits) {
    auto r = ys::parse_module("x = 0xFFFFFFFFFFFFFFFFFFFF\n", "prog.py");
    ASSERT_TRUE(r.module);
    const auto& c = first_value(*r.module).constant;
    EXPECT_EQ(c.kind, ys::ast::ConstantValue::Kind::BigInt);
    EXPECT_EQ(c.text, "1208925819614629174706175");
}

TEST(ParserConstants, Int64Limits) {
    auto r = ys::parse_module("a = 9223372036854775807\nb = 9223372036854775808\n", "prog.py");
    ASSERT_TRUE(r.module);
    EXPECT_EQ(first_value(*r.module).constant.kind, ys::ast::ConstantValue::Kind::Int);
    EXPECT_EQ(first_value(*r.module).constant.int_value, INT64_MAX);
    EXPECT_EQ(r.module->body[1]->value->constant.kind, ys::ast::ConstantValue::Kind::BigInt);
    EXPECT_EQ(r.module->body[1]->value->constant.text, "9223372036854775808");
}

TEST(ParserConstants, FloatsAndBytes) {
    auto r = ys::parse_module("a = 1_0.5e-1\nb = b'\\x00A\\n'\n", "prog.py");
    ASSERT_TRUE(r.module);
    EXPECT_EQ(first_value(*r.module).constant.kind, ys::ast::ConstantValue::Kind::Float);
    EXPECT_DOUBLE_EQ(first_value(*r.module).constant.float_value, 1.05);
    const auto& b = r.module->body[1]->value->constant;
    EXPECT_EQ(b.kind, ys::ast::ConstantValue::Kind::Bytes);
    EXPECT_EQ(b.text, std::string("\0A\n", 3));
}

TEST(ParserConstants, UnicodeEscapesBecomeUtf8) {
    auto r = ys::parse_module("s = '\\u00e9\\U0001F600\\N'\n", "prog.py");
    ASSERT_TRUE(r.module);
    EXPECT_EQ(first_value(*r.module).constant.text, "\xC3\xA9\xF0\x9F\x98\x80\\N");
}

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

TEST(ParserSpeed, TenThousandLines) {
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
    // CPU time, best of three: the machines running the tests are shared.
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        std::clock_t c0 = std::clock();
        auto r = ys::parse_module(src, "prog.py");
        double ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        ASSERT_TRUE(r.module) << ys::format_syntax_error(r.error);
        EXPECT_EQ(r.module->body.size(), 1000u);
        best = std::min(best, ms);
    }
    RecordProperty("best_ms", std::to_string(best));
    EXPECT_LT(best, 50.0);
}

}  // namespace
#endif
