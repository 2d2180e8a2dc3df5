// Definitions: module/class bodies (docstrings, __module__, __qualname__,
// __classcell__), def/async def/lambda with defaults and decorators, and closures
// (LOAD_CLOSURE + BUILD_TUPLE + MAKE_FUNCTION).
#include <algorithm>

#include "lang/compile_unit.h"

namespace ys::compile {

namespace {

const ast::Expr* docstring_expr(const ast::StmtList& body) {
    if (body.empty()) return nullptr;
    const ast::Stmt& first = *body.front();
    if (first.kind != ast::StmtKind::Expr || !first.value) return nullptr;
    const ast::Expr& v = *first.value;
    if (v.kind != ast::ExprKind::Constant || v.constant.kind != ast::ConstantValue::Kind::Str) return nullptr;
    return &v;
}

bool find_ann(const ast::StmtList& stmts) {
    for (const auto& s : stmts) {
        switch (s->kind) {
        case ast::StmtKind::AnnAssign:
            return true;
        case ast::StmtKind::For:
        case ast::StmtKind::AsyncFor:
        case ast::StmtKind::While:
        case ast::StmtKind::If:
            if (find_ann(s->body) || find_ann(s->orelse)) return true;
            break;
        case ast::StmtKind::With:
        case ast::StmtKind::AsyncWith:
            if (find_ann(s->body)) return true;
            break;
        case ast::StmtKind::Try:
            for (const auto& h : s->handlers)
                if (find_ann(h.body)) return true;
            if (find_ann(s->body) || find_ann(s->orelse) || find_ann(s->finalbody)) return true;
            break;
        default:
            break;
        }
    }
    return false;
}

}  // namespace

void Compiler::body(const ast::StmtList& stmts) {
    if (u_->scope_type == ScopeType::Module && !stmts.empty()) set_loc(stmts.front()->pos);
    if (find_ann(stmts)) addop(op(Op::SETUP_ANNOTATIONS));
    if (stmts.empty()) return;
    size_t i = 0;
    if (const ast::Expr* doc = docstring_expr(stmts)) {
        i = 1;
        set_loc(stmts.front()->pos);
        visit_expr(*doc);
        unset_loc();
        nameop("__doc__", ast::ExprContext::Store);
    }
    for (; i < stmts.size(); ++i) visit_stmt(*stmts[i]);
}

void Compiler::decorators(const ast::ExprList& decos) {
    for (const auto& d : decos) visit_expr(*d);
}

void Compiler::apply_decorators(const ast::ExprList& decos) {
    Loc old = u_->loc;
    for (size_t i = decos.size(); i-- > 0;) {
        set_loc(decos[i]->pos);
        addop(op(Op::PRECALL), 0);
        addop(op(Op::CALL), 0);
    }
    u_->loc = old;
}

int Compiler::default_arguments(const ast::Arguments& args) {
    int flags = 0;
    if (!args.defaults.empty()) {
        for (const auto& d : args.defaults) visit_expr(*d);
        addop(op(Op::BUILD_TUPLE), static_cast<int>(args.defaults.size()));
        flags |= 0x01;
    }
    Constant keys;
    keys.kind = Constant::Kind::Tuple;
    for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
        const ast::Expr* d = i < args.kw_defaults.size() ? args.kw_defaults[i].get() : nullptr;
        if (!d) continue;
        keys.items.push_back(str_const(symtable::mangle(u_->private_name, args.kwonlyargs[i].arg)));
        visit_expr(*d);
    }
    if (!keys.items.empty()) {
        int n = static_cast<int>(keys.items.size());
        load_const(keys);
        addop(op(Op::BUILD_CONST_KEY_MAP), n);
        flags |= 0x02;
    }
    return flags;
}

