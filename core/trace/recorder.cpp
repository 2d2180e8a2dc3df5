#include "trace/recorder.h"

#include <new>

namespace ys::trace {

Recorder::Recorder(Granularity granularity) { trace_.header.granularity = granularity; }

void Recorder::set_program(std::string filename, std::string source) {
    trace_.filename = std::move(filename);
    trace_.source = std::move(source);
}

void Recorder::on_code(ObjectId id, const CodePtr& code) {
    if (code) trace_.codes[id] = code;
}

uint64_t* Recorder::rc_slot(ObjectId id) {
    if (id < kDenseIds) {
        if (id >= rc_dense_.size()) rc_dense_.resize(std::max<size_t>(id + 1, rc_dense_.size() * 2), 0);
        return &rc_dense_[id];
    }
    return &rc_sparse_[id];
}

void Recorder::on_object_created(ObjectId id, std::string_view type_name, int64_t refcount) {
    *rc_slot(id) = trace_.change_count() + 1;
    trace_.add_created(id, type_name, refcount);
}

void Recorder::on_field_set(ObjectId id, std::string_view field, const Value& value) {
    trace_.add_field_set(id, field, value);
}

void Recorder::on_field_removed(ObjectId id, std::string_view field) {
    trace_.add_field_removed(id, field);
}

void Recorder::on_refcount(ObjectId id, int64_t refcount) {
    uint64_t* slot = rc_slot(id);
    if (*slot > step_begin_) {   // already a Created/Refcount change for it in this step
        trace_.change_at(*slot - 1).payload = refcount;
        return;
    }
    *slot = trace_.change_count() + 1;
    trace_.add_refcount(id, refcount);
}

void Recorder::on_object_freed(ObjectId id) {
    trace_.add_freed(id);
    *rc_slot(id) = 0;
}

void Recorder::on_event(const Event& event) {
    trace_.add_event(event);
    step_begin_ = trace_.change_count();
    if (!rc_sparse_.empty()) rc_sparse_.clear();
}

Trace Recorder::finish(bool truncated) {
    if (trace_.pending_changes_begin() < trace_.change_count() || trace_.empty()) {
        Event end;
        end.kind = EventKind::ProgramEnd;
        end.text = truncated ? "step budget exhausted" : "";
        try {
            trace_.add_event(end);
        } catch (const std::bad_alloc&) {
            // Out of memory (the run stopped for it): the trace ends at its last whole step.
            trace_.drop_pending_changes();
        }
    }
    trace_.header.truncated = truncated;
    Trace out = std::move(trace_);
    trace_ = Trace();
    step_begin_ = 0;
    rc_dense_.clear();
    rc_sparse_.clear();
    return out;
}

}  // namespace ys::trace
