// The compiler's driver: code units (one per code object), basic blocks, emitting
// instructions with their source locations, constants and names, and name
// resolution (compiler_nameop). Statements, expressions, definitions and try/with
// are in compile_*.cpp; the CFG optimizer and assembler in assembler.cpp.
#include "lang/compiler.h"

#include <algorithm>

#include "lang/assembler.h"
#include "lang/compile_unit.h"
#include "lang/parser.h"

namespace ys {

namespace compile {

namespace {

int index_of(std::vector<std::string>& list, const std::string& name, bool add) {
    auto it = std::find(list.begin(), list.end(), name);
    if (it != list.end()) return static_cast<int>(it - list.begin());
    if (!add) return -1;
    list.push_back(name);
    return static_cast<int>(list.size()) - 1;
}

std::vector<std::string> names_with_scope(const symtable::Entry& ste, symtable::Scope scope, int flag) {
    std::vector<std::string> out;
    for (const auto& name : ste.order) {
        auto sc = ste.scope_of(name);
        if (sc == scope || (flag && (ste.symbol_flags(name) & flag))) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

[[noreturn]] void Compiler::error(const std::string& msg) { throw CompileError{msg, u_->loc}; }

void Compiler::set_loc(const ast::Pos& p) {
    u_->loc = Loc{p.lineno, p.end_lineno, p.col_offset, p.end_col_offset};
}

Block* Compiler::new_block() {
    u_->blocks.push_back(std::make_unique<Block>());
    return u_->blocks.back().get();
}

void Compiler::use_next_block(Block* b) {
    u_->cur->next = b;
    u_->cur = b;
}

void Compiler::next_block() { use_next_block(new_block()); }

// 3.11 keeps compiling into the block that ends with `return` (no new block), and
// what follows there is dead: it is dropped, so its jumps reach nothing and an
// ending `return` means no implicit `return None` (and no None constant) is added.
bool Compiler::after_return() const {
    return !u_->cur->instrs.empty() && u_->cur->instrs.back().opcode == op(Op::RETURN_VALUE);
}

void Compiler::addop(int opcode, int oparg) {
    if (after_return()) return;
    Instr i;
    i.opcode = opcode;
    i.oparg = oparg;
    i.loc = u_->loc;
    u_->cur->instrs.push_back(i);
    if (opcode == op(Op::RETURN_VALUE)) u_->cur->has_return = true;
}

void Compiler::addop_noline(int opcode, int oparg) {
    Loc saved = u_->loc;
    u_->loc = Loc{};
    addop(opcode, oparg);
    u_->loc = saved;
}

void Compiler::addop_jump(int opcode, Block* target) {
    if (after_return()) return;
    Instr i;
    i.opcode = opcode;
    i.target = target;
    i.loc = u_->loc;
    u_->cur->instrs.push_back(i);
}

void Compiler::addop_jump_noline(int opcode, Block* target) {
    Loc saved = u_->loc;
    u_->loc = Loc{};
    addop_jump(opcode, target);
    u_->loc = saved;
}

int Compiler::add_const(const Constant& c) {
    auto& consts = u_->consts;
    for (size_t i = 0; i < consts.size(); ++i) {
        if (const_equal(consts[i], c)) return static_cast<int>(i);
    }
    consts.push_back(c);
    return static_cast<int>(consts.size()) - 1;
}

void Compiler::load_const(const Constant& c) { addop(op(Op::LOAD_CONST), add_const(c)); }

int Compiler::add_name(const std::string& name) { return index_of(u_->names, name, true); }

void Compiler::addop_name(int opcode, const std::string& name) {
    addop(opcode, add_name(symtable::mangle(u_->private_name, name)));
}

int Compiler::deref_index(const std::string& name) {
    int i = index_of(u_->cellvars, name, false);
    if (i >= 0) return i;
    i = index_of(u_->freevars, name, false);
    if (i >= 0) return static_cast<int>(u_->cellvars.size()) + i;
    error("compiler: no cell or free variable '" + name + "'");
}

void Compiler::nameop(const std::string& raw, ast::ExprContext ctx) {
    using symtable::Scope;
    std::string name = symtable::mangle(u_->private_name, raw);
    Scope scope = u_->ste->scope_of(name);
    bool function = u_->ste->type == symtable::BlockType::Function;
    enum { NAME, FAST, DEREF, GLOBAL } optype = NAME;
    switch (scope) {
    case Scope::Free:
    case Scope::Cell:
        optype = DEREF;
        break;
    case Scope::Local:
        if (function) optype = FAST;
        break;
    case Scope::GlobalImplicit:
        if (function) optype = GLOBAL;
        break;
    case Scope::GlobalExplicit:
        optype = GLOBAL;
        break;
    default:
        break;
    }
    switch (optype) {
    case DEREF: {
        int o = ctx == ast::ExprContext::Load
                    ? (u_->ste->type == symtable::BlockType::Class ? op(Op::LOAD_CLASSDEREF) : op(Op::LOAD_DEREF))
                : ctx == ast::ExprContext::Store ? op(Op::STORE_DEREF)
                                                 : op(Op::DELETE_DEREF);
        addop(o, deref_index(name));
        return;
    }
    case FAST: {
        int o = ctx == ast::ExprContext::Load    ? op(Op::LOAD_FAST)
                : ctx == ast::ExprContext::Store ? op(Op::STORE_FAST)
                                                 : op(Op::DELETE_FAST);
        addop(o, index_of(u_->varnames, name, true));
        return;
    }
    case GLOBAL: {
        int arg = add_name(name);
        if (ctx == ast::ExprContext::Load) addop(op(Op::LOAD_GLOBAL), arg << 1);
        else addop(ctx == ast::ExprContext::Store ? op(Op::STORE_GLOBAL) : op(Op::DELETE_GLOBAL), arg);
        return;
    }
    case NAME: {
        int o = ctx == ast::ExprContext::Load    ? op(Op::LOAD_NAME)
                : ctx == ast::ExprContext::Store ? op(Op::STORE_NAME)
                                                 : op(Op::DELETE_NAME);
        addop(o, add_name(name));
        return;
    }
    }
}

void Compiler::enter_scope(const std::string& name, ScopeType type, const void* node, int lineno) {
    auto unit = std::make_unique<Unit>();
    unit->ste = st_.lookup(node);
    if (!unit->ste) throw CompileError{"compiler: missing symbol table entry", u_ ? u_->loc : Loc{}};
    unit->scope_type = type;
    unit->name = name;
    unit->varnames = unit->ste->varnames;
    unit->cellvars = names_with_scope(*unit->ste, symtable::Scope::Cell, 0);
    if (unit->ste->needs_class_closure) unit->cellvars.insert(unit->cellvars.begin(), "__class__");
    unit->freevars = names_with_scope(*unit->ste, symtable::Scope::Free, symtable::DEF_FREE_CLASS);
    unit->firstlineno = lineno;
    unit->loc = Loc{lineno, lineno, 0, 0};
    if (u_) unit->private_name = u_->private_name;
    stack_.push_back(std::move(unit));
    u_ = stack_.back().get();
    u_->entry = new_block();
    u_->cur = u_->entry;
    if (type == ScopeType::Module) {
        u_->loc.lineno = 0;
    } else {
        set_qualname();
    }
    addop(op(Op::RESUME), 0);
}

void Compiler::set_qualname() {
    Unit* u = u_;
    std::string base;
    bool have_base = false;
    if (stack_.size() > 1) {
        Unit* parent = stack_[stack_.size() - 2].get();
        bool force_global = false;
        if (u->scope_type == ScopeType::Function || u->scope_type == ScopeType::AsyncFunction ||
            u->scope_type == ScopeType::Class) {
            std::string mangled = symtable::mangle(parent->private_name, u->name);
            if (parent->ste->scope_of(mangled) == symtable::Scope::GlobalExplicit) force_global = true;
        }
        if (!force_global) {
            if (parent->scope_type == ScopeType::Function || parent->scope_type == ScopeType::AsyncFunction ||
                parent->scope_type == ScopeType::Lambda) {
                base = parent->qualname + ".<locals>";
            } else {
                base = parent->qualname;
            }
            have_base = parent->scope_type != ScopeType::Module;
        }
    }
    u->qualname = have_base ? base + "." + u->name : u->name;
}

CodePtr Compiler::exit_scope_assemble(bool add_none) {
    if (!u_->cur->has_return) {
        unset_loc();
        if (add_none) load_const(none_const());
        addop(op(Op::RETURN_VALUE));
    }
    CodePtr code = assemble(*u_, filename_, code_flags(*u_));
    stack_.pop_back();
    u_ = stack_.empty() ? nullptr : stack_.back().get();
    return code;
}

CodePtr Compiler::compile_module(const ast::Module& module) {
    enter_scope("<module>", ScopeType::Module, &module, 1);
    body(module.body);
    return exit_scope_assemble(true);
}

}  // namespace compile

namespace {

std::string source_line(std::string_view source, int lineno) {
    int line = 1;
    size_t start = 0;
    while (line < lineno) {
        size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) return "";
        start = nl + 1;
        ++line;
    }
    size_t end = source.find('\n', start);
    std::string_view text = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return std::string(text);
}

}  // namespace

CompileResult compile_module(const ast::Module& module, std::string_view source, const std::string& filename) {
    CompileResult result;
    auto table = symtable::build(module, result.error);
    if (!table) {
        result.error.filename = filename;
        result.error.text = source_line(source, result.error.lineno);
        return result;
    }
    try {
        compile::Compiler compiler(*table, filename);
        result.code = compiler.compile_module(module);
    } catch (const compile::CompileError& e) {
        result.error.type = "SyntaxError";
        result.error.msg = e.msg;
        result.error.filename = filename;
        result.error.lineno = e.loc.lineno;
        result.error.offset = e.loc.col + 1;
        result.error.end_lineno = e.loc.end_lineno;
        result.error.end_offset = e.loc.end_col + 1;
        result.error.text = source_line(source, e.loc.lineno);
    }
    return result;
}

CompileResult compile_source(std::string_view source, const std::string& filename) {
    ParseResult parsed = parse_module(source, filename);
    if (!parsed.module) {
        CompileResult result;
        result.error = parsed.error;
        return result;
    }
    return compile_module(*parsed.module, source, filename);
}

}  // namespace ys
