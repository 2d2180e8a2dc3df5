// PNG writing through Debian's libstb (stb_image_write's implementation lives in libstb).
#include <stb_image_write.h>

#include <string>
#include <vector>

#include "gui/platform.h"

namespace ys::gui {

bool write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba) {
    if (width <= 0 || height <= 0 || rgba.size() < static_cast<size_t>(width) * static_cast<size_t>(height) * 4)
        return false;
    return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace ys::gui
