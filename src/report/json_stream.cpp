#include "report/json_stream.h"

#include <string>
#include <vector>

#include "engine/parallel.h"

namespace daprlint {
namespace {

std::string dumped(const nlohmann::ordered_json& j) {
  // Messages quote the input, which may not be UTF-8: replace bad bytes instead of throwing.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

/// A dumped value moved right by `indent` spaces on every line but the first.
std::string indented(const std::string& text, std::size_t indent) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t at = 0;
  // Raw newlines only come from the pretty printer: strings escape theirs as \n.
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', at)) {
    out.append(text, at, nl + 1 - at);
    out.append(indent, ' ');
    at = nl + 1;
  }
  out.append(text, at);
  return out;
}

}  // namespace

void write_streamed(std::ostream& out, const nlohmann::ordered_json& doc, std::size_t count,
                    const std::function<nlohmann::ordered_json(std::size_t)>& element,
                    unsigned jobs) {
  const std::string text = dumped(doc);
  const std::string marker = nlohmann::ordered_json(kStreamedArray).dump();
  std::size_t at = text.find(marker);
  std::size_t open = at == std::string::npos ? at : text.rfind('[', at);
  std::size_t close = at == std::string::npos ? at : text.find(']', at + marker.size());
  if (close == std::string::npos) {  // no array to stream: a programming error, print as is
    out << text << '\n';
    return;
  }
  std::size_t indent = at - (text.rfind('\n', at) + 1);
  out.write(text.data(), static_cast<std::streamsize>(open + 1));
  // Blocks bound the memory (never every element's text at once) and keep the threads busy.
  constexpr std::size_t kBlock = 2048;
  std::vector<std::string> block;
  for (std::size_t start = 0; start < count; start += kBlock) {
    block.assign(std::min(kBlock, count - start), std::string());
    // Each element is made and indented on the threads; only the writes are in order.
    parallel_for(block.size(), jobs,
                 [&](std::size_t i) { block[i] = indented(dumped(element(start + i)), indent); });
    for (std::size_t i = 0; i < block.size(); ++i) {
      out << (start + i ? ",\n" : "\n") << std::string(indent, ' ');
      out.write(block[i].data(), static_cast<std::streamsize>(block[i].size()));
    }
  }
  if (count) out << '\n' << std::string(indent - 2, ' ');
  out << text.substr(close) << '\n';
}

}  // namespace daprlint
