#include "lang/symtable.h"

#include <set>
#include <stdexcept>

namespace ys::symtable {

namespace {

struct SymError {
    std::string msg;
    ast::Pos pos;
};

using NameSet = std::set<std::string>;

class Builder {
public:
    explicit Builder(Table& table) : table_(table) {}

    void module(const ast::Module& m) {
        enter(BlockType::Module, "top", &m, 0);
        for (const auto& s : m.body) stmt(*s);
        exit();
    }

private:
    Table& table_;
    std::vector<Entry*> stack_;
    std::string private_;  // class name for mangling
    Entry* cur() { return stack_.back(); }

    void enter(BlockType type, const std::string& name, const void* node, int lineno) {
        auto entry = std::make_unique<Entry>();
        entry->type = type;
        entry->name = name;
        entry->lineno = lineno;
        Entry* prev = stack_.empty() ? nullptr : stack_.back();
        if (prev && (prev->nested || prev->type == BlockType::Function)) entry->nested = true;
        if (prev) prev->children.push_back(entry.get());
        table_.by_node[node] = entry.get();
        stack_.push_back(entry.get());
        table_.entries.push_back(std::move(entry));
    }
    void exit() { stack_.pop_back(); }

    void add_def_to(Entry* e, const std::string& raw, int flag, const ast::Pos& pos) {
        std::string name = mangle(private_, raw);
        auto it = e->flags.find(name);
        int val = flag;
        if (it != e->flags.end()) {
            if ((flag & DEF_PARAM) && (it->second & DEF_PARAM)) {
                throw SymError{"duplicate argument '" + name + "' in function definition", pos};
            }
            val |= it->second;
        } else {
            e->order.push_back(name);
        }
        if (e->comp_iter_target) {
            if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
                throw SymError{"comprehension inner loop cannot rebind assignment expression target '" +
                                   name + "'",
                               pos};
            }
            val |= DEF_COMP_ITER;
        }
        e->flags[name] = val;
        if (flag & DEF_PARAM) e->varnames.push_back(name);
        if ((flag & DEF_GLOBAL) && e != table_.top()) {
            // CPython records every `global` in the module's own symbols (st_global)
            Entry* top = table_.top();
            auto t = top->flags.find(name);
            if (t == top->flags.end()) {
                top->order.push_back(name);
                top->flags[name] = flag;
            } else {
                t->second |= flag;
            }
        }
    }
    void add_def(const std::string& name, int flag, const ast::Pos& pos) { add_def_to(cur(), name, flag, pos); }

    void params(const std::vector<ast::Arg>& args) {
        for (const auto& a : args) add_def(a.arg, DEF_PARAM, a.pos);
    }
    void arguments(const ast::Arguments& a) {
        params(a.posonlyargs);
        params(a.args);
        params(a.kwonlyargs);
        if (a.vararg) {
            add_def(a.vararg->arg, DEF_PARAM, a.vararg->pos);
            cur()->varargs = true;
        }
        if (a.kwarg) {
            add_def(a.kwarg->arg, DEF_PARAM, a.kwarg->pos);
            cur()->varkeywords = true;
        }
    }
    void defaults(const ast::Arguments& a) {
        for (const auto& d : a.defaults) expr(*d);
        for (const auto& d : a.kw_defaults)
            if (d) expr(*d);
    }

    void body(const ast::StmtList& list) {
        for (const auto& s : list) stmt(*s);
    }

    void directive(const std::string& name, const ast::Stmt& s, bool is_global) {
        int cur_flags = cur()->symbol_flags(mangle(private_, name));
        const char* kind = is_global ? "global" : "nonlocal";
        if (cur_flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            std::string msg;
            if (cur_flags & DEF_PARAM) msg = "name '" + name + "' is parameter and " + kind;
            else if (cur_flags & USE) msg = "name '" + name + "' is used prior to " + kind + " declaration";
            else if (cur_flags & DEF_ANNOT) msg = "annotated name '" + name + "' can't be " + kind;
            else msg = "name '" + name + "' is assigned to before " + kind + " declaration";
            throw SymError{msg, s.pos};
        }
        add_def(name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s.pos);
        cur()->directives.emplace(mangle(private_, name), s.pos);  // the first one is reported
    }

