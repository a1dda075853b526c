#include "document_import.h"

#include "xml_load.h"
#include "xml_prolog.h"

namespace tendon::xml {

namespace {

int import_loaded(char* data, std::size_t size, const DocumentFormat& format, DocumentReader& reader,
                  const Reporter& report) {
  pugi::xml_document doc;
  const LoadResult loaded = load_xml(data, size, doc);
  const auto not_format = [&](const std::string& why) {
    return report.fail(TENDON_ERR_FORMAT, "not a " + std::string(format.name) + " document (" + why + ")");
  };
  if (loaded.status == LoadStatus::failed) {
    if (loaded.not_xml) return not_format(loaded.message);
    return report.fail(TENDON_ERR_FORMAT, loaded.message);
  }
  const pugi::xml_node root = doc.document_element();
  if (local_part(root.name()) != format.root_local) {
    return not_format("root element is <" + std::string(root.name()) + ">");
  }
  const bool partial = loaded.status == LoadStatus::partial;
  if (partial) drop_unfinished_tail(doc, format.point_local);

  const int read = reader.read(doc.document_element());
  if (read != TENDON_OK) return read;
  if (reader.sender().cancelled()) return TENDON_ERR_CANCELLED;
  if (reader.sender().sent() == 0) {
    // A cut file may have lost its activities with the tail: the XML error is the reason.
    if (partial) return report.fail(TENDON_ERR_FORMAT, loaded.message);
    return report.fail(TENDON_NOT_ACTIVITY, reader.not_activity_reason());
  }
  reader.report_value_problems();
  if (partial) {
    report.warning("the file is cut short or broken (" + loaded.message + "); imported what came before it");
  }
  return TENDON_OK;
}

}  // namespace

int import_document(const tendon_input* input, const tendon_sink* sink, const DocumentFormat& format,
                    DocumentReader& reader) {
  const Reporter report(sink);
  if (!usable_sink(sink)) return report.fail(TENDON_ERR_INTERNAL, "the host passed no usable sink");
  InputBuffer buffer;
  const int loaded = buffer.load(input, report);
  if (loaded != TENDON_OK) return loaded;
  return import_loaded(buffer.data(), buffer.size(), format, reader, report);
}

}  // namespace tendon::xml
