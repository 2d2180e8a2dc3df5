#include "vm/object_address.h"

#include <unordered_map>

#include "vm/runtime.h"

namespace ys::vm {

namespace {
// Keyed by the memory, not the trace id: an object taken from a free list is a new
// object in the trace (a new id) in the same memory, and must show the same address.
// Only objects whose address was asked for are here, so the map stays small.
thread_local std::unordered_map<const Object*, uintptr_t> t_addresses;
constexpr uintptr_t kAddressBase = 0x7f0000000000ull;
}  // namespace

uintptr_t object_address(Object* o) {
    if (!t_sink || !o || !o->ob_trace_id) return reinterpret_cast<uintptr_t>(o);
    auto [it, inserted] = t_addresses.try_emplace(o, 0);
    // The first object seen in this memory names it: 16 bytes per trace id keeps the
    // addresses distinct and aligned like real ones.
    if (inserted) it->second = kAddressBase + 16 * o->ob_trace_id;
    return it->second;
}

void object_address_released(Object* o) {
    if (!t_addresses.empty()) t_addresses.erase(o);
}

void object_addresses_reset() { t_addresses.clear(); }

}  // namespace ys::vm
