// The JSON trace writer: one step per line, one change per line (FORMAT.md).
#include "trace/trace_io_internal.h"

namespace ys::trace {

using namespace io_detail;

std::string write_trace_json(const Trace& trace) {
    std::string out;
    out.reserve(256 + trace.step_count() * 120);
    out += "{\n";
    out += "  \"format\": " + dump(ojson(trace.header.format)) + ",\n";
    out += "  \"version\": " + std::to_string(kFormatVersion) + ",\n";
    out += "  \"granularity\": " + dump(ojson(granularity_name(trace.header.granularity))) + ",\n";
    out += "  \"tool\": " + dump(ojson(trace.header.tool_version)) + ",\n";
    out += std::string("  \"truncated\": ") + (trace.header.truncated ? "true" : "false") + ",\n";
    out += "  \"filename\": " + dump(ojson(trace.filename)) + ",\n";
    out += "  \"source\": " + dump(ojson(trace.source)) + ",\n";
    out += "  \"codes\": [";
    bool first = true;
    for (const auto& [id, code] : trace.codes) {
        ojson j = code_to_json(*code, 0);
        ojson withid = ojson::object();
        withid["id"] = id;
        for (auto it = j.begin(); it != j.end(); ++it) withid[it.key()] = it.value();
        out += first ? "\n    " : ",\n    ";
        first = false;
        write_object_lines(out, withid, "    ");
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"annotations\": [";
    first = true;
    for (const auto& [step, text] : trace.annotations) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += dump(ojson{{"step", step}, {"text", text}});
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"steps\": [";
    for (uint64_t i = 0; i < trace.step_count(); ++i) {
        const Event e = trace.event(i);
        ojson s = ojson::object();
        s["event"] = event_kind_name(e.kind);
        if (e.subject) s["subject"] = e.subject;
        if (e.frame) s["frame"] = e.frame;
        if (e.line != -1) s["line"] = e.line;
        if (e.lasti != -1) s["lasti"] = e.lasti;
        if (e.detail) s["detail"] = e.detail;
        if (e.value.kind != Value::Kind::Null) s["value"] = value_to_json(e.value);
        if (!e.text.empty()) s["text"] = e.text;
        if (!e.objects.empty()) s["objects"] = e.objects;
        if (e.virtual_time != 0.0) s["time"] = e.virtual_time;
        out += i ? ",\n    " : "\n    ";
        std::string head = dump(s);
        auto changes = trace.changes(i);
        if (changes.empty()) {
            out += head;
            continue;
        }
        head.pop_back();  // '}'
        out += head + ",\"changes\":[";
        for (size_t k = 0; k < changes.size(); ++k) {
            const Change& c = changes[k];
            ojson cj = ojson::object();
            cj["op"] = change_kind_name(c.kind);
            cj["id"] = c.object;
            switch (c.kind) {
                case Change::Kind::Created:
                    cj["type"] = trace.str(c.name);
                    cj["refcount"] = c.payload;
                    break;
                case Change::Kind::FieldSet:
                    cj["field"] = trace.str(c.name);
                    cj["value"] = value_to_json(trace.unpack(c.value()));
                    break;
                case Change::Kind::Refcount: cj["refcount"] = c.payload; break;
                case Change::Kind::FieldRemoved: cj["field"] = trace.str(c.name); break;
                case Change::Kind::Freed: break;
            }
            out += k ? ",\n      " : "\n      ";
            out += dump(cj);
        }
        out += "]}";
    }
    out += trace.step_count() ? "\n  ]\n}\n" : "]\n}\n";
    return out;
}

}  // namespace ys::trace
