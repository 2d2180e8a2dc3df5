#include "lang/code.h"

#include <algorithm>

namespace ys {

namespace {

std::vector<std::string> names_of_kind(const CodeObject& code, uint8_t kind) {
    std::vector<std::string> out;
    for (size_t i = 0; i < code.co_localsplusnames.size(); ++i) {
        if (i < code.co_localspluskinds.size() && (code.co_localspluskinds[i] & kind)) {
            out.push_back(code.co_localsplusnames[i]);
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> CodeObject::varnames() const { return names_of_kind(*this, CO_FAST_LOCAL); }

std::vector<std::string> CodeObject::cellvars() const { return names_of_kind(*this, CO_FAST_CELL); }

std::vector<std::string> CodeObject::freevars() const { return names_of_kind(*this, CO_FAST_FREE); }

// The table is sorted by start and entries do not overlap, so a binary search on the
// start finds the only candidate (CPython's get_exception_handler scans it the same way).
const ExceptionTableEntry* CodeObject::handler_for(int unit) const {
    auto it = std::upper_bound(exception_table.begin(), exception_table.end(), unit,
                               [](int u, const ExceptionTableEntry& e) { return u < e.start; });
    if (it == exception_table.begin()) return nullptr;
    --it;
    return unit < it->end ? &*it : nullptr;
}

}  // namespace ys
