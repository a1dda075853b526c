# Every target of ours gets the same strict warning set; warnings are errors.
# -Wnull-dereference is left out: GCC 12 reports it after -O2 inlining inside Boost.Asio and
# libstdc++ headers where no null pointer exists; the ASan/UBSan build catches real ones.
add_library(tendon_warnings INTERFACE)
target_compile_options(tendon_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
# GCC 12 at -O3 (Release) reports -Wrestrict inside libstdc++'s std::string code with
# impossible sizes (GCC bug 105329); it is a false positive in headers, not in our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(tendon_warnings INTERFACE -Wno-restrict)
endif()
# Clang (the fuzz build) in C++20 flags every `iterator == value.MemberEnd()` on RapidJSON's
# member iterators as ambiguous with the reversed call: the header declares operator== for
# const and non-const iterators both; the call is fine.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  target_compile_options(tendon_warnings INTERFACE -Wno-ambiguous-reversed-operator)
endif()
