// CPython 3.11's opcode table: the one list the compiler, the eval loop, the
// disassembler, the trace and the GUI labels all read.
// X(NAME, number, inline cache entries, flags)
// flags: OPF_ARG (takes an argument), OPF_JFWD / OPF_JBACK (relative jump forward / backward)
// Checked against python3's opcode module by tests/lang/check_opcode_table.py.
#pragma once

#define YS_OPCODES(X) \
    X(CACHE, 0, 0, 0) \
    X(POP_TOP, 1, 0, 0) \
    X(PUSH_NULL, 2, 0, 0) \
    X(NOP, 9, 0, 0) \
    X(UNARY_POSITIVE, 10, 0, 0) \
    X(UNARY_NEGATIVE, 11, 0, 0) \
    X(UNARY_NOT, 12, 0, 0) \
    X(UNARY_INVERT, 15, 0, 0) \
    X(BINARY_SUBSCR, 25, 4, 0) \
    X(GET_LEN, 30, 0, 0) \
    X(MATCH_MAPPING, 31, 0, 0) \
    X(MATCH_SEQUENCE, 32, 0, 0) \
    X(MATCH_KEYS, 33, 0, 0) \
    X(PUSH_EXC_INFO, 35, 0, 0) \
    X(CHECK_EXC_MATCH, 36, 0, 0) \
    X(CHECK_EG_MATCH, 37, 0, 0) \
    X(WITH_EXCEPT_START, 49, 0, 0) \
    X(GET_AITER, 50, 0, 0) \
    X(GET_ANEXT, 51, 0, 0) \
    X(BEFORE_ASYNC_WITH, 52, 0, 0) \
    X(BEFORE_WITH, 53, 0, 0) \
    X(END_ASYNC_FOR, 54, 0, 0) \
    X(STORE_SUBSCR, 60, 1, 0) \
    X(DELETE_SUBSCR, 61, 0, 0) \
    X(GET_ITER, 68, 0, 0) \
    X(GET_YIELD_FROM_ITER, 69, 0, 0) \
    X(PRINT_EXPR, 70, 0, 0) \
    X(LOAD_BUILD_CLASS, 71, 0, 0) \
    X(LOAD_ASSERTION_ERROR, 74, 0, 0) \
    X(RETURN_GENERATOR, 75, 0, 0) \
    X(LIST_TO_TUPLE, 82, 0, 0) \
    X(RETURN_VALUE, 83, 0, 0) \
    X(IMPORT_STAR, 84, 0, 0) \
    X(SETUP_ANNOTATIONS, 85, 0, 0) \
    X(YIELD_VALUE, 86, 0, 0) \
    X(ASYNC_GEN_WRAP, 87, 0, 0) \
    X(PREP_RERAISE_STAR, 88, 0, 0) \
    X(POP_EXCEPT, 89, 0, 0) \
    X(STORE_NAME, 90, 0, OPF_ARG) \
    X(DELETE_NAME, 91, 0, OPF_ARG) \
    X(UNPACK_SEQUENCE, 92, 1, OPF_ARG) \
    X(FOR_ITER, 93, 0, OPF_ARG|OPF_JFWD) \
    X(UNPACK_EX, 94, 0, OPF_ARG) \
    X(STORE_ATTR, 95, 4, OPF_ARG) \
    X(DELETE_ATTR, 96, 0, OPF_ARG) \
    X(STORE_GLOBAL, 97, 0, OPF_ARG) \
    X(DELETE_GLOBAL, 98, 0, OPF_ARG) \
    X(SWAP, 99, 0, OPF_ARG) \
    X(LOAD_CONST, 100, 0, OPF_ARG) \
    X(LOAD_NAME, 101, 0, OPF_ARG) \
    X(BUILD_TUPLE, 102, 0, OPF_ARG) \
    X(BUILD_LIST, 103, 0, OPF_ARG) \
    X(BUILD_SET, 104, 0, OPF_ARG) \
    X(BUILD_MAP, 105, 0, OPF_ARG) \
    X(LOAD_ATTR, 106, 4, OPF_ARG) \
    X(COMPARE_OP, 107, 2, OPF_ARG) \
    X(IMPORT_NAME, 108, 0, OPF_ARG) \
    X(IMPORT_FROM, 109, 0, OPF_ARG) \
    X(JUMP_FORWARD, 110, 0, OPF_ARG|OPF_JFWD) \
    X(JUMP_IF_FALSE_OR_POP, 111, 0, OPF_ARG|OPF_JFWD) \
    X(JUMP_IF_TRUE_OR_POP, 112, 0, OPF_ARG|OPF_JFWD) \
    X(POP_JUMP_FORWARD_IF_FALSE, 114, 0, OPF_ARG|OPF_JFWD) \
    X(POP_JUMP_FORWARD_IF_TRUE, 115, 0, OPF_ARG|OPF_JFWD) \
    X(LOAD_GLOBAL, 116, 5, OPF_ARG) \
    X(IS_OP, 117, 0, OPF_ARG) \
    X(CONTAINS_OP, 118, 0, OPF_ARG) \
    X(RERAISE, 119, 0, OPF_ARG) \
    X(COPY, 120, 0, OPF_ARG) \
    X(BINARY_OP, 122, 1, OPF_ARG) \
    X(SEND, 123, 0, OPF_ARG|OPF_JFWD) \
    X(LOAD_FAST, 124, 0, OPF_ARG) \
    X(STORE_FAST, 125, 0, OPF_ARG) \
    X(DELETE_FAST, 126, 0, OPF_ARG) \
    X(POP_JUMP_FORWARD_IF_NOT_NONE, 128, 0, OPF_ARG|OPF_JFWD) \
    X(POP_JUMP_FORWARD_IF_NONE, 129, 0, OPF_ARG|OPF_JFWD) \
    X(RAISE_VARARGS, 130, 0, OPF_ARG) \
    X(GET_AWAITABLE, 131, 0, OPF_ARG) \
    X(MAKE_FUNCTION, 132, 0, OPF_ARG) \
    X(BUILD_SLICE, 133, 0, OPF_ARG) \
    X(JUMP_BACKWARD_NO_INTERRUPT, 134, 0, OPF_ARG|OPF_JBACK) \
    X(MAKE_CELL, 135, 0, OPF_ARG) \
    X(LOAD_CLOSURE, 136, 0, OPF_ARG) \
    X(LOAD_DEREF, 137, 0, OPF_ARG) \
    X(STORE_DEREF, 138, 0, OPF_ARG) \
    X(DELETE_DEREF, 139, 0, OPF_ARG) \
    X(JUMP_BACKWARD, 140, 0, OPF_ARG|OPF_JBACK) \
    X(CALL_FUNCTION_EX, 142, 0, OPF_ARG) \
    X(EXTENDED_ARG, 144, 0, OPF_ARG) \
    X(LIST_APPEND, 145, 0, OPF_ARG) \
    X(SET_ADD, 146, 0, OPF_ARG) \
    X(MAP_ADD, 147, 0, OPF_ARG) \
    X(LOAD_CLASSDEREF, 148, 0, OPF_ARG) \
    X(COPY_FREE_VARS, 149, 0, OPF_ARG) \
    X(RESUME, 151, 0, OPF_ARG) \
    X(MATCH_CLASS, 152, 0, OPF_ARG) \
    X(FORMAT_VALUE, 155, 0, OPF_ARG) \
    X(BUILD_CONST_KEY_MAP, 156, 0, OPF_ARG) \
    X(BUILD_STRING, 157, 0, OPF_ARG) \
    X(LOAD_METHOD, 160, 10, OPF_ARG) \
    X(LIST_EXTEND, 162, 0, OPF_ARG) \
    X(SET_UPDATE, 163, 0, OPF_ARG) \
    X(DICT_MERGE, 164, 0, OPF_ARG) \
    X(DICT_UPDATE, 165, 0, OPF_ARG) \
    X(PRECALL, 166, 1, OPF_ARG) \
    X(CALL, 171, 4, OPF_ARG) \
    X(KW_NAMES, 172, 0, OPF_ARG) \
    X(POP_JUMP_BACKWARD_IF_NOT_NONE, 173, 0, OPF_ARG|OPF_JBACK) \
    X(POP_JUMP_BACKWARD_IF_NONE, 174, 0, OPF_ARG|OPF_JBACK) \
    X(POP_JUMP_BACKWARD_IF_FALSE, 175, 0, OPF_ARG|OPF_JBACK) \
    X(POP_JUMP_BACKWARD_IF_TRUE, 176, 0, OPF_ARG|OPF_JBACK)

