// The benchmark's floor: read the same files and run yaml-cpp's event parser over them with an
// empty handler (no tree, no rules). daprlint cannot be faster than this on one core.
// Usage: yaml_scan_floor PATH... (files or directories, walked recursively; - for stdin)
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <streambuf>
#include <string>

namespace {

class Discard : public YAML::EventHandler {
 public:
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    ++events;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override {}
};

std::size_t scan(std::istream& in, Discard& handler) {
  std::size_t documents = 0;
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(handler)) ++documents;
  } catch (const YAML::Exception&) {
    // Malformed input ends the scan of that file, as it ends daprlint's.
  }
  return documents;
}

/// Reads the text in place, as daprlint's parser does, so the floor pays no extra copy.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string& text) {
    setg(text.data(), text.data(), text.data() + text.size());
  }
};

std::size_t scan_file(const std::filesystem::path& p, Discard& handler) {
  std::ifstream file(p, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  return scan(in, handler);
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  Discard handler;
  std::size_t files = 0, documents = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-") {
      documents += scan(std::cin, handler);
      ++files;
    } else if (fs::is_directory(arg)) {
      for (const auto& e : fs::recursive_directory_iterator(arg)) {
        if (e.is_regular_file() && e.path().extension() == ".yaml") {
          documents += scan_file(e.path(), handler);
          ++files;
        }
      }
    } else {
      documents += scan_file(arg, handler);
      ++files;
    }
  }
  std::cout << files << " files, " << documents << " documents, " << handler.events << " events\n";
  return 0;
}
