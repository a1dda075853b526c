// The server's pieces on their own: framing, output bound, event patterns, JSON lines,
// the method table and the peer policy.
#include <gtest/gtest.h>
#include <unistd.h>

#include "control/event_filter.h"
#include "control/json_text.h"
#include "control/line_reader.h"
#include "control/method_table.h"
#include "control/output_queue.h"
#include "control/permissions.h"

namespace tendon::control {
namespace {

std::optional<std::string> text_of(const std::optional<LineReader::Line>& line) {
  if (!line) return std::nullopt;
  return line->text;
}

TEST(LineReader, SplitsLinesAcrossReads) {
  LineReader reader(100);
  reader.append("{\"a\":1}\n{\"b\"");
  EXPECT_EQ(text_of(reader.next_line()), "{\"a\":1}");
  EXPECT_EQ(text_of(reader.next_line()), std::nullopt);
  reader.append(":2}\r\n\n");
  EXPECT_EQ(text_of(reader.next_line()), "{\"b\":2}");
  EXPECT_EQ(text_of(reader.next_line()), "");
  EXPECT_EQ(text_of(reader.next_line()), std::nullopt);
  reader.append("tail");
  EXPECT_EQ(text_of(reader.next_line()), std::nullopt);
  EXPECT_EQ(text_of(reader.take_unterminated()), "tail");
}

TEST(LineReader, RefusesALongLineBeforeItEnds) {
  LineReader reader(8);
  reader.append("12345678\n");
  EXPECT_EQ(text_of(reader.next_line()), "12345678");
  reader.append("123456789");
  EXPECT_EQ(text_of(reader.next_line()), std::nullopt);
  EXPECT_TRUE(reader.too_long());
}

TEST(LineReader, RefusesALongCompleteLine) {
  LineReader reader(8);
  reader.append("ok\n123456789\nnext\n");
  EXPECT_EQ(text_of(reader.next_line()), "ok");
  EXPECT_EQ(text_of(reader.next_line()), std::nullopt);
  EXPECT_TRUE(reader.too_long());
}

TEST(OutputQueue, BoundsBytesAndMessagesButTakesOneLongLine) {
  OutputQueue bytes_bound(10, 100);
  EXPECT_TRUE(bytes_bound.push(std::string(50, 'x') + "\n"));  // an empty queue takes anything
  EXPECT_FALSE(bytes_bound.push("y\n"));
  OutputQueue message_bound(1000, 2);
  EXPECT_TRUE(message_bound.push("a\n"));
  EXPECT_TRUE(message_bound.push("b\n"));
  EXPECT_FALSE(message_bound.push("c\n"));
  EXPECT_EQ(message_bound.messages(), 2U);
}

TEST(OutputQueue, TracksPartialWrites) {
  OutputQueue queue(1000, 10);
  queue.push("hello\n");
  queue.push("world\n");
  EXPECT_EQ(queue.buffers().size(), 2U);
  queue.consume(3);
  EXPECT_EQ(queue.bytes(), 9U);
  EXPECT_EQ(queue.take_front_rest(), "lo\n");
  EXPECT_TRUE(queue.empty());
  queue.push("a\n");
  queue.push("b\n");
  queue.consume(3);
  EXPECT_EQ(queue.messages(), 1U);
  EXPECT_EQ(queue.take_front_rest(), "\n");
}

TEST(EventFilter, Patterns) {
  EXPECT_TRUE(event_matches("*", "Alert.Raised"));
  EXPECT_TRUE(event_matches("Alert.Raised", "Alert.Raised"));
  EXPECT_TRUE(event_matches("Alert", "Alert.Raised"));
  EXPECT_FALSE(event_matches("Alert", "Alerting.Raised"));
  EXPECT_TRUE(event_matches("Import.*", "Import.Finished"));
  EXPECT_TRUE(event_matches("Import.", "Import.Failed"));
  EXPECT_FALSE(event_matches("Alert.Raised", "Alert.Withdrawn"));
  EventFilter filter;
  EXPECT_FALSE(filter.wants("Alert.Raised"));  // nothing until subscribed
  filter.subscribe({});
  EXPECT_TRUE(filter.wants("Anything.AtAll"));
  filter.subscribe({"Import", "Alert.Raised", "Import"});
  EXPECT_EQ(filter.patterns(), (std::vector<std::string>{"Alert.Raised", "Import"}));
  EXPECT_FALSE(filter.wants("Alert.Withdrawn"));
}

TEST(JsonText, LinesHaveNoRawNewlines) {
  EXPECT_EQ(json_string("a\nb\"c"), R"("a\nb\"c")");
  EXPECT_EQ(result_line("1", JsonText::raw("true")), R"({"jsonrpc":"2.0","id":1,"result":true})");
  const std::string data = R"({"path":"x"})";
  EXPECT_EQ(error_line("\"q\"", -32002, "no\nsuch", &data),
            R"({"jsonrpc":"2.0","id":"q","error":{"code":-32002,"message":"no\nsuch","data":{"path":"x"}}})");
  EXPECT_EQ(error_line("null", RpcError(-32001, "denied")),
            R"({"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"denied"}})");
  rapidjson::Document document;
  document.Parse(R"({ "a" : [1, 2] })");
  EXPECT_EQ(notification_line("Alert.Raised", document), R"({"jsonrpc":"2.0","method":"Alert.Raised","params":{"a":[1,2]}})");
}

TEST(MethodTable, RefusesBadDescriptions) {
  MethodTable table;
  const SyncHandler handler = [](const rapidjson::Value&, const Caller&) { return JsonText(); };
  EXPECT_THROW(table.add(MethodSpec{"", Tier::read, "", "{}"}, handler), std::invalid_argument);
  EXPECT_THROW(table.add(MethodSpec{"A.B", Tier::read, "", "[1]"}, handler), std::invalid_argument);
  table.add(MethodSpec{"A.B", Tier::admin, "d", "{ \"x\" :\n 1 }"}, handler);
  ASSERT_NE(table.find("A.B"), nullptr);
  EXPECT_EQ(table.describe().text(),
            R"({"methods":[{"name":"A.B","tier":"admin","description":"d","params":{"x":1}}]})");
}

TEST(PeerPolicy, Tiers) {
  PeerPolicy policy;
  policy.owner_uid = 1000;
  policy.root_is_admin = true;
  policy.control_gids = {2000};
  policy.read_uids = {3000};
  policy.read_gids = {4000};
  EXPECT_EQ(policy({1, 1000, 1000}), Tier::admin);
  EXPECT_EQ(policy({1, 0, 0}), Tier::admin);
  // Uids without passwd entries: only their primary gid counts.
  EXPECT_EQ(policy({1, 54321, 2000}), Tier::control);
  EXPECT_EQ(policy({1, 3000, 54321}), Tier::read);
  EXPECT_EQ(policy({1, 54322, 4000}), Tier::read);
  EXPECT_EQ(policy({1, 54323, 54323}), std::nullopt);
  policy.root_is_admin = false;
  EXPECT_EQ(policy({1, 0, 54323}), std::nullopt);
  EXPECT_TRUE(allows(Tier::admin, Tier::control));
  EXPECT_FALSE(allows(Tier::read, Tier::control));
}

TEST(PeerPolicy, SupplementaryGroupsCount) {
  // Our own uid's groups from the passwd/group databases include our primary gid.
  const PeerCredentials me{::getpid(), ::getuid(), ::getgid()};
  const auto groups = groups_of(me);
  EXPECT_NE(std::find(groups.begin(), groups.end(), ::getgid()), groups.end());
}

}  // namespace
}  // namespace tendon::control
