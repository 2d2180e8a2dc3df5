// Expressions: operators, comparisons (chained ones with SWAP/COPY), and/or with
// JUMP_IF_*_OR_POP, conditional jumps for tests (compiler_jump_if), displays with
// constant folding, subscripts and slices, attributes, yield/await. Calls and
// comprehensions are in compile_call.cpp, f-strings in compile_fstring.cpp.
#include <algorithm>

#include "lang/compile_unit.h"

namespace ys::compile {

namespace {

int binary_op(ast::OperatorKind k) {
    using O = ast::OperatorKind;
    switch (k) {
    case O::Add: return static_cast<int>(NbOp::NB_ADD);
    case O::Sub: return static_cast<int>(NbOp::NB_SUBTRACT);
    case O::Mult: return static_cast<int>(NbOp::NB_MULTIPLY);
    case O::MatMult: return static_cast<int>(NbOp::NB_MATRIX_MULTIPLY);
    case O::Div: return static_cast<int>(NbOp::NB_TRUE_DIVIDE);
    case O::Mod: return static_cast<int>(NbOp::NB_REMAINDER);
    case O::Pow: return static_cast<int>(NbOp::NB_POWER);
    case O::LShift: return static_cast<int>(NbOp::NB_LSHIFT);
    case O::RShift: return static_cast<int>(NbOp::NB_RSHIFT);
    case O::BitOr: return static_cast<int>(NbOp::NB_OR);
    case O::BitXor: return static_cast<int>(NbOp::NB_XOR);
    case O::BitAnd: return static_cast<int>(NbOp::NB_AND);
    case O::FloorDiv: return static_cast<int>(NbOp::NB_FLOOR_DIVIDE);
    }
    return 0;
}

// ast_opt folds `not (a is b)` into `a is not b` (also in / not in).
bool invertible_not(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::UnaryOp || e.unary_op != ast::UnaryOpKind::Not) return false;
    const ast::Expr& arg = *e.a;
    if (arg.kind != ast::ExprKind::Compare || arg.cmp_ops.size() != 1) return false;
    if (fold(arg)) return false;
    switch (arg.cmp_ops[0]) {
    case ast::CmpOpKind::Is:
    case ast::CmpOpKind::IsNot:
    case ast::CmpOpKind::In:
    case ast::CmpOpKind::NotIn:
        return true;
    default:
        return false;
    }
}

ast::CmpOpKind invert(ast::CmpOpKind k) {
    switch (k) {
    case ast::CmpOpKind::Is: return ast::CmpOpKind::IsNot;
    case ast::CmpOpKind::IsNot: return ast::CmpOpKind::Is;
    case ast::CmpOpKind::In: return ast::CmpOpKind::NotIn;
    case ast::CmpOpKind::NotIn: return ast::CmpOpKind::In;
    default: return k;
    }
}

int utf8_chars(const std::string& s) {
    int n = 0;
    for (unsigned char ch : s)
        if ((ch & 0xC0) != 0x80) ++n;
    return n;
}

bool has_starred(const ast::ExprList& elts) {
    for (const auto& e : elts)
        if (e->kind == ast::ExprKind::Starred) return true;
    return false;
}

}  // namespace

std::optional<Constant> fold_iter_const(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::List || e.kind == ast::ExprKind::Set) {
        if (has_starred(e.values)) return std::nullopt;
        Constant c;
        c.kind = Constant::Kind::Tuple;
        for (const auto& v : e.values) {
            auto f = fold(*v);
            if (!f) return std::nullopt;
            c.items.push_back(*f);
        }
        if (e.kind == ast::ExprKind::Set) return make_frozenset(c.items);
        return c;
    }
    return std::nullopt;
}

void Compiler::visit_iter(const ast::Expr& e) {
    if ((e.kind == ast::ExprKind::List || e.kind == ast::ExprKind::Set) && e.ctx == ast::ExprContext::Load &&
        !has_starred(e.values)) {
        Loc saved = u_->loc;
        set_loc(e.pos);
        if (auto c = fold_iter_const(e)) {
            load_const(*c);
        } else if (e.kind == ast::ExprKind::List) {
            starunpack(e.values, 0, op(Op::BUILD_LIST), op(Op::LIST_APPEND), op(Op::LIST_EXTEND), true);
        } else {
            set_display(e);
        }
        u_->loc = saved;
        return;
    }
    visit_expr(e);
}

void Compiler::visit_expr(const ast::Expr& e) {
    Loc saved = u_->loc;
    set_loc(e.pos);
    visit_expr1(e);
    u_->loc = saved;
}

