// The XML prolog checks, namespace matching and document loading (plugins/xml).
#include <gtest/gtest.h>

#include <string>

#include "xml_load.h"
#include "xml_names.h"
#include "xml_prolog.h"

namespace tendon::xml {
namespace {

TEST(xmlProlog, SkipsBomAndLeadingWhitespace) {
  EXPECT_EQ(content_start("<?xml"), 0u);
  EXPECT_EQ(content_start("          <?xml"), 10u);
  EXPECT_EQ(content_start("\xEF\xBB\xBF<gpx"), 3u);
  EXPECT_EQ(content_start("\xEF\xBB\xBF \r\n\t<gpx"), 7u);
  EXPECT_EQ(content_start("   "), 3u);
  EXPECT_EQ(content_start(""), 0u);
  EXPECT_EQ(content_start("\xEF\xBB"), 0u);
}

TEST(xmlProlog, FindsTheRootElement) {
  const Prolog p =
      read_prolog("<?xml version=\"1.0\"?>\n<!-- a <comment> -->\n<?pi x?>\n<!DOCTYPE gpx>\n<gpx:gpx xmlns:gpx=\"x\">");
  EXPECT_EQ(p.end, PrologEnd::root);
  EXPECT_EQ(p.root_qname, "gpx:gpx");
  EXPECT_TRUE(p.has_doctype);
  EXPECT_EQ(refused_doctype_reason(p), "");
  EXPECT_EQ(read_prolog("<TrainingCenterDatabase>").root_qname, "TrainingCenterDatabase");
}

TEST(xmlProlog, TruncatedAndNotXml) {
  EXPECT_EQ(read_prolog("<?xml version=\"1.0\"").end, PrologEnd::truncated);
  EXPECT_EQ(read_prolog("<?xml version=\"1.0\"?><!-- long").end, PrologEnd::truncated);
  EXPECT_EQ(read_prolog("<?xml version=\"1.0\"?><gp").end, PrologEnd::truncated);
  EXPECT_EQ(read_prolog("<!DOC").end, PrologEnd::truncated);
  EXPECT_EQ(read_prolog("{\"json\": 1}").end, PrologEnd::not_xml);
  EXPECT_EQ(read_prolog("\x0e\x10\x43\x08").end, PrologEnd::not_xml);
  EXPECT_EQ(read_prolog("<1abc>").end, PrologEnd::not_xml);
  EXPECT_EQ(read_prolog("<!ELEMENT x>").end, PrologEnd::not_xml);
}

TEST(xmlProlog, RefusesEntityDeclarations) {
  const Prolog laughs = read_prolog(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<gpx>&lol2;</gpx>");
  EXPECT_EQ(laughs.end, PrologEnd::root);
  EXPECT_TRUE(laughs.doctype_declares_entities);
  EXPECT_EQ(refused_doctype_reason(laughs), "XML entity declarations are refused (possible entity-expansion attack)");
}

TEST(xmlProlog, RefusesExternalIdentifiers) {
  const Prolog system = read_prolog("<!DOCTYPE gpx SYSTEM \"file:///etc/passwd\"><gpx/>");
  EXPECT_TRUE(system.doctype_external_id);
  EXPECT_NE(refused_doctype_reason(system).find("external"), std::string_view::npos);
  const Prolog pub = read_prolog("<!DOCTYPE gpx PUBLIC \"-//X//Y\" \"http://example.com/x.dtd\"><gpx/>");
  EXPECT_TRUE(pub.doctype_external_id);
  const Prolog param = read_prolog("<!DOCTYPE gpx [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]><gpx/>");
  EXPECT_TRUE(param.doctype_declares_entities);
  // Keywords inside quoted strings or comments of the internal subset are not identifiers.
  const Prolog quoted = read_prolog("<!DOCTYPE gpx [<!-- SYSTEM <!ENTITY --><!ATTLIST gpx a CDATA \"SYSTEM\">]><gpx/>");
  EXPECT_EQ(quoted.end, PrologEnd::root);
  EXPECT_FALSE(quoted.doctype_declares_entities);
  EXPECT_FALSE(quoted.doctype_external_id);
}

TEST(xmlProlog, ProbeRoot) {
  const auto probe = [](std::string_view head, std::string_view root) {
    return probe_root(reinterpret_cast<const unsigned char*>(head.data()), head.size(), root);
  };
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><gpx version=\"1.1\">", "gpx"), 100);
  EXPECT_EQ(probe("          <?xml version=\"1.0\"?>\n<gpx>", "gpx"), 100);
  EXPECT_EQ(probe("\xEF\xBB\xBF<gpx>", "gpx"), 100);
  EXPECT_EQ(probe("<g:gpx xmlns:g=\"x\">", "gpx"), 100);
  EXPECT_EQ(probe("<gpxdata>", "gpx"), 0);
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><TrainingCenterDatabase>", "gpx"), 0);
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><!-- a comment longer than the head", "gpx"), 10);
  EXPECT_EQ(probe("{\"a\":1}", "gpx"), 0);
  EXPECT_EQ(probe("", "gpx"), 0);
  EXPECT_EQ(probe_root(nullptr, 0, "gpx"), 0);
  EXPECT_EQ(probe(std::string_view("<\0g\0p\0x\0", 8), "gpx"), 0);
}

TEST(xmlProlog, WideEncodings) {
  EXPECT_TRUE(is_wide_encoding("\xFF\xFE<\0"));
  EXPECT_TRUE(is_wide_encoding("\xFE\xFF\0<"));
  EXPECT_TRUE(is_wide_encoding(std::string_view("<\0?\0", 4)));
  EXPECT_TRUE(is_wide_encoding(std::string_view("\0<\0?", 4)));
  EXPECT_FALSE(is_wide_encoding("<?xml"));
  EXPECT_FALSE(is_wide_encoding("<"));
}

TEST(xmlNames, ClassifiesNamespaceUris) {
  EXPECT_EQ(classify_namespace("http://www.topografix.com/GPX/1/1"), Ns::gpx11);
  EXPECT_EQ(classify_namespace("http://www.topografix.com/GPX/1/0"), Ns::gpx10);
  EXPECT_EQ(classify_namespace("https://www.topografix.com/GPX/1/1/"), Ns::gpx11);
  EXPECT_EQ(classify_namespace("http://www.garmin.com/xmlschemas/TrackPointExtension/v1"), Ns::tpx_v1);
  EXPECT_EQ(classify_namespace("http://www.garmin.com/xmlschemas/TrackPointExtension/v2"), Ns::tpx_v2);
  EXPECT_EQ(classify_namespace("http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"), Ns::tcd_v2);
  EXPECT_EQ(classify_namespace("http://www.garmin.com/xmlschemas/ActivityExtension/v2"), Ns::ax_v2);
  EXPECT_EQ(classify_namespace("http://www.garmin.com/xmlschemas/PowerExtension/v1"), Ns::power_v1);
  EXPECT_EQ(classify_namespace("http://www.garmin.com/xmlschemas/trackpointextension/v1"), Ns::other);
  EXPECT_EQ(classify_namespace(""), Ns::none);
  EXPECT_EQ(classify_namespace("urn:x"), Ns::other);
}

TEST(xmlNames, SplitsQualifiedNames) {
  EXPECT_EQ(split_qname("gpxtpx:hr").prefix, "gpxtpx");
  EXPECT_EQ(split_qname("gpxtpx:hr").local, "hr");
  EXPECT_EQ(split_qname("hr").prefix, "");
  EXPECT_EQ(split_qname("hr").local, "hr");
  EXPECT_EQ(split_qname("").local, "");
  EXPECT_EQ(split_qname("a:b:c").local, "b:c");
  EXPECT_TRUE(is_xmlns_attribute("xmlns"));
  EXPECT_TRUE(is_xmlns_attribute("xmlns:ns3"));
  EXPECT_FALSE(is_xmlns_attribute("xmlnsx"));
  EXPECT_FALSE(is_xmlns_attribute("xml:lang"));
  EXPECT_FALSE(is_xmlns_attribute("lat"));
}

// Resolves every element of a small document and records "local@ns" in document order.
void collect(pugi::xml_node el, const NsScope& parent, std::string& out) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  const ElementName n = element_name(scope, el);
  out += std::string(n.local) + "@" + std::to_string(static_cast<int>(n.ns)) + " ";
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) collect(c, scope, out);
  }
}

