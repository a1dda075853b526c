# cmake -DINPUT=config/shoes.csv -DOUTPUT=bundled_shoes.cpp -P embed_csv.cmake
# Writes a C++ source that returns the CSV text from tendon::config_detail::bundled_shoes_csv().
file(READ "${INPUT}" csv)
set(delimiter "tendon_csv")
string(FIND "${csv}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
set(content "// Generated from ${INPUT} by embed_csv.cmake. Do not edit.
#include \"config/bundled_shoes.h\"

namespace tendon::config_detail {

std::string_view bundled_shoes_csv() {
  static constexpr char kText[] = R\"${delimiter}(${csv})${delimiter}\";
  return {kText, sizeof kText - 1};
}

}  // namespace tendon::config_detail
")
file(WRITE "${OUTPUT}" "${content}")
