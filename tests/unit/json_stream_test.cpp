// Streaming the findings array must print the very bytes nlohmann's dump(2) prints.
#include "report/json_stream.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace daprlint;
using json = nlohmann::ordered_json;

namespace {

std::string streamed(json doc, const char* key, const json& elements) {
  json placeholder = doc;
  placeholder[key] = json::array({kStreamedArray});
  std::ostringstream out;
  write_streamed(out, placeholder, elements.size(), [&](std::size_t i) { return elements[i]; });
  return out.str();
}

}  // namespace

TEST_CASE("a streamed array is byte-identical to the whole document's dump") {
  json elements = json::array();
  elements.push_back(
      {{"message", "a ] b [ c\nline two"}, {"nested", {{"list", {1, 2, {{"x", "]"}}}}}}});
  elements.push_back({{"empty", json::array()}, {"obj", json::object()}, {"s", "\"quoted\""}});
  json doc = {{"tool", {{"name", "daprlint"}}}, {"findings", nullptr}, {"summary", {{"n", 2}}}};
  json whole = doc;
  whole["findings"] = elements;
  CHECK(streamed(doc, "findings", elements) == whole.dump(2) + "\n");
  whole["findings"] = json::array();
  CHECK(streamed(doc, "findings", json::array()) == whole.dump(2) + "\n");
}

TEST_CASE("a streamed array deep inside the document keeps its indentation") {
  json run = {{"tool", "t"}, {"results", nullptr}};
  json doc = {{"version", "2.1.0"}, {"runs", json::array({run})}};
  json elements = json::array({json{{"ruleId", "a"}, {"locations", {{{"line", 1}}}}}});
  json whole = doc;
  whole["runs"][0]["results"] = elements;
  json placeholder = doc;
  placeholder["runs"][0]["results"] = json::array({kStreamedArray});
  std::ostringstream out;
  write_streamed(out, placeholder, 1, [&](std::size_t i) { return elements[i]; });
  CHECK(out.str() == whole.dump(2) + "\n");
}