    void stmt(const ast::Stmt& s) {
        using K = ast::StmtKind;
        switch (s.kind) {
        case K::FunctionDef:
        case K::AsyncFunctionDef: {
            add_def(s.name, DEF_LOCAL, s.pos);
            if (s.args) defaults(*s.args);
            for (const auto& d : s.decorator_list) expr(*d);
            enter(BlockType::Function, s.name, &s, s.pos.lineno);
            if (s.kind == K::AsyncFunctionDef) cur()->coroutine = true;
            if (s.args) arguments(*s.args);
            body(s.body);
            exit();
            break;
        }
        case K::ClassDef: {
            add_def(s.name, DEF_LOCAL, s.pos);
            for (const auto& b : s.bases) expr(*b);
            for (const auto& k : s.keywords) expr(*k.value);
            for (const auto& d : s.decorator_list) expr(*d);
            enter(BlockType::Class, s.name, &s, s.pos.lineno);
            std::string saved = private_;
            private_ = s.name;
            body(s.body);
            private_ = saved;
            exit();
            break;
        }
        case K::Return:
            if (s.value) {
                expr(*s.value);
                cur()->returns_value = true;
            }
            break;
        case K::Delete:
            for (const auto& t : s.targets) expr(*t);
            break;
        case K::Assign:
            for (const auto& t : s.targets) expr(*t);
            expr(*s.value);
            break;
        case K::AnnAssign:
            if (s.target->kind == ast::ExprKind::Name) {
                int f = cur()->symbol_flags(mangle(private_, s.target->id));
                if ((f & (DEF_GLOBAL | DEF_NONLOCAL)) && cur()->type != BlockType::Module) {
                    throw SymError{"annotated name '" + s.target->id + "' can't be " +
                                       ((f & DEF_GLOBAL) ? "global" : "nonlocal"),
                                   s.pos};
                }
                add_def(s.target->id, DEF_ANNOT | DEF_LOCAL, s.target->pos);
            } else {
                expr(*s.target);
            }
            if (s.value2) expr(*s.value2);
            if (s.value) expr(*s.value);
            break;
        case K::AugAssign:
            expr(*s.target);
            expr(*s.value);
            break;
        case K::For:
        case K::AsyncFor:
            expr(*s.target);
            expr(*s.value2);
            body(s.body);
            body(s.orelse);
            break;
        case K::While:
        case K::If:
            expr(*s.value2);
            body(s.body);
            body(s.orelse);
            break;
        case K::Raise:
            if (s.value) expr(*s.value);
            if (s.value2) expr(*s.value2);
            break;
        case K::Try:
            body(s.body);
            body(s.orelse);
            for (const auto& h : s.handlers) {
                if (h.type) expr(*h.type);
                if (!h.name.empty()) add_def(h.name, DEF_LOCAL, h.pos);
                body(h.body);
            }
            body(s.finalbody);
            break;
        case K::Assert:
            expr(*s.value);
            if (s.value2) expr(*s.value2);
            break;
        case K::Import:
        case K::ImportFrom:
            for (const auto& a : s.names) {
                std::string store = a.asname.empty() ? a.name : a.asname;
                auto dot = store.find('.');
                if (dot != std::string::npos) store = store.substr(0, dot);
                if (store == "*") {
                    if (cur()->type != BlockType::Module) {
                        throw SymError{"import * only allowed at module level", s.pos};
                    }
                    continue;
                }
                add_def(store, DEF_IMPORT, a.pos);
            }
            break;
        case K::Global:
            for (const auto& n : s.identifiers) directive(n, s, true);
            break;
        case K::Nonlocal:
            for (const auto& n : s.identifiers) directive(n, s, false);
            break;
        case K::Expr:
            expr(*s.value);
            break;
        case K::Pass:
        case K::Break:
        case K::Continue:
            break;
        case K::With:
        case K::AsyncWith:
            for (const auto& item : s.items) {
                expr(*item.context_expr);
                if (item.optional_vars) expr(*item.optional_vars);
            }
            body(s.body);
            break;
        }
    }

    void named_expr_target(const ast::Expr& e) {
        const std::string& target = e.a->id;
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            Entry* ste = *it;
            if (ste->comprehension) {
                if (ste->symbol_flags(target) & DEF_COMP_ITER) {
                    throw SymError{"assignment expression cannot rebind comprehension iteration variable '" +
                                       target + "'",
                                   e.pos};
                }
                continue;
            }
            if (ste->type == BlockType::Function) {
                int f = ste->symbol_flags(target);
                add_def(target, (f & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, e.pos);
                cur()->directives.emplace(target, e.pos);
                add_def_to(ste, target, DEF_LOCAL, e.pos);
                return;
            }
            if (ste->type == BlockType::Module) {
                add_def(target, DEF_GLOBAL, e.pos);
                cur()->directives.emplace(target, e.pos);
                add_def_to(ste, target, DEF_GLOBAL, e.pos);
                return;
            }
            throw SymError{"assignment expression within a comprehension cannot be used in a class body",
                           e.pos};
        }
    }

