// Heap graph: every live object with its refcount, references as arrows, reference
// cycles outlined, garbage kept alive only by a cycle hatched, and "why is this alive?"
// (the path from a root) for the selected object. Placement is stable over the trace.
#pragma once

#include <optional>
#include <vector>

#include "gui/panel.h"
#include "view/graph_layout.h"

namespace ys::gui {

class HeapPanel final : public Panel {
public:
    HeapPanel();
    PanelId id() const override { return PanelHeap; }
    void draw(PanelContext& ctx) override;

private:
    // Everything drawn, in canvas coordinates, computed once per step / zoom / width.
    struct Node {
        trace::ObjectId id = 0;
        view::Rect rect;
        // Written when the node is first drawn with text: a scrubbed step shows a few
        // dozen of its thousands of nodes.
        std::string title, detail;
        int64_t refcount = 0;
        int cycle = -1;
        bool garbage = false, created = false, rc_changed = false;
    };
    struct Edge {
        trace::ObjectId from = 0, to = 0;
        view::EdgeGeometry geo;
        view::Rect bounds;
        bool in_cycle = false, changed = false;
    };
    struct Scene {
        const Document* doc = nullptr;
        uint64_t step = UINT64_MAX;
        float zoom = 0, font = 0;
        int columns = 0;
        std::vector<Node> nodes;
        std::vector<Edge> edges;
        size_t cycle_objects = 0;
    } scene_;
    void build_scene(PanelContext& ctx, const view::GraphOptions& options, float font_size, int columns);

    float zoom_ = 1.0f;
    bool show_all_edges_ = false;
    uint64_t path_step_ = UINT64_MAX;
    uint64_t path_for_ = 0;
    std::optional<std::vector<trace::PathLink>> path_;
};

}  // namespace ys::gui