void Compiler::update_start_location_to_match_attr(const ast::Expr& attr) {
    if (u_->loc.lineno != attr.pos.end_lineno) {
        u_->loc.lineno = attr.pos.end_lineno;
        int len = utf8_chars(attr.id);
        if (len <= attr.pos.end_col_offset) {
            u_->loc.col = attr.pos.end_col_offset - len;
        } else {
            u_->loc.col = -1;
            u_->loc.end_col = -1;
        }
        u_->loc.end_lineno = std::max(u_->loc.lineno, u_->loc.end_lineno);
        if (u_->loc.lineno == u_->loc.end_lineno) u_->loc.end_col = std::max(u_->loc.col, u_->loc.end_col);
    }
}

void Compiler::visit_expr1(const ast::Expr& e) {
    using K = ast::ExprKind;
    if (e.kind != K::Constant && e.ctx == ast::ExprContext::Load) {
        if (auto c = fold(e)) {
            load_const(*c);
            return;
        }
    }
    switch (e.kind) {
    case K::Constant:
        load_const(from_ast_constant(e.constant));
        break;
    case K::NamedExpr:
        visit_expr(*e.b);
        addop(op(Op::COPY), 1);
        visit_expr(*e.a);
        break;
    case K::BoolOp:
        boolop(e);
        break;
    case K::BinOp:
        if (e.op == ast::OperatorKind::Mod && percent_format(e)) break;
        visit_expr(*e.a);
        visit_expr(*e.b);
        addop(op(Op::BINARY_OP), binary_op(e.op));
        break;
    case K::UnaryOp:
        if (invertible_not(e)) {
            set_loc(e.a->pos);
            invert_next_compare_ = true;
            compare(*e.a);
            break;
        }
        visit_expr(*e.a);
        switch (e.unary_op) {
        case ast::UnaryOpKind::Invert: addop(op(Op::UNARY_INVERT)); break;
        case ast::UnaryOpKind::Not: addop(op(Op::UNARY_NOT)); break;
        case ast::UnaryOpKind::UAdd: addop(op(Op::UNARY_POSITIVE)); break;
        case ast::UnaryOpKind::USub: addop(op(Op::UNARY_NEGATIVE)); break;
        }
        break;
    case K::Lambda:
        lambda(e);
        break;
    case K::IfExp:
        ifexp(e);
        break;
    case K::Dict:
        dict_display(e);
        break;
    case K::Set:
        set_display(e);
        break;
    case K::GeneratorExp:
        comprehension(e, 0, "<genexpr>");
        break;
    case K::ListComp:
        comprehension(e, 1, "<listcomp>");
        break;
    case K::SetComp:
        comprehension(e, 2, "<setcomp>");
        break;
    case K::DictComp:
        comprehension(e, 3, "<dictcomp>");
        break;
    case K::Yield:
    case K::YieldFrom:
    case K::Await:
        yield_expr(e);
        break;
    case K::Compare:
        compare(e);
        break;
    case K::Call:
        call(e);
        break;
    case K::JoinedStr:
        joined_str(e);
        break;
    case K::FormattedValue:
        formatted_value(e);
        break;
    case K::Attribute:
        attribute(e);
        break;
    case K::Subscript:
        subscript(e);
        break;
    case K::Starred:
        if (e.ctx == ast::ExprContext::Store) error("starred assignment target must be in a list or tuple");
        error("can't use starred expression here");
    case K::Slice:
        slice(e);
        break;
    case K::Name:
        nameop(e.id, e.ctx);
        break;
    case K::List:
        list_or_tuple(e, false);
        break;
    case K::Tuple:
        list_or_tuple(e, true);
        break;
    }
}

void Compiler::yield_expr(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::Await) {
        if (u_->ste->type != symtable::BlockType::Function) error("'await' outside function");
        if (u_->scope_type != ScopeType::AsyncFunction && u_->scope_type != ScopeType::Comprehension) {
            error("'await' outside async function");
        }
        visit_expr(*e.a);
        addop(op(Op::GET_AWAITABLE), 0);
        load_const(none_const());
        add_yield_from(true);
        return;
    }
    if (u_->ste->type != symtable::BlockType::Function) error("'yield' outside function");
    if (e.kind == ast::ExprKind::YieldFrom) {
        if (u_->scope_type == ScopeType::AsyncFunction) error("'yield from' inside async function");
        visit_expr(*e.a);
        addop(op(Op::GET_YIELD_FROM_ITER));
        load_const(none_const());
        add_yield_from(false);
        return;
    }
    if (e.a) visit_expr(*e.a);
    else load_const(none_const());
    if (u_->ste->generator && u_->ste->coroutine) addop(op(Op::ASYNC_GEN_WRAP));  // addop_yield
    addop(op(Op::YIELD_VALUE));
    addop(op(Op::RESUME), 1);
}