    void comprehension(const ast::Expr& e, const std::string& name, bool is_generator,
                       const ast::Expr* elt, const ast::Expr* value) {
        const auto& outermost = e.generators.front();
        expr(*outermost.iter);
        enter(BlockType::Function, name, &e, e.pos.lineno);
        if (outermost.is_async) cur()->coroutine = true;
        cur()->comprehension = true;
        add_def(".0", DEF_PARAM, e.pos);
        cur()->comp_iter_target = true;
        expr(*outermost.target);
        cur()->comp_iter_target = false;
        for (const auto& c : outermost.ifs) expr(*c);
        for (size_t i = 1; i < e.generators.size(); ++i) {
            const auto& g = e.generators[i];
            cur()->comp_iter_target = true;
            expr(*g.target);
            cur()->comp_iter_target = false;
            expr(*g.iter);
            for (const auto& c : g.ifs) expr(*c);
            if (g.is_async) cur()->coroutine = true;
        }
        if (value) expr(*value);
        expr(*elt);
        cur()->generator = is_generator;
        bool is_async = cur()->coroutine && !is_generator;
        exit();
        if (is_async) cur()->coroutine = true;
    }

    void expr(const ast::Expr& e) {
        using K = ast::ExprKind;
        switch (e.kind) {
        case K::NamedExpr:
            expr(*e.b);
            if (cur()->comprehension) {
                named_expr_target(e);
            } else {
                expr(*e.a);
            }
            break;
        case K::BoolOp:
        case K::Set:
        case K::List:
        case K::Tuple:
        case K::JoinedStr:
            for (const auto& v : e.values) expr(*v);
            break;
        case K::BinOp:
            expr(*e.a);
            expr(*e.b);
            break;
        case K::UnaryOp:
        case K::Starred:
            expr(*e.a);
            break;
        case K::Lambda:
            if (e.args) defaults(*e.args);
            enter(BlockType::Function, "lambda", &e, e.pos.lineno);
            if (e.args) arguments(*e.args);
            expr(*e.a);
            exit();
            break;
        case K::IfExp:
            expr(*e.a);
            expr(*e.b);
            expr(*e.c);
            break;
        case K::Dict:
            for (size_t i = 0; i < e.values.size(); ++i) {
                if (i < e.keys.size() && e.keys[i]) expr(*e.keys[i]);
                expr(*e.values[i]);
            }
            break;
        case K::GeneratorExp:
            comprehension(e, "genexpr", true, e.a.get(), nullptr);
            break;
        case K::ListComp:
            comprehension(e, "listcomp", false, e.a.get(), nullptr);
            break;
        case K::SetComp:
            comprehension(e, "setcomp", false, e.a.get(), nullptr);
            break;
        case K::DictComp:
            comprehension(e, "dictcomp", false, e.a.get(), e.b.get());
            break;
        case K::Yield:
        case K::YieldFrom:
            if (e.a) expr(*e.a);
            cur()->generator = true;
            if (cur()->comprehension) {
                throw SymError{"'yield' inside " + std::string(cur()->name == "genexpr" ? "generator expression"
                                                                : cur()->name == "listcomp" ? "list comprehension"
                                                                : cur()->name == "setcomp" ? "set comprehension"
                                                                                           : "dict comprehension"),
                               e.pos};
            }
            break;
        case K::Await:
            expr(*e.a);
            cur()->coroutine = true;
            break;
        case K::Compare:
            expr(*e.a);
            for (const auto& v : e.values) expr(*v);
            break;
        case K::Call:
            expr(*e.a);
            for (const auto& v : e.values) expr(*v);
            for (const auto& k : e.keywords) expr(*k.value);
            break;
        case K::FormattedValue:
            expr(*e.a);
            if (e.b) expr(*e.b);
            break;
        case K::Constant:
            break;
        case K::Attribute:
            expr(*e.a);
            break;
        case K::Subscript:
            expr(*e.a);
            expr(*e.b);
            break;
        case K::Slice:
            if (e.a) expr(*e.a);
            if (e.b) expr(*e.b);
            if (e.c) expr(*e.c);
            break;
        case K::Name:
            add_def(e.id, e.ctx == ast::ExprContext::Load ? USE : DEF_LOCAL, e.pos);
            if (e.ctx == ast::ExprContext::Load && cur()->type == BlockType::Function && e.id == "super") {
                add_def("__class__", USE, e.pos);
            }
            break;
        }
    }
};

// ---- analysis (symtable.c analyze_*) ----

struct Analyzer {
    void analyze_name(Entry* ste, std::unordered_map<std::string, Scope>& scopes, const std::string& name,
                      int flags, const NameSet* bound, NameSet& local, NameSet& free, NameSet& global) {
        if (flags & DEF_GLOBAL) {
            if (flags & DEF_NONLOCAL) {
                throw SymError{"name '" + name + "' is nonlocal and global", ste->directives[name]};
            }
            scopes[name] = Scope::GlobalExplicit;
            global.insert(name);
            return;
        }
        if (flags & DEF_NONLOCAL) {
            if (!bound) {
                throw SymError{"nonlocal declaration not allowed at module level", ste->directives[name]};
            }
            if (!bound->count(name)) {
                throw SymError{"no binding for nonlocal '" + name + "' found", ste->directives[name]};
            }
            scopes[name] = Scope::Free;
            ste->free = true;
            free.insert(name);
            return;
        }
        if (flags & DEF_BOUND) {
            scopes[name] = Scope::Local;
            local.insert(name);
            global.erase(name);
            return;
        }
        if (bound && bound->count(name)) {
            scopes[name] = Scope::Free;
            ste->free = true;
            free.insert(name);
            return;
        }
        if (global.count(name)) {
            scopes[name] = Scope::GlobalImplicit;
            return;
        }
        if (ste->nested) ste->free = true;
        scopes[name] = Scope::GlobalImplicit;
    }

