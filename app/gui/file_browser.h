// An in-app file browser (Dear ImGui has none): a modal listing folders and the files
// yieldscope opens (.py programs, .json and .ystrace traces), with a path box.
#pragma once

#include <string>
#include <vector>

namespace ys::gui {

class FileBrowser {
public:
    enum class Mode { Open, Save };

    // Opens the modal at the next draw(), starting in `dir` (or the current folder).
    void open(Mode mode, const std::string& dir, const std::string& file_name = {});
    // Draws the modal if open; true when the user chose a path (then `chosen` is set).
    bool draw(std::string& chosen);
    const std::string& dir() const { return dir_; }

private:
    void list();

    struct Entry {
        std::string name;
        bool is_dir = false;
    };
    Mode mode_ = Mode::Open;
    bool want_open_ = false;
    std::string dir_;
    std::string name_;      // the file name box
    std::string error_;
    std::vector<Entry> entries_;
    bool show_all_ = false;
};

}  // namespace ys::gui
