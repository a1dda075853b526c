// Which request line the descriptors read with the bytes belong to, and that the reader
// closes every descriptor no line took. Real descriptors (pipes), checked with fcntl.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <vector>

#include "control/line_reader.h"

namespace tendon::control {
namespace {

// A fresh descriptor (the read end of a pipe whose write end is closed at once).
int new_fd() {
  int ends[2] = {-1, -1};
  if (::pipe2(ends, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  ::close(ends[1]);
  return ends[0];
}

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

std::size_t fd_count(const std::optional<LineReader::Line>& line) {
  return line && line->fds ? line->fds->size() : 0;
}

// Takes every descriptor of `line` and closes it; returns them (numbers, now closed).
std::vector<int> take_all(const LineReader::Line& line) {
  std::vector<int> taken;
  for (std::size_t i = 0; line.fds && i < line.fds->size(); ++i) taken.push_back(line.fds->take(i));
  for (const int fd : taken) ::close(fd);
  return taken;
}

TEST(LineReaderFds, BelongToTheLineOfTheLastByteReadWithThem) {
  LineReader reader(100, 8);
  // Linux may put plain bytes (the end of line a, all of b) in front of the segment that
  // carried descriptors, never after it: they belong to c, the line of the last byte.
  const int first = new_fd();
  reader.append("a\nb\nc-start", {first});
  auto a = reader.next_line();
  auto b = reader.next_line();
  EXPECT_EQ(fd_count(a), 0U);
  EXPECT_EQ(fd_count(b), 0U);
  EXPECT_EQ(reader.next_line(), std::nullopt);  // c is not complete yet
  reader.append("-end\nd\n");
  auto c = reader.next_line();
  ASSERT_TRUE(c);
  EXPECT_EQ(c->text, "c-start-end");
  ASSERT_EQ(fd_count(c), 1U);
  EXPECT_EQ(c->fds->take(0), first);
  ::close(first);
  EXPECT_EQ(fd_count(reader.next_line()), 0U);  // d
}

TEST(LineReaderFds, PiecesOfOneLineWithDescriptorsAddUp) {
  LineReader reader(100, 8);
  const int one = new_fd();
  const int two = new_fd();
  reader.append("{\"x\":", {one});
  reader.append("1}\n", {two});  // the newline is the last byte: still this line
  auto line = reader.next_line();
  ASSERT_TRUE(line);
  EXPECT_EQ(take_all(*line), (std::vector<int>{one, two}));
}

TEST(LineReaderFds, TooManyForOneLineAreRefusedAndClosed) {
  LineReader reader(100, 2);
  const int one = new_fd();
  const int two = new_fd();
  const int three = new_fd();
  reader.append("ok\n{", {one, two});  // two for the second line: at the limit
  EXPECT_FALSE(reader.too_many_fds());
  reader.append("}", {three});  // a third for the same line
  EXPECT_TRUE(reader.too_many_fds());
  EXPECT_FALSE(is_open(one));
  EXPECT_FALSE(is_open(two));
  EXPECT_FALSE(is_open(three));
  EXPECT_EQ(reader.next_line(), std::nullopt);
}

TEST(LineReaderFds, LimitIsPerLineNotPerRead) {
  LineReader reader(100, 2);
  const int one = new_fd();
  const int two = new_fd();
  const int three = new_fd();
  reader.append("{\"first\":", {one, two});
  // The end of the first line and the start of the next, the next with its own descriptor.
  reader.append("1}\n{", {three});
  EXPECT_FALSE(reader.too_many_fds());
  EXPECT_EQ(take_all(*reader.next_line()), (std::vector<int>{one, two}));
  reader.append("}\n");
  EXPECT_EQ(take_all(*reader.next_line()), (std::vector<int>{three}));
}

TEST(LineReaderFds, UntakenOnesAreClosed) {
  const int on_line = new_fd();
  const int pending = new_fd();
  const int without_bytes = new_fd();
  {
    LineReader reader(100, 8);
    reader.append("line\n", {on_line});
    reader.append("", {without_bytes});  // no byte to belong to
    EXPECT_FALSE(is_open(without_bytes));
    reader.append("half", {pending});
    {
      auto line = reader.next_line();
      EXPECT_EQ(fd_count(line), 1U);
    }  // the line is dropped without anyone taking its descriptor
    EXPECT_FALSE(is_open(on_line));
    EXPECT_TRUE(is_open(pending));
  }  // the reader goes with a line never finished
  EXPECT_FALSE(is_open(pending));
}

TEST(LineReaderFds, UnterminatedLastLineKeepsItsDescriptors) {
  LineReader reader(100, 8);
  const int fd = new_fd();
  reader.append("last", {fd});
  auto last = reader.take_unterminated();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->text, "last");
  EXPECT_EQ(take_all(*last), (std::vector<int>{fd}));
}

}  // namespace
}  // namespace tendon::control
