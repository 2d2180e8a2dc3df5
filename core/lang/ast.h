// The abstract syntax tree the parser builds and the compiler reads.
// Node kinds and field names follow CPython's Parser/Python.asdl so that a student who
// knows `ast.dump` recognises them; only the Level 1 + Level 2 subset is here.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ys::ast {

// Source span of a node, as CPython records it: 1-based lines, 0-based UTF-8 byte
// columns, end exclusive. Tracebacks use these for their `^^^` markers.
struct Pos {
    int lineno = 0;
    int col_offset = 0;
    int end_lineno = 0;
    int end_col_offset = 0;
};

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class OperatorKind : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// A literal value as written in the source (Constant node).
struct ConstantValue {
    enum class Kind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Str, Bytes };
    Kind kind = Kind::None;
    int64_t int_value = 0;
    double float_value = 0.0;
    std::string text;  // Str/Bytes contents (UTF-8); BigInt decimal digits
};

struct Keyword {
    Pos pos;
    std::string arg;  // empty for **kwargs at a call site
    ExprPtr value;
};

struct Arg {
    Pos pos;
    std::string arg;
};

struct Arguments {
    std::vector<Arg> posonlyargs;
    std::vector<Arg> args;
    std::unique_ptr<Arg> vararg;
    std::vector<Arg> kwonlyargs;
    ExprList kw_defaults;  // one per kwonlyarg, null where there is no default
    std::unique_ptr<Arg> kwarg;
    ExprList defaults;  // for the last len(defaults) of posonlyargs + args
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    ExprList ifs;
    bool is_async = false;
};

struct ExceptHandler {
    Pos pos;
    ExprPtr type;      // may be null (bare except)
    std::string name;  // empty when there is no `as`
    StmtList body;
};

struct WithItem {
    ExprPtr context_expr;
    ExprPtr optional_vars;  // may be null
};

struct Alias {
    Pos pos;
    std::string name;    // dotted for `import a.b`
    std::string asname;  // empty when absent
};

enum class ExprKind : uint8_t {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
    DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
    JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

// One struct for every expression kind: the fields a kind does not use stay empty.
// A flat node keeps the parser and compiler free of casts.
struct Expr {
    ExprKind kind;
    Pos pos;
    ExprContext ctx = ExprContext::Load;  // Name, Attribute, Subscript, Starred, List, Tuple

    // BoolOp(op, values) / Compare(left=a, ops, comparators=values)
    // Dict(keys=values2 with null for `**d`, values) / Set(elts=values) / List, Tuple(elts=values)
    // JoinedStr(values) / Call(func=a, args=values, keywords)
    BoolOpKind bool_op = BoolOpKind::And;
    OperatorKind op = OperatorKind::Add;  // BinOp
    UnaryOpKind unary_op = UnaryOpKind::Not;
    std::vector<CmpOpKind> cmp_ops;

    ExprPtr a;  // BinOp.left, UnaryOp.operand, IfExp.test, Attribute/Subscript.value,
                // Starred/Await/Yield/YieldFrom.value, FormattedValue.value,
                // Call.func, Compare.left, NamedExpr.target, Lambda.body,
                // ListComp/SetComp/GeneratorExp.elt, DictComp.key, Slice.lower
    ExprPtr b;  // BinOp.right, IfExp.body, Subscript.slice, NamedExpr.value,
                // DictComp.value, FormattedValue.format_spec (a JoinedStr), Slice.upper
    ExprPtr c;  // IfExp.orelse, Slice.step
    ExprList values;
    ExprList keys;  // Dict.keys (null entry for `**mapping`)
    std::vector<Keyword> keywords;
    std::vector<Comprehension> generators;
    std::unique_ptr<Arguments> args;  // Lambda

    std::string id;    // Name.id, Attribute.attr
    int conversion = -1;  // FormattedValue: -1, 's', 'r', 'a'
    ConstantValue constant;

    explicit Expr(ExprKind k, Pos p) : kind(k), pos(p) {}
};

enum class StmtKind : uint8_t {
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
    For, AsyncFor, While, If, With, AsyncWith, Raise, Try, Assert, Import, ImportFrom,
    Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt {
    StmtKind kind;
    Pos pos;

    std::string name;  // FunctionDef/ClassDef name; ImportFrom.module
    std::unique_ptr<Arguments> args;  // FunctionDef
    StmtList body;     // FunctionDef, ClassDef, For, While, If, With, Try
    StmtList orelse;   // For, While, If, Try
    StmtList finalbody;  // Try
    std::vector<ExceptHandler> handlers;  // Try
    ExprList decorator_list;  // FunctionDef, ClassDef
    ExprList bases;           // ClassDef
    std::vector<Keyword> keywords;  // ClassDef

    ExprList targets;  // Assign (several `a = b = v`), Delete
    ExprPtr target;    // AugAssign, AnnAssign, For
    ExprPtr value;     // Return, Assign, AugAssign, AnnAssign, Expr, Raise.exc, Assert.test
    ExprPtr value2;    // Raise.cause, Assert.msg, For.iter, While.test, If.test, AnnAssign.annotation
    OperatorKind op = OperatorKind::Add;  // AugAssign
    std::vector<WithItem> items;  // With
    std::vector<Alias> names;     // Import, ImportFrom
    int level = 0;                // ImportFrom
    std::vector<std::string> identifiers;  // Global, Nonlocal

    explicit Stmt(StmtKind k, Pos p) : kind(k), pos(p) {}
};

struct Module {
    StmtList body;
};

}  // namespace ys::ast
