// The address the VM shows for an object: in reprs (`<generator object f at 0x...>`)
// and as id(). Without a sink it is the real address. With one it is a made-up address
// that is the same on every re-recording (so traces are byte-identical) and that
// behaves like a real one: memory recycled through a free list (asend objects, the
// wrapped values) keeps its address, so `id(a) == id(b)` after a reuse is True as it
// is in CPython.
#pragma once

#include <cstdint>

namespace ys::vm {

struct Object;

uintptr_t object_address(Object* o);
inline void* object_address_ptr(Object* o) { return reinterpret_cast<void*>(object_address(o)); }
// The object's memory went back to the allocator: a new object there is a new address.
void object_address_released(Object* o);
// A recording starts or ends: made-up addresses are numbered afresh.
void object_addresses_reset();

}  // namespace ys::vm
