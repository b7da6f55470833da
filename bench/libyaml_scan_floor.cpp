// The benchmark's libyaml floor: read the same files and run libyaml's event parser over them
// (no tree, no rules), as daprlint's default parser does. daprlint cannot be faster than this
// on one core. Usage: libyaml_scan_floor PATH... (files or directories, walked recursively)
#include <yaml.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

struct Counts {
  std::size_t files = 0, documents = 0, events = 0;
};

void scan(const std::string& text, Counts& counts) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  yaml_event_t event;
  // Malformed input ends the scan of that file, as it ends daprlint's.
  while (yaml_parser_parse(&parser, &event)) {
    const yaml_event_type_t type = event.type;
    yaml_event_delete(&event);
    if (type == YAML_STREAM_END_EVENT) break;
    if (type == YAML_DOCUMENT_START_EVENT) ++counts.documents;
    ++counts.events;
  }
  yaml_parser_delete(&parser);
}

void scan_file(const std::filesystem::path& p, Counts& counts) {
  std::ifstream file(p, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  scan(text, counts);
  ++counts.files;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  Counts counts;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (fs::is_directory(arg)) {
      for (const auto& e : fs::recursive_directory_iterator(arg)) {
        if (e.is_regular_file() && e.path().extension() == ".yaml") scan_file(e.path(), counts);
      }
    } else {
      scan_file(arg, counts);
    }
  }
  std::cout << counts.files << " files, " << counts.documents << " documents, " << counts.events
            << " events\n";
  return 0;
}
