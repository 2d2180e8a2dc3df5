// The symbol table pass, after CPython 3.11's Python/symtable.c: one entry per
// function, class, lambda and comprehension, recording how each name is bound and,
// after analysis, its scope (local, global, free, cell). The compiler reads it to pick
// LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME and to lay out co_localsplusnames.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/syntax_error.h"

namespace ys::symtable {

// Binding flags (CPython's DEF_*).
enum : int {
    DEF_GLOBAL = 1,
    DEF_LOCAL = 2,
    DEF_PARAM = 4,
    DEF_NONLOCAL = 8,
    USE = 16,
    DEF_FREE = 32,
    DEF_FREE_CLASS = 64,
    DEF_IMPORT = 128,
    DEF_ANNOT = 256,
    DEF_COMP_ITER = 512,
    DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

// Scopes, as _PyST_GetScope returns them.
enum class Scope : int { None = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 };

enum class BlockType { Function, Class, Module };

struct Entry {
    BlockType type = BlockType::Module;
    std::string name;
    int lineno = 0;
    // Symbols in first-seen order, with their flags and (after analysis) scope.
    std::vector<std::string> order;
    std::unordered_map<std::string, int> flags;
    std::unordered_map<std::string, Scope> scopes;
    std::vector<std::string> varnames;  // parameters, in co_varnames order
    std::vector<Entry*> children;
    bool nested = false;
    bool generator = false;
    bool coroutine = false;
    bool comprehension = false;
    bool varargs = false;
    bool varkeywords = false;
    bool free = false;
    bool child_free = false;
    bool needs_class_closure = false;
    bool returns_value = false;
    bool comp_iter_target = false;
    // Where each global/nonlocal directive was, for error positions.
    std::unordered_map<std::string, ast::Pos> directives;

    int symbol_flags(const std::string& name) const {
        auto it = flags.find(name);
        return it == flags.end() ? 0 : it->second;
    }
    Scope scope_of(const std::string& name) const {
        auto it = scopes.find(name);
        return it == scopes.end() ? Scope::None : it->second;
    }
};

struct Table {
    std::vector<std::unique_ptr<Entry>> entries;  // entries[0] is the module
    std::unordered_map<const void*, Entry*> by_node;  // Stmt* / Expr* -> entry
    Entry* top() const { return entries.front().get(); }
    Entry* lookup(const void* node) const {
        auto it = by_node.find(node);
        return it == by_node.end() ? nullptr : it->second;
    }
};

// CPython's _Py_Mangle: `__x` inside class `C` becomes `_C__x`.
std::string mangle(const std::string& private_name, const std::string& name);

// Builds and analyses the table; on error fills `error` (msg, lineno, offsets) and
// returns null.
std::unique_ptr<Table> build(const ast::Module& module, SyntaxErrorInfo& error);

}  // namespace ys::symtable
