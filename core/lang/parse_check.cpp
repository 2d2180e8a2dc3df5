// Checks made after a successful parse, in CPython's order: the compiler's recursion
// limit on nested expressions (Python/ast_opt.c), then the symtable's errors
// (Python/symtable.c), then the compiler's (Python/compile.c): 'return' outside
// function, 'break' outside loop, starred targets, nonlocal bindings, ...
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/ast.h"
#include "lang/lexer.h"
#include "lang/syntax_error.h"

namespace ys::parse_detail {

namespace {

using namespace ast;
using lang::LexResult;

// The deepest nesting of expressions, walked without recursion.
int max_expr_depth(const Expr& root, std::vector<std::pair<const Expr*, int>>& stack) {
    int best = 0;
    stack.clear();
    stack.emplace_back(&root, 1);
    while (!stack.empty()) {
        auto [e, d] = stack.back();
        stack.pop_back();
        best = std::max(best, d);
        auto push = [&, d = d](const Expr* child) {
            if (child) stack.emplace_back(child, d + 1);
        };
        push(e->a.get());
        push(e->b.get());
        push(e->c.get());
        for (const auto& v : e->values) push(v.get());
        for (const auto& v : e->keys) push(v.get());
        for (const auto& k : e->keywords) push(k.value.get());
        for (const auto& g : e->generators) {
            push(g.target.get());
            push(g.iter.get());
            for (const auto& cond : g.ifs) push(cond.get());
        }
        if (e->args) {
            for (const auto& v : e->args->defaults) push(v.get());
            for (const auto& v : e->args->kw_defaults) push(v.get());
        }
    }
    return best;
}

int max_expr_depth_in(const StmtList& body, std::vector<std::pair<const Expr*, int>>& stack) {
    int best = 0;
    auto e = [&](const ExprPtr& x) {
        if (x) best = std::max(best, max_expr_depth(*x, stack));
    };
    for (const auto& sp : body) {
        const Stmt& s = *sp;
        e(s.value);
        e(s.value2);
        e(s.target);
        for (const auto& t : s.targets) e(t);
        for (const auto& d : s.decorator_list) e(d);
        for (const auto& b : s.bases) e(b);
        for (const auto& k : s.keywords) e(k.value);
        for (const auto& item : s.items) {
            e(item.context_expr);
            e(item.optional_vars);
        }
        if (s.args) {
            for (const auto& v : s.args->defaults) e(v);
            for (const auto& v : s.args->kw_defaults) e(v);
        }
        for (const auto& h : s.handlers) {
            e(h.type);
            best = std::max(best, max_expr_depth_in(h.body, stack));
        }
        best = std::max(best, max_expr_depth_in(s.body, stack));
        best = std::max(best, max_expr_depth_in(s.orelse, stack));
        best = std::max(best, max_expr_depth_in(s.finalbody, stack));
    }
    return best;
}

// Errors CPython's symtable (Python/symtable.c) and compiler (Python/compile.c) raise
// for a program that parsed. They come after every parser error, and symtable errors
// come before compiler errors, as in CPython; positions are the nodes' byte columns.
class ContextChecker {
public:
    ContextChecker(const LexResult& lx, const std::string& filename) : lx_(lx), filename_(filename) {}

    bool check(const Module& m) {
        // ---- symtable: visit, then analyze
        scopes_.clear();
        scopes_.push_back(Scope{ScopeKind::Module, -1, {}, {}, {}, {}});
        cur_ = 0;
        if (!sym_body(m.body)) return false;
        if (!analyze(0, nullptr)) return false;
        // ---- compiler
        Unit unit;
        return comp_body(m.body, unit);
    }
    SyntaxErrorInfo error;

private:
    bool fail(const Pos& p, const std::string& msg) {
        error.type = "SyntaxError";
        error.msg = msg;
        error.filename = filename_;
        error.lineno = p.lineno;
        error.end_lineno = p.end_lineno;
        error.text = std::string(lx_.line(p.lineno));
        error.offset = p.col_offset + 1;
        error.end_offset = p.end_col_offset + 1;
        return false;
    }

