#include "progress_bar.h"

#include <algorithm>
#include <iostream>

namespace tendon::cli {

namespace {
constexpr std::size_t kBarWidth = 30;
}

ProgressBar::ProgressBar(std::size_t total_files, bool enabled) : total_(total_files), enabled_(enabled) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t files_done, std::size_t runs, std::size_t failed) {
  done_ = files_done;
  runs_ = runs;
  failed_ = failed;
  draw();
}

void ProgressBar::update_export(std::size_t files_done, std::size_t files_total, std::size_t runs, std::size_t skipped,
                                std::size_t failed) {
  total_ = files_total;
  skipped_ = skipped;
  update(files_done, runs, failed);
}

void ProgressBar::print_above(std::ostream& out, const std::string& text) {
  if (text.empty()) return;
  clear();
  out << text;
  out.flush();
  draw();
}

void ProgressBar::finish() {
  clear();
  enabled_ = false;
}

void ProgressBar::clear() {
  if (drawn_width_ == 0) return;
  std::cerr << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
  drawn_width_ = 0;
}

void ProgressBar::draw() {
  if (!enabled_ || total_ == 0) return;
  const std::size_t filled = kBarWidth * std::min(done_, total_) / total_;
  std::string bar(kBarWidth, ' ');
  for (std::size_t i = 0; i < filled; ++i) bar[i] = '=';
  if (filled < kBarWidth) bar[filled] = '>';
  std::string line = "[" + bar + "] " + std::to_string(done_) + "/" + std::to_string(total_) + " files  " +
                     std::to_string(runs_) + " runs  " + (skipped_ ? std::to_string(*skipped_) + " skipped  " : "") +
                     std::to_string(failed_) + " failed";
  // Padded over a longer line drawn before, so no tail of it is left.
  const std::size_t width = line.size();
  if (width < drawn_width_) line.append(drawn_width_ - width, ' ');
  std::cerr << '\r' << line << std::flush;
  drawn_width_ = std::max(width, drawn_width_);
}

}  // namespace tendon::cli