void Compiler::addcompare(ast::CmpOpKind k) {
    using C = ast::CmpOpKind;
    switch (k) {
    case C::Eq: addop(op(Op::COMPARE_OP), static_cast<int>(CmpOp::EQ)); break;
    case C::NotEq: addop(op(Op::COMPARE_OP), static_cast<int>(CmpOp::NE)); break;
    case C::Lt: addop(op(Op::COMPARE_OP), static_cast<int>(CmpOp::LT)); break;
    case C::LtE: addop(op(Op::COMPARE_OP), static_cast<int>(CmpOp::LE)); break;
    case C::Gt: addop(op(Op::COMPARE_OP), static_cast<int>(CmpOp::GT)); break;
    case C::GtE: addop(op(Op::COMPARE_OP), static_cast<int>(CmpOp::GE)); break;
    case C::Is: addop(op(Op::IS_OP), 0); break;
    case C::IsNot: addop(op(Op::IS_OP), 1); break;
    case C::In: addop(op(Op::CONTAINS_OP), 0); break;
    case C::NotIn: addop(op(Op::CONTAINS_OP), 1); break;
    }
}

// Compiles a Compare node; when `e` is `not <compare>` folded by ast_opt, the caller
// passes the inner Compare after checking invertible_not (see visit_expr1/jump_if),
// and the single operator is inverted here.
void Compiler::compare(const ast::Expr& e) {
    bool inverted = invert_next_compare_;
    invert_next_compare_ = false;
    size_t n = e.cmp_ops.size() - 1;
    visit_expr(*e.a);
    auto comparator = [&](size_t i) {
        bool last = i == e.cmp_ops.size() - 1;
        auto k = e.cmp_ops[i];
        if (last && (k == ast::CmpOpKind::In || k == ast::CmpOpKind::NotIn)) visit_iter(*e.values[i]);
        else visit_expr(*e.values[i]);
    };
    if (n == 0) {
        comparator(0);
        addcompare(inverted ? invert(e.cmp_ops[0]) : e.cmp_ops[0]);
        return;
    }
    Block* cleanup = new_block();
    for (size_t i = 0; i < n; ++i) {
        comparator(i);
        addop(op(Op::SWAP), 2);
        addop(op(Op::COPY), 2);
        addcompare(e.cmp_ops[i]);
        addop_jump(op(Op::JUMP_IF_FALSE_OR_POP), cleanup);
        next_block();
    }
    comparator(n);
    addcompare(e.cmp_ops[n]);
    Block* end = new_block();
    addop_jump_noline(JUMP, end);
    next_block();
    use_next_block(cleanup);
    addop(op(Op::SWAP), 2);
    addop(op(Op::POP_TOP));
    use_next_block(end);
}

void Compiler::jump_if(const ast::Expr& e, Block* next, bool cond) {
    // As CPython 3.11 shows: a comparison (also `not a is b`, folded into
    // `a is not b`) lends its location to the jumps and to what follows until the
    // next statement or expression sets one; other tests leave the location alone.
    if (e.kind == ast::ExprKind::Compare) set_loc(e.pos);
    else if (invertible_not(e)) set_loc(e.a->pos);
    jump_if1(e, next, cond);
}