TEST(xmlNames, ScopesFollowDeclarations) {
  std::string doc =
      "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:a=\"http://www.garmin.com/xmlschemas/"
      "TrackPointExtension/v1\" xmlns:b=\"urn:other\" xmlns:c1=\"urn:1\" xmlns:c2=\"urn:2\" xmlns:c3=\"urn:3\" "
      "xmlns:c4=\"urn:4\" xmlns:z=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">"
      "<a:hr/><b:hr/><z:hr/><q:hr/>"
      "<x xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Speed/></x>"
      "<y xmlns=\"\"><w/></y>"
      "<a:t xmlns:a=\"urn:rebound\"><a:hr/></a:t>"
      "<hr/></gpx>";
  pugi::xml_document d;
  ASSERT_TRUE(d.load_buffer_inplace(doc.data(), doc.size(), kParseOptions));
  std::string out;
  const NsScope outside;
  collect(d.document_element(), outside, out);
  const auto id = [](Ns ns) { return std::to_string(static_cast<int>(ns)); };
  EXPECT_EQ(out, "gpx@" + id(Ns::gpx11) + " hr@" + id(Ns::tpx_v1) + " hr@" + id(Ns::other) + " hr@" + id(Ns::tpx_v2) +
                     " hr@" + id(Ns::undeclared) + " x@" + id(Ns::ax_v2) + " Speed@" + id(Ns::ax_v2) + " y@" +
                     id(Ns::none) + " w@" + id(Ns::none) + " t@" + id(Ns::other) + " hr@" + id(Ns::other) + " hr@" +
                     id(Ns::gpx11) + " ");
}

