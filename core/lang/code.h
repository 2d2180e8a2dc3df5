// Code objects: what the compiler produces and the VM runs, laid out like CPython 3.11's
// PyCodeObject so the diagrams and `dis` show the same fields a student finds in CPython.
// This header is the contract between core/lang (producer) and core/vm, core/trace,
// core/view (readers); it has no dependency on the VM's object model.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ys {

struct CodeObject;

// An entry of co_consts. The VM turns these into its own objects when a code object is
// first run; the trace stores them as they are, so a trace never needs the VM.
struct Constant {
    enum class Kind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Str, Tuple,
                                FrozenSet, Code };
    Kind kind = Kind::None;
    int64_t int_value = 0;
    double float_value = 0.0;
    std::string text;                    // Str contents; BigInt decimal digits (with sign)
    std::vector<Constant> items;         // Tuple / FrozenSet elements
    std::shared_ptr<const CodeObject> code;  // Code
};

// co_flags bits, CPython's values.
enum CodeFlags : uint32_t {
    CO_OPTIMIZED = 0x0001,
    CO_NEWLOCALS = 0x0002,
    CO_VARARGS = 0x0004,
    CO_VARKEYWORDS = 0x0008,
    CO_NESTED = 0x0010,
    CO_GENERATOR = 0x0020,
    CO_NOFREE = 0x0040,
    CO_COROUTINE = 0x0080,
    CO_ITERABLE_COROUTINE = 0x0100,
    CO_ASYNC_GENERATOR = 0x0200,
};

// Kind bits of co_localspluskinds (CPython's CO_FAST_*).
enum LocalKind : uint8_t {
    CO_FAST_LOCAL = 0x20,
    CO_FAST_CELL = 0x40,
    CO_FAST_FREE = 0x80,
};

// Where one instruction came from, as co_positions() reports it. Lines are 1-based,
// columns 0-based byte offsets; -1 where CPython has None.
struct Position {
    int line = -1;
    int end_line = -1;
    int col = -1;
    int end_col = -1;
};

// One row of the 3.11 zero-cost exception table: instructions in [start, end) (in code
// units) jump to `target` with the value stack cut to `depth`, pushing lasti first when
// `push_lasti` is set.
struct ExceptionTableEntry {
    int start = 0;
    int end = 0;
    int target = 0;
    int depth = 0;
    bool push_lasti = false;
};

struct CodeObject {
    std::string co_name;
    std::string co_qualname;
    std::string co_filename;
    int co_firstlineno = 1;
    int co_argcount = 0;
    int co_posonlyargcount = 0;
    int co_kwonlyargcount = 0;
    int co_stacksize = 0;
    uint32_t co_flags = 0;

    // Bytecode in CPython 3.11's encoding: 2-byte code units, opcode then oparg, with
    // the CACHE units after instructions that have inline caches. Offsets in the
    // exception table, positions and jumps are in code units; Python-visible `f_lasti`
    // is the byte offset (unit index * 2), as in CPython.
    std::vector<uint8_t> co_code;
    std::vector<Constant> co_consts;
    std::vector<std::string> co_names;
    // Locals, cells and free variables in one array, like co_localsplusnames.
    std::vector<std::string> co_localsplusnames;
    std::vector<uint8_t> co_localspluskinds;
    // One entry per code unit (CACHE units included), so positions[i] is unit i's.
    std::vector<Position> positions;
    std::vector<ExceptionTableEntry> exception_table;

    int code_units() const { return static_cast<int>(co_code.size() / 2); }
    int nlocalsplus() const { return static_cast<int>(co_localsplusnames.size()); }
    // Derived views, in CPython's order.
    std::vector<std::string> varnames() const;  // CO_FAST_LOCAL entries
    std::vector<std::string> cellvars() const;  // CO_FAST_CELL entries
    std::vector<std::string> freevars() const;  // CO_FAST_FREE entries
    int line_of_unit(int unit) const {
        return unit >= 0 && unit < static_cast<int>(positions.size()) ? positions[unit].line : -1;
    }
    // CPython's bisect-based lookup: the handler covering `unit`, or null.
    const ExceptionTableEntry* handler_for(int unit) const;
};

using CodePtr = std::shared_ptr<const CodeObject>;

}  // namespace ys
