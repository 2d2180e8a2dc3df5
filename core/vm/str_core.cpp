// str core: construction, interning, CPython's hash (siphash13, PYTHONHASHSEED=0),
// equality, repr, concatenation, comparison, indexing/slicing by code point, iteration.
// The methods (split, join, format, ...) live in str_*.cpp (built-ins engineer).
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "vm/runtime.h"

namespace ys::vm {

Type Str_Type;
Type StrIter_Type;

static intptr_t count_code_points(std::string_view s, bool* ascii) {
    intptr_t n = 0;
    bool a = true;
    for (unsigned char c : s) {
        if (c >= 0x80) a = false;
        if ((c & 0xC0) != 0x80) n++;
    }
    *ascii = a;
    return n;
}

Object* new_str(std::string_view utf8) {
    StrObject* o = alloc<StrObject>(&Str_Type);
    if (!o) return nullptr;
    new (&o->value) std::string(utf8);
    o->hash = -1;
    o->length = count_code_points(utf8, &o->ascii);
    return o;
}

static void str_dealloc(Object* o) {
    static_cast<StrObject*>(o)->value.~basic_string();
    free_object(o);
}

// The intern table is process-wide: interned strings are immortal (never freed), so
// sharing them between runtimes is safe; the mutex covers two VMs on two threads.
Object* intern(std::string_view utf8) {
    static std::mutex mu;
    static std::unordered_map<std::string, Object*>* table = new std::unordered_map<std::string, Object*>();
    std::lock_guard<std::mutex> lock(mu);
    auto it = table->find(std::string(utf8));
    if (it != table->end()) return it->second;
    StrObject* o = static_cast<StrObject*>(std::calloc(1, sizeof(StrObject)));
    o->ob_refcnt = 1 << 30;
    o->ob_type = &Str_Type;
    new (&o->value) std::string(utf8);
    o->hash = -1;
    o->length = count_code_points(utf8, &o->ascii);
    o->interned = true;
    table->emplace(std::string(utf8), o);
    return o;
}

// Decodes UTF-8 into code points.
static std::u32string decode(std::string_view s) {
    std::u32string out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        int n;
        if (c < 0x80) { cp = c; n = 1; }
        else if ((c >> 5) == 6) { cp = c & 0x1F; n = 2; }
        else if ((c >> 4) == 14) { cp = c & 0x0F; n = 3; }
        else { cp = c & 0x07; n = 4; }
        for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); k++)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<size_t>(n);
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = rotl(b, s) ^ a;              \
    d = rotl(d, t) ^ c;              \
    a = rotl(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3) \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(const uint8_t* in, size_t sz) {
    uint64_t k0 = 0, k1 = 0;
    uint64_t b = static_cast<uint64_t>(sz) << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
    while (sz >= 8) {
        uint64_t mi;
        std::memcpy(&mi, in, 8);
        in += 8;
        sz -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    std::memcpy(&t, in, sz);
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

intptr_t str_hash(Object* s) {
    StrObject* o = static_cast<StrObject*>(s);
    if (o->hash != -1) return o->hash;
    intptr_t h;
    if (o->value.empty()) {
        h = 0;
    } else if (o->ascii) {
        h = static_cast<intptr_t>(siphash13(reinterpret_cast<const uint8_t*>(o->value.data()), o->value.size()));
    } else {
        // Hash the canonical representation: 1, 2 or 4 bytes per code point.
        std::u32string cps = decode(o->value);
        char32_t mx = 0;
        for (char32_t c : cps) mx = std::max(mx, c);
        std::string buf;
        for (char32_t c : cps) {
            if (mx < 0x100) buf += static_cast<char>(c);
            else if (mx < 0x10000) { uint16_t v = static_cast<uint16_t>(c); buf.append(reinterpret_cast<char*>(&v), 2); }
            else { uint32_t v = c; buf.append(reinterpret_cast<char*>(&v), 4); }
        }
        h = static_cast<intptr_t>(siphash13(reinterpret_cast<const uint8_t*>(buf.data()), buf.size()));
    }
    if (h == -1) h = -2;
    o->hash = h;
    return h;
}

bool str_equal(Object* a, Object* b) {
    if (a == b) return true;
    StrObject* x = static_cast<StrObject*>(a);
    StrObject* y = static_cast<StrObject*>(b);
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return x->value == y->value;
}

std::string str_repr_text(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (char32_t c : decode(s)) {
        if (c == static_cast<char32_t>(quote) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xad) {
            char b[8];
            snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned>(c));
            out += b;
        } else {
            append_utf8(out, c);
        }
    }
    out += quote;
    return out;
}

static Object* str_repr(Object* o) { return new_str(str_repr_text(str_value(o))); }
static Object* str_str(Object* o) {
    if (o->ob_type == &Str_Type) return newref(o);
    return new_str(str_value(o));
}
static intptr_t str_hash_slot(Object* o) { return str_hash(o); }

static Object* str_richcompare(Object* a, Object* b, int op) {
    if (!is_str(a) || !is_str(b)) return newref(YS_NotImplemented);
    if (op == 2) return new_bool(str_equal(a, b));
    if (op == 3) return new_bool(!str_equal(a, b));
    int c = str_value(a).compare(str_value(b));  // UTF-8 byte order == code point order
    bool r = op == 0 ? c < 0 : op == 1 ? c <= 0 : op == 4 ? c > 0 : c >= 0;
    return new_bool(r);
}

static Object* str_concat(Object* a, Object* b) {
    if (!is_str(a) || !is_str(b)) return newref(YS_NotImplemented);
    std::string r = str_value(a);
    r += str_value(b);
    return new_str(r);
}

static Object* str_repeat(Object* a, Object* b) {
    Object* s = a;
    Object* n = b;
    if (!is_str(s)) std::swap(s, n);
    if (!is_str(s) || !is_int(n)) return newref(YS_NotImplemented);
    int64_t k;
    if (!repeat_count(n, &k)) return nullptr;
    std::string r;
    for (int64_t i = 0; i < k; i++) r += str_value(s);
    return new_str(r);
}

static intptr_t str_len(Object* o) { return static_cast<StrObject*>(o)->length; }

static int str_contains(Object* o, Object* item) {
    if (!is_str(item)) {
        raise_format(&TypeError_Type, "'in <string>' requires string as left operand, not %s", type_name(item));
        return -1;
    }
    return str_value(o).find(str_value(item)) != std::string::npos;
}

// Byte offset of code point `i` (ASCII fast path).
static size_t cp_offset(StrObject* s, intptr_t i) {
    if (s->ascii) return static_cast<size_t>(i);
    size_t off = 0;
    for (intptr_t k = 0; k < i; k++) {
        off++;
        while (off < s->value.size() && (static_cast<unsigned char>(s->value[off]) & 0xC0) == 0x80) off++;
    }
    return off;
}

static Object* str_subscript(Object* o, Object* key) {
    StrObject* s = static_cast<StrObject*>(o);
    if (isinstance(key, &Slice_Type)) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, s->length, &start, &stop, &step, &len) < 0) return nullptr;
        std::string r;
        if (s->ascii) {
            for (intptr_t i = 0, p = start; i < len; i++, p += step) r += s->value[static_cast<size_t>(p)];
        } else {
            std::u32string cps = decode(s->value);
            for (intptr_t i = 0, p = start; i < len; i++, p += step) append_utf8(r, cps[static_cast<size_t>(p)]);
        }
        return new_str(r);
    }
    bool ok;
    int64_t i = as_subscript_index(key, &ok);
    if (!ok) {
        // An index that failed to convert keeps its own error (IndexError past 64 bits).
        if (is_int(key) || key->ob_type->nb_index) return nullptr;
        err_clear();
        return raise_format(&TypeError_Type, "string indices must be integers, not '%s'", type_name(key));
    }
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length) return raise(&IndexError_Type, "string index out of range");
    size_t a = cp_offset(s, i), b = cp_offset(s, i + 1);
    return new_str(std::string_view(s->value).substr(a, b - a));
}

