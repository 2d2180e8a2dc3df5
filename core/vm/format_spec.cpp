#include "vm/format_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "vm/format_float.h"

namespace ys::fmt {

// ---------------------------------------------------------------- UTF-8 ----

std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(c);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

namespace {


std::string utf8_encode_all(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out += utf8_encode(c);
  return out;
}

std::string repeat(char32_t c, int64_t n) {
  std::string out;
  if (n <= 0) return out;
  const std::string one = utf8_encode(c);
  out.reserve(one.size() * static_cast<std::size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += one;
  return out;
}

std::string hex_of(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(c));
  return buf;
}

// '%c' for printable ASCII, else '\x..' as CPython does in these messages.
std::string code_text(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  return "\\x" + hex_of(c);
}

// Non-printable code points above ASCII (str.isprintable() is False), as
// inclusive ranges; Unicode 14.0 as in CPython 3.11.  tests/format checks this
// against python3 over every code point.
struct CodeRange {
  char32_t first;
  char32_t last;
};
constexpr CodeRange kNonPrintable[] = {
    {0x80, 0xA0}, {0xAD, 0xAD}, {0x378, 0x379}, {0x380, 0x383}, {0x38B, 0x38B}, {0x38D, 0x38D},
    {0x3A2, 0x3A2}, {0x530, 0x530}, {0x557, 0x558}, {0x58B, 0x58C}, {0x590, 0x590}, {0x5C8, 0x5CF},
    {0x5EB, 0x5EE}, {0x5F5, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD}, {0x70E, 0x70F}, {0x74B, 0x74C},
    {0x7B2, 0x7BF}, {0x7FB, 0x7FC}, {0x82E, 0x82F}, {0x83F, 0x83F}, {0x85C, 0x85D}, {0x85F, 0x85F},
    {0x86B, 0x86F}, {0x88F, 0x897}, {0x8E2, 0x8E2}, {0x984, 0x984}, {0x98D, 0x98E}, {0x991, 0x992},
    {0x9A9, 0x9A9}, {0x9B1, 0x9B1}, {0x9B3, 0x9B5}, {0x9BA, 0x9BB}, {0x9C5, 0x9C6}, {0x9C9, 0x9CA},
    {0x9CF, 0x9D6}, {0x9D8, 0x9DB}, {0x9DE, 0x9DE}, {0x9E4, 0x9E5}, {0x9FF, 0xA00}, {0xA04, 0xA04},
    {0xA0B, 0xA0E}, {0xA11, 0xA12}, {0xA29, 0xA29}, {0xA31, 0xA31}, {0xA34, 0xA34}, {0xA37, 0xA37},
    {0xA3A, 0xA3B}, {0xA3D, 0xA3D}, {0xA43, 0xA46}, {0xA49, 0xA4A}, {0xA4E, 0xA50}, {0xA52, 0xA58},
    {0xA5D, 0xA5D}, {0xA5F, 0xA65}, {0xA77, 0xA80}, {0xA84, 0xA84}, {0xA8E, 0xA8E}, {0xA92, 0xA92},
    {0xAA9, 0xAA9}, {0xAB1, 0xAB1}, {0xAB4, 0xAB4}, {0xABA, 0xABB}, {0xAC6, 0xAC6}, {0xACA, 0xACA},
    {0xACE, 0xACF}, {0xAD1, 0xADF}, {0xAE4, 0xAE5}, {0xAF2, 0xAF8}, {0xB00, 0xB00}, {0xB04, 0xB04},
    {0xB0D, 0xB0E}, {0xB11, 0xB12}, {0xB29, 0xB29}, {0xB31, 0xB31}, {0xB34, 0xB34}, {0xB3A, 0xB3B},
    {0xB45, 0xB46}, {0xB49, 0xB4A}, {0xB4E, 0xB54}, {0xB58, 0xB5B}, {0xB5E, 0xB5E}, {0xB64, 0xB65},
    {0xB78, 0xB81}, {0xB84, 0xB84}, {0xB8B, 0xB8D}, {0xB91, 0xB91}, {0xB96, 0xB98}, {0xB9B, 0xB9B},
    {0xB9D, 0xB9D}, {0xBA0, 0xBA2}, {0xBA5, 0xBA7}, {0xBAB, 0xBAD}, {0xBBA, 0xBBD}, {0xBC3, 0xBC5},
    {0xBC9, 0xBC9}, {0xBCE, 0xBCF}, {0xBD1, 0xBD6}, {0xBD8, 0xBE5}, {0xBFB, 0xBFF}, {0xC0D, 0xC0D},
    {0xC11, 0xC11}, {0xC29, 0xC29}, {0xC3A, 0xC3B}, {0xC45, 0xC45}, {0xC49, 0xC49}, {0xC4E, 0xC54},
    {0xC57, 0xC57}, {0xC5B, 0xC5C}, {0xC5E, 0xC5F}, {0xC64, 0xC65}, {0xC70, 0xC76}, {0xC8D, 0xC8D},
    {0xC91, 0xC91}, {0xCA9, 0xCA9}, {0xCB4, 0xCB4}, {0xCBA, 0xCBB}, {0xCC5, 0xCC5}, {0xCC9, 0xCC9},
    {0xCCE, 0xCD4}, {0xCD7, 0xCDC}, {0xCDF, 0xCDF}, {0xCE4, 0xCE5}, {0xCF0, 0xCF0}, {0xCF3, 0xCFF},
    {0xD0D, 0xD0D}, {0xD11, 0xD11}, {0xD45, 0xD45}, {0xD49, 0xD49}, {0xD50, 0xD53}, {0xD64, 0xD65},
    {0xD80, 0xD80}, {0xD84, 0xD84}, {0xD97, 0xD99}, {0xDB2, 0xDB2}, {0xDBC, 0xDBC}, {0xDBE, 0xDBF},
    {0xDC7, 0xDC9}, {0xDCB, 0xDCE}, {0xDD5, 0xDD5}, {0xDD7, 0xDD7}, {0xDE0, 0xDE5}, {0xDF0, 0xDF1},
    {0xDF5, 0xE00}, {0xE3B, 0xE3E}, {0xE5C, 0xE80}, {0xE83, 0xE83}, {0xE85, 0xE85}, {0xE8B, 0xE8B},
    {0xEA4, 0xEA4}, {0xEA6, 0xEA6}, {0xEBE, 0xEBF}, {0xEC5, 0xEC5}, {0xEC7, 0xEC7}, {0xECE, 0xECF},
    {0xEDA, 0xEDB}, {0xEE0, 0xEFF}, {0xF48, 0xF48}, {0xF6D, 0xF70}, {0xF98, 0xF98}, {0xFBD, 0xFBD},
    {0xFCD, 0xFCD}, {0xFDB, 0xFFF}, {0x10C6, 0x10C6}, {0x10C8, 0x10CC}, {0x10CE, 0x10CF}, {0x1249, 0x1249},
    {0x124E, 0x124F}, {0x1257, 0x1257}, {0x1259, 0x1259}, {0x125E, 0x125F}, {0x1289, 0x1289},
    {0x128E, 0x128F}, {0x12B1, 0x12B1}, {0x12B6, 0x12B7}, {0x12BF, 0x12BF}, {0x12C1, 0x12C1},
    {0x12C6, 0x12C7}, {0x12D7, 0x12D7}, {0x1311, 0x1311}, {0x1316, 0x1317}, {0x135B, 0x135C},
    {0x137D, 0x137F}, {0x139A, 0x139F}, {0x13F6, 0x13F7}, {0x13FE, 0x13FF}, {0x1680, 0x1680},
    {0x169D, 0x169F}, {0x16F9, 0x16FF}, {0x1716, 0x171E}, {0x1737, 0x173F}, {0x1754, 0x175F},
    {0x176D, 0x176D}, {0x1771, 0x1771}, {0x1774, 0x177F}, {0x17DE, 0x17DF}, {0x17EA, 0x17EF},
    {0x17FA, 0x17FF}, {0x180E, 0x180E}, {0x181A, 0x181F}, {0x1879, 0x187F}, {0x18AB, 0x18AF},
    {0x18F6, 0x18FF}, {0x191F, 0x191F}, {0x192C, 0x192F}, {0x193C, 0x193F}, {0x1941, 0x1943},
    {0x196E, 0x196F}, {0x1975, 0x197F}, {0x19AC, 0x19AF}, {0x19CA, 0x19CF}, {0x19DB, 0x19DD},
    {0x1A1C, 0x1A1D}, {0x1A5F, 0x1A5F}, {0x1A7D, 0x1A7E}, {0x1A8A, 0x1A8F}, {0x1A9A, 0x1A9F},
    {0x1AAE, 0x1AAF}, {0x1ACF, 0x1AFF}, {0x1B4D, 0x1B4F}, {0x1B7F, 0x1B7F}, {0x1BF4, 0x1BFB},
    {0x1C38, 0x1C3A}, {0x1C4A, 0x1C4C}, {0x1C89, 0x1C8F}, {0x1CBB, 0x1CBC}, {0x1CC8, 0x1CCF},
    {0x1CFB, 0x1CFF}, {0x1F16, 0x1F17}, {0x1F1E, 0x1F1F}, {0x1F46, 0x1F47}, {0x1F4E, 0x1F4F},
    {0x1F58, 0x1F58}, {0x1F5A, 0x1F5A}, {0x1F5C, 0x1F5C}, {0x1F5E, 0x1F5E}, {0x1F7E, 0x1F7F},
    {0x1FB5, 0x1FB5}, {0x1FC5, 0x1FC5}, {0x1FD4, 0x1FD5}, {0x1FDC, 0x1FDC}, {0x1FF0, 0x1FF1},
    {0x1FF5, 0x1FF5}, {0x1FFF, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F}, {0x2072, 0x2073},
    {0x208F, 0x208F}, {0x209D, 0x209F}, {0x20C1, 0x20CF}, {0x20F1, 0x20FF}, {0x218C, 0x218F},
    {0x2427, 0x243F}, {0x244B, 0x245F}, {0x2B74, 0x2B75}, {0x2B96, 0x2B96}, {0x2CF4, 0x2CF8},
    {0x2D26, 0x2D26}, {0x2D28, 0x2D2C}, {0x2D2E, 0x2D2F}, {0x2D68, 0x2D6E}, {0x2D71, 0x2D7E},
    {0x2D97, 0x2D9F}, {0x2DA7, 0x2DA7}, {0x2DAF, 0x2DAF}, {0x2DB7, 0x2DB7}, {0x2DBF, 0x2DBF},
    {0x2DC7, 0x2DC7}, {0x2DCF, 0x2DCF}, {0x2DD7, 0x2DD7}, {0x2DDF, 0x2DDF}, {0x2E5E, 0x2E7F},
    {0x2E9A, 0x2E9A}, {0x2EF4, 0x2EFF}, {0x2FD6, 0x2FEF}, {0x2FFC, 0x3000}, {0x3040, 0x3040},
    {0x3097, 0x3098}, {0x3100, 0x3104}, {0x3130, 0x3130}, {0x318F, 0x318F}, {0x31E4, 0x31EF},
    {0x321F, 0x321F}, {0xA48D, 0xA48F}, {0xA4C7, 0xA4CF}, {0xA62C, 0xA63F}, {0xA6F8, 0xA6FF},
    {0xA7CB, 0xA7CF}, {0xA7D2, 0xA7D2}, {0xA7D4, 0xA7D4}, {0xA7DA, 0xA7F1}, {0xA82D, 0xA82F},
    {0xA83A, 0xA83F}, {0xA878, 0xA87F}, {0xA8C6, 0xA8CD}, {0xA8DA, 0xA8DF}, {0xA954, 0xA95E},
    {0xA97D, 0xA97F}, {0xA9CE, 0xA9CE}, {0xA9DA, 0xA9DD}, {0xA9FF, 0xA9FF}, {0xAA37, 0xAA3F},
    {0xAA4E, 0xAA4F}, {0xAA5A, 0xAA5B}, {0xAAC3, 0xAADA}, {0xAAF7, 0xAB00}, {0xAB07, 0xAB08},
    {0xAB0F, 0xAB10}, {0xAB17, 0xAB1F}, {0xAB27, 0xAB27}, {0xAB2F, 0xAB2F}, {0xAB6C, 0xAB6F},
    {0xABEE, 0xABEF}, {0xABFA, 0xABFF}, {0xD7A4, 0xD7AF}, {0xD7C7, 0xD7CA}, {0xD7FC, 0xF8FF},
    {0xFA6E, 0xFA6F}, {0xFADA, 0xFAFF}, {0xFB07, 0xFB12}, {0xFB18, 0xFB1C}, {0xFB37, 0xFB37},
    {0xFB3D, 0xFB3D}, {0xFB3F, 0xFB3F}, {0xFB42, 0xFB42}, {0xFB45, 0xFB45}, {0xFBC3, 0xFBD2},
    {0xFD90, 0xFD91}, {0xFDC8, 0xFDCE}, {0xFDD0, 0xFDEF}, {0xFE1A, 0xFE1F}, {0xFE53, 0xFE53},
    {0xFE67, 0xFE67}, {0xFE6C, 0xFE6F}, {0xFE75, 0xFE75}, {0xFEFD, 0xFF00}, {0xFFBF, 0xFFC1},
    {0xFFC8, 0xFFC9}, {0xFFD0, 0xFFD1}, {0xFFD8, 0xFFD9}, {0xFFDD, 0xFFDF}, {0xFFE7, 0xFFE7},
    {0xFFEF, 0xFFFB}, {0xFFFE, 0xFFFF}, {0x1000C, 0x1000C}, {0x10027, 0x10027}, {0x1003B, 0x1003B},
    {0x1003E, 0x1003E}, {0x1004E, 0x1004F}, {0x1005E, 0x1007F}, {0x100FB, 0x100FF}, {0x10103, 0x10106},
    {0x10134, 0x10136}, {0x1018F, 0x1018F}, {0x1019D, 0x1019F}, {0x101A1, 0x101CF}, {0x101FE, 0x1027F},
    {0x1029D, 0x1029F}, {0x102D1, 0x102DF}, {0x102FC, 0x102FF}, {0x10324, 0x1032C}, {0x1034B, 0x1034F},
    {0x1037B, 0x1037F}, {0x1039E, 0x1039E}, {0x103C4, 0x103C7}, {0x103D6, 0x103FF}, {0x1049E, 0x1049F},
    {0x104AA, 0x104AF}, {0x104D4, 0x104D7}, {0x104FC, 0x104FF}, {0x10528, 0x1052F}, {0x10564, 0x1056E},
    {0x1057B, 0x1057B}, {0x1058B, 0x1058B}, {0x10593, 0x10593}, {0x10596, 0x10596}, {0x105A2, 0x105A2},
    {0x105B2, 0x105B2}, {0x105BA, 0x105BA}, {0x105BD, 0x105FF}, {0x10737, 0x1073F}, {0x10756, 0x1075F},
    {0x10768, 0x1077F}, {0x10786, 0x10786}, {0x107B1, 0x107B1}, {0x107BB, 0x107FF}, {0x10806, 0x10807},
    {0x10809, 0x10809}, {0x10836, 0x10836}, {0x10839, 0x1083B}, {0x1083D, 0x1083E}, {0x10856, 0x10856},
    {0x1089F, 0x108A6}, {0x108B0, 0x108DF}, {0x108F3, 0x108F3}, {0x108F6, 0x108FA}, {0x1091C, 0x1091E},
    {0x1093A, 0x1093E}, {0x10940, 0x1097F}, {0x109B8, 0x109BB}, {0x109D0, 0x109D1}, {0x10A04, 0x10A04},
    {0x10A07, 0x10A0B}, {0x10A14, 0x10A14}, {0x10A18, 0x10A18}, {0x10A36, 0x10A37}, {0x10A3B, 0x10A3E},
    {0x10A49, 0x10A4F}, {0x10A59, 0x10A5F}, {0x10AA0, 0x10ABF}, {0x10AE7, 0x10AEA}, {0x10AF7, 0x10AFF},
    {0x10B36, 0x10B38}, {0x10B56, 0x10B57}, {0x10B73, 0x10B77}, {0x10B92, 0x10B98}, {0x10B9D, 0x10BA8},
    {0x10BB0, 0x10BFF}, {0x10C49, 0x10C7F}, {0x10CB3, 0x10CBF}, {0x10CF3, 0x10CF9}, {0x10D28, 0x10D2F},
    {0x10D3A, 0x10E5F}, {0x10E7F, 0x10E7F}, {0x10EAA, 0x10EAA}, {0x10EAE, 0x10EAF}, {0x10EB2, 0x10EFF},
    {0x10F28, 0x10F2F}, {0x10F5A, 0x10F6F}, {0x10F8A, 0x10FAF}, {0x10FCC, 0x10FDF}, {0x10FF7, 0x10FFF},
    {0x1104E, 0x11051}, {0x11076, 0x1107E}, {0x110BD, 0x110BD}, {0x110C3, 0x110CF}, {0x110E9, 0x110EF},
    {0x110FA, 0x110FF}, {0x11135, 0x11135}, {0x11148, 0x1114F}, {0x11177, 0x1117F}, {0x111E0, 0x111E0},
    {0x111F5, 0x111FF}, {0x11212, 0x11212}, {0x1123F, 0x1127F}, {0x11287, 0x11287}, {0x11289, 0x11289},
    {0x1128E, 0x1128E}, {0x1129E, 0x1129E}, {0x112AA, 0x112AF}, {0x112EB, 0x112EF}, {0x112FA, 0x112FF},
    {0x11304, 0x11304}, {0x1130D, 0x1130E}, {0x11311, 0x11312}, {0x11329, 0x11329}, {0x11331, 0x11331},
    {0x11334, 0x11334}, {0x1133A, 0x1133A}, {0x11345, 0x11346}, {0x11349, 0x1134A}, {0x1134E, 0x1134F},
    {0x11351, 0x11356}, {0x11358, 0x1135C}, {0x11364, 0x11365}, {0x1136D, 0x1136F}, {0x11375, 0x113FF},
    {0x1145C, 0x1145C}, {0x11462, 0x1147F}, {0x114C8, 0x114CF}, {0x114DA, 0x1157F}, {0x115B6, 0x115B7},
    {0x115DE, 0x115FF}, {0x11645, 0x1164F}, {0x1165A, 0x1165F}, {0x1166D, 0x1167F}, {0x116BA, 0x116BF},
    {0x116CA, 0x116FF}, {0x1171B, 0x1171C}, {0x1172C, 0x1172F}, {0x11747, 0x117FF}, {0x1183C, 0x1189F},
    {0x118F3, 0x118FE}, {0x11907, 0x11908}, {0x1190A, 0x1190B}, {0x11914, 0x11914}, {0x11917, 0x11917},
    {0x11936, 0x11936}, {0x11939, 0x1193A}, {0x11947, 0x1194F}, {0x1195A, 0x1199F}, {0x119A8, 0x119A9},
    {0x119D8, 0x119D9}, {0x119E5, 0x119FF}, {0x11A48, 0x11A4F}, {0x11AA3, 0x11AAF}, {0x11AF9, 0x11BFF},
    {0x11C09, 0x11C09}, {0x11C37, 0x11C37}, {0x11C46, 0x11C4F}, {0x11C6D, 0x11C6F}, {0x11C90, 0x11C91},
    {0x11CA8, 0x11CA8}, {0x11CB7, 0x11CFF}, {0x11D07, 0x11D07}, {0x11D0A, 0x11D0A}, {0x11D37, 0x11D39},
    {0x11D3B, 0x11D3B}, {0x11D3E, 0x11D3E}, {0x11D48, 0x11D4F}, {0x11D5A, 0x11D5F}, {0x11D66, 0x11D66},
    {0x11D69, 0x11D69}, {0x11D8F, 0x11D8F}, {0x11D92, 0x11D92}, {0x11D99, 0x11D9F}, {0x11DAA, 0x11EDF},
    {0x11EF9, 0x11FAF}, {0x11FB1, 0x11FBF}, {0x11FF2, 0x11FFE}, {0x1239A, 0x123FF}, {0x1246F, 0x1246F},
    {0x12475, 0x1247F}, {0x12544, 0x12F8F}, {0x12FF3, 0x12FFF}, {0x1342F, 0x143FF}, {0x14647, 0x167FF},
    {0x16A39, 0x16A3F}, {0x16A5F, 0x16A5F}, {0x16A6A, 0x16A6D}, {0x16ABF, 0x16ABF}, {0x16ACA, 0x16ACF},
    {0x16AEE, 0x16AEF}, {0x16AF6, 0x16AFF}, {0x16B46, 0x16B4F}, {0x16B5A, 0x16B5A}, {0x16B62, 0x16B62},
    {0x16B78, 0x16B7C}, {0x16B90, 0x16E3F}, {0x16E9B, 0x16EFF}, {0x16F4B, 0x16F4E}, {0x16F88, 0x16F8E},
    {0x16FA0, 0x16FDF}, {0x16FE5, 0x16FEF}, {0x16FF2, 0x16FFF}, {0x187F8, 0x187FF}, {0x18CD6, 0x18CFF},
    {0x18D09, 0x1AFEF}, {0x1AFF4, 0x1AFF4}, {0x1AFFC, 0x1AFFC}, {0x1AFFF, 0x1AFFF}, {0x1B123, 0x1B14F},
    {0x1B153, 0x1B163}, {0x1B168, 0x1B16F}, {0x1B2FC, 0x1BBFF}, {0x1BC6B, 0x1BC6F}, {0x1BC7D, 0x1BC7F},
    {0x1BC89, 0x1BC8F}, {0x1BC9A, 0x1BC9B}, {0x1BCA0, 0x1CEFF}, {0x1CF2E, 0x1CF2F}, {0x1CF47, 0x1CF4F},
    {0x1CFC4, 0x1CFFF}, {0x1D0F6, 0x1D0FF}, {0x1D127, 0x1D128}, {0x1D173, 0x1D17A}, {0x1D1EB, 0x1D1FF},
    {0x1D246, 0x1D2DF}, {0x1D2F4, 0x1D2FF}, {0x1D357, 0x1D35F}, {0x1D379, 0x1D3FF}, {0x1D455, 0x1D455},
    {0x1D49D, 0x1D49D}, {0x1D4A0, 0x1D4A1}, {0x1D4A3, 0x1D4A4}, {0x1D4A7, 0x1D4A8}, {0x1D4AD, 0x1D4AD},
    {0x1D4BA, 0x1D4BA}, {0x1D4BC, 0x1D4BC}, {0x1D4C4, 0x1D4C4}, {0x1D506, 0x1D506}, {0x1D50B, 0x1D50C},
    {0x1D515, 0x1D515}, {0x1D51D, 0x1D51D}, {0x1D53A, 0x1D53A}, {0x1D53F, 0x1D53F}, {0x1D545, 0x1D545},
    {0x1D547, 0x1D549}, {0x1D551, 0x1D551}, {0x1D6A6, 0x1D6A7}, {0x1D7CC, 0x1D7CD}, {0x1DA8C, 0x1DA9A},
    {0x1DAA0, 0x1DAA0}, {0x1DAB0, 0x1DEFF}, {0x1DF1F, 0x1DFFF}, {0x1E007, 0x1E007}, {0x1E019, 0x1E01A},
    {0x1E022, 0x1E022}, {0x1E025, 0x1E025}, {0x1E02B, 0x1E0FF}, {0x1E12D, 0x1E12F}, {0x1E13E, 0x1E13F},
    {0x1E14A, 0x1E14D}, {0x1E150, 0x1E28F}, {0x1E2AF, 0x1E2BF}, {0x1E2FA, 0x1E2FE}, {0x1E300, 0x1E7DF},
    {0x1E7E7, 0x1E7E7}, {0x1E7EC, 0x1E7EC}, {0x1E7EF, 0x1E7EF}, {0x1E7FF, 0x1E7FF}, {0x1E8C5, 0x1E8C6},
    {0x1E8D7, 0x1E8FF}, {0x1E94C, 0x1E94F}, {0x1E95A, 0x1E95D}, {0x1E960, 0x1EC70}, {0x1ECB5, 0x1ED00},
    {0x1ED3E, 0x1EDFF}, {0x1EE04, 0x1EE04}, {0x1EE20, 0x1EE20}, {0x1EE23, 0x1EE23}, {0x1EE25, 0x1EE26},
    {0x1EE28, 0x1EE28}, {0x1EE33, 0x1EE33}, {0x1EE38, 0x1EE38}, {0x1EE3A, 0x1EE3A}, {0x1EE3C, 0x1EE41},
    {0x1EE43, 0x1EE46}, {0x1EE48, 0x1EE48}, {0x1EE4A, 0x1EE4A}, {0x1EE4C, 0x1EE4C}, {0x1EE50, 0x1EE50},
    {0x1EE53, 0x1EE53}, {0x1EE55, 0x1EE56}, {0x1EE58, 0x1EE58}, {0x1EE5A, 0x1EE5A}, {0x1EE5C, 0x1EE5C},
    {0x1EE5E, 0x1EE5E}, {0x1EE60, 0x1EE60}, {0x1EE63, 0x1EE63}, {0x1EE65, 0x1EE66}, {0x1EE6B, 0x1EE6B},
    {0x1EE73, 0x1EE73}, {0x1EE78, 0x1EE78}, {0x1EE7D, 0x1EE7D}, {0x1EE7F, 0x1EE7F}, {0x1EE8A, 0x1EE8A},
    {0x1EE9C, 0x1EEA0}, {0x1EEA4, 0x1EEA4}, {0x1EEAA, 0x1EEAA}, {0x1EEBC, 0x1EEEF}, {0x1EEF2, 0x1EFFF},
    {0x1F02C, 0x1F02F}, {0x1F094, 0x1F09F}, {0x1F0AF, 0x1F0B0}, {0x1F0C0, 0x1F0C0}, {0x1F0D0, 0x1F0D0},
    {0x1F0F6, 0x1F0FF}, {0x1F1AE, 0x1F1E5}, {0x1F203, 0x1F20F}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F24F},
    {0x1F252, 0x1F25F}, {0x1F266, 0x1F2FF}, {0x1F6D8, 0x1F6DC}, {0x1F6ED, 0x1F6EF}, {0x1F6FD, 0x1F6FF},
    {0x1F774, 0x1F77F}, {0x1F7D9, 0x1F7DF}, {0x1F7EC, 0x1F7EF}, {0x1F7F1, 0x1F7FF}, {0x1F80C, 0x1F80F},
    {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8AF}, {0x1F8B2, 0x1F8FF},
    {0x1FA54, 0x1FA5F}, {0x1FA6E, 0x1FA6F}, {0x1FA75, 0x1FA77}, {0x1FA7D, 0x1FA7F}, {0x1FA87, 0x1FA8F},
    {0x1FAAD, 0x1FAAF}, {0x1FABB, 0x1FABF}, {0x1FAC6, 0x1FACF}, {0x1FADA, 0x1FADF}, {0x1FAE8, 0x1FAEF},
    {0x1FAF7, 0x1FAFF}, {0x1FB93, 0x1FB93}, {0x1FBCB, 0x1FBEF}, {0x1FBFA, 0x1FFFF}, {0x2A6E0, 0x2A6FF},
    {0x2B739, 0x2B73F}, {0x2B81E, 0x2B81F}, {0x2CEA2, 0x2CEAF}, {0x2EBE1, 0x2F7FF}, {0x2FA1E, 0x2FFFF},
    {0x3134B, 0xE00FF}, {0xE01F0, 0x10FFFF},
};

FormatResult value_error(std::string msg) { return FormatResult::failure("ValueError", std::move(msg)); }

bool too_long(const FormatSpec& f) { return f.width > kMaxFormatLength || f.precision > kMaxFormatLength; }

FormatResult memory_error() { return FormatResult::failure("MemoryError", ""); }

}  // namespace

