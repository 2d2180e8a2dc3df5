# Formatting engines used by the VM's built-ins (repr(float), format(), str % args,
# big ints).  Self-contained: no dependency on the VM's object model.
add_library(ys_format STATIC
  ${PROJECT_SOURCE_DIR}/core/vm/format_float.cpp
  ${PROJECT_SOURCE_DIR}/core/vm/format_int.cpp
  ${PROJECT_SOURCE_DIR}/core/vm/format_percent.cpp
  ${PROJECT_SOURCE_DIR}/core/vm/format_spec.cpp
  ${PROJECT_SOURCE_DIR}/core/vm/format_unicode.cpp
)
target_include_directories(ys_format PUBLIC ${PROJECT_SOURCE_DIR}/core)
target_link_libraries(ys_format PRIVATE ys_warnings)