    // ---- symtable ---------------------------------------------------------------------
    enum Flag : unsigned { DefGlobal = 1, DefLocal = 2, DefParam = 4, DefNonlocal = 8, Use = 16, DefAnnot = 32 };
    enum class ScopeKind { Module, Function, Class, Comprehension };
    struct Directive {
        std::string name;
        Pos pos;
    };
    struct Scope {
        ScopeKind kind;
        int parent;
        std::vector<std::pair<std::string, unsigned>> symbols;  // insertion order
        std::unordered_map<std::string, size_t> index;          // name -> position in symbols
        std::vector<int> children;
        std::vector<Directive> directives;
        const char* comp_kind = nullptr;  // for comprehensions: "list comprehension", ...
    };

    unsigned* lookup(const std::string& name) {
        Scope& sc = scopes_[static_cast<size_t>(cur_)];
        auto it = sc.index.find(name);
        return it == sc.index.end() ? nullptr : &sc.symbols[it->second].second;
    }
    // The index owns its keys: some names are built on the fly (mangled names,
    // `.0`, `__class__`), so a view into the caller's string would dangle.
    void add(const std::string& name, unsigned flag) {
        if (unsigned* f = lookup(name)) {
            *f |= flag;
            return;
        }
        Scope& sc = scopes_[static_cast<size_t>(cur_)];
        sc.index.emplace(name, sc.symbols.size());
        sc.symbols.emplace_back(name, flag);
    }
    int enter(ScopeKind kind) {
        int id = static_cast<int>(scopes_.size());
        scopes_.push_back(Scope{kind, cur_, {}, {}, {}, {}});
        scopes_[static_cast<size_t>(cur_)].children.push_back(id);
        cur_ = id;
        return id;
    }
    void leave() { cur_ = scopes_[static_cast<size_t>(cur_)].parent; }

