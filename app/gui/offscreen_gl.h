// The few raw OpenGL calls the platform layer needs beyond what ImGui's backend loads:
// an offscreen framebuffer, clearing, reading pixels back. Loaded through GLFW.
#pragma once

#include <string>

namespace ys::gui {

bool create_framebuffer(int width, int height, unsigned& fbo, unsigned& color, std::string& error);
void destroy_framebuffer(unsigned fbo, unsigned color);
void bind_framebuffer(unsigned fbo);
void gl_clear(int width, int height, float r, float g, float b);
void gl_finish();
void read_rgba(int width, int height, unsigned char* out);

}  // namespace ys::gui
