#pragma once
// The import progress line on a terminal, redrawn in place on stderr:
//   [=====>     ] 37/120 files  412 runs  2 failed
// and for one big export, from its Import.Progress events:
//   [=====>     ] 412/3650 files  388 runs  3 skipped  0 failed
// Whatever else is printed meanwhile goes through print_above(), so the bar is never
// torn by it; finish() wipes it.
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

namespace tendon::cli {

class ProgressBar {
 public:
  // Drawn only when `enabled` (stderr is a terminal and there is more than one file).
  ProgressBar(std::size_t total_files, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::size_t files_done, std::size_t runs, std::size_t failed);
  // The files inside one export: the total may be learnt (or change) as it goes.
  void update_export(std::size_t files_done, std::size_t files_total, std::size_t runs, std::size_t skipped,
                     std::size_t failed);
  // Writes `text` to `out` with the bar cleared first and drawn again after.
  void print_above(std::ostream& out, const std::string& text);
  void finish();

 private:
  void clear();
  void draw();

  std::size_t total_;
  bool enabled_;
  std::size_t done_ = 0, runs_ = 0, failed_ = 0;
  std::optional<std::size_t> skipped_;  // shown for an export's files
  std::size_t drawn_width_ = 0;  // columns the bar takes now (0: not shown)
};

}  // namespace tendon::cli
