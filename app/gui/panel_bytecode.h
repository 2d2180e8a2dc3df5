// Bytecode: the instructions of the code object the Source panel follows (the event's
// frame: at a yield, the generator's), with that frame's f_lasti marked and the code's
// name in the title; clicking an instruction moves to the next step stopped there.
#pragma once

#include <string>
#include <vector>

#include "gui/panel.h"

namespace ys::gui {

struct ListingRow {
    int offset = 0;        // bytes, as f_lasti counts
    int line = -1;         // source line where it starts, -1 when the same as the row before
    std::string text;      // "YIELD_VALUE", "LOAD_FAST  0 (i)"
};
// The instructions of a code object (CACHE entries skipped), like `dis` without caches.
std::vector<ListingRow> list_instructions(const CodeObject& code);

class BytecodePanel final : public Panel {
public:
    PanelId id() const override { return PanelBytecode; }
    void draw(PanelContext& ctx) override;
    std::string title_detail(PanelContext& ctx) override;

private:
    struct Target {
        const CodeObject* code = nullptr;
        trace::ObjectId code_id = 0;
        int lasti = -1;
        bool suspended = false;
    };
    static Target target(PanelContext& ctx);
    const CodeObject* listed_ = nullptr;
    std::vector<ListingRow> rows_;
    int scrolled_to_ = -2;
};

}  // namespace ys::gui
