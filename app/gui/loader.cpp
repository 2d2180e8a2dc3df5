#include "gui/loader.h"

#include <chrono>
#include <exception>

namespace ys::gui {

namespace {
double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Loader::~Loader() {
    if (thread_.joinable()) thread_.join();
}

bool Loader::start(const std::string& path) {
    if (thread_.joinable()) return false;
    path_ = path;
    progress_.set(LoadStage::Reading);
    started_ = now_seconds();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        finished_ = false;
        result_.reset();
        error_.clear();
    }
    thread_ = std::thread([this, path] {
        std::unique_ptr<Document> doc;
        std::string error;
        try {
            doc = Document::open(path, &progress_);
        } catch (const std::exception& e) {
            error = e.what();
        } catch (...) {
            error = "unexpected error while loading";
        }
        std::lock_guard<std::mutex> lock(mutex_);
        result_ = std::move(doc);
        error_ = std::move(error);
        finished_ = true;
    });
    return true;
}

double Loader::seconds() const { return busy() ? now_seconds() - started_ : 0.0; }

bool Loader::take(std::unique_ptr<Document>& doc, std::string& error) {
    if (!thread_.joinable()) return false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!finished_) return false;
        doc = std::move(result_);
        error = std::move(error_);
        finished_ = false;
    }
    thread_.join();
    return true;
}

}  // namespace ys::gui
