// Opening a file on a background thread: the trace on screen stays usable while a large
// one is read, decoded and indexed; the GUI polls for the result once per frame and
// shows the progress meanwhile. One load at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "gui/document.h"

namespace ys::gui {

class Loader {
public:
    Loader() = default;
    ~Loader();   // waits for a load in progress (a document is never half built)
    Loader(const Loader&) = delete;
    Loader& operator=(const Loader&) = delete;

    // Starts loading `path`; false (nothing started) while another load runs.
    bool start(const std::string& path);
    bool busy() const { return thread_.joinable(); }
    const std::string& path() const { return path_; }
    LoadStage stage() const { return progress_.stage.load(std::memory_order_relaxed); }
    float fraction() const { return progress_.fraction.load(std::memory_order_relaxed); }
    double seconds() const;   // since the load started

    // When the load has finished: hands over the document (or the error message, with
    // `doc` left empty) and returns true. Otherwise returns false at once.
    bool take(std::unique_ptr<Document>& doc, std::string& error);

private:
    std::thread thread_;
    std::string path_;
    LoadProgress progress_;
    double started_ = 0;
    std::mutex mutex_;               // guards the three below
    bool finished_ = false;
    std::unique_ptr<Document> result_;
    std::string error_;
};

}  // namespace ys::gui