namespace ys {
enum OpFlags : unsigned { OPF_ARG = 1u, OPF_JFWD = 2u, OPF_JBACK = 4u };

enum class Op : unsigned char {
#define YS_OP_ENUM(name, num, cache, flags) name = num,
    YS_OPCODES(YS_OP_ENUM)
#undef YS_OP_ENUM
};

// Name, cache entries and flags for any byte; unknown bytes have a null name.
struct OpInfo { const char* name; unsigned char cache_entries; unsigned flags; };
const OpInfo& op_info(unsigned char opcode);
inline const char* op_name(Op op) { return op_info(static_cast<unsigned char>(op)).name; }

// BINARY_OP's argument: NB_* in CPython's order, with the operator's spelling.
#define YS_BINARY_OPS(X) \
    X(NB_ADD, 0, "+") \
    X(NB_AND, 1, "&") \
    X(NB_FLOOR_DIVIDE, 2, "//") \
    X(NB_LSHIFT, 3, "<<") \
    X(NB_MATRIX_MULTIPLY, 4, "@") \
    X(NB_MULTIPLY, 5, "*") \
    X(NB_REMAINDER, 6, "%") \
    X(NB_OR, 7, "|") \
    X(NB_POWER, 8, "**") \
    X(NB_RSHIFT, 9, ">>") \
    X(NB_SUBTRACT, 10, "-") \
    X(NB_TRUE_DIVIDE, 11, "/") \
    X(NB_XOR, 12, "^") \
    X(NB_INPLACE_ADD, 13, "+=") \
    X(NB_INPLACE_AND, 14, "&=") \
    X(NB_INPLACE_FLOOR_DIVIDE, 15, "//=") \
    X(NB_INPLACE_LSHIFT, 16, "<<=") \
    X(NB_INPLACE_MATRIX_MULTIPLY, 17, "@=") \
    X(NB_INPLACE_MULTIPLY, 18, "*=") \
    X(NB_INPLACE_REMAINDER, 19, "%=") \
    X(NB_INPLACE_OR, 20, "|=") \
    X(NB_INPLACE_POWER, 21, "**=") \
    X(NB_INPLACE_RSHIFT, 22, ">>=") \
    X(NB_INPLACE_SUBTRACT, 23, "-=") \
    X(NB_INPLACE_TRUE_DIVIDE, 24, "/=") \
    X(NB_INPLACE_XOR, 25, "^=")
enum class NbOp : unsigned char {
#define YS_NB_ENUM(name, num, text) name = num,
    YS_BINARY_OPS(YS_NB_ENUM)
#undef YS_NB_ENUM
};
const char* nb_op_text(unsigned arg);

// COMPARE_OP's argument (cmp_op in CPython's order).
enum class CmpOp : unsigned char { LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5 };
inline constexpr const char* kCmpOpText[] = {"<", "<=", "==", "!=", ">", ">="};
}  // namespace ys