void Compiler::make_closure(const CodePtr& code, int flags) {
    int nfree = 0;
    for (size_t i = 0; i < code->co_localsplusnames.size(); ++i) {
        if (!(code->co_localspluskinds[i] & CO_FAST_FREE)) continue;
        const std::string& name = code->co_localsplusnames[i];
        // A class may have a free variable that is also a local of the class body.
        symtable::Scope scope = u_->ste->scope_of(name);
        int arg;
        if (scope == symtable::Scope::Cell) {
            arg = static_cast<int>(std::find(u_->cellvars.begin(), u_->cellvars.end(), name) - u_->cellvars.begin());
        } else {
            auto it = std::find(u_->freevars.begin(), u_->freevars.end(), name);
            if (it == u_->freevars.end()) {
                it = std::find(u_->cellvars.begin(), u_->cellvars.end(), name);
                if (it == u_->cellvars.end()) error("compiler: free variable '" + name + "' not found in parent");
                arg = static_cast<int>(it - u_->cellvars.begin());
            } else {
                arg = static_cast<int>(u_->cellvars.size() + (it - u_->freevars.begin()));
            }
        }
        addop(op(Op::LOAD_CLOSURE), arg);
        ++nfree;
    }
    if (nfree) {
        flags |= 0x08;
        addop(op(Op::BUILD_TUPLE), nfree);
    }
    Constant c;
    c.kind = Constant::Kind::Code;
    c.code = code;
    load_const(c);
    addop(op(Op::MAKE_FUNCTION), flags);
}

void Compiler::function_def(const ast::Stmt& s, bool is_async) {
    decorators(s.decorator_list);
    int firstlineno = s.pos.lineno;
    if (!s.decorator_list.empty()) firstlineno = s.decorator_list.front()->pos.lineno;
    int flags = s.args ? default_arguments(*s.args) : 0;
    enter_scope(s.name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, &s, firstlineno);
    const ast::Expr* doc = docstring_expr(s.body);
    add_const(doc ? from_ast_constant(doc->constant) : none_const());
    if (s.args) {
        u_->argcount = static_cast<int>(s.args->args.size());
        u_->posonlyargcount = static_cast<int>(s.args->posonlyargs.size());
        u_->kwonlyargcount = static_cast<int>(s.args->kwonlyargs.size());
    }
    for (size_t i = doc ? 1 : 0; i < s.body.size(); ++i) visit_stmt(*s.body[i]);
    CodePtr code = exit_scope_assemble(true);
    make_closure(code, flags);
    apply_decorators(s.decorator_list);
    nameop(s.name, ast::ExprContext::Store);
}

void Compiler::class_def(const ast::Stmt& s) {
    decorators(s.decorator_list);
    int firstlineno = s.pos.lineno;
    if (!s.decorator_list.empty()) firstlineno = s.decorator_list.front()->pos.lineno;
    enter_scope(s.name, ScopeType::Class, &s, firstlineno);
    u_->private_name = s.name;
    nameop("__name__", ast::ExprContext::Load);
    nameop("__module__", ast::ExprContext::Store);
    load_const(str_const(u_->qualname));
    nameop("__qualname__", ast::ExprContext::Store);
    body(s.body);
    unset_loc();
    if (u_->ste->needs_class_closure) {
        addop(op(Op::LOAD_CLOSURE), 0);
        addop(op(Op::COPY), 1);
        nameop("__classcell__", ast::ExprContext::Store);
    } else {
        load_const(none_const());
    }
    addop(op(Op::RETURN_VALUE));
    CodePtr code = exit_scope_assemble(true);
    addop(op(Op::PUSH_NULL));
    addop(op(Op::LOAD_BUILD_CLASS));
    make_closure(code, 0);
    load_const(str_const(s.name));
    call_helper(2, s.bases, s.keywords);
    apply_decorators(s.decorator_list);
    nameop(s.name, ast::ExprContext::Store);
}

void Compiler::lambda(const ast::Expr& e) {
    int flags = e.args ? default_arguments(*e.args) : 0;
    enter_scope("<lambda>", ScopeType::Lambda, &e, e.pos.lineno);
    add_const(none_const());
    if (e.args) {
        u_->argcount = static_cast<int>(e.args->args.size());
        u_->posonlyargcount = static_cast<int>(e.args->posonlyargs.size());
        u_->kwonlyargcount = static_cast<int>(e.args->kwonlyargs.size());
    }
    visit_expr(*e.a);
    CodePtr code;
    if (u_->ste->generator) {
        code = exit_scope_assemble(false);
    } else {
        addop(op(Op::RETURN_VALUE));
        code = exit_scope_assemble(true);
    }
    make_closure(code, flags);
}

}  // namespace ys::compile
