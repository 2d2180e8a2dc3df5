// The recorder: the TraceSink that builds an in-memory Trace while the VM runs.
// Reference-count changes within one step are coalesced (one Refcount change per object
// per step, holding the last count; folded into the Created change when the object was
// created in the same step), which keeps recording cheap.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "trace/trace.h"

namespace ys::trace {

class Recorder final : public TraceSink {
public:
    explicit Recorder(Granularity granularity = Granularity::Events);

    void set_program(std::string filename, std::string source);

    void on_code(ObjectId id, const CodePtr& code) override;
    void on_object_created(ObjectId id, std::string_view type_name, int64_t refcount) override;
    void on_field_set(ObjectId id, std::string_view field, const Value& value) override;
    void on_field_removed(ObjectId id, std::string_view field) override;
    void on_refcount(ObjectId id, int64_t refcount) override;
    void on_object_freed(ObjectId id) override;
    void on_event(const Event& event) override;

    // The fast path of the VM's reporting wrapper (vm/trace_report.cpp): it interns each
    // field name once (when first forwarded, so string ids come out as through the
    // string_view calls) and passes the id.
    bool takes_interned_names() const override { return true; }
    uint32_t intern_field_name(std::string_view s) override { return trace_.intern(s); }
    void on_field_set_interned(ObjectId id, uint32_t name, const Value& value) override {
        trace_.add_field_set_interned(id, name, value);
    }
    void on_field_removed_interned(ObjectId id, uint32_t name) override { trace_.add_field_removed_interned(id, name); }
    bool takes_number_reprs() const override { return true; }

    // Closes a trailing step (changes reported after the last event) with a ProgramEnd
    // event, marks the trace truncated if asked, and hands the trace over.
    Trace finish(bool truncated = false);
    const Trace& trace() const { return trace_; }

private:
    // Index+1 of the object's Refcount/Created change in the open step, or 0.
    uint64_t* rc_slot(ObjectId id);

    Trace trace_;
    uint64_t step_begin_ = 0;                       // first change of the open step
    std::vector<uint64_t> rc_dense_;                // by id, for ids < kDenseIds
    std::unordered_map<ObjectId, uint64_t> rc_sparse_;
    static constexpr ObjectId kDenseIds = ObjectId{1} << 26;
};

}  // namespace ys::trace