void Compiler::jump_if1(const ast::Expr& e, Block* next, bool cond) {
    using K = ast::ExprKind;
    bool folded = e.kind != K::Constant && fold(e).has_value();
    if (!folded) {
        switch (e.kind) {
        case K::UnaryOp:
            if (e.unary_op == ast::UnaryOpKind::Not && !invertible_not(e)) {
                jump_if(*e.a, next, !cond);
                return;
            }
            break;
        case K::BoolOp: {
            size_t n = e.values.size() - 1;
            bool cond2 = e.bool_op == ast::BoolOpKind::Or;
            Block* next2 = next;
            if (cond2 != cond) next2 = new_block();
            for (size_t i = 0; i < n; ++i) jump_if(*e.values[i], next2, cond2);
            jump_if(*e.values[n], next, cond);
            if (next2 != next) use_next_block(next2);
            return;
        }
        case K::IfExp: {
            Block* end = new_block();
            Block* next2 = new_block();
            jump_if(*e.a, next2, false);
            jump_if(*e.b, next, cond);
            addop_jump_noline(JUMP, end);
            next_block();
            use_next_block(next2);
            jump_if(*e.c, next, cond);
            use_next_block(end);
            return;
        }
        case K::Compare: {
            size_t n = e.cmp_ops.size() - 1;
            if (n == 0) break;
            Block* cleanup = new_block();
            visit_expr(*e.a);
            for (size_t i = 0; i < n; ++i) {
                visit_expr(*e.values[i]);
                addop(op(Op::SWAP), 2);
                addop(op(Op::COPY), 2);
                addcompare(e.cmp_ops[i]);
                addop_jump(POP_JUMP_IF_FALSE, cleanup);
                next_block();
            }
            auto k = e.cmp_ops[n];
            if (k == ast::CmpOpKind::In || k == ast::CmpOpKind::NotIn) visit_iter(*e.values[n]);
            else visit_expr(*e.values[n]);
            addcompare(k);
            addop_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
            next_block();
            Block* end = new_block();
            addop_jump_noline(JUMP, end);
            next_block();
            use_next_block(cleanup);
            addop(op(Op::POP_TOP));
            if (!cond) {
                addop_jump_noline(JUMP, next);
                next_block();
            }
            use_next_block(end);
            return;
        }
        default:
            break;
        }
    }
    visit_expr(e);
    addop_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    next_block();
}

void Compiler::boolop(const ast::Expr& e) {
    int jumpi = e.bool_op == ast::BoolOpKind::And ? op(Op::JUMP_IF_FALSE_OR_POP) : op(Op::JUMP_IF_TRUE_OR_POP);
    Block* end = new_block();
    size_t n = e.values.size() - 1;
    for (size_t i = 0; i < n; ++i) {
        visit_expr(*e.values[i]);
        addop_jump(jumpi, end);
        next_block();
    }
    visit_expr(*e.values[n]);
    use_next_block(end);
}

void Compiler::ifexp(const ast::Expr& e) {
    Block* end = new_block();
    Block* next = new_block();
    jump_if(*e.a, next, false);
    visit_expr(*e.b);
    addop_jump_noline(JUMP, end);
    next_block();
    use_next_block(next);
    visit_expr(*e.c);
    use_next_block(end);
}

void Compiler::attribute(const ast::Expr& e) {
    visit_expr(*e.a);
    update_start_location_to_match_attr(e);
    switch (e.ctx) {
    case ast::ExprContext::Load: addop_name(op(Op::LOAD_ATTR), e.id); break;
    case ast::ExprContext::Store: addop_name(op(Op::STORE_ATTR), e.id); break;
    case ast::ExprContext::Del: addop_name(op(Op::DELETE_ATTR), e.id); break;
    }
}

void Compiler::subscript(const ast::Expr& e) {
    visit_expr(*e.a);
    visit_expr(*e.b);
    switch (e.ctx) {
    case ast::ExprContext::Load: addop(op(Op::BINARY_SUBSCR)); break;
    case ast::ExprContext::Store: addop(op(Op::STORE_SUBSCR)); break;
    case ast::ExprContext::Del: addop(op(Op::DELETE_SUBSCR)); break;
    }
}

void Compiler::slice(const ast::Expr& e) {
    int n = 2;
    if (e.a) visit_expr(*e.a);
    else load_const(none_const());
    if (e.b) visit_expr(*e.b);
    else load_const(none_const());
    if (e.c) {
        ++n;
        visit_expr(*e.c);
    }
    addop(op(Op::BUILD_SLICE), n);
}

void Compiler::starunpack(const ast::ExprList& elts, int pushed, int build, int add, int extend, bool tuple) {
    size_t n = elts.size();
    if (n > 2) {
        Constant folded;
        folded.kind = Constant::Kind::Tuple;
        bool all_const = true;
        for (const auto& e : elts) {
            if (e->kind == ast::ExprKind::Starred) {
                all_const = false;
                break;
            }
            auto c = fold(*e);
            if (!c) {
                all_const = false;
                break;
            }
            folded.items.push_back(*c);
        }
        if (all_const) {
            if (tuple && !pushed) {
                load_const(folded);
            } else {
                if (add == op(Op::SET_ADD)) folded = make_frozenset(folded.items);
                addop(build, pushed);
                load_const(folded);
                addop(extend, 1);
                if (tuple) addop(op(Op::LIST_TO_TUPLE));
            }
            return;
        }
    }
    bool big = static_cast<int>(n) + pushed > 30;
    bool seen_star = has_starred(elts);
    if (!seen_star && !big) {
        for (const auto& e : elts) visit_expr(*e);
        addop(tuple ? op(Op::BUILD_TUPLE) : build, static_cast<int>(n) + pushed);
        return;
    }
    bool sequence_built = false;
    if (big) {
        addop(build, pushed);
        sequence_built = true;
    }
    for (size_t i = 0; i < n; ++i) {
        const ast::Expr& elt = *elts[i];
        if (elt.kind == ast::ExprKind::Starred) {
            if (!sequence_built) {
                addop(build, static_cast<int>(i) + pushed);
                sequence_built = true;
            }
            visit_expr(*elt.a);
            addop(extend, 1);
        } else {
            visit_expr(elt);
            if (sequence_built) addop(add, 1);
        }
    }
    if (tuple) addop(op(Op::LIST_TO_TUPLE));
}

