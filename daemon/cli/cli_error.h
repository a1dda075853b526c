#pragma once
// An error that ends tendonctl with a given exit code (exit_codes.h) and one line on stderr.
#include <stdexcept>
#include <string>

namespace tendon::cli {

class CliError : public std::runtime_error {
 public:
  CliError(int exit_code, const std::string& message) : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace tendon::cli
