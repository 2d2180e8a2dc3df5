// An ast.dump look-alike: a Module printed as CPython's
// `ast.dump(tree, include_attributes=True)` prints it, so the parser's trees can be
// compared with CPython's text (see parse_ast_test.cpp).
#pragma once

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
