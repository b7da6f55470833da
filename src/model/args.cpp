#include "model/args.h"

namespace daprlint {

std::vector<FlagUse> find_flag(Node container, std::string_view name) {
  std::vector<Node> elements = container.get("command").elements();
  for (Node a : container.get("args").elements()) elements.push_back(a);
  std::vector<FlagUse> out;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    std::string_view text = elements[i].text();
    if (!elements[i].is_scalar() || !text.starts_with('-')) continue;
    text.remove_prefix(text.starts_with("--") ? 2 : 1);
    if (!text.starts_with(name)) continue;
    std::string_view rest = text.substr(name.size());
    if (rest.empty()) {
      FlagUse use{elements[i], {}, {}, false};
      if (i + 1 < elements.size()) {
        use.value = elements[i + 1];
        use.text = elements[i + 1].text();
      }
      out.push_back(use);
    } else if (rest.front() == '=') {
      out.push_back({elements[i], elements[i], rest.substr(1), true});
    }
  }
  return out;
}

FlagUse last_flag(Node container, std::string_view name) {
  std::vector<FlagUse> uses = find_flag(container, name);
  return uses.empty() ? FlagUse{} : uses.back();
}

bool is_env_reference(std::string_view text) {
  if (text.size() < 4 || !text.starts_with("$(") || !text.ends_with(')')) return false;
  for (char c : text.substr(2, text.size() - 3)) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::optional<bool> bool_flag(Node container, std::string_view name) {
  FlagUse use = last_flag(container, name);
  if (!use.flag) return std::nullopt;
  if (!use.inline_value) return true;
  for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"})
    if (use.text == t) return true;
  for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"})
    if (use.text == f) return false;
  return std::nullopt;
}

}  // namespace daprlint
