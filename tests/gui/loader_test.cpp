// Background loading: a good file arrives as a document, a bad one as an error, and
// only one load runs at a time.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "gui/loader.h"

namespace ys::gui {
namespace {

bool wait_for(Loader& loader, std::unique_ptr<Document>& doc, std::string& error) {
    for (int i = 0; i < 3000; ++i) {
        if (loader.take(doc, error)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

TEST(Loader, LoadsATraceInTheBackground) {
    Loader loader;
    ASSERT_TRUE(loader.start(std::string(YS_SOURCE_DIR) + "/traces/fib.json"));
    EXPECT_TRUE(loader.busy());
    EXPECT_FALSE(loader.start(std::string(YS_SOURCE_DIR) + "/traces/yielder.json"));   // one at a time
    std::unique_ptr<Document> doc;
    std::string error;
    ASSERT_TRUE(wait_for(loader, doc, error));
    ASSERT_NE(doc, nullptr);
    EXPECT_TRUE(error.empty());
    EXPECT_GT(doc->step_count(), 100u);
    EXPECT_EQ(loader.stage(), LoadStage::Done);
    EXPECT_FALSE(loader.busy());
}

TEST(Loader, AFailedLoadReportsTheError) {
    Loader loader;
    ASSERT_TRUE(loader.start("/nonexistent/trace.json"));
    std::unique_ptr<Document> doc;
    std::string error;
    ASSERT_TRUE(wait_for(loader, doc, error));
    EXPECT_EQ(doc, nullptr);
    EXPECT_NE(error.find("no such file"), std::string::npos) << error;
    // The next load can start.
    EXPECT_TRUE(loader.start(std::string(YS_SOURCE_DIR) + "/traces/fib.json"));
    ASSERT_TRUE(wait_for(loader, doc, error));
    EXPECT_NE(doc, nullptr);
}

TEST(Loader, ANotATraceFileIsAnError) {
    Loader loader;
    ASSERT_TRUE(loader.start(std::string(YS_SOURCE_DIR) + "/README.md"));
    std::unique_ptr<Document> doc;
    std::string error;
    ASSERT_TRUE(wait_for(loader, doc, error));
    EXPECT_EQ(doc, nullptr);
    EXPECT_NE(error.find("not a valid trace"), std::string::npos) << error;
}

}  // namespace
}  // namespace ys::gui