std::string utf8_encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

std::size_t utf8_length(std::string_view s) { return utf8_decode(s).size(); }

bool unicode_isprintable(char32_t c) {
  if (c < 0x80) return c >= 0x20 && c != 0x7F;
  std::size_t lo = 0, hi = std::size(kNonPrintable);
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (kNonPrintable[mid].last < c) lo = mid + 1;
    else hi = mid;
  }
  return !(lo < std::size(kNonPrintable) && kNonPrintable[lo].first <= c);
}

namespace {

void append_escape(std::string& out, char32_t c) {
  char buf[16];
  if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
  else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
  out += buf;
}

std::string repr_impl(std::string_view utf8, bool ascii_only) {
  const std::u32string s = utf8_decode(utf8);
  bool has_single = false, has_double = false;
  for (char32_t c : s) {
    if (c == U'\'') has_single = true;
    if (c == U'"') has_double = true;
  }
  const char32_t quote = (has_single && !has_double) ? U'"' : U'\'';
  std::string out;
  out.push_back(static_cast<char>(quote));
  for (char32_t c : s) {
    if (c == quote || c == U'\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      append_escape(out, c);
    } else if (c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else if (!ascii_only && unicode_isprintable(c)) {
      out += utf8_encode(c);
    } else {
      append_escape(out, c);
    }
  }
  out.push_back(static_cast<char>(quote));
  return out;
}

}  // namespace

std::string str_repr(std::string_view utf8) { return repr_impl(utf8, false); }

std::string str_ascii(std::string_view utf8) { return repr_impl(utf8, true); }

std::string utf8_prefix(std::string_view s, std::size_t n) {
  std::u32string d = utf8_decode(s);
  if (d.size() <= n) return std::string(s);
  return utf8_encode_all(std::u32string_view(d).substr(0, n));
}

// ---------------------------------------------------------------- parse ----

std::optional<FormatError> parse_format_spec(std::string_view spec_utf8, SpecTarget target,
                                             std::string_view type_name, FormatSpec* out) {
  const std::u32string spec = utf8_decode(spec_utf8);
  const char32_t default_type = target == SpecTarget::Str ? U's' : target == SpecTarget::Int ? U'd' : 0;
  const char32_t default_align = target == SpecTarget::Str ? U'<' : U'>';
  auto err = [](std::string m) { return FormatError{"ValueError", std::move(m)}; };
  auto is_align = [](char32_t c) { return c == U'<' || c == U'>' || c == U'=' || c == U'^'; };

  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  std::size_t pos = 0;
  const std::size_t end = spec.size();
  bool fill_specified = false;

  if (end - pos >= 2 && is_align(spec[pos + 1])) {
    f.align = spec[pos + 1];
    f.fill = spec[pos];
    fill_specified = true;
    f.align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(spec[pos])) {
    f.align = spec[pos];
    f.align_specified = true;
    ++pos;
  }
  if (pos < end && (spec[pos] == U' ' || spec[pos] == U'+' || spec[pos] == U'-')) {
    f.sign = spec[pos];
    ++pos;
  }
  if (pos < end && spec[pos] == U'z') {
    f.no_neg_0 = true;
    ++pos;
  }
  if (pos < end && spec[pos] == U'#') {
    f.alternate = true;
    ++pos;
  }
  if (!fill_specified && pos < end && spec[pos] == U'0') {
    f.fill = U'0';
    if (!f.align_specified && default_align == U'>') f.align = U'=';
    ++pos;
  }
  // get_integer: returns digits consumed or -1 on overflow.
  auto get_integer = [&](int64_t* result) -> int {
    int64_t acc = 0;
    int n = 0;
    while (pos < end && spec[pos] >= U'0' && spec[pos] <= U'9') {
      const int64_t d = spec[pos] - U'0';
      if (acc > (std::numeric_limits<int64_t>::max() - d) / 10) return -1;
      acc = acc * 10 + d;
      ++pos;
      ++n;
    }
    *result = acc;
    return n;
  };
  int consumed = get_integer(&f.width);
  if (consumed < 0) return err("Too many decimal digits in format string");
  if (consumed == 0) f.width = -1;

  if (pos < end && spec[pos] == U',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == U'_') {
    if (f.grouping) return err("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == U',' && f.grouping == '_') return err("Cannot specify both ',' and '_'.");

  if (pos < end && spec[pos] == U'.') {
    ++pos;
    consumed = get_integer(&f.precision);
    if (consumed < 0) return err("Too many decimal digits in format string");
    if (consumed == 0) return err("Format specifier missing precision");
  }
  if (end - pos > 1) {
    return err("Invalid format specifier '" + std::string(spec_utf8) + "' for object of type '" +
               std::string(type_name) + "'");
  }
  if (end - pos == 1) f.type = spec[pos];

  if (f.grouping) {
    switch (f.type) {
      case U'd': case U'e': case U'f': case U'g': case U'E': case U'G': case U'%': case U'F': case 0:
        break;
      case U'b': case U'o': case U'x': case U'X':
        if (f.grouping == '_') break;
        [[fallthrough]];
      default:
        return err(std::string("Cannot specify '") + f.grouping + "' with '" + code_text(f.type) + "'.");
    }
  }
  *out = f;
  return std::nullopt;
}

// -------------------------------------------------------------- numbers ----

namespace {

// _PyUnicode_InsertThousandsGrouping: groups `digits` every `group` digits
// (0: no grouping) and left-pads with '0' to reach min_width, placing
// separators among the padding zeros as well.
std::string insert_grouping(std::string_view digits, int64_t min_width, int group, char sep) {
  min_width = std::max<int64_t>(0, min_width);
  const int64_t sep_len = group ? 1 : 0;
  std::vector<std::string> pieces;  // right to left
  int64_t remaining = static_cast<int64_t>(digits.size());
  int64_t digits_pos = remaining;
  bool use_separator = false;
  bool loop_broken = false;
  auto emit = [&](int64_t len) {
    const int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    const int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    std::string piece(static_cast<std::size_t>(n_zeros), '0');
    digits_pos -= n_chars;
    piece.append(digits.substr(static_cast<std::size_t>(digits_pos), static_cast<std::size_t>(n_chars)));
    if (use_separator) piece.push_back(sep);
    pieces.push_back(std::move(piece));
    remaining -= n_chars;
  };
  if (group > 0) {
    while (true) {
      const int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      emit(len);
      use_separator = true;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= sep_len;
    }
  }
  if (!loop_broken) emit(std::max<int64_t>(std::max(remaining, min_width), 1));
  std::string out;
  for (std::size_t i = pieces.size(); i-- > 0;) out += pieces[i];
  return out;
}

// calc_number_widths + fill_number.  `digits` is the integer part (may be
// empty for inf/nan and 'c'), `rest` is everything after it (decimal point
// included, exponent, '%', or the 'c' character).
std::string render_number(const FormatSpec& f, char sign_char, std::string_view prefix,
                          std::string_view digits, std::string_view rest, int group, char sep) {
  std::string sign;
  if (f.sign == U'+') sign = sign_char == '-' ? "-" : "+";
  else if (f.sign == U' ') sign = sign_char == '-' ? "-" : " ";
  else if (sign_char == '-') sign = "-";

  const int64_t rest_len = static_cast<int64_t>(utf8_length(rest));
  const int64_t n_non_digit = static_cast<int64_t>(sign.size() + prefix.size()) + rest_len;
  int64_t min_width = 0;
  if (f.fill == U'0' && f.align == U'=') min_width = f.width - n_non_digit;
  std::string grouped;
  if (!digits.empty()) grouped = insert_grouping(digits, min_width, group, sep);
  const int64_t n_padding = f.width - (n_non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case U'<': rpad = n_padding; break;
      case U'^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
      case U'=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  std::string out = repeat(f.fill, lpad);
  out += sign;
  out += prefix;
  out += repeat(f.fill, spad);
  out += grouped;
  out += rest;
  out += repeat(f.fill, rpad);
  return out;
}

int group_size(const FormatSpec& f) {
  if (!f.grouping) return 0;
  if (f.grouping == '_' && (f.type == U'b' || f.type == U'o' || f.type == U'x' || f.type == U'X')) return 4;
  return 3;
}

FormatResult unknown_type(char32_t type, std::string_view type_name) {
  return value_error("Unknown format code '" + code_text(type) + "' for object of type '" +
                     std::string(type_name) + "'");
}

}  // namespace

// -------------------------------------------------------------- strings ----

FormatResult apply_str_spec(std::string_view value, const FormatSpec& f) {
  if (f.sign == U' ') return value_error("Space not allowed in string format specifier");
  if (f.sign) return value_error("Sign not allowed in string format specifier");
  if (f.no_neg_0) return value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
  if (f.align == U'=') return value_error("'=' alignment not allowed in string format specifier");
  if (f.width > kMaxFormatLength) return memory_error();
  std::u32string s = utf8_decode(value);
  int64_t len = static_cast<int64_t>(s.size());
  std::string body(value);
  if (f.precision >= 0 && len > f.precision) {
    len = f.precision;
    body = utf8_encode_all(std::u32string_view(s).substr(0, static_cast<std::size_t>(len)));
  }
  const int64_t total = std::max<int64_t>(len, f.width);
  int64_t lpad = 0;
  if (f.align == U'>') lpad = total - len;
  else if (f.align == U'^') lpad = (total - len) / 2;
  const int64_t rpad = total - len - lpad;
  return FormatResult::success(repeat(f.fill, lpad) + body + repeat(f.fill, rpad));
}

FormatResult format_str(std::string_view value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return FormatResult::success(std::string(value));
  FormatSpec f;
  if (auto e = parse_format_spec(spec, SpecTarget::Str, type_name, &f)) return FormatResult{{}, e};
  if (f.type != U's') return unknown_type(f.type, type_name);
  return apply_str_spec(value, f);
}

// ----------------------------------------------------------------- ints ----

FormatResult apply_int_spec(const BigInt& value, const FormatSpec& f, std::string_view type_name) {
  switch (f.type) {
    case U'b': case U'c': case U'd': case U'o': case U'x': case U'X': case U'n':
      break;
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'%': {
      std::optional<double> d = value.to_double();
      if (!d) return FormatResult::failure("OverflowError", "int too large to convert to float");
      return apply_float_spec(*d, f);
    }
    default:
      return unknown_type(f.type, type_name);
  }
  if (f.precision != -1) return value_error("Precision not allowed in integer format specifier");
  if (f.no_neg_0) return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type == U'c') {
    if (f.sign) return value_error("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    if (!value.fits_int64())
      return FormatResult::failure("OverflowError", "Python int too large to convert to C long");
    const int64_t x = value.to_int64();
    if (x < 0 || x > 0x10ffff) return FormatResult::failure("OverflowError", "%c arg not in range(0x110000)");
    return FormatResult::success(render_number(f, 0, "", "", utf8_encode(static_cast<char32_t>(x)), 0, 0));
  }
  if (f.width > kMaxFormatLength) return memory_error();
  if ((f.type == U'd' || f.type == U'n') && value.exceeds_str_digits())
    return value_error(int_max_str_digits_message());
  int base = 10;
  const char* prefix = "";
  switch (f.type) {
    case U'b': base = 2; prefix = "0b"; break;
    case U'o': base = 8; prefix = "0o"; break;
    case U'x': base = 16; prefix = "0x"; break;
    case U'X': base = 16; prefix = "0X"; break;
    default: break;
  }
  std::string digits = value.abs().to_string(base);
  if (f.type == U'X') {
    for (char& c : digits) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  }
  const char sign_char = value.is_negative() ? '-' : 0;
  const std::string_view pre = f.alternate ? std::string_view(prefix) : std::string_view();
  // 'n' uses the current locale, which is "C" in the VM: no grouping.
  const int group = f.type == U'n' ? 0 : group_size(f);
  return FormatResult::success(render_number(f, sign_char, pre, digits, "", group, f.grouping));
}

FormatResult format_int(const BigInt& value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) {
    if (value.exceeds_str_digits()) return value_error(int_max_str_digits_message());
    return FormatResult::success(value.to_string());
  }
  FormatSpec f;
  if (auto e = parse_format_spec(spec, SpecTarget::Int, type_name, &f)) return FormatResult{{}, e};
  return apply_int_spec(value, f, type_name);
}

FormatResult format_int(int64_t value, std::string_view spec, std::string_view type_name) {
  return format_int(BigInt(value), spec, type_name);
}

FormatResult format_int_digits(std::string_view decimal, std::string_view spec, std::string_view type_name) {
  // Digits of an existing int: no int(text) digit limit applies here.
  std::optional<BigInt> v = BigInt::from_string(decimal, 10);
  if (!v) return value_error("invalid literal for int() with base 10: '" + std::string(decimal) + "'");
  return format_int(*v, spec, type_name);
}

// --------------------------------------------------------------- floats ----

FormatResult apply_float_spec(double val, const FormatSpec& f) {
  if (f.precision > std::numeric_limits<int>::max()) return value_error("precision too big");
  if (too_long(f)) return memory_error();
  int precision = static_cast<int>(f.precision);
  int default_precision = 6;
  unsigned flags = 0;
  if (f.alternate) flags |= kDtsfAlt;
  if (f.no_neg_0) flags |= kDtsfNoNeg0;
  char type = static_cast<char>(f.type);
  if (f.type == 0) {
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string buf = double_to_string(val, type, precision, flags);
  if (add_pct) buf.push_back('%');

  char sign_char = 0;
  std::string_view s(buf);
  if (!s.empty() && s.front() == '-') {
    sign_char = '-';
    s.remove_prefix(1);
  }
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  const int group = f.type == U'n' ? 0 : group_size(f);
  return FormatResult::success(render_number(f, sign_char, "", s.substr(0, n), s.substr(n), group, f.grouping));
}

FormatResult format_float(double value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return FormatResult::success(float_repr(value));
  FormatSpec f;
  if (auto e = parse_format_spec(spec, SpecTarget::Float, type_name, &f)) return FormatResult{{}, e};
  switch (f.type) {
    case 0: case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'n': case U'%':
      return apply_float_spec(value, f);
    default:
      return unknown_type(f.type, type_name);
  }
}

// ----------------------------------------------------------- str.format ----

FormatTemplateIterator::FormatTemplateIterator(std::string_view template_utf8)
    : text_(utf8_decode(template_utf8)) {}

bool FormatTemplateIterator::next(TemplateChunk* chunk, std::optional<FormatError>* error) {
  *chunk = TemplateChunk{};
  error->reset();
  const std::size_t end = text_.size();
  if (pos_ >= end) return false;
  auto fail = [&](const char* msg) {
    *error = FormatError{"ValueError", msg};
    pos_ = end;
    return true;
  };
  const std::size_t start = pos_;
  char32_t c = 0;
  bool markup_follows = false;
  while (pos_ < end) {
    c = text_[pos_++];
    if (c == U'{' || c == U'}') {
      markup_follows = true;
      break;
    }
  }
  const bool at_end = pos_ >= end;
  std::size_t len = pos_ - start;
  if (c == U'}' && (at_end || c != text_[pos_])) return fail("Single '}' encountered in format string");
  if (at_end && c == U'{') return fail("Single '{' encountered in format string");
  if (!at_end) {
    if (c == text_[pos_]) {
      ++pos_;  // escaped "{{" or "}}"
      markup_follows = false;
    } else {
      --len;
    }
  }
  chunk->literal = utf8_encode_all(std::u32string_view(text_).substr(start, len));
  if (!markup_follows) return true;

  // parse_field
  chunk->has_field = true;
  const std::size_t name_start = pos_;
  c = 0;
  while (pos_ < end) {
    c = text_[pos_++];
    if (c == U'{') return fail("unexpected '{' in field name");
    if (c == U'[') {
      while (pos_ < end && text_[pos_] != U']') ++pos_;
      continue;
    }
    if (c == U'}' || c == U':' || c == U'!') break;
  }
  chunk->field_name = utf8_encode_all(std::u32string_view(text_).substr(name_start, pos_ - 1 - name_start));
  if (c == U'!' || c == U':') {
    if (c == U'!') {
      if (pos_ >= end) return fail("end of string while looking for conversion specifier");
      chunk->conversion = text_[pos_++];
      if (pos_ < end) {
        const char32_t c2 = text_[pos_++];
        if (c2 == U'}') return true;
        if (c2 != U':') return fail("expected ':' after conversion specifier");
      }
    }
    const std::size_t spec_start = pos_;
    int count = 1;
    while (pos_ < end) {
      const char32_t c2 = text_[pos_++];
      if (c2 == U'{') {
        chunk->spec_needs_expanding = true;
        ++count;
      } else if (c2 == U'}') {
        if (--count == 0) {
          chunk->format_spec =
              utf8_encode_all(std::u32string_view(text_).substr(spec_start, pos_ - 1 - spec_start));
          return true;
        }
      }
    }
    return fail("unmatched '{' in format spec");
  }
  if (c != U'}') return fail("expected '}' before end of string");
  return true;
}

namespace {

// get_integer of unicode_format.h: -1 when not all decimal digits (or empty).
std::optional<FormatError> field_integer(std::u32string_view s, int64_t* out) {
  *out = -1;
  if (s.empty()) return std::nullopt;
  int64_t acc = 0;
  for (char32_t c : s) {
    if (c < U'0' || c > U'9') return std::nullopt;
    const int64_t d = c - U'0';
    if (acc > (std::numeric_limits<int64_t>::max() - d) / 10)
      return FormatError{"ValueError", "Too many decimal digits in format string"};
    acc = acc * 10 + d;
  }
  *out = acc;
  return std::nullopt;
}

}  // namespace

std::optional<FormatError> split_field_name(std::string_view field_name, AutoNumber* auto_number, FieldName* out) {
  *out = FieldName{};
  const std::u32string s = utf8_decode(field_name);
  std::size_t i = 0;
  while (i < s.size() && s[i] != U'[' && s[i] != U'.') ++i;
  const std::u32string_view first = std::u32string_view(s).substr(0, i);
  out->first = utf8_encode_all(first);
  if (auto e = field_integer(first, &out->first_index)) return e;
  const bool empty = first.empty();
  const bool numeric = empty || out->first_index != -1;
  if (auto_number) {
    if (auto_number->state == AutoNumber::State::Init && numeric)
      auto_number->state = empty ? AutoNumber::State::Auto : AutoNumber::State::Manual;
    if (numeric) {
      if (auto_number->state == AutoNumber::State::Manual && empty)
        return FormatError{"ValueError", "cannot switch from manual field specification to automatic field numbering"};
      if (auto_number->state == AutoNumber::State::Auto && !empty)
        return FormatError{"ValueError", "cannot switch from automatic field numbering to manual field specification"};
    }
    if (empty) out->first_index = auto_number->next_index++;
  }
  // The rest: ".attr" and "[key]" parts.
  while (i < s.size()) {
    FieldNamePart part;
    const char32_t c = s[i++];
    std::size_t name_start = i;
    if (c == U'.') {
      part.is_attribute = true;
      while (i < s.size() && s[i] != U'.' && s[i] != U'[') ++i;
      part.name = utf8_encode_all(std::u32string_view(s).substr(name_start, i - name_start));
      if (i == name_start) {
        out->rest_error = FormatError{"ValueError", "Empty attribute in format string"};
        return std::nullopt;
      }
    } else if (c == U'[') {
      while (i < s.size() && s[i] != U']') ++i;
      if (i >= s.size()) {
        out->rest_error = FormatError{"ValueError", "Missing ']' in format string"};
        return std::nullopt;
      }
      const std::u32string_view key = std::u32string_view(s).substr(name_start, i - name_start);
      ++i;  // past ']'
      part.name = utf8_encode_all(key);
      if (auto e = field_integer(key, &part.index)) {
        out->rest_error = e;
        return std::nullopt;
      }
      if (key.empty()) {
        out->rest_error = FormatError{"ValueError", "Empty attribute in format string"};
        return std::nullopt;
      }
    } else {
      out->rest_error = FormatError{"ValueError", "Only '.' or '[' may follow ']' in format field specifier"};
      return std::nullopt;
    }
    out->rest.push_back(std::move(part));
  }
  return std::nullopt;
}

FormatError conversion_error(char32_t conversion) {
  if (conversion > 32 && conversion < 127)
    return {"ValueError", std::string("Unknown conversion specifier ") + static_cast<char>(conversion)};
  return {"ValueError", "Unknown conversion specifier \\x" + hex_of(conversion)};
}

}  // namespace ys::fmt
