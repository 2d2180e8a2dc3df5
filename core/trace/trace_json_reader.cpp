// The JSON trace reader: every structural error names its JSON pointer (FORMAT.md).
#include "trace/trace_io_internal.h"

namespace ys::trace {

using namespace io_detail;

Trace read_trace_json(std::string_view text) {
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        auto colon = what.find("error: ");
        if (colon != std::string::npos) what = what.substr(colon + 7);
        TraceErrorKind kind = e.byte >= text.size() ? TraceErrorKind::Truncated
                              : e.byte <= 1         ? TraceErrorKind::NotATrace
                                                    : TraceErrorKind::Malformed;
        throw TraceError(kind, "byte " + std::to_string(e.byte), "not valid JSON: " + what);
    } catch (const json::exception& e) {
        // e.g. a number too large for a double: the message quotes the token; find it.
        std::string what = e.what();
        size_t at = 0;
        auto q1 = what.find('\'');
        auto q2 = q1 == std::string::npos ? q1 : what.find('\'', q1 + 1);
        if (q2 != std::string::npos) {
            size_t found = text.find(what.substr(q1 + 1, q2 - q1 - 1));
            if (found != std::string_view::npos) at = found;
        }
        auto bracket = what.find("] ");
        if (bracket != std::string::npos) what = what.substr(bracket + 2);
        throw TraceError(TraceErrorKind::Malformed, "byte " + std::to_string(at), "not valid JSON: " + what);
    }
    JsonIn in;
    if (!root.is_object()) throw TraceError(TraceErrorKind::NotATrace, "/", "not a yieldscope trace (expected a JSON object)");
    auto fmt = root.find("format");
    if (fmt == root.end() || !fmt->is_string() || fmt->get<std::string>() != kFormatName)
        throw TraceError(TraceErrorKind::NotATrace, "/format",
                         std::string("not a yieldscope trace (expected \"format\": \"") + kFormatName + "\")");
    int64_t version = in.integer(in.member(root, "version", ""), "/version");
    if (version < kOldestReadableVersion || version > kFormatVersion)
        throw TraceError(TraceErrorKind::UnsupportedVersion, "/version",
                         "unsupported trace version " + std::to_string(version) + " (this build reads versions " +
                             std::to_string(kOldestReadableVersion) + " to " + std::to_string(kFormatVersion) + ")");
    Trace t;  // read into the current version: an old file's content is a subset of it
    std::string gran = in.string(in.member(root, "granularity", ""), "/granularity");
    if (!parse_granularity(gran, t.header.granularity)) in.fail("/granularity", "unknown granularity '" + gran + "'");
    t.header.tool_version = in.string(in.member(root, "tool", ""), "/tool");
    const json& trunc = in.member(root, "truncated", "");
    if (!trunc.is_boolean()) in.fail("/truncated", "expected true or false");
    t.header.truncated = trunc.get<bool>();
    t.filename = in.string(in.member(root, "filename", ""), "/filename");
    t.source = in.string(in.member(root, "source", ""), "/source");

    const json& codes = in.array(in.member(root, "codes", ""), "/codes");
    for (size_t i = 0; i < codes.size(); ++i) {
        std::string p = "/codes/" + std::to_string(i);
        ObjectId id = in.id(in.member(codes[i], "id", p), p + "/id");
        if (t.codes.count(id)) in.fail(p + "/id", "duplicate code object id " + std::to_string(id));
        t.codes[id] = code_from_json(in, codes[i], p, 0);
    }
    const json& notes = in.array(in.member(root, "annotations", ""), "/annotations");
    for (size_t i = 0; i < notes.size(); ++i) {
        std::string p = "/annotations/" + std::to_string(i);
        uint64_t step = in.id(in.member(notes[i], "step", p), p + "/step");
        t.annotations[step] = in.string(in.member(notes[i], "text", p), p + "/text");
    }
    const json& steps = in.array(in.member(root, "steps", ""), "/steps");
    t.reserve(steps.size(), steps.size() * 2);
    for (size_t i = 0; i < steps.size(); ++i) {
        std::string p = "/steps/" + std::to_string(i);
        const json& s = steps[i];
        if (!s.is_object()) in.fail(p, "expected an object");
        if (const json* ch = in.optional(s, "changes", p)) {
            in.array(*ch, p + "/changes");
            for (size_t k = 0; k < ch->size(); ++k) {
                std::string cp = p + "/changes/" + std::to_string(k);
                const json& c = (*ch)[k];
                std::string op = in.string(in.member(c, "op", cp), cp + "/op");
                ObjectId id = in.id(in.member(c, "id", cp), cp + "/id");
                if (id == 0) in.fail(cp + "/id", "object id 0 is NULL");
                if (id > kMaxChangeObject) in.fail(cp + "/id", "object id " + std::to_string(id) + " is too large (at most 2^32-1)");
                if (op == "create") {
                    std::string type = in.string(in.member(c, "type", cp), cp + "/type");
                    if (type.empty()) in.fail(cp + "/type", "empty type name");
                    t.add_created(id, type, in.integer(in.member(c, "refcount", cp), cp + "/refcount"));
                } else if (op == "set") {
                    std::string field = in.string(in.member(c, "field", cp), cp + "/field");
                    if (field.empty()) in.fail(cp + "/field", "empty field name");
                    t.add_field_set(id, field, value_from_json(in, in.member(c, "value", cp), cp + "/value"));
                } else if (op == "refcount") {
                    t.add_refcount(id, in.integer(in.member(c, "refcount", cp), cp + "/refcount"));
                } else if (op == "free") {
                    t.add_freed(id);
                } else if (op == "remove" && version >= 2) {
                    std::string field = in.string(in.member(c, "field", cp), cp + "/field");
                    if (field.empty()) in.fail(cp + "/field", "empty field name");
                    t.add_field_removed(id, field);
                } else {
                    in.fail(cp + "/op", "unknown change '" + op + "' (create, set, " +
                                            (version >= 2 ? "remove, " : "") + "refcount or free)");
                }
            }
        }
        Event e;
        std::string kind = in.string(in.member(s, "event", p), p + "/event");
        if (!parse_event_kind(kind, e.kind)) in.fail(p + "/event", "unknown event '" + kind + "'");
        if (const json* v = in.optional(s, "subject", p)) e.subject = in.id(*v, p + "/subject");
        if (const json* v = in.optional(s, "frame", p)) e.frame = in.id(*v, p + "/frame");
        if (const json* v = in.optional(s, "line", p))
            e.line = static_cast<int>(in.integer(*v, p + "/line", std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        if (const json* v = in.optional(s, "lasti", p))
            e.lasti = static_cast<int>(in.integer(*v, p + "/lasti", std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        if (const json* v = in.optional(s, "detail", p)) e.detail = static_cast<uint8_t>(in.integer(*v, p + "/detail", 0, 255));
        if (const json* v = in.optional(s, "value", p)) e.value = value_from_json(in, *v, p + "/value");
        if (const json* v = in.optional(s, "text", p)) e.text = in.string(*v, p + "/text");
        if (const json* v = in.optional(s, "objects", p)) {
            in.array(*v, p + "/objects");
            for (size_t k = 0; k < v->size(); ++k) e.objects.push_back(in.id((*v)[k], p + "/objects/" + std::to_string(k)));
        }
        if (const json* v = in.optional(s, "time", p)) {
            if (!v->is_number()) in.fail(p + "/time", "expected a number");
            e.virtual_time = v->get<double>();
        }
        t.add_event(e);
    }
    return t;
}

}  // namespace ys::trace
