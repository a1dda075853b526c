# Every target of ours gets the same strict warning set; warnings are errors.
# -Wnull-dereference is left out: GCC 12 reports it after -O2 inlining inside Boost.Asio and
# libstdc++ headers where no null pointer exists; the ASan/UBSan build catches real ones.
add_library(tendon_warnings INTERFACE)
target_compile_options(tendon_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