LoadResult load(std::string& text, pugi::xml_document& doc) { return load_xml(text.data(), text.size(), doc); }

TEST(xmlLoad, ParsesAfterLeadingWhitespace) {
  std::string text = "          <?xml version=\"1.0\"?>\n<gpx><trk/></gpx>";
  pugi::xml_document doc;
  const LoadResult r = load(text, doc);
  EXPECT_EQ(r.status, LoadStatus::ok);
  EXPECT_STREQ(doc.document_element().name(), "gpx");
}

TEST(xmlLoad, Failures) {
  pugi::xml_document doc;
  std::string empty;
  EXPECT_EQ(load(empty, doc).message, "empty file");
  std::string blank = "  \n ";
  EXPECT_EQ(load(blank, doc).status, LoadStatus::failed);
  std::string fit = std::string("\x0e\x10\x43\x08\x00\x00\x00\x00.FIT\x00\x00", 14);
  const LoadResult f = load(fit, doc);
  EXPECT_TRUE(f.not_xml);
  EXPECT_EQ(f.message, "the content is a FIT file, not XML");
  std::string json = "{\"gpx\": 1}";
  EXPECT_EQ(load(json, doc).message, "the content is not XML (it starts like JSON)");
  std::string text = "hello";
  EXPECT_EQ(load(text, doc).message, "the content is not XML (it starts with 0x68 0x65 0x6c 0x6c)");
  std::string laughs = "<!DOCTYPE g [<!ENTITY a \"b\">]><g>&a;</g>";
  const LoadResult l = load(laughs, doc);
  EXPECT_TRUE(l.refused);
  std::string wide = std::string("\xFF\xFE<\0g\0>\0", 8);
  EXPECT_NE(load(wide, doc).message.find("UTF-16"), std::string::npos);
  std::string broken = "<?xml version=\"1.0\"?><";
  const LoadResult b = load(broken, doc);
  EXPECT_EQ(b.status, LoadStatus::failed);
  EXPECT_EQ(b.message.rfind("XML error at byte ", 0), 0u) << b.message;
}

TEST(xmlLoad, PartialDocumentsKeepWhatCameBefore) {
  std::string text = "   <gpx><trk><trkseg><trkpt lat=\"1\"><ele>5</ele></trkpt><trkpt lat=\"2\"><ele>12";
  pugi::xml_document doc;
  const LoadResult r = load(text, doc);
  ASSERT_EQ(r.status, LoadStatus::partial);
  // pugixml points at the last byte it read; the offset counts the 3 leading spaces too.
  EXPECT_EQ(r.message, "XML error at byte " + std::to_string(text.size() - 1) + ": Start-end tags mismatch");
  drop_unfinished_tail(doc, "trkpt");
  const pugi::xml_node seg = doc.document_element().first_child().first_child();
  int points = 0;
  for (pugi::xml_node p = seg.first_child(); p; p = p.next_sibling()) ++points;
  EXPECT_EQ(points, 1);  // the cut second point is gone, ele "12" with it
}

}  // namespace
}  // namespace tendon::xml
