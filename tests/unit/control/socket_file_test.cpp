// Binding the socket file: folders, modes, groups, stale files, a live server, adoption.
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "control/server.h"
#include "server_fixture.h"
#include "support/temp_dir.h"
#include "test_client.h"

namespace tendon::control {
namespace {

using testing::ServerFixture;
using testing::TempDir;
using testing::TestClient;

mode_t mode_of(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

// A socket file as a crashed daemon leaves it: bound, then closed without unlink.
int bind_raw(const std::string& path, bool keep_listening) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  EXPECT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  if (keep_listening) {
    EXPECT_EQ(::listen(fd, 4), 0);
    return fd;
  }
  ::close(fd);
  return -1;
}

TEST(SocketFile, UserModeCreatesAPrivateFolderAndA0600Socket) {
  ServerFixture fixture;
  fixture.start();
  EXPECT_EQ(mode_of(fixture.socket_path()), 0600U);
  EXPECT_TRUE(S_ISSOCK([&] {
    struct stat info {};
    ::lstat(fixture.socket_path().c_str(), &info);
    return info.st_mode;
  }()));
  EXPECT_EQ(mode_of(fixture.dir() / "run/tendon"), 0700U);
  EXPECT_EQ(mode_of(fixture.dir() / "run"), 0700U);
}

TEST(SocketFile, SystemModeSetsGroupAndMode) {
  TempDir dir;
  const std::string path = dir / "tendond.sock";
  const group* own = ::getgrgid(::getgid());
  ASSERT_NE(own, nullptr);
  const BoundSocket bound = bind_socket_file({path, 0660, own->gr_name});
  ::close(bound.fd);
  EXPECT_EQ(mode_of(path), 0660U);
  struct stat info {};
  ::lstat(path.c_str(), &info);
  EXPECT_EQ(info.st_gid, ::getgid());
  remove_socket_file(path, bound.identity);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SocketFile, MissingGroupIsAClearError) {
  TempDir dir;
  const std::string path = dir / "tendond.sock";
  try {
    bind_socket_file({path, 0660, "tendon-no-such-group"});
    FAIL() << "bound with a missing group";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("group 'tendon-no-such-group' does not exist"), std::string::npos)
        << error.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SocketFile, StaleSocketIsReplaced) {
  ServerFixture fixture;
  std::filesystem::create_directories(std::filesystem::path(fixture.socket_path()).parent_path());
  bind_raw(fixture.socket_path(), false);
  ASSERT_TRUE(std::filesystem::exists(fixture.socket_path()));
  fixture.start();
  TestClient client(fixture.socket_path());
  EXPECT_TRUE(client.read_line().has_value());
}

TEST(SocketFile, LiveServerIsNotReplaced) {
  ServerFixture fixture;
  fixture.start();
  boost::asio::io_context other_io;
  Server second(other_io);
  try {
    second.listen({fixture.socket_path(), 0600, ""});
    FAIL() << "a second server took the socket";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("another daemon is already listening"), std::string::npos)
        << error.what();
  }
  second.stop();  // must not remove the first server's file
  TestClient client(fixture.socket_path());
  EXPECT_TRUE(client.read_line().has_value());
}

TEST(SocketFile, SomethingElseAtThePathIsNotTouched) {
  TempDir dir;
  const auto path = dir.write("tendond.sock", "precious");
  EXPECT_THROW(bind_socket_file({path, 0600, ""}), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_regular_file(path));
}

TEST(SocketFile, AdoptedSocketIsServedAndLeftInPlace) {
  TempDir dir;
  const std::string path = dir / "activated.sock";
  const int fd = bind_raw(path, true);  // as systemd would hand it over
  boost::asio::io_context io;
  Server server(io);
  server.adopt(fd);
  std::thread loop([&] { io.run_for(std::chrono::seconds(10)); });
  {
    TestClient client(path);
    const auto hello = client.read_json();
    EXPECT_STREQ(hello["method"].GetString(), "Server.Hello");
  }
  boost::asio::post(io, [&] {
    server.stop();
    io.stop();
  });
  loop.join();
  EXPECT_TRUE(std::filesystem::exists(path));  // systemd's file, not ours
}

}  // namespace
}  // namespace tendon::control
