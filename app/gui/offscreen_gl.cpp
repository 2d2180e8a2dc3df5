#include "gui/offscreen_gl.h"

#define GLFW_INCLUDE_NONE
#include <GL/glcorearb.h>
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

namespace ys::gui {

namespace {

struct Gl {
    PFNGLGENFRAMEBUFFERSPROC GenFramebuffers = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC DeleteFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC BindFramebuffer = nullptr;
    PFNGLGENRENDERBUFFERSPROC GenRenderbuffers = nullptr;
    PFNGLDELETERENDERBUFFERSPROC DeleteRenderbuffers = nullptr;
    PFNGLBINDRENDERBUFFERPROC BindRenderbuffer = nullptr;
    PFNGLRENDERBUFFERSTORAGEPROC RenderbufferStorage = nullptr;
    PFNGLFRAMEBUFFERRENDERBUFFERPROC FramebufferRenderbuffer = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC CheckFramebufferStatus = nullptr;
    PFNGLVIEWPORTPROC Viewport = nullptr;
    PFNGLCLEARCOLORPROC ClearColor = nullptr;
    PFNGLCLEARPROC Clear = nullptr;
    PFNGLFINISHPROC Finish = nullptr;
    PFNGLREADPIXELSPROC ReadPixels = nullptr;
    PFNGLPIXELSTOREIPROC PixelStorei = nullptr;
    PFNGLREADBUFFERPROC ReadBuffer = nullptr;
    bool loaded = false;
};

Gl& gl() {
    static Gl g;
    if (!g.loaded) {
        auto load = [](const char* name) { return glfwGetProcAddress(name); };
        g.GenFramebuffers = reinterpret_cast<PFNGLGENFRAMEBUFFERSPROC>(load("glGenFramebuffers"));
        g.DeleteFramebuffers = reinterpret_cast<PFNGLDELETEFRAMEBUFFERSPROC>(load("glDeleteFramebuffers"));
        g.BindFramebuffer = reinterpret_cast<PFNGLBINDFRAMEBUFFERPROC>(load("glBindFramebuffer"));
        g.GenRenderbuffers = reinterpret_cast<PFNGLGENRENDERBUFFERSPROC>(load("glGenRenderbuffers"));
        g.DeleteRenderbuffers = reinterpret_cast<PFNGLDELETERENDERBUFFERSPROC>(load("glDeleteRenderbuffers"));
        g.BindRenderbuffer = reinterpret_cast<PFNGLBINDRENDERBUFFERPROC>(load("glBindRenderbuffer"));
        g.RenderbufferStorage = reinterpret_cast<PFNGLRENDERBUFFERSTORAGEPROC>(load("glRenderbufferStorage"));
        g.FramebufferRenderbuffer =
            reinterpret_cast<PFNGLFRAMEBUFFERRENDERBUFFERPROC>(load("glFramebufferRenderbuffer"));
        g.CheckFramebufferStatus =
            reinterpret_cast<PFNGLCHECKFRAMEBUFFERSTATUSPROC>(load("glCheckFramebufferStatus"));
        g.Viewport = reinterpret_cast<PFNGLVIEWPORTPROC>(load("glViewport"));
        g.ClearColor = reinterpret_cast<PFNGLCLEARCOLORPROC>(load("glClearColor"));
        g.Clear = reinterpret_cast<PFNGLCLEARPROC>(load("glClear"));
        g.Finish = reinterpret_cast<PFNGLFINISHPROC>(load("glFinish"));
        g.ReadPixels = reinterpret_cast<PFNGLREADPIXELSPROC>(load("glReadPixels"));
        g.PixelStorei = reinterpret_cast<PFNGLPIXELSTOREIPROC>(load("glPixelStorei"));
        g.ReadBuffer = reinterpret_cast<PFNGLREADBUFFERPROC>(load("glReadBuffer"));
        g.loaded = true;
    }
    return g;
}

}  // namespace

bool create_framebuffer(int width, int height, unsigned& fbo, unsigned& color, std::string& error) {
    Gl& g = gl();
    if (!g.GenFramebuffers || !g.GenRenderbuffers || !g.CheckFramebufferStatus) {
        error = "OpenGL framebuffer objects are not available";
        return false;
    }
    GLuint f = 0, c = 0;
    g.GenFramebuffers(1, &f);
    g.BindFramebuffer(GL_FRAMEBUFFER, f);
    g.GenRenderbuffers(1, &c);
    g.BindRenderbuffer(GL_RENDERBUFFER, c);
    g.RenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    g.FramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, c);
    if (g.CheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        error = "the offscreen framebuffer is incomplete (size " + std::to_string(width) + "x" +
                std::to_string(height) + " too large?)";
        g.DeleteFramebuffers(1, &f);
        g.DeleteRenderbuffers(1, &c);
        return false;
    }
    fbo = f;
    color = c;
    return true;
}

void destroy_framebuffer(unsigned fbo, unsigned color) {
    Gl& g = gl();
    GLuint f = fbo, c = color;
    if (f) g.DeleteFramebuffers(1, &f);
    if (c) g.DeleteRenderbuffers(1, &c);
}

void bind_framebuffer(unsigned fbo) { gl().BindFramebuffer(GL_FRAMEBUFFER, fbo); }

void gl_clear(int width, int height, float r, float g, float b) {
    Gl& x = gl();
    x.Viewport(0, 0, width, height);
    x.ClearColor(r, g, b, 1.0f);
    x.Clear(GL_COLOR_BUFFER_BIT);
}

void gl_finish() { gl().Finish(); }

void read_rgba(int width, int height, unsigned char* out) {
    Gl& g = gl();
    g.ReadBuffer(GL_COLOR_ATTACHMENT0);
    g.PixelStorei(GL_PACK_ALIGNMENT, 1);
    g.ReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out);
}

}  // namespace ys::gui
