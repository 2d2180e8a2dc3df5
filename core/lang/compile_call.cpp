// Calls (PUSH_NULL + callee + PRECALL/CALL, LOAD_METHOD for method calls, KW_NAMES,
// CALL_FUNCTION_EX for *args/**kwargs) and comprehensions compiled as nested
// functions called with the outermost iterator (<listcomp>, <genexpr>, ...).
#include "lang/compile_unit.h"

namespace ys::compile {

namespace {
constexpr int kStackUseGuideline = 30;
}

bool Compiler::is_import_originated(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::Name) return false;
    return st_.top()->symbol_flags(e.id) & symtable::DEF_IMPORT;
}

bool Compiler::maybe_optimize_method_call(const ast::Expr& e) {
    const ast::Expr& meth = *e.a;
    if (meth.kind != ast::ExprKind::Attribute || meth.ctx != ast::ExprContext::Load) return false;
    if (is_import_originated(*meth.a)) return false;
    size_t argsl = e.values.size();
    size_t kwdsl = e.keywords.size();
    if (argsl + kwdsl + (kwdsl != 0) >= static_cast<size_t>(kStackUseGuideline)) return false;
    for (const auto& a : e.values)
        if (a->kind == ast::ExprKind::Starred) return false;
    for (const auto& k : e.keywords)
        if (k.arg.empty()) return false;
    visit_expr(*meth.a);
    Loc old = u_->loc;
    set_loc(meth.pos);
    update_start_location_to_match_attr(meth);
    addop_name(op(Op::LOAD_METHOD), meth.id);
    for (const auto& a : e.values) visit_expr(*a);
    if (kwdsl) {
        for (const auto& k : e.keywords) visit_expr(*k.value);
        call_simple_kw_helper(e.keywords);
    }
    set_loc(e.pos);
    update_start_location_to_match_attr(meth);
    addop(op(Op::PRECALL), static_cast<int>(argsl + kwdsl));
    addop(op(Op::CALL), static_cast<int>(argsl + kwdsl));
    u_->loc = old;
    return true;
}

void Compiler::call(const ast::Expr& e) {
    if (maybe_optimize_method_call(e)) return;
    set_loc(e.a->pos);
    addop(op(Op::PUSH_NULL));
    set_loc(e.pos);
    visit_expr(*e.a);
    call_helper(0, e.values, e.keywords);
}

void Compiler::call_simple_kw_helper(const std::vector<ast::Keyword>& keywords) {
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (const auto& k : keywords) names.items.push_back(str_const(k.arg));
    addop(op(Op::KW_NAMES), add_const(names));
}

void Compiler::subkwargs(const std::vector<ast::Keyword>& keywords, size_t begin, size_t end) {
    size_t n = end - begin;
    bool big = n * 2 > static_cast<size_t>(kStackUseGuideline);
    if (n > 1 && !big) {
        Constant keys;
        keys.kind = Constant::Kind::Tuple;
        for (size_t i = begin; i < end; ++i) {
            visit_expr(*keywords[i].value);
            keys.items.push_back(str_const(keywords[i].arg));
        }
        load_const(keys);
        addop(op(Op::BUILD_CONST_KEY_MAP), static_cast<int>(n));
        return;
    }
    if (big) addop_noline(op(Op::BUILD_MAP), 0);
    for (size_t i = begin; i < end; ++i) {
        load_const(str_const(keywords[i].arg));
        visit_expr(*keywords[i].value);
        if (big) addop_noline(op(Op::MAP_ADD), 1);
    }
    if (!big) addop(op(Op::BUILD_MAP), static_cast<int>(n));
}