static int str_bool(Object* o) { return !str_value(o).empty(); }

struct StrIterObject : Object {
    Object* str;
    size_t pos;  // byte offset
};
static void striter_dealloc(Object* o) {
    xdecref(static_cast<StrIterObject*>(o)->str);
    free_object(o);
}
static Object* striter_next(Object* o) {
    StrIterObject* it = static_cast<StrIterObject*>(o);
    if (!it->str) return nullptr;
    const std::string& s = str_value(it->str);
    if (it->pos >= s.size()) {
        clearref(&it->str);
        return nullptr;
    }
    size_t b = it->pos + 1;
    while (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) b++;
    Object* r = new_str(std::string_view(s).substr(it->pos, b - it->pos));
    it->pos = b;
    return r;
}
static Object* self_iter(Object* o) { return newref(o); }
static Object* str_iter(Object* o) {
    StrIterObject* it = alloc<StrIterObject>(&StrIter_Type);
    if (!it) return nullptr;
    it->str = newref(o);
    return it;
}

static Object* str_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[1] = {nullptr};
    if (!parse_args("str", args, nargs, kwnames, {"object"}, 0, a)) return nullptr;
    if (!a[0]) return new_str("");
    return object_str(a[0]);
}

Object* str_mod_format(Object* a, Object* b);  // format_percent.cpp (built-ins engineer)
static Object* str_mod(Object* a, Object* b) {
    if (!is_str(a)) return newref(YS_NotImplemented);
    return str_mod_format(a, b);
}

void init_str_type() {
    Type* t = &Str_Type;
    t->tp_name = "str";
    t->tp_basicsize = sizeof(StrObject);
    t->tp_flags = TPF_BASETYPE | TPF_STR_SUBCLASS;
    t->tp_base = &Object_Type;
    t->tp_dealloc = str_dealloc;
    t->tp_repr = str_repr;
    t->tp_str = str_str;
    t->tp_hash = str_hash_slot;
    t->tp_richcompare = str_richcompare;
    t->tp_iter = str_iter;
    t->tp_new = str_new;
    t->nb_binary[0] = str_concat;
    t->nb_binary[5] = str_repeat;
    t->nb_binary[6] = str_mod;
    t->nb_bool = str_bool;
    t->mp_length = str_len;
    t->mp_subscript = str_subscript;
    t->sq_contains = str_contains;

    Type* it = &StrIter_Type;
    it->tp_name = "str_ascii_iterator";
    it->tp_basicsize = sizeof(StrIterObject);
    it->tp_base = &Object_Type;
    it->tp_dealloc = striter_dealloc;
    it->tp_iter = self_iter;
    it->tp_iternext = striter_next;
}

}  // namespace ys::vm
