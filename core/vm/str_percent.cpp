// str % args: walks the segments of the %-engine (format_percent.h) over VM objects,
// in CPython's order of evaluation (PyUnicode_Format), so errors come out the same.
#include <cmath>

#include "vm/builtins_util.h"
#include "vm/format_percent.h"

namespace ys::vm {

namespace {

struct PercentState {
    Object* args;       // the right operand
    intptr_t arglen;    // -1: a single non-tuple argument
    intptr_t argidx;
    Object* dict;       // mapping for %(key)s, or null
    Object* keyed = nullptr;  // strong: the value looked up by %(key)

    Object* next_arg() {  // borrowed
        if (argidx < arglen) {
            argidx++;
            return arglen < 0 ? args : tuple_items(args)[argidx - 1];
        }
        raise(&TypeError_Type, "not enough arguments for format string");
        return nullptr;
    }
    Object* current_args() { return keyed ? keyed : args; }
};

bool star_value(Object* v, fmt::BigInt* out) {
    if (!is_int(v)) {
        raise(&TypeError_Type, "* wants int");
        return false;
    }
    *out = int_to_big(v);
    return true;
}

bool raise_fmt(const fmt::FormatError& e) {
    raise_format_error(e.type, e.message);
    return false;
}

// Appends a rendered conversion, or raises what the engine reported (e.g. a width
// too large to allocate).
bool append(std::string& out, const fmt::FormatResult& r) {
    if (!r.ok()) return raise_fmt(*r.error);
    out += r.text;
    return true;
}

// Renders one conversion into out.
bool convert_one(const fmt::PercentSpec& spec, Object* v, std::string& out) {
    using fmt::PercentKind;
    switch (fmt::percent_kind(spec.type)) {
        case PercentKind::Text: {
            Object* s;
            if (spec.type == 'r') {
                s = object_repr(v);
            } else if (spec.type == 'a') {
                Object* ascii = dict_get_cstr(rt().builtins, "ascii");
                s = ascii ? call1(ascii, v) : object_repr(v);
            } else {
                s = object_str(v);
            }
            if (!s) return false;
            fmt::FormatResult r = fmt::percent_format_text(str_value(s), spec);
            decref(s);
            return append(out, r);
        }
        case PercentKind::Int: {
            fmt::BigInt value;
            if (is_int(v)) {
                value = int_to_big(v);
            } else if (is_float(v) && spec.type != 'o' && spec.type != 'x' && spec.type != 'X') {
                double d = float_value(v);
                if (std::isinf(d)) return raise_fmt({"OverflowError", "cannot convert float infinity to integer"});
                if (std::isnan(d)) return raise_fmt({"ValueError", "cannot convert float NaN to integer"});
                value = fmt::BigInt::from_double(d);
            } else if (!is_float(v) && v->ob_type->nb_index) {
                bool ok;
                int64_t x = as_index(v, &ok);
                if (!ok) return false;
                value = fmt::BigInt(x);
            } else if (!is_float(v) && v->ob_type->nb_int && spec.type != 'o' && spec.type != 'x' &&
                       spec.type != 'X') {
                Object* i = v->ob_type->nb_int(v);
                if (!i) return false;
                value = int_to_big(i);
                decref(i);
            } else {
                return raise_fmt(fmt::percent_type_error(spec.type, type_name(v)));
            }
            if (!append(out, fmt::percent_format_int(value, spec))) return false;
            return true;
        }
        case PercentKind::Float: {
            double d;
            if (is_float(v)) {
                d = float_value(v);
            } else if (is_int(v)) {
                if (!int_as_double(v, &d)) return false;
            } else if (v->ob_type->nb_float) {
                Object* f = v->ob_type->nb_float(v);
                if (!f) return false;
                d = float_value(f);
                decref(f);
            } else {
                return raise_fmt(fmt::percent_type_error(spec.type, type_name(v)));
            }
            if (!append(out, fmt::percent_format_float(d, spec))) return false;
            return true;
        }
        case PercentKind::Char: {
            char32_t cp;
            if (is_str(v) && static_cast<StrObject*>(v)->length == 1) {
                cp = utf8_decode(str_value(v))[0];
            } else if (is_int(v)) {
                auto r = fmt::percent_char_from_int(int_to_big(v));
                if (auto* e = std::get_if<fmt::FormatError>(&r)) return raise_fmt(*e);
                cp = std::get<char32_t>(r);
            } else {
                return raise_fmt(fmt::percent_type_error('c', type_name(v)));
            }
            if (!append(out, fmt::percent_format_char(cp, spec))) return false;
            return true;
        }
        case PercentKind::Unsupported:
            return raise_fmt(fmt::percent_unsupported_error(spec));
    }
    return false;
}

}  // namespace

Object* str_mod_format(Object* a, Object* b) {
    std::vector<fmt::PercentSegment> segs = fmt::parse_percent_format(str_value(a));
    PercentState st;
    st.args = b;
    if (is_tuple(b)) {
        st.arglen = tuple_size(b);
        st.argidx = 0;
    } else {
        st.arglen = -1;
        st.argidx = -2;
    }
    bool mapping = b->ob_type->mp_subscript && !is_tuple(b) && !is_str(b);
    st.dict = mapping ? b : nullptr;
    std::string out;
    auto fail = [&]() -> Object* {
        xdecref(st.keyed);
        return nullptr;
    };
    for (fmt::PercentSegment& seg : segs) {
        if (seg.kind == fmt::PercentSegment::Kind::Literal) {
            out += seg.text;
            continue;
        }
        fmt::PercentSpec& spec = seg.spec;
        if (spec.has_key) {
            if (!st.dict) {
                raise(&TypeError_Type, "format requires a mapping");
                return fail();
            }
            if (seg.kind == fmt::PercentSegment::Kind::Error && !spec.key_complete) {
                raise_fmt(seg.error);
                return fail();
            }
            Object* key = new_str(spec.key);
            if (!key) return fail();
            Object* v = get_item(st.dict, key);
            decref(key);
            if (!v) return fail();
            setref(&st.keyed, v);
            st.args = st.keyed;
            st.arglen = -1;
            st.argidx = -2;
        }
        if (spec.width_star) {
            Object* v = st.next_arg();
            fmt::BigInt n;
            if (!v || !star_value(v, &n)) return fail();
            if (auto e = fmt::apply_star_width(spec, n)) {
                raise_fmt(*e);
                return fail();
            }
        }
        if (spec.prec_star) {
            Object* v = st.next_arg();
            fmt::BigInt n;
            if (!v || !star_value(v, &n)) return fail();
            if (auto e = fmt::apply_star_precision(spec, n)) {
                raise_fmt(*e);
                return fail();
            }
        }
        if (seg.kind == fmt::PercentSegment::Kind::Error) {
            raise_fmt(seg.error);
            return fail();
        }
        Object* v = st.next_arg();
        if (!v || !convert_one(spec, v, out)) return fail();
    }
    if (st.argidx < st.arglen && !st.dict) {
        raise(&TypeError_Type, "not all arguments converted during string formatting");
        return fail();
    }
    xdecref(st.keyed);
    return new_str(out);
}

}  // namespace ys::vm
