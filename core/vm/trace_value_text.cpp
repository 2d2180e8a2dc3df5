// Inline values' text (trace_value_text.h): the common kinds formatted directly, the
// rest through repr with the pending exception kept aside.
#include "vm/trace_value_text.h"


namespace ys::vm {


// repr(str) for the common case, an ASCII string with nothing to escape (names,
// keys); anything else goes through the full rules.
static std::string str_repr(Object* o) {
    const StrObject* so = static_cast<StrObject*>(o);
    const std::string& v = so->value;
    if (so->ascii) {
        bool single = false, dbl = false;
        for (char c : v) {
            if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return str_repr_text(v);
            single |= c == '\'';
            dbl |= c == '"';
        }
        if (!single || !dbl) {
            char q = single ? '"' : '\'';
            std::string out;
            out.reserve(v.size() + 2);
            out.push_back(q);
            out += v;
            out.push_back(q);
            return out;
        }
    }
    return str_repr_text(v);
}

std::string inline_repr(Object* o) {
    Type* t = o->ob_type;
    if (t == &Int_Type && !int_is_big(o)) {
        char buf[kIntTextSize];
        return std::string(int_text(int_value(o), buf));
    }
    if (t == &Str_Type) return str_repr(o);
    if (t == &None_Type) return "None";
    if (t == &Bool_Type) return o == YS_True ? "True" : "False";
    Object* saved = err_fetch();
    std::string r = repr_string(o);
    err_clear();
    err_restore(saved);
    return r;
}

}  // namespace ys::vm
