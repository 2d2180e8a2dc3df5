// Internal to the compiler: the instruction/basic-block graph each code object is
// built in (CPython 3.11's `struct instr` / `basicblock` / `compiler_unit`), and the
// Compiler class whose methods are spread over compile_*.cpp by concept.
#pragma once

#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/code.h"
#include "lang/opcodes.h"
#include "lang/symtable.h"
#include "lang/syntax_error.h"

namespace ys::compile {

// Pseudo-instructions that exist only in the graph (CPython's virtual opcodes); the
// assembler turns them into real ones or removes them.
enum Pseudo : int {
    SETUP_FINALLY = 256,
    SETUP_CLEANUP,
    SETUP_WITH,
    POP_BLOCK,
    JUMP,
    JUMP_NO_INTERRUPT,
    POP_JUMP_IF_FALSE,
    POP_JUMP_IF_TRUE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
};

inline constexpr int op(Op o) { return static_cast<int>(o); }

struct Loc {
    int lineno = -1;
    int end_lineno = -1;
    int col = -1;
    int end_col = -1;
};

struct Block;

struct Instr {
    int opcode = 0;
    int oparg = 0;
    Block* target = nullptr;  // jumps and SETUP_*
    Loc loc;
    Block* except = nullptr;  // handler covering this instruction (assembler)
};

struct Block {
    std::vector<Instr> instrs;
    Block* next = nullptr;  // layout order
    bool exit = false;
    bool nofallthrough = false;
    bool has_return = false;
    bool visited = false;
    bool preserve_lasti = false;
    int predecessors = 0;
    int startdepth = INT_MIN;
    int offset = 0;
    std::shared_ptr<std::vector<Block*>> exceptstack;
};

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

enum class FBlockType {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
    PopValue, ExceptionHandler, AsyncComprehensionGenerator
};

struct FBlock {
    explicit FBlock(FBlockType t, Block* b = nullptr, Block* e = nullptr) : type(t), block(b), exit(e) {}
    FBlockType type;
    Block* block = nullptr;
    Block* exit = nullptr;
    const ast::StmtList* finalbody = nullptr;  // FinallyTry
    const ast::Stmt* with = nullptr;            // With / AsyncWith
    std::string name;                           // HandlerCleanup: the `as` name
};

struct Unit {
    symtable::Entry* ste = nullptr;
    ScopeType scope_type = ScopeType::Module;
    std::string name;
    std::string qualname;
    std::string private_name;
    std::vector<Constant> consts;
    std::vector<std::string> names;
    std::vector<std::string> varnames;
    std::vector<std::string> cellvars;
    std::vector<std::string> freevars;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int firstlineno = 0;
    std::vector<std::unique_ptr<Block>> blocks;  // allocation order
    Block* entry = nullptr;
    Block* cur = nullptr;
    Loc loc;
    std::vector<FBlock> fblocks;
};

struct CompileError {
    std::string msg;
    Loc loc;
};

// Python-level helpers on constants (shared by compiler and assembler).
bool const_equal(const Constant& a, const Constant& b);
bool const_truthy(const Constant& c);
Constant none_const();
Constant int_const(int64_t v);
Constant str_const(const std::string& s);
// frozenset(items) as Python builds it: equal elements (1, 1.0, True) kept once.
Constant make_frozenset(const std::vector<Constant>& items);

// AST-level constant folding as CPython's ast_opt.c does it before compiling.
std::optional<Constant> fold(const ast::Expr& e);
// fold_iter: a list display without `*` as a constant tuple, a set display as a frozenset.
std::optional<Constant> fold_iter_const(const ast::Expr& e);
Constant from_ast_constant(const ast::ConstantValue& v);

class Compiler {
public:
    Compiler(symtable::Table& table, std::string filename) : st_(table), filename_(std::move(filename)) {}
    CodePtr compile_module(const ast::Module& module);

private:
    symtable::Table& st_;
    std::string filename_;
    std::vector<std::unique_ptr<Unit>> stack_;
    Unit* u_ = nullptr;
    bool invert_next_compare_ = false;  // compile the next Compare with its operator inverted

    // ---- units, blocks, emission (compiler.cpp) ----
    void enter_scope(const std::string& name, ScopeType type, const void* node, int lineno);
    CodePtr exit_scope_assemble(bool add_none);
    Block* new_block();
    void use_next_block(Block* b);
    void next_block();
    bool after_return() const;
    void addop(int opcode, int oparg = 0);
    void addop_noline(int opcode, int oparg = 0);
    void addop_jump(int opcode, Block* target);
    void addop_jump_noline(int opcode, Block* target);
    void load_const(const Constant& c);
    int add_const(const Constant& c);
    int add_name(const std::string& name);
    void addop_name(int opcode, const std::string& name);
    void nameop(const std::string& name, ast::ExprContext ctx);
    void set_loc(const ast::Pos& p);
    void unset_loc() { u_->loc = Loc{}; }
    [[noreturn]] void error(const std::string& msg);
    int deref_index(const std::string& name);  // index in cellvars + freevars (fixed by the assembler)
    void set_qualname();

