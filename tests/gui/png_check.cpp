// png_check FILE WIDTH HEIGHT MIN_COLOURS: exits 0 when FILE is a PNG of exactly
// WIDTH x HEIGHT pixels with at least MIN_COLOURS distinct colours (so not blank).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_set>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT MIN_COLOURS\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(argv[1], &w, &h, &n, 4);
    if (!pixels) {
        std::printf("unreadable PNG: %s\n", stbi_failure_reason());
        return 1;
    }
    std::unordered_set<unsigned> colours;
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        const unsigned char* p = pixels + 4 * i;
        colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2]);
    }
    stbi_image_free(pixels);
    const bool ok = w == std::atoi(argv[2]) && h == std::atoi(argv[3]) &&
                    static_cast<long>(colours.size()) >= std::atol(argv[4]);
    std::printf("%dx%d, %zu colours\n", w, h, colours.size());
    return ok ? 0 : 1;
}
