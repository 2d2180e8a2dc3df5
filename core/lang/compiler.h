// AST -> code objects, emitting CPython 3.11's bytecode for the same source so that
// `f_lasti` and the `dis` listing are the numbers a student sees in CPython.
#pragma once

#include <string>
#include <string_view>

#include "lang/ast.h"
#include "lang/code.h"
#include "lang/syntax_error.h"

namespace ys {

struct CompileResult {
    CodePtr code;           // the module's code object on success
    SyntaxErrorInfo error;  // meaningful when !code (symbol-table and compile errors)
};

CompileResult compile_module(const ast::Module& module, std::string_view source,
                             const std::string& filename);

// Parse + compile in one step: what `run`, `dis` and `record` use.
CompileResult compile_source(std::string_view source, const std::string& filename);

}  // namespace ys
