#pragma once
// A plain aligned table for a terminal: a header row, then rows, columns two spaces apart,
// each as wide as its widest cell.
#include <string>
#include <vector>

namespace tendon::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  void add(std::vector<std::string> row);
  std::string text() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first
};

}  // namespace tendon::cli
