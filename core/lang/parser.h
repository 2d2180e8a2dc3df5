// Source text -> AST (core/lang/ast.h), or the first SyntaxError as CPython reports it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lang/ast.h"
#include "lang/syntax_error.h"

namespace ys {

struct ParseResult {
    std::optional<ast::Module> module;  // set on success
    SyntaxErrorInfo error;              // meaningful when !module
};

ParseResult parse_module(std::string_view source, const std::string& filename);

}  // namespace ys
