# ASan + UBSan for the whole tree (CI builds once this way). UBSan findings abort
# so that ctest sees them as failures instead of log lines.
if(TENDON_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # GCC has no such checks on these headers; clang does (cmake/sanitizer-ignorelist.txt).
    add_compile_options(-fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/cmake/sanitizer-ignorelist.txt)
  endif()
endif()