    void analyze_block(Entry* ste, const NameSet* bound, NameSet& free, NameSet& global) {
        NameSet local;
        std::unordered_map<std::string, Scope> scopes;
        NameSet newglobal, newfree, newbound;
        if (ste->type == BlockType::Class) {
            newglobal = global;
            if (bound) newbound = *bound;
        }
        for (const auto& name : ste->order) {
            analyze_name(ste, scopes, name, ste->flags[name], bound, local, free, global);
        }
        if (ste->type != BlockType::Class) {
            if (ste->type == BlockType::Function) newbound.insert(local.begin(), local.end());
            if (bound) newbound.insert(bound->begin(), bound->end());
            newglobal.insert(global.begin(), global.end());
        } else {
            newbound.insert("__class__");
        }
        NameSet allfree;
        for (Entry* child : ste->children) {
            NameSet child_bound = newbound;
            NameSet child_free;
            NameSet child_global = newglobal;
            analyze_block(child, &child_bound, child_free, child_global);
            allfree.insert(child_free.begin(), child_free.end());
            if (child->free || child->child_free) ste->child_free = true;
        }
        newfree.insert(allfree.begin(), allfree.end());
        if (ste->type == BlockType::Function) {
            for (auto& [name, scope] : scopes) {
                if (scope != Scope::Local) continue;
                if (!newfree.count(name)) continue;
                scope = Scope::Cell;
                newfree.erase(name);
            }
        } else if (ste->type == BlockType::Class) {
            if (newfree.erase("__class__")) ste->needs_class_closure = true;
        }
        // update_symbols
        for (const auto& name : ste->order) ste->scopes[name] = scopes[name];
        for (const auto& name : newfree) {
            auto it = ste->flags.find(name);
            if (it != ste->flags.end()) {
                if (ste->type == BlockType::Class && (it->second & (DEF_BOUND | DEF_GLOBAL))) {
                    it->second |= DEF_FREE_CLASS;
                }
                continue;
            }
            if (bound && !bound->count(name)) continue;
            ste->order.push_back(name);
            ste->flags[name] = 0;
            ste->scopes[name] = Scope::Free;
        }
        free.insert(newfree.begin(), newfree.end());
    }
};

}  // namespace

std::string mangle(const std::string& private_name, const std::string& name) {
    if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
    if (name.size() >= 2 && name.compare(name.size() - 2, 2, "__") == 0) return name;
    if (name.find('.') != std::string::npos) return name;
    size_t i = 0;
    while (i < private_name.size() && private_name[i] == '_') ++i;
    if (i == private_name.size()) return name;
    return "_" + private_name.substr(i) + name;
}

std::unique_ptr<Table> build(const ast::Module& module, SyntaxErrorInfo& error) {
    auto table = std::make_unique<Table>();
    try {
        Builder builder(*table);
        builder.module(module);
        Analyzer analyzer;
        NameSet free, global;
        analyzer.analyze_block(table->top(), nullptr, free, global);
    } catch (const SymError& e) {
        error.type = "SyntaxError";
        error.msg = e.msg;
        error.lineno = e.pos.lineno;
        error.offset = e.pos.col_offset + 1;
        error.end_lineno = e.pos.end_lineno;
        error.end_offset = e.pos.end_col_offset + 1;
        return nullptr;
    }
    return table;
}

}  // namespace ys::symtable
