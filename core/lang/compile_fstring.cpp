// f-strings (FORMAT_VALUE + BUILD_STRING, or ''.join for long ones) and the 3.11
// ast_opt rewrite of `'%s %r' % (a, b)` into the same shape.
#include "lang/compile_unit.h"

namespace ys::compile {

namespace {

bool has_starred_elt(const ast::ExprList& elts) {
    for (const auto& e : elts)
        if (e->kind == ast::ExprKind::Starred) return true;
    return false;
}

}  // namespace

void Compiler::joined_str(const ast::Expr& e) {
    size_t count = e.values.size();
    if (count > 30) {
        load_const(str_const(""));
        addop_name(op(Op::LOAD_METHOD), "join");
        addop(op(Op::BUILD_LIST), 0);
        for (const auto& v : e.values) {
            visit_expr(*v);
            addop(op(Op::LIST_APPEND), 1);
        }
        addop(op(Op::PRECALL), 1);
        addop(op(Op::CALL), 1);
        return;
    }
    for (const auto& v : e.values) visit_expr(*v);
    if (count != 1) addop(op(Op::BUILD_STRING), static_cast<int>(count));
}

namespace {

struct FormatPart {
    bool literal = true;
    std::string text;  // literal text, or the format spec
    const ast::Expr* arg = nullptr;
    int conversion = 0;
    bool has_spec = false;
};

// ast_opt.c simple_format_arg_parse + parse_format for one `%...` unit after the '%'.
bool parse_format_unit(const std::string& fmt, size_t& pos, const ast::Expr* arg, FormatPart& part) {
    constexpr int kMaxDigits = 3;
    size_t len = fmt.size();
    char ch = 0;
    auto nextc = [&]() {
        if (pos >= len) return false;
        ch = fmt[pos++];
        return true;
    };
    bool ljust = false;
    while (true) {
        if (!nextc()) return false;
        if (ch == '-') { ljust = true; continue; }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
        break;
    }
    int width = -1, prec = -1;
    if (ch >= '0' && ch <= '9') {
        width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (ch - '0');
            if (!nextc()) return false;
            if (++digits >= kMaxDigits) return false;
        }
    }
    if (ch == '.') {
        if (!nextc()) return false;
        prec = 0;
        if (ch >= '0' && ch <= '9') {
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                prec = prec * 10 + (ch - '0');
                if (!nextc()) return false;
                if (++digits >= kMaxDigits) return false;
            }
        }
    }
    if (ch != 's' && ch != 'r' && ch != 'a') return false;
    std::string spec;
    if (!ljust && width > 0) spec += '>';
    if (width >= 0) spec += std::to_string(width);
    if (prec >= 0) spec += "." + std::to_string(prec);
    part.literal = false;
    part.arg = arg;
    part.conversion = ch == 's' ? 1 : ch == 'r' ? 2 : 3;
    part.has_spec = !spec.empty();
    part.text = spec;
    return true;
}

}  // namespace

bool Compiler::percent_format(const ast::Expr& e) {
    auto lv = fold(*e.a);
    if (!lv || lv->kind != Constant::Kind::Str) return false;
    const ast::Expr& rhs = *e.b;
    if (rhs.kind != ast::ExprKind::Tuple || has_starred_elt(rhs.values) || fold(rhs)) return false;
    const std::string& fmt = lv->text;
    std::vector<FormatPart> parts;
    size_t pos = 0, cnt = 0;
    while (true) {
        size_t start = pos;
        bool has_percents = false;
        while (pos < fmt.size()) {
            if (fmt[pos] != '%') {
                ++pos;
            } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if (pos != start) {
            FormatPart lit;
            lit.text = fmt.substr(start, pos - start);
            if (has_percents) {
                std::string unescaped;
                for (size_t i = 0; i < lit.text.size(); ++i) {
                    unescaped += lit.text[i];
                    if (lit.text[i] == '%' && i + 1 < lit.text.size() && lit.text[i + 1] == '%') ++i;
                }
                lit.text = unescaped;
            }
            parts.push_back(lit);
        }
        if (pos >= fmt.size()) break;
        if (cnt >= rhs.values.size()) return false;
        ++pos;
        FormatPart part;
        if (!parse_format_unit(fmt, pos, rhs.values[cnt].get(), part)) return false;
        ++cnt;
        parts.push_back(part);
    }
    if (cnt < rhs.values.size()) return false;
    // compile as the JoinedStr ast_opt builds: literals carry no location
    auto literal = [&](const std::string& text) {
        Loc saved = u_->loc;
        u_->loc = Loc{};
        load_const(str_const(text));
        u_->loc = saved;
    };
    auto part_code = [&](const FormatPart& p) {
        if (p.literal) {
            literal(p.text);
            return;
        }
        Loc saved = u_->loc;
        set_loc(p.arg->pos);
        visit_expr(*p.arg);
        if (p.has_spec) literal(p.text);
        addop(op(Op::FORMAT_VALUE), p.conversion | (p.has_spec ? 0x04 : 0));
        u_->loc = saved;
    };
    if (parts.size() > 30) {
        load_const(str_const(""));
        addop_name(op(Op::LOAD_METHOD), "join");
        addop(op(Op::BUILD_LIST), 0);
        for (const auto& p : parts) {
            part_code(p);
            addop(op(Op::LIST_APPEND), 1);
        }
        addop(op(Op::PRECALL), 1);
        addop(op(Op::CALL), 1);
        return true;
    }
    for (const auto& p : parts) part_code(p);
    if (parts.size() != 1) addop(op(Op::BUILD_STRING), static_cast<int>(parts.size()));
    return true;
}

void Compiler::formatted_value(const ast::Expr& e) {
    visit_expr(*e.a);
    int oparg = 0;
    switch (e.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
    }
    if (e.b) {
        visit_expr(*e.b);
        oparg |= 0x04;
    }
    addop(op(Op::FORMAT_VALUE), oparg);
}

}  // namespace ys::compile