    // ---- definitions (compile_def.cpp) ----
    void function_def(const ast::Stmt& s, bool is_async);
    void class_def(const ast::Stmt& s);
    void lambda(const ast::Expr& e);
    int default_arguments(const ast::Arguments& args);
    void decorators(const ast::ExprList& decos);
    void apply_decorators(const ast::ExprList& decos);
    void make_closure(const CodePtr& code, int flags);
    void body(const ast::StmtList& stmts);

    // ---- statements (compile_stmt.cpp) ----
    void visit_stmt(const ast::Stmt& s);
    void visit_stmts(const ast::StmtList& list) {
        for (const auto& s : list) visit_stmt(*s);
    }
    void stmt_expr(const ast::Expr& value);
    void assign(const ast::Stmt& s);
    void augassign(const ast::Stmt& s);
    void annassign(const ast::Stmt& s);
    void if_stmt(const ast::Stmt& s);
    void while_stmt(const ast::Stmt& s);
    void for_stmt(const ast::Stmt& s);
    void async_for(const ast::Stmt& s);
    void return_stmt(const ast::Stmt& s);
    void break_stmt();
    void continue_stmt();
    void raise_stmt(const ast::Stmt& s);
    void assert_stmt(const ast::Stmt& s);
    void import_stmt(const ast::Stmt& s);
    void import_from(const ast::Stmt& s);

    // ---- exceptions and context managers (compile_try.cpp) ----
    void try_stmt(const ast::Stmt& s);
    void try_except(const ast::Stmt& s);
    void try_finally(const ast::Stmt& s);
    void with_stmt(const ast::Stmt& s, size_t pos);
    void async_with(const ast::Stmt& s, size_t pos);
    void with_except_finish(Block* cleanup);
    void call_exit_with_nones();
    void pop_except_and_reraise();
    void add_yield_from(bool await);
    void push_fblock(FBlock fb);
    void pop_fblock();
    void unwind_fblock(const FBlock& info, bool preserve_tos);
    void unwind_fblock_stack(bool preserve_tos, FBlock** loop);

    // ---- expressions (compile_expr.cpp) ----
    void visit_expr(const ast::Expr& e);
    void visit_expr1(const ast::Expr& e);
    void visit_iter(const ast::Expr& e);  // ast_opt fold_iter: list -> tuple, set -> frozenset
    void jump_if(const ast::Expr& e, Block* next, bool cond);
    void jump_if1(const ast::Expr& e, Block* next, bool cond);
    void boolop(const ast::Expr& e);
    void compare(const ast::Expr& e);
    void addcompare(ast::CmpOpKind op);
    void ifexp(const ast::Expr& e);
    void attribute(const ast::Expr& e);
    void subscript(const ast::Expr& e);
    void slice(const ast::Expr& e);
    void list_or_tuple(const ast::Expr& e, bool is_tuple);
    void set_display(const ast::Expr& e);
    void dict_display(const ast::Expr& e);
    void subdict(const ast::Expr& e, size_t begin, size_t end);
    void starunpack(const ast::ExprList& elts, int pushed, int build, int add, int extend, bool tuple);
    void assignment_helper(const ast::ExprList& elts);
    void yield_expr(const ast::Expr& e);
    void joined_str(const ast::Expr& e);
    bool percent_format(const ast::Expr& e);  // ast_opt: '%s %r' % (a, b) as an f-string
    void formatted_value(const ast::Expr& e);
    void update_start_location_to_match_attr(const ast::Expr& attr);

    // ---- calls and comprehensions (compile_call.cpp) ----
    void call(const ast::Expr& e);
    bool maybe_optimize_method_call(const ast::Expr& e);
    void call_helper(int n, const ast::ExprList& args, const std::vector<ast::Keyword>& keywords);
    void call_simple_kw_helper(const std::vector<ast::Keyword>& keywords);
    void subkwargs(const std::vector<ast::Keyword>& keywords, size_t begin, size_t end);
    bool is_import_originated(const ast::Expr& e);
    void comprehension(const ast::Expr& e, int type, const std::string& name);
    void comprehension_generator(const ast::Expr& e, size_t gen_index, int depth, int type);
    void sync_comprehension_generator(const ast::Expr& e, size_t gen_index, int depth, int type);
    void async_comprehension_generator(const ast::Expr& e, size_t gen_index, int depth, int type);
    void comprehension_element(const ast::Expr& e, int type, int depth);
};

}  // namespace ys::compile