void Compiler::assignment_helper(const ast::ExprList& elts) {
    size_t n = elts.size();
    bool seen_star = false;
    for (size_t i = 0; i < n; ++i) {
        const ast::Expr& elt = *elts[i];
        if (elt.kind == ast::ExprKind::Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (INT_MAX >> 8)) error("too many expressions in star-unpacking assignment");
            addop(op(Op::UNPACK_EX), static_cast<int>(i + ((n - i - 1) << 8)));
            seen_star = true;
        } else if (elt.kind == ast::ExprKind::Starred) {
            error("multiple starred expressions in assignment");
        }
    }
    if (!seen_star) addop(op(Op::UNPACK_SEQUENCE), static_cast<int>(n));
    for (const auto& elt : elts) visit_expr(elt->kind != ast::ExprKind::Starred ? *elt : *elt->a);
}

void Compiler::list_or_tuple(const ast::Expr& e, bool is_tuple) {
    switch (e.ctx) {
    case ast::ExprContext::Store:
        assignment_helper(e.values);
        break;
    case ast::ExprContext::Load:
        starunpack(e.values, 0, op(Op::BUILD_LIST), op(Op::LIST_APPEND), op(Op::LIST_EXTEND), is_tuple);
        break;
    case ast::ExprContext::Del:
        for (const auto& v : e.values) visit_expr(*v);
        break;
    }
}

void Compiler::set_display(const ast::Expr& e) {
    starunpack(e.values, 0, op(Op::BUILD_SET), op(Op::SET_ADD), op(Op::SET_UPDATE), false);
}

void Compiler::subdict(const ast::Expr& e, size_t begin, size_t end) {
    size_t n = end - begin;
    bool big = n * 2 > 30;
    if (n > 1 && !big) {
        Constant keys;
        keys.kind = Constant::Kind::Tuple;
        bool all_const = true;
        for (size_t i = begin; i < end; ++i) {
            auto c = fold(*e.keys[i]);
            if (!c) {
                all_const = false;
                break;
            }
            keys.items.push_back(*c);
        }
        if (all_const) {
            for (size_t i = begin; i < end; ++i) visit_expr(*e.values[i]);
            load_const(keys);
            addop(op(Op::BUILD_CONST_KEY_MAP), static_cast<int>(n));
            return;
        }
    }
    if (big) addop(op(Op::BUILD_MAP), 0);
    for (size_t i = begin; i < end; ++i) {
        visit_expr(*e.keys[i]);
        visit_expr(*e.values[i]);
        if (big) addop(op(Op::MAP_ADD), 1);
    }
    if (!big) addop(op(Op::BUILD_MAP), static_cast<int>(n));
}

void Compiler::dict_display(const ast::Expr& e) {
    size_t n = e.values.size();
    bool have_dict = false;
    size_t elements = 0;
    for (size_t i = 0; i < n; ++i) {
        bool is_unpacking = i >= e.keys.size() || !e.keys[i];
        if (is_unpacking) {
            if (elements) {
                subdict(e, i - elements, i);
                if (have_dict) addop(op(Op::DICT_UPDATE), 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                addop(op(Op::BUILD_MAP), 0);
                have_dict = true;
            }
            visit_expr(*e.values[i]);
            addop(op(Op::DICT_UPDATE), 1);
        } else {
            if (elements * 2 > 30) {
                subdict(e, i - elements, i + 1);
                if (have_dict) addop(op(Op::DICT_UPDATE), 1);
                have_dict = true;
                elements = 0;
            } else {
                ++elements;
            }
        }
    }
    if (elements) {
        subdict(e, n - elements, n);
        if (have_dict) addop(op(Op::DICT_UPDATE), 1);
        have_dict = true;
    }
    if (!have_dict) addop(op(Op::BUILD_MAP), 0);
}

}  // namespace ys::compile
