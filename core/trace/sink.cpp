#include "trace/sink.h"

namespace ys::trace {

const char* event_kind_name(EventKind kind) {
    switch (kind) {
#define YS_EVENT_NAME(name, label) case EventKind::name: return #name;
        YS_EVENT_KINDS(YS_EVENT_NAME)
#undef YS_EVENT_NAME
    }
    return "?";
}

const char* event_kind_label(EventKind kind) {
    switch (kind) {
#define YS_EVENT_LABEL(name, label) case EventKind::name: return label;
        YS_EVENT_KINDS(YS_EVENT_LABEL)
#undef YS_EVENT_LABEL
    }
    return "?";
}

}  // namespace ys::trace