    bool sym_param(const Arg& a) {
        if (unsigned* f = lookup(a.arg); f && (*f & DefParam)) {
            return fail(a.pos, "duplicate argument '" + a.arg + "' in function definition");
        }
        add(a.arg, DefParam);
        return true;
    }
    bool sym_arguments(const Arguments& a) {
        for (const auto& x : a.posonlyargs) if (!sym_param(x)) return false;
        for (const auto& x : a.args) if (!sym_param(x)) return false;
        for (const auto& x : a.kwonlyargs) if (!sym_param(x)) return false;
        if (a.vararg && !sym_param(*a.vararg)) return false;
        if (a.kwarg && !sym_param(*a.kwarg)) return false;
        return true;
    }
    bool sym_exprs(const ExprList& list) {
        for (const auto& e : list) {
            if (e && !sym_expr(*e)) return false;
        }
        return true;
    }
    bool sym_body(const StmtList& list) {
        for (const auto& s : list) {
            if (!sym_stmt(*s)) return false;
        }
        return true;
    }
    bool sym_decl(const Stmt& s, bool global) {
        for (const auto& name : s.identifiers) {
            unsigned* f = lookup(name);
            unsigned cur = f ? *f : 0;
            if (cur & (DefParam | DefLocal | Use | DefAnnot)) {
                const char* what = global ? "global" : "nonlocal";
                std::string msg;
                if (cur & DefParam) msg = "name '" + name + "' is parameter and " + what;
                else if (cur & Use) msg = "name '" + name + "' is used prior to " + what + " declaration";
                else if (cur & DefAnnot) msg = "annotated name '" + name + "' can't be " + what;
                else msg = "name '" + name + "' is assigned to before " + what + " declaration";
                return fail(s.pos, msg);
            }
            add(name, global ? DefGlobal : DefNonlocal);
            if (!global) scopes_[static_cast<size_t>(cur_)].directives.push_back(Directive{name, s.pos});
        }
        return true;
    }
    bool sym_stmt(const Stmt& s) {
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef:
                add(s.name, DefLocal);
                if (!sym_exprs(s.args->defaults) || !sym_exprs(s.args->kw_defaults)) return false;
                if (!sym_exprs(s.decorator_list)) return false;
                enter(ScopeKind::Function);
                if (!sym_arguments(*s.args) || !sym_body(s.body)) return false;
                leave();
                return true;
            case StmtKind::ClassDef:
                add(s.name, DefLocal);
                if (!sym_exprs(s.bases)) return false;
                for (const auto& k : s.keywords) if (!sym_expr(*k.value)) return false;
                if (!sym_exprs(s.decorator_list)) return false;
                enter(ScopeKind::Class);
                if (!sym_body(s.body)) return false;
                leave();
                return true;
            case StmtKind::Return: return !s.value || sym_expr(*s.value);
            case StmtKind::Delete: return sym_exprs(s.targets);
            case StmtKind::Assign: return sym_exprs(s.targets) && sym_expr(*s.value);
            case StmtKind::AugAssign: return sym_expr(*s.target) && sym_expr(*s.value);
            case StmtKind::AnnAssign:
                if (s.target->kind == ExprKind::Name) {
                    add(s.target->id, DefAnnot | (s.value ? DefLocal : 0u));
                } else if (!sym_expr(*s.target)) {
                    return false;
                }
                if (!sym_expr(*s.value2)) return false;
                return !s.value || sym_expr(*s.value);
            case StmtKind::For:
            case StmtKind::AsyncFor:
                return sym_expr(*s.target) && sym_expr(*s.value2) && sym_body(s.body) && sym_body(s.orelse);
            case StmtKind::While:
            case StmtKind::If: return sym_expr(*s.value2) && sym_body(s.body) && sym_body(s.orelse);
            case StmtKind::With:
            case StmtKind::AsyncWith:
                for (const auto& item : s.items) {
                    if (!sym_expr(*item.context_expr)) return false;
                    if (item.optional_vars && !sym_expr(*item.optional_vars)) return false;
                }
                return sym_body(s.body);
            case StmtKind::Raise:
            case StmtKind::Assert:
                if (s.value && !sym_expr(*s.value)) return false;
                return !s.value2 || sym_expr(*s.value2);
            case StmtKind::Try:
                if (!sym_body(s.body)) return false;
                for (const auto& h : s.handlers) {
                    if (h.type && !sym_expr(*h.type)) return false;
                    if (!h.name.empty()) add(h.name, DefLocal);
                    if (!sym_body(h.body)) return false;
                }
                return sym_body(s.orelse) && sym_body(s.finalbody);
            case StmtKind::Import:
            case StmtKind::ImportFrom:
                for (const auto& a : s.names) {
                    if (a.name == "*") continue;
                    std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
                    add(bound, DefLocal);
                }
                return true;
            case StmtKind::Global: return sym_decl(s, true);
            case StmtKind::Nonlocal: return sym_decl(s, false);
            case StmtKind::Expr: return sym_expr(*s.value);
            default: return true;
        }
    }
    bool sym_comprehension(const Expr& e, const char* kind) {
        // the first iterator is evaluated in the enclosing scope
        if (!sym_expr(*e.generators[0].iter)) return false;
        enter(ScopeKind::Comprehension);
        scopes_[static_cast<size_t>(cur_)].comp_kind = kind;
        for (size_t i = 0; i < e.generators.size(); ++i) {
            const Comprehension& g = e.generators[i];
            if (!sym_expr(*g.target)) return false;
            if (i > 0 && !sym_expr(*g.iter)) return false;
            if (!sym_exprs(g.ifs)) return false;
        }
        if (e.b && !sym_expr(*e.b)) return false;  // DictComp value after key below
        if (!sym_expr(*e.a)) return false;
        leave();
        return true;
    }
    bool sym_expr(const Expr& e) {
        switch (e.kind) {
            case ExprKind::Name:
                add(e.id, e.ctx == ExprContext::Load ? Use : DefLocal);
                return true;
            case ExprKind::Yield:
            case ExprKind::YieldFrom: {
                const Scope& sc = scopes_[static_cast<size_t>(cur_)];
                if (sc.kind == ScopeKind::Comprehension) {
                    return fail(e.pos, std::string("'yield' inside ") + sc.comp_kind);
                }
                return !e.a || sym_expr(*e.a);
            }
            case ExprKind::Lambda:
                if (!sym_exprs(e.args->defaults) || !sym_exprs(e.args->kw_defaults)) return false;
                enter(ScopeKind::Function);
                if (!sym_arguments(*e.args) || !sym_expr(*e.a)) return false;
                leave();
                return true;
            case ExprKind::ListComp: return sym_comprehension(e, "list comprehension");
            case ExprKind::SetComp: return sym_comprehension(e, "set comprehension");
            case ExprKind::DictComp: {
                // key then value, in the comprehension scope
                if (!sym_expr(*e.generators[0].iter)) return false;
                enter(ScopeKind::Comprehension);
                scopes_[static_cast<size_t>(cur_)].comp_kind = "dict comprehension";
                for (size_t i = 0; i < e.generators.size(); ++i) {
                    const Comprehension& g = e.generators[i];
                    if (!sym_expr(*g.target)) return false;
                    if (i > 0 && !sym_expr(*g.iter)) return false;
                    if (!sym_exprs(g.ifs)) return false;
                }
                if (!sym_expr(*e.a) || !sym_expr(*e.b)) return false;
                leave();
                return true;
            }
            case ExprKind::GeneratorExp: return sym_comprehension(e, "generator expression");
            case ExprKind::NamedExpr:
                if (!sym_expr(*e.b)) return false;
                {
                    // binds in the nearest enclosing non-comprehension scope
                    int saved = cur_;
                    while (scopes_[static_cast<size_t>(cur_)].kind == ScopeKind::Comprehension) {
                        cur_ = scopes_[static_cast<size_t>(cur_)].parent;
                    }
                    add(e.a->id, DefLocal);
                    cur_ = saved;
                }
                return true;
            default: break;
        }
        if (e.a && !sym_expr(*e.a)) return false;
        if (e.b && !sym_expr(*e.b)) return false;
        if (e.c && !sym_expr(*e.c)) return false;
        if (e.kind == ExprKind::Dict) {
            for (size_t i = 0; i < e.values.size(); ++i) {
                if (e.keys[i] && !sym_expr(*e.keys[i])) return false;
                if (!sym_expr(*e.values[i])) return false;
            }
            return true;
        }
        if (!sym_exprs(e.values)) return false;
        for (const auto& k : e.keywords) {
            if (!sym_expr(*k.value)) return false;
        }
        return true;
    }
    // analyze_block / analyze_name: nonlocal bindings
    bool analyze(int id, const std::vector<std::string>* bound) {
        const Scope& sc = scopes_[static_cast<size_t>(id)];
        for (const auto& [name, flags] : sc.symbols) {
            if (!(flags & DefNonlocal)) continue;
            const Pos* where = nullptr;
            for (const auto& d : sc.directives) {
                if (d.name == name) {
                    where = &d.pos;
                    break;
                }
            }
            Pos p = where ? *where : Pos{};
            if (flags & DefGlobal) return fail(p, "name '" + name + "' is nonlocal and global");
            if (!bound) return fail(p, "nonlocal declaration not allowed at module level");
            bool found = false;
            for (const auto& b : *bound) {
                if (b == name) found = true;
            }
            if (!found) return fail(p, "no binding for nonlocal '" + name + "' found");
        }
        std::vector<std::string> newbound;
        if (sc.kind == ScopeKind::Function || sc.kind == ScopeKind::Comprehension) {
            for (const auto& [name, flags] : sc.symbols) {
                if ((flags & (DefLocal | DefParam)) && !(flags & (DefGlobal | DefNonlocal))) newbound.push_back(name);
            }
        }
        if (bound) newbound.insert(newbound.end(), bound->begin(), bound->end());
        for (int child : sc.children) {
            if (!analyze(child, &newbound)) return false;
        }
        return true;
    }