void Compiler::call_helper(int n, const ast::ExprList& args, const std::vector<ast::Keyword>& keywords) {
    for (size_t i = 0; i < keywords.size(); ++i) {
        if (keywords[i].arg.empty()) continue;
        for (size_t j = i + 1; j < keywords.size(); ++j) {
            if (keywords[i].arg == keywords[j].arg) {
                set_loc(keywords[j].pos);
                error("keyword argument repeated: " + keywords[i].arg);
            }
        }
    }
    size_t nelts = args.size();
    size_t nkwelts = keywords.size();
    bool ex_call = nelts + nkwelts * 2 > static_cast<size_t>(kStackUseGuideline);
    for (const auto& a : args)
        if (a->kind == ast::ExprKind::Starred) ex_call = true;
    for (const auto& k : keywords)
        if (k.arg.empty()) ex_call = true;
    if (!ex_call) {
        for (const auto& a : args) visit_expr(*a);
        if (nkwelts) {
            for (const auto& k : keywords) visit_expr(*k.value);
            call_simple_kw_helper(keywords);
        }
        addop(op(Op::PRECALL), n + static_cast<int>(nelts + nkwelts));
        addop(op(Op::CALL), n + static_cast<int>(nelts + nkwelts));
        return;
    }
    if (n == 0 && nelts == 1 && args[0]->kind == ast::ExprKind::Starred) {
        visit_expr(*args[0]->a);
    } else {
        starunpack(args, n, op(Op::BUILD_LIST), op(Op::LIST_APPEND), op(Op::LIST_EXTEND), true);
    }
    if (nkwelts) {
        bool have_dict = false;
        size_t nseen = 0;
        for (size_t i = 0; i < nkwelts; ++i) {
            const ast::Keyword& kw = keywords[i];
            if (kw.arg.empty()) {
                if (nseen) {
                    subkwargs(keywords, i - nseen, i);
                    if (have_dict) addop(op(Op::DICT_MERGE), 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    addop(op(Op::BUILD_MAP), 0);
                    have_dict = true;
                }
                visit_expr(*kw.value);
                addop(op(Op::DICT_MERGE), 1);
            } else {
                ++nseen;
            }
        }
        if (nseen) {
            subkwargs(keywords, nkwelts - nseen, nkwelts);
            if (have_dict) addop(op(Op::DICT_MERGE), 1);
        }
    }
    addop(op(Op::CALL_FUNCTION_EX), nkwelts > 0 ? 1 : 0);
}

// ---- comprehensions ----

void Compiler::comprehension(const ast::Expr& e, int type, const std::string& name) {
    const ast::Comprehension& outermost = e.generators.front();
    ScopeType scope_type = u_->scope_type;
    enter_scope(name, ScopeType::Comprehension, &e, e.pos.lineno);
    set_loc(e.pos);
    bool is_async_generator = u_->ste->coroutine;
    if (is_async_generator && type != 0 && scope_type != ScopeType::AsyncFunction &&
        scope_type != ScopeType::Comprehension) {
        error("asynchronous comprehension outside of an asynchronous function");
    }
    if (type != 0) {
        int build = type == 1 ? op(Op::BUILD_LIST) : type == 2 ? op(Op::BUILD_SET) : op(Op::BUILD_MAP);
        addop(build, 0);
    }
    comprehension_generator(e, 0, 0, type);
    if (type != 0) addop(op(Op::RETURN_VALUE));
    CodePtr code = exit_scope_assemble(true);
    make_closure(code, 0);
    visit_iter(*outermost.iter);
    addop(outermost.is_async ? op(Op::GET_AITER) : op(Op::GET_ITER));
    addop(op(Op::PRECALL), 0);
    addop(op(Op::CALL), 0);
    if (is_async_generator && type != 0) {
        addop(op(Op::GET_AWAITABLE), 0);
        load_const(none_const());
        add_yield_from(true);
    }
}

void Compiler::comprehension_generator(const ast::Expr& e, size_t gen_index, int depth, int type) {
    if (e.generators[gen_index].is_async) async_comprehension_generator(e, gen_index, depth, type);
    else sync_comprehension_generator(e, gen_index, depth, type);
}

void Compiler::comprehension_element(const ast::Expr& e, int type, int depth) {
    switch (type) {
    case 0:
        visit_expr(*e.a);
        if (u_->ste->generator && u_->ste->coroutine) addop(op(Op::ASYNC_GEN_WRAP));  // addop_yield
        addop(op(Op::YIELD_VALUE));
        addop(op(Op::RESUME), 1);
        addop(op(Op::POP_TOP));
        break;
    case 1:
        visit_expr(*e.a);
        addop(op(Op::LIST_APPEND), depth + 1);
        break;
    case 2:
        visit_expr(*e.a);
        addop(op(Op::SET_ADD), depth + 1);
        break;
    default:
        visit_expr(*e.a);
        visit_expr(*e.b);
        addop(op(Op::MAP_ADD), depth + 1);
        break;
    }
}

void Compiler::sync_comprehension_generator(const ast::Expr& e, size_t gen_index, int depth, int type) {
    Block* start = new_block();
    Block* if_cleanup = new_block();
    Block* anchor = new_block();
    const ast::Comprehension& gen = e.generators[gen_index];
    if (gen_index == 0) {
        u_->argcount = 1;
        addop(op(Op::LOAD_FAST), 0);
    } else {
        const ast::Expr& it = *gen.iter;
        bool list_or_tuple = (it.kind == ast::ExprKind::List || it.kind == ast::ExprKind::Tuple) &&
                             it.ctx == ast::ExprContext::Load;
        // after ast_opt, an all-constant list/tuple is a Constant and takes the normal path
        if (list_or_tuple && it.values.size() == 1 && it.values[0]->kind != ast::ExprKind::Starred &&
            !fold(it) && !fold_iter_const(it)) {
            visit_expr(*it.values[0]);
            start = nullptr;
        }
        if (start) {
            visit_iter(it);
            addop(op(Op::GET_ITER));
        }
    }
    if (start) {
        ++depth;
        use_next_block(start);
        addop_jump(op(Op::FOR_ITER), anchor);
        next_block();
    }
    visit_expr(*gen.target);
    for (const auto& cond : gen.ifs) jump_if(*cond, if_cleanup, false);
    if (++gen_index < e.generators.size()) comprehension_generator(e, gen_index, depth, type);
    if (gen_index >= e.generators.size()) comprehension_element(e, type, depth);
    use_next_block(if_cleanup);
    if (start) {
        addop_jump(JUMP, start);
        next_block();
        use_next_block(anchor);
    }
}

void Compiler::async_comprehension_generator(const ast::Expr& e, size_t gen_index, int depth, int type) {
    Block* start = new_block();
    Block* except = new_block();
    Block* if_cleanup = new_block();
    const ast::Comprehension& gen = e.generators[gen_index];
    if (gen_index == 0) {
        u_->argcount = 1;
        addop(op(Op::LOAD_FAST), 0);
    } else {
        visit_iter(*gen.iter);
        addop(op(Op::GET_AITER));
    }
    use_next_block(start);
    push_fblock(FBlock{FBlockType::AsyncComprehensionGenerator, start});
    addop_jump(SETUP_FINALLY, except);
    addop(op(Op::GET_ANEXT));
    load_const(none_const());
    add_yield_from(true);
    addop(POP_BLOCK);
    visit_expr(*gen.target);
    for (const auto& cond : gen.ifs) jump_if(*cond, if_cleanup, false);
    ++depth;
    if (++gen_index < e.generators.size()) comprehension_generator(e, gen_index, depth, type);
    if (gen_index >= e.generators.size()) comprehension_element(e, type, depth);
    use_next_block(if_cleanup);
    addop_jump(JUMP, start);
    next_block();
    pop_fblock();
    use_next_block(except);
    addop(op(Op::END_ASYNC_FOR));
}

}  // namespace ys::compile
