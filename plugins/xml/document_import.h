#pragma once
// The import flow the GPX and TCX importers share, around the reading only a format knows:
// the input is copied into a private buffer, loaded into pugixml, its root element
// checked, a cut tail dropped; then the format's DocumentReader sends the activities, and
// the outcome becomes the status (a failure, "not an activity" with the reader's reason,
// or OK with its warnings and a note when the file was cut short).
#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "activity_sender.h"
#include "plugin_support.h"
#include "tendon/plugin.h"

namespace tendon::xml {

struct DocumentFormat {
  std::string_view name;         // "GPX": in messages
  std::string_view root_local;   // local name the root element must have ("gpx")
  std::string_view point_local;  // the point element a cut tail is dropped with ("trkpt")
};

// A format's reading of a loaded document. One reader serves one import.
class DocumentReader {
 public:
  explicit DocumentReader(const tendon_sink* sink) : report_(sink), sender_(sink) {}
  virtual ~DocumentReader() = default;
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the activities below `root` and hands them to send(). Returns TENDON_OK,
  // or a failure status (too many points) after reporting it.
  virtual int read(pugi::xml_node root) = 0;
  // Why the document holds no activity, when nothing was sent.
  virtual std::string not_activity_reason() const = 0;
  // Warns about values left out or guessed, once the activities are sent.
  virtual void report_value_problems() const = 0;

  const ActivitySender& sender() const { return sender_; }

 protected:
  const Reporter& report() const { return report_; }
  bool send(const OutgoingActivity& activity) { return sender_.send(activity); }

 private:
  Reporter report_;
  ActivitySender sender_;
};

// Imports `input` as a document of `format` read by `reader`; returns a tendon_status.
int import_document(const tendon_input* input, const tendon_sink* sink, const DocumentFormat& format,
                    DocumentReader& reader);

}  // namespace tendon::xml
