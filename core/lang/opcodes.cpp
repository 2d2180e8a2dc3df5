#include "lang/opcodes.h"

#include <array>

namespace ys {

namespace {
constexpr std::array<OpInfo, 256> build_table() {
    std::array<OpInfo, 256> table{};
#define YS_OP_INFO(name, num, cache, flags) table[num] = OpInfo{#name, cache, flags};
    YS_OPCODES(YS_OP_INFO)
#undef YS_OP_INFO
    return table;
}
constexpr std::array<OpInfo, 256> kOpTable = build_table();

constexpr const char* kNbText[] = {
#define YS_NB_TEXT(name, num, text) text,
    YS_BINARY_OPS(YS_NB_TEXT)
#undef YS_NB_TEXT
};
}  // namespace

const OpInfo& op_info(unsigned char opcode) { return kOpTable[opcode]; }

const char* nb_op_text(unsigned arg) {
    return arg < sizeof(kNbText) / sizeof(kNbText[0]) ? kNbText[arg] : "?";
}

}  // namespace ys