    // ---- compiler ---------------------------------------------------------------------
    enum class UnitKind { Module, Function, AsyncFunction, Class, Lambda, Comprehension };
    struct Unit {
        UnitKind kind = UnitKind::Module;
        int loops = 0;
        bool generator = false;  // the function contains yield
    };

    static bool contains_yield(const StmtList& body);
    static bool expr_has_yield(const Expr& e) {
        if (e.kind == ExprKind::Yield || e.kind == ExprKind::YieldFrom) return true;
        if (e.kind == ExprKind::Lambda) return false;
        if (e.kind == ExprKind::ListComp || e.kind == ExprKind::SetComp || e.kind == ExprKind::DictComp ||
            e.kind == ExprKind::GeneratorExp) {
            return expr_has_yield(*e.generators[0].iter);
        }
        if (e.a && expr_has_yield(*e.a)) return true;
        if (e.b && expr_has_yield(*e.b)) return true;
        if (e.c && expr_has_yield(*e.c)) return true;
        for (const auto& v : e.values) if (v && expr_has_yield(*v)) return true;
        for (const auto& v : e.keys) if (v && expr_has_yield(*v)) return true;
        for (const auto& k : e.keywords) if (expr_has_yield(*k.value)) return true;
        return false;
    }

    bool comp_body(const StmtList& list, Unit& u) {
        for (const auto& s : list) {
            if (!comp_stmt(*s, u)) return false;
        }
        return true;
    }
    bool comp_exprs(const ExprList& list, Unit& u) {
        for (const auto& e : list) {
            if (e && !comp_expr(*e, u)) return false;
        }
        return true;
    }
    bool comp_function(const Stmt& s, Unit& u) {
        if (!comp_exprs(s.decorator_list, u)) return false;
        if (!comp_exprs(s.args->defaults, u) || !comp_exprs(s.args->kw_defaults, u)) return false;
        Unit inner;
        inner.kind = s.kind == StmtKind::AsyncFunctionDef ? UnitKind::AsyncFunction : UnitKind::Function;
        inner.generator = contains_yield(s.body);
        return comp_body(s.body, inner);
    }
    bool in_function(const Unit& u) const {
        return u.kind == UnitKind::Function || u.kind == UnitKind::AsyncFunction || u.kind == UnitKind::Lambda ||
               u.kind == UnitKind::Comprehension;
    }
    bool comp_stmt(const Stmt& s, Unit& u) {
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef: return comp_function(s, u);
            case StmtKind::ClassDef: {
                if (!comp_exprs(s.decorator_list, u)) return false;
                Unit inner;
                inner.kind = UnitKind::Class;
                if (!comp_body(s.body, inner)) return false;
                if (!comp_exprs(s.bases, u)) return false;
                for (const auto& k : s.keywords) if (!comp_expr(*k.value, u)) return false;
                return true;
            }
            case StmtKind::Return:
                if (!in_function(u) || u.kind == UnitKind::Comprehension) return fail(s.pos, "'return' outside function");
                if (s.value && u.kind == UnitKind::AsyncFunction && u.generator) {
                    return fail(s.pos, "'return' with value in async generator");
                }
                return !s.value || comp_expr(*s.value, u);
            case StmtKind::Break:
                if (u.loops == 0) return fail(s.pos, "'break' outside loop");
                return true;
            case StmtKind::Continue:
                if (u.loops == 0) return fail(s.pos, "'continue' not properly in loop");
                return true;
            case StmtKind::For:
            case StmtKind::AsyncFor: {
                if (s.kind == StmtKind::AsyncFor && u.kind != UnitKind::AsyncFunction) {
                    return fail(s.pos, "'async for' outside async function");
                }
                if (!comp_expr(*s.value2, u) || !comp_target(*s.target, u)) return false;
                ++u.loops;
                bool ok = comp_body(s.body, u);
                --u.loops;
                return ok && comp_body(s.orelse, u);
            }
            case StmtKind::While: {
                if (!comp_expr(*s.value2, u)) return false;
                ++u.loops;
                bool ok = comp_body(s.body, u);
                --u.loops;
                return ok && comp_body(s.orelse, u);
            }
            case StmtKind::If: return comp_expr(*s.value2, u) && comp_body(s.body, u) && comp_body(s.orelse, u);
            case StmtKind::With:
            case StmtKind::AsyncWith:
                if (s.kind == StmtKind::AsyncWith && u.kind != UnitKind::AsyncFunction) {
                    return fail(s.pos, "'async with' outside async function");
                }
                for (const auto& item : s.items) {
                    if (!comp_expr(*item.context_expr, u)) return false;
                    if (item.optional_vars && !comp_target(*item.optional_vars, u)) return false;
                }
                return comp_body(s.body, u);
            case StmtKind::Try:
                if (!comp_body(s.body, u)) return false;
                for (const auto& h : s.handlers) {
                    if (!h.type && &h != &s.handlers.back()) return fail(h.pos, "default 'except:' must be last");
                    if (h.type && !comp_expr(*h.type, u)) return false;
                    if (!comp_body(h.body, u)) return false;
                }
                return comp_body(s.orelse, u) && comp_body(s.finalbody, u);
            case StmtKind::Delete: return comp_exprs(s.targets, u);
            case StmtKind::Assign:
                if (!comp_expr(*s.value, u)) return false;
                for (const auto& t : s.targets) {
                    if (!comp_target(*t, u)) return false;
                }
                return true;
            case StmtKind::AugAssign: return comp_expr(*s.target, u) && comp_expr(*s.value, u);
            case StmtKind::AnnAssign:
                if (s.value && !comp_expr(*s.value, u)) return false;
                return comp_target(*s.target, u);
            case StmtKind::Raise:
            case StmtKind::Assert:
            case StmtKind::Expr:
                if (s.value && !comp_expr(*s.value, u)) return false;
                return !s.value2 || comp_expr(*s.value2, u);
            default: return true;
        }
    }
    // An assignment target: a starred element is fine inside a list or tuple (once).
    bool comp_target(const Expr& e, Unit& u) {
        if (e.kind == ExprKind::Tuple || e.kind == ExprKind::List) {
            int stars = 0;
            for (const auto& v : e.values) {
                if (v->kind == ExprKind::Starred) {
                    if (++stars > 1) return fail(e.pos, "multiple starred expressions in assignment");
                }
            }
            for (const auto& v : e.values) {
                if (!comp_target(v->kind == ExprKind::Starred ? *v->a : *v, u)) return false;
            }
            return true;
        }
        if (e.kind == ExprKind::Starred) return fail(e.pos, "starred assignment target must be in a list or tuple");
        return comp_expr(e, u);
    }
    bool comp_elements(const ExprList& list, Unit& u) {
        for (const auto& v : list) {
            if (!v) continue;
            if (!comp_expr(v->kind == ExprKind::Starred ? *v->a : *v, u)) return false;
        }
        return true;
    }
    bool comp_comprehension(const Expr& e, Unit& u) {
        if (!comp_expr(*e.generators[0].iter, u)) return false;
        Unit inner;
        inner.kind = UnitKind::Comprehension;
        bool is_async = false;
        auto has_await = [](const Expr& x, auto& self) -> bool {
            if (x.kind == ExprKind::Await) return true;
            if (x.kind == ExprKind::Lambda || x.kind == ExprKind::ListComp || x.kind == ExprKind::SetComp ||
                x.kind == ExprKind::DictComp || x.kind == ExprKind::GeneratorExp) {
                return false;
            }
            if (x.a && self(*x.a, self)) return true;
            if (x.b && self(*x.b, self)) return true;
            if (x.c && self(*x.c, self)) return true;
            for (const auto& v : x.values) if (v && self(*v, self)) return true;
            for (const auto& v : x.keys) if (v && self(*v, self)) return true;
            for (const auto& k : x.keywords) if (self(*k.value, self)) return true;
            return false;
        };
        if (has_await(*e.a, has_await) || (e.b && has_await(*e.b, has_await))) is_async = true;
        for (size_t i = 0; i < e.generators.size(); ++i) {
            const Comprehension& g = e.generators[i];
            if (g.is_async) is_async = true;
            if (i > 0 && has_await(*g.iter, has_await)) is_async = true;
            for (const auto& cond : g.ifs) if (has_await(*cond, has_await)) is_async = true;
            if (!comp_target(*g.target, inner)) return false;
            if (i > 0 && !comp_expr(*g.iter, inner)) return false;
            if (!comp_exprs(g.ifs, inner)) return false;
        }
        if (!comp_expr(*e.a, inner)) return false;
        if (e.b && !comp_expr(*e.b, inner)) return false;
        if (is_async && e.kind != ExprKind::GeneratorExp && u.kind != UnitKind::AsyncFunction &&
            u.kind != UnitKind::Comprehension) {
            return fail(e.pos, "asynchronous comprehension outside of an asynchronous function");
        }
        return true;
    }
    bool comp_expr(const Expr& e, Unit& u) {
        switch (e.kind) {
            case ExprKind::Yield:
            case ExprKind::YieldFrom:
                if (!in_function(u)) return fail(e.pos, "'yield' outside function");
                if (e.kind == ExprKind::YieldFrom && u.kind == UnitKind::AsyncFunction) {
                    return fail(e.pos, "'yield from' inside async function");
                }
                return !e.a || comp_expr(*e.a, u);
            case ExprKind::Await:
                if (!in_function(u)) return fail(e.pos, "'await' outside function");
                if (u.kind != UnitKind::AsyncFunction && u.kind != UnitKind::Comprehension) {
                    return fail(e.pos, "'await' outside async function");
                }
                return comp_expr(*e.a, u);
            case ExprKind::Starred:
                if (e.ctx == ExprContext::Store) return fail(e.pos, "starred assignment target must be in a list or tuple");
                return fail(e.pos, "can't use starred expression here");
            case ExprKind::Lambda: {
                if (!comp_exprs(e.args->defaults, u) || !comp_exprs(e.args->kw_defaults, u)) return false;
                Unit inner;
                inner.kind = UnitKind::Lambda;
                return comp_expr(*e.a, inner);
            }
            case ExprKind::ListComp:
            case ExprKind::SetComp:
            case ExprKind::DictComp:
            case ExprKind::GeneratorExp: return comp_comprehension(e, u);
            case ExprKind::List:
            case ExprKind::Tuple:
                if (e.ctx == ExprContext::Store) return comp_target(e, u);
                return comp_elements(e.values, u);
            case ExprKind::Set: return comp_elements(e.values, u);
            case ExprKind::Call:
                if (!comp_expr(*e.a, u)) return false;
                for (size_t i = 0; i < e.keywords.size(); ++i) {
                    const Keyword& k = e.keywords[i];
                    if (k.arg.empty()) continue;
                    if (k.arg == "__debug__") return fail(k.pos, "cannot assign to __debug__");
                    for (size_t j = 0; j < i; ++j) {
                        if (e.keywords[j].arg == k.arg) return fail(k.pos, "keyword argument repeated: " + k.arg);
                    }
                }
                if (!comp_elements(e.values, u)) return false;
                for (const auto& k : e.keywords) if (!comp_expr(*k.value, u)) return false;
                return true;
            case ExprKind::Name:
                if (e.id == "__debug__" && e.ctx != ExprContext::Load) {
                    return fail(e.pos, e.ctx == ExprContext::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
                }
                return true;
            case ExprKind::Dict:
                for (size_t i = 0; i < e.values.size(); ++i) {
                    if (e.keys[i] && !comp_expr(*e.keys[i], u)) return false;
                    if (!comp_expr(*e.values[i], u)) return false;
                }
                return true;
            case ExprKind::Subscript:
                if (!comp_expr(*e.a, u)) return false;
                if (e.b->kind == ExprKind::Tuple) return comp_elements(e.b->values, u);
                return comp_expr(*e.b, u);
            default: break;
        }
        if (e.a && !comp_expr(*e.a, u)) return false;
        if (e.b && !comp_expr(*e.b, u)) return false;
        if (e.c && !comp_expr(*e.c, u)) return false;
        return comp_exprs(e.values, u);
    }

    const LexResult& lx_;
    const std::string& filename_;
    std::vector<Scope> scopes_;
    int cur_ = 0;
};

bool ContextChecker::contains_yield(const StmtList& body) {
    for (const auto& sp : body) {
        const Stmt& s = *sp;
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef:
            case StmtKind::ClassDef: continue;
            default: break;
        }
        if (s.value && expr_has_yield(*s.value)) return true;
        if (s.value2 && expr_has_yield(*s.value2)) return true;
        if (s.target && expr_has_yield(*s.target)) return true;
        for (const auto& t : s.targets) if (expr_has_yield(*t)) return true;
        for (const auto& item : s.items) if (expr_has_yield(*item.context_expr)) return true;
        if (contains_yield(s.body) || contains_yield(s.orelse) || contains_yield(s.finalbody)) return true;
        for (const auto& h : s.handlers) {
            if (h.type && expr_has_yield(*h.type)) return true;
            if (contains_yield(h.body)) return true;
        }
    }
    return false;
}

}  // namespace

int max_expr_depth(const StmtList& body) {
    std::vector<std::pair<const Expr*, int>> stack;
    return max_expr_depth_in(body, stack);
}

bool check_module(const Module& m, const LexResult& lx, const std::string& filename, SyntaxErrorInfo& error) {
    ContextChecker checker(lx, filename);
    if (checker.check(m)) return true;
    error = std::move(checker.error);
    return false;
}

}  // namespace ys::parse_detail
