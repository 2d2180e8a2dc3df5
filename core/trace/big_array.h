// A growable array for the trace's big tables (steps, changes: hundreds of MiB for a
// ten-million-step trace). Recording and loading such a trace is bound by memory, not
// by computation: with std::vector, part of the time went to copying the whole table
// at each doubling, and the copy doubled the memory touched. This array maps its
// storage directly and grows in place inside a reserved range of address space, so
// nothing is copied. Small arrays stay on the heap. Only for trivially copyable elements.
//
// It does not ask for transparent huge pages: measured on a VM (this project's CI kind
// of machine), a fresh huge page costs far more to fault in than 512 small ones (the
// 10M-step load went from 1.6 s to 3.9 s in a process that had not freed huge pages
// before), and only memory the process had just freed came back fast.
#pragma once

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace ys::trace {

namespace big_array_detail {
// Storage of at least `bytes` bytes (rounded up by the callee), reserved and growable.
// `mapped` says which kind the block is (a heap block or a mapping).
struct Block {
    void* data = nullptr;
    size_t bytes = 0;     // usable bytes
    size_t reserved = 0;  // a mapping: the address space held for it (bytes <= reserved)
    bool mapped = false;
};
// `fill_now`: the bytes are about to be written in one go (see reserve()).
Block allocate(size_t bytes, bool fill_now);
// Grows `b` to at least `bytes`, keeping its first `used` bytes.
Block grow(Block b, size_t used, size_t bytes, bool fill_now);
void release(Block b);
}  // namespace big_array_detail

template <typename T>
class BigArray {
    static_assert(std::is_trivially_copyable_v<T>, "BigArray moves its elements as bytes");

public:
    BigArray() = default;
    BigArray(const BigArray& o) { copy_from(o); }
    BigArray(BigArray&& o) noexcept : block_(o.block_), size_(o.size_) { o.block_ = {}; o.size_ = 0; }
    BigArray& operator=(const BigArray& o) {
        if (this != &o) {
            clear();
            copy_from(o);
        }
        return *this;
    }
    BigArray& operator=(BigArray&& o) noexcept {
        if (this != &o) {
            big_array_detail::release(block_);
            block_ = std::exchange(o.block_, {});
            size_ = std::exchange(o.size_, 0);
        }
        return *this;
    }
    ~BigArray() { big_array_detail::release(block_); }

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    size_t capacity() const { return block_.bytes / sizeof(T); }
    T* data() { return static_cast<T*>(block_.data); }
    const T* data() const { return static_cast<const T*>(block_.data); }
    T& operator[](size_t i) { return data()[i]; }
    const T& operator[](size_t i) const { return data()[i]; }
    T& back() { return data()[size_ - 1]; }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size_; }

    void push_back(const T& v) {
        if (size_ == capacity()) [[unlikely]]
            make_room(size_ < 64 ? 64 : size_ * 2, false);
        ::new (data() + size_) T(v);
        size_++;
    }
    // Room for `n` elements that are about to be written (a reader knows the count):
    // their pages are faulted in by one system call instead of one trap per page.
    void reserve(size_t n) { make_room(n, true); }
    // Keeps the storage (a recorder reuses it).
    void clear() { size_ = 0; }
    void truncate(size_t n) {
        if (n < size_) size_ = n;
    }

private:
    void make_room(size_t n, bool fill_now) {
        if (n <= capacity()) return;
        block_ = block_.data ? big_array_detail::grow(block_, size_ * sizeof(T), n * sizeof(T), fill_now)
                             : big_array_detail::allocate(n * sizeof(T), fill_now);
    }
    void copy_from(const BigArray& o) {
        reserve(o.size_);
        if (o.size_) std::memcpy(static_cast<void*>(data()), o.data(), o.size_ * sizeof(T));
        size_ = o.size_;
    }
    big_array_detail::Block block_;
    size_t size_ = 0;
};

}  // namespace ys::trace
