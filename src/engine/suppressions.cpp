#include "engine/suppressions.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace daprlint {
namespace {

constexpr std::size_t kNoFile = static_cast<std::size_t>(-1);

/// One suppression as written, and how many findings each of its rule ids matched.
struct Site {
  std::string form;  // for messages: "annotation ...", "comment", "exemption"
  bool in_source = true;
  std::vector<std::string> ids;  // empty: every rule (an exemption without `rules:`)
  std::vector<unsigned> uses;    // per id; one slot when ids is empty
  std::string reason;
  std::size_t file_index = kNoFile;  // kNoFile: .daprlint.yaml
  std::uint32_t line = 1, column = 1;
  const Object* object = nullptr;  // an annotation's object
  const Exemption* exemption = nullptr;
  bool misplaced = false;

  /// Counts a use and says whether the site covers this rule.
  bool covers(const std::string& rule_id) {
    if (ids.empty()) return ++uses[0], true;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == rule_id) return ++uses[i], true;
    }
    return false;
  }
};

std::string object_key(std::size_t file, std::string_view kind, std::string_view ns,
                       std::string_view name) {
  std::string key = std::to_string(file);
  key.append("\n").append(kind).append("\n").append(ns).append("\n").append(name);
  return key;
}

bool glob_matches(const std::optional<Glob>& glob, std::string_view text) {
  return !glob || glob->matches(text);
}

/// The name of the container a finding lies in (`...containers[2]...`), or empty.
std::string_view container_of(const Finding& f, const Object* o) {
  static const RE2 kContainer(R"((?:^|\.)((?:init|ephemeral)?[cC]ontainers)\[(\d+)\])");
  std::string list;
  std::uint32_t index = 0;
  if (!o || !RE2::PartialMatch(f.node_path, kContainer, &list, &index)) return {};
  return o->pod_template.get("spec").get(list).at(index).get("name").text();
}

bool exempts(const Exemption& x, const Finding& f, const Object* o) {
  if (f.kind.empty()) return false;
  // A manifest without a namespace lands in `default`, as the API server would put it.
  std::string_view ns = f.namespace_.empty() ? std::string_view("default") : f.namespace_;
  return glob_matches(x.kind, f.kind) && glob_matches(x.namespace_, ns) &&
         glob_matches(x.name, f.name) && (!x.container || x.container->matches(container_of(f, o)));
}

void add_annotation_sites(const Object& o, Node annotations, std::vector<Site>& sites) {
  for (const NodeEntry& e : annotations.entries()) {
    std::string_view key = e.key.text();
    if (!key.starts_with(kIgnoreAnnotationPrefix)) continue;
    Site s;
    s.form = "annotation " + std::string(key);
    s.ids.emplace_back(key.substr(kIgnoreAnnotationPrefix.size()));
    s.uses.assign(1, 0);
    s.reason = std::string(e.value.text());
    s.file_index = o.file_index;
    s.line = e.key.line();
    s.column = e.key.column();
    s.object = &o;
    sites.push_back(std::move(s));
  }
}

class Collector {
 public:
  Collector(const LintResult& result, const Config* config) {
    for (const Object& o : result.inventory.objects) {
      // A live ReplicaSet or Pod repeats its Deployment's annotations, but rules report the
      // Deployment: the copies would all be unused.
      if (o.has_owner()) continue;
      add_annotation_sites(o, o.root.get("metadata").get("annotations"), sites_);
      if (o.pod_template && o.pod_template != o.root)
        add_annotation_sites(o, o.pod_annotations(), sites_);
    }
    for (std::size_t file = 0; file < result.comments.size(); ++file) {
      for (const CommentSuppression& c : result.comments[file]) {
        Site s;
        s.form = c.whole_file ? "comment daprlint:ignore-file" : "comment daprlint:ignore";
        for (std::size_t i = 0; i < c.rule_ids.size(); ++i)
          s.form += (i ? "," : " ") + c.rule_ids[i];
        s.ids = c.rule_ids;
        s.uses.assign(std::max<std::size_t>(1, c.rule_ids.size()), 0);
        s.reason = c.reason;
        s.file_index = file;
        s.line = c.line;
        s.column = c.column;
        s.misplaced = c.misplaced;
        std::size_t index = sites_.size();
        if (c.rule_ids.empty() || c.misplaced) {
          // Matches nothing: reported as unused below.
        } else if (c.whole_file) {
          by_file_[file].push_back(index);
        } else if (c.target) {
          by_line_[{file, c.target}].push_back(index);
        }
        sites_.push_back(std::move(s));
      }
    }
    for (std::size_t i = 0; i < sites_.size(); ++i) {
      if (const Object* o = sites_[i].object)
        by_object_[object_key(o->file_index, o->kind, o->namespace_, o->name)].push_back(i);
    }
    if (!config) return;
    for (const Exemption& x : config->exemptions) {
      if (!x.container) continue;
      for (const Object& o : result.inventory.objects)  // to find containers by index
        objects_.emplace(object_key(o.file_index, o.kind, o.namespace_, o.name), &o);
      break;
    }
    for (const Exemption& x : config->exemptions) {
      Site s;
      s.form = "exemption";
      s.in_source = false;
      s.ids = x.rules;
      s.uses.assign(std::max<std::size_t>(1, x.rules.size()), 0);
      s.reason = x.reason;
      s.line = x.at.line();
      s.column = x.at.column();
      s.exemption = &x;
      exemptions_.push_back(sites_.size());
      sites_.push_back(std::move(s));
    }
  }

