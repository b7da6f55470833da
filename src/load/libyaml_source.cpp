// The libyaml event source: libyaml's events, translated into the yaml-cpp event calls that
// TreeBuilder takes, so both parsers build the same tree.
#include <yaml.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "load/byte_columns.h"
#include "load/event_sources.h"

namespace daprlint {
namespace {

/// Owns the parser and the current event, which libyaml allocates.
struct Libyaml {
  yaml_parser_t parser;
  yaml_event_t event;
  bool has_event = false;
  Libyaml() { yaml_parser_initialize(&parser); }
  ~Libyaml() {
    release();
    yaml_parser_delete(&parser);
  }
  Libyaml(const Libyaml&) = delete;
  Libyaml& operator=(const Libyaml&) = delete;
  bool next() {
    release();
    has_event = yaml_parser_parse(&parser, &event) != 0;
    return has_event;
  }
  void release() {
    if (has_event) yaml_event_delete(&event);
    has_event = false;
  }
};

/// The plain scalars yaml-cpp reads as null (YAML 1.2 core schema, which YAML 1.1 agrees with).
bool null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

/// libyaml's problem in the words go-yaml passes on, with the construct it was reading.
std::string message(const yaml_parser_t& p) {
  std::string m = p.problem ? p.problem : "malformed YAML";
  if (p.context) {
    m += std::string(" ") + p.context + " that started at line " +
         std::to_string(p.context_mark.line + 1);
  }
  return m;
}

class Translator {
 public:
  Translator(std::string_view text, const LoadLimits& limits, ParsedStream& out,
             const TreeSinks& sinks)
      : columns_(text), limits_(limits), out_(out), sinks_(sinks) {}

  YAML::Mark mark(const yaml_mark_t& m) {
    YAML::Mark y;
    y.line = static_cast<int>(m.line);
    y.column = static_cast<int>(columns_.column(m.line, m.column)) - 1;
    return y;
  }

  SyntaxError error(const yaml_parser_t& p) {
    if (p.error == YAML_READER_ERROR) {  // located by byte offset, not by mark
      auto [line, column] = columns_.position(p.problem_offset);
      return {line, column, message(p)};
    }
    const YAML::Mark at = mark(p.problem_mark);
    return {static_cast<std::uint32_t>(at.line + 1), static_cast<std::uint32_t>(at.column + 1),
            message(p)};
  }

  /// One event; false at the end of the stream.
  bool handle(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_STREAM_END_EVENT:
        return false;
      case YAML_DOCUMENT_START_EVENT:
        builder_.emplace(limits_, out_.duplicates, sinks_.item);
        anchors_.clear();
        break;
      case YAML_DOCUMENT_END_EVENT:
        deliver_document(std::move(builder_->tree), out_, sinks_);
        builder_.reset();
        break;
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(std::string(as_text(e.data.alias.anchor)));
        if (it == anchors_.end()) {
          throw ParseStop(mark(e.start_mark), "the referenced anchor is not defined", false);
        }
        builder_->OnAlias(mark(e.start_mark), it->second);
        break;
      }
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        value_.assign(reinterpret_cast<const char*>(s.value), s.length);
        const YAML::anchor_t anchor = define(s.anchor);
        // yaml-cpp's tags: "?" for a plain scalar without a tag, "!" for a quoted or block one.
        const bool plain = s.tag == nullptr && s.style == YAML_PLAIN_SCALAR_STYLE;
        if (plain && null_text(value_)) {
          builder_->OnNull(mark(e.start_mark), anchor);
        } else {
          builder_->OnScalar(mark(e.start_mark), plain ? plain_tag_ : quoted_tag_, anchor, value_);
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        builder_->OnSequenceStart(mark(e.start_mark), quoted_tag_,
                                  define(e.data.sequence_start.anchor),
                                  YAML::EmitterStyle::Default);
        break;
      case YAML_SEQUENCE_END_EVENT:
        builder_->OnSequenceEnd();
        break;
      case YAML_MAPPING_START_EVENT:
        builder_->OnMapStart(mark(e.start_mark), quoted_tag_, define(e.data.mapping_start.anchor),
                             YAML::EmitterStyle::Default);
        break;
      case YAML_MAPPING_END_EVENT:
        builder_->OnMapEnd();
        break;
      default:  // stream start, no event
        break;
    }
    return true;
  }

 private:
  static std::string_view as_text(const yaml_char_t* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
  }

  /// A new id for an anchor (yaml-cpp numbers them from 1 in each document; a name defined
  /// again is a new anchor from there on); 0 for none.
  YAML::anchor_t define(const yaml_char_t* name) {
    if (name == nullptr) return 0;
    const YAML::anchor_t id = anchors_.size() + 1 + redefined_;
    auto [it, added] = anchors_.try_emplace(std::string(as_text(name)), id);
    if (!added) {
      ++redefined_;
      it->second = id;
    }
    return id;
  }

  ByteColumns columns_;
  const LoadLimits& limits_;
  ParsedStream& out_;
  const TreeSinks& sinks_;
  std::optional<TreeBuilder> builder_;
  std::unordered_map<std::string, YAML::anchor_t> anchors_;
  std::size_t redefined_ = 0;
  std::string value_;
  const std::string plain_tag_ = "?";
  const std::string quoted_tag_ = "!";
};

}  // namespace

ParsedStream parse_with_libyaml(std::string_view text, const LoadLimits& limits,
                                const TreeSinks& sinks) {
  ParsedStream out;
  Libyaml y;
  yaml_parser_set_input_string(&y.parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Translator translate(text, limits, out, sinks);
  try {
    for (;;) {
      if (!y.next()) {
        out.error = translate.error(y.parser);
        break;
      }
      if (!translate.handle(y.event)) break;
    }
  } catch (const ParseStop& e) {
    out.error = SyntaxError{e.line, e.column, e.what(), e.limit};
  } catch (const std::exception& e) {
    out.error = SyntaxError{1, 1, e.what()};
  }
  return out;
}

}  // namespace daprlint