  /// Marks `f` suppressed by the first site that covers it; every covering site counts a use.
  void apply(Finding& f) {
    auto consider = [&](std::size_t i) {
      Site& s = sites_[i];
      if (!s.covers(f.rule_id) || f.suppression) return;
      f.suppression = Suppression{s.in_source, s.reason};
    };
    if (auto it = by_line_.find({f.file_index, f.line}); it != by_line_.end())
      for (std::size_t i : it->second) consider(i);
    if (!f.kind.empty()) {
      auto it = by_object_.find(object_key(f.file_index, f.kind, f.namespace_, f.name));
      if (it != by_object_.end())
        for (std::size_t i : it->second) consider(i);
    }
    if (auto it = by_file_.find(f.file_index); it != by_file_.end())
      for (std::size_t i : it->second) consider(i);
    const Object* object = nullptr;
    if (!objects_.empty()) {
      auto it = objects_.find(object_key(f.file_index, f.kind, f.namespace_, f.name));
      if (it != objects_.end()) object = it->second;
    }
    for (std::size_t i : exemptions_) {
      if (exempts(*sites_[i].exemption, f, object)) consider(i);
    }
  }

  std::vector<Site>& sites() { return sites_; }

 private:
  std::vector<Site> sites_;
  std::map<std::pair<std::size_t, std::uint32_t>, std::vector<std::size_t>> by_line_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_object_;
  std::map<std::size_t, std::vector<std::size_t>> by_file_;
  std::vector<std::size_t> exemptions_;
  std::unordered_map<std::string, const Object*>
      objects_;  // only when an exemption names a container
};

/// Notes about the suppressions themselves, located where each is written.
class NoteWriter {
 public:
  NoteWriter(LintResult& result, const RuleSet& rules, const EngineOptions& options,
             const Config* config)
      : result_(result), rules_(rules), options_(options), config_(config) {}

  void note(const Site& s, std::string_view rule_id, std::string message) {
    const Rule* rule = rules_.find(rule_id);
    if (!rule || !options_.selects(rule_id)) return;
    Finding f;
    f.rule_id = std::string(rule_id);
    f.severity = rule->severity;
    f.message = std::move(message);
    f.file_index = s.file_index == kNoFile ? config_file() : s.file_index;
    f.line = s.line;
    f.column = s.column;
    if (s.object) {
      f.api_version = s.object->api_version;
      f.kind = s.object->kind;
      f.namespace_ = s.object->namespace_;
      f.name = s.object->name;
      f.helm_source = s.object->helm_source;
    }
    notes_.push_back(std::move(f));
  }

  /// Whether the run checked `id`, so that a suppression of it matching nothing is stale.
  bool ran(std::string_view id) const {
    const Rule* rule = rules_.find(id);
    return rule && options_.selects(id) && rule->applies_to(result_.release.index);
  }

  void flush() {
    for (Finding& f : notes_) result_.findings.push_back(std::move(f));
  }

 private:
  std::size_t config_file() {
    if (config_index_ == kNoFile) {
      config_index_ = result_.inventory.files.size();
      result_.inventory.files.push_back(config_->path);
    }
    return config_index_;
  }

  LintResult& result_;
  const RuleSet& rules_;
  const EngineOptions& options_;
  const Config* config_;
  std::size_t config_index_ = kNoFile;
  std::vector<Finding> notes_;
};

void report_sites(std::vector<Site>& sites, const RuleSet& rules, NoteWriter& notes) {
  for (const Site& s : sites) {
    if (s.ids.empty() && s.exemption == nullptr) {
      notes.note(s, "unused-suppression",
                 s.form + " names no rule; write it as `# daprlint:ignore <rule-id> <reason>`");
      continue;
    }
    if (s.misplaced) {
      notes.note(s, "unused-suppression",
                 s.form +
                     " comes after YAML content and has no effect; move it to the top of "
                     "the file");
      continue;
    }
    if (s.in_source && s.reason.empty()) {
      notes.note(s, "suppression-without-reason",
                 s.form + " gives no reason; say why the finding is accepted");
    }
    for (std::size_t i = 0; i < std::max<std::size_t>(1, s.ids.size()); ++i) {
      std::string id = s.ids.empty() ? "" : s.ids[i];
      if (!id.empty() && !rules.find(id)) {
        std::string hint = rules.suggest(id);
        notes.note(s, "unused-suppression",
                   s.form + " names unknown rule '" + id + "'" +
                       (hint.empty() ? "" : " (did you mean " + hint + "?)"));
      } else if (s.uses[i] == 0 && (id.empty() || notes.ran(id))) {
        notes.note(s, "unused-suppression",
                   s.form + " matches no finding" + (s.ids.size() > 1 ? " of " + id : "") +
                       "; remove it if the problem is fixed");
      }
    }
  }
}

}  // namespace

void apply_suppressions(LintResult& result, const RuleSet& rules, const EngineOptions& options,
                        const Config* config) {
  Collector collector(result, config);
  for (Finding& f : result.findings) collector.apply(f);
  NoteWriter notes(result, rules, options, config);
  report_sites(collector.sites(), rules, notes);
  notes.flush();
  sort_findings(result.findings);
}

}  // namespace daprlint
