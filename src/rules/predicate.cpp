#include "rules/predicate.h"

#include <array>
#include <utility>

#include "model/chart_version.h"
#include "model/object.h"
#include "model/quantity.h"

namespace daprlint {
namespace {

using Op = Predicate::Op;

constexpr std::array<std::pair<std::string_view, Op>, 19> kOps{{
    {"exists", Op::Exists},
    {"absent", Op::Absent},
    {"missing", Op::Missing},
    {"equals", Op::Equals},
    {"not_equals", Op::NotEquals},
    {"in", Op::In},
    {"not_in", Op::NotIn},
    {"matches", Op::Matches},
    {"truthy", Op::Truthy},
    {"falsy", Op::Falsy},
    {"less_than", Op::LessThan},
    {"greater_than", Op::GreaterThan},
    {"quantity_invalid", Op::QuantityInvalid},
    {"quantity_greater", Op::QuantityGreater},
    {"quantity_less", Op::QuantityLess},
    {"version_below", Op::VersionBelow},
    {"all", Op::All},
    {"any", Op::Any},
    {"not", Op::Not},
}};

/// Compiles the pieces; every failure names the node it is about.
class Compiler {
 public:
  explicit Compiler(const RuleParams* params) : params_(params) {}
  std::string error;
  Node error_at;

  std::optional<Predicate> predicate(Node yaml) {
    if (!yaml.is_map() || yaml.size() != 1)
      return fail(yaml, "a predicate is a map with exactly one operator");
    auto entry = yaml.entries().front();
    Predicate p;
    bool known = false;
    for (const auto& [name, op] : kOps) {
      if (entry.key.text() == name) {
        p.op = op;
        known = true;
      }
    }
    if (!known) return fail(entry.key, "unknown operator '" + std::string(entry.key.text()) + "'");
    Node arg = entry.value;
    switch (p.op) {
      case Op::Exists:
      case Op::Absent:
      case Op::Truthy:
      case Op::Falsy:
      case Op::QuantityInvalid:
        if (!add_path(p, arg)) return std::nullopt;
        break;
      case Op::Missing:
        if (!arg.is_seq() || arg.size() == 0) return fail(arg, "'missing' takes a list of paths");
        for (Node e : arg.elements()) {
          if (!add_path(p, e)) return std::nullopt;
        }
        break;
      case Op::Equals:
      case Op::NotEquals:
        if (!add_path(p, arg.get("path"))) return std::nullopt;
        if (!value(arg).is_scalar()) return fail(arg, "needs a scalar 'value'");
        p.values.emplace_back(value(arg).text());
        break;
      case Op::In:
      case Op::NotIn:
        if (!add_path(p, arg.get("path"))) return std::nullopt;
        if (!arg.get("values").is_seq()) return fail(arg, "needs a list 'values'");
        for (Node v : arg.get("values").elements()) p.values.emplace_back(v.text());
        break;
      case Op::Matches: {
        if (!add_path(p, arg.get("path"))) return std::nullopt;
        Node re = arg.get("regex");
        RE2::Options options;
        options.set_log_errors(false);
        p.regex = std::make_shared<RE2>(re.text(), options);
        if (!re.is_scalar() || !p.regex->ok())
          return fail(re ? re : arg, "bad regex: " + p.regex->error());
        break;
      }
      case Op::LessThan:
      case Op::GreaterThan: {
        if (!add_path(p, arg.get("path"))) return std::nullopt;
        auto n = parse_number(value(arg).text());
        if (!n) return fail(arg, "needs a numeric 'value'");
        p.number = *n;
        if (Node d = arg.get("default")) {
          p.fallback = parse_number(d.text());
          if (!p.fallback) return fail(d, "'default' must be a number");
        }
        break;
      }
      case Op::QuantityGreater:
        if (!add_path(p, arg.get("path")) || !add_path(p, arg.get("than"))) return std::nullopt;
        break;
      case Op::QuantityLess: {
        if (!add_path(p, arg.get("path"))) return std::nullopt;
        auto q = parse_quantity(value(arg).text());
        if (!value(arg).is_scalar() || !q)
          return fail(arg, "needs a quantity 'value' (for example 16Gi)");
        p.number = *q;
        p.values.emplace_back(value(arg).text());
        break;
      }
      case Op::VersionBelow: {
        if (!add_path(p, arg.get("path"))) return std::nullopt;
        if (!value(arg).is_scalar() || !parse_release_version(value(arg).text()))
          return fail(arg, "needs a release 'value' such as \"1.14\" or \"1.17.7\"");
        p.values.emplace_back(value(arg).text());
        break;
      }
      case Op::All:
      case Op::Any:
        if (!arg.is_seq() || arg.size() == 0) return fail(arg, "needs a list of predicates");
        for (Node e : arg.elements()) {
          auto child = predicate(e);
          if (!child) return std::nullopt;
          p.children.push_back(std::move(*child));
        }
        break;
      case Op::Not: {
        auto child = predicate(arg);
        if (!child) return std::nullopt;
        p.children.push_back(std::move(*child));
        break;
      }
    }
    return p;
  }

 private:
  const RuleParams* params_;

  /// The `value` of an operator, with `${name}` replaced by the rule's parameter `name`.
  Node value(Node arg) {
    Node v = arg.get("value");
    std::string_view t = v.text();
    if (!v.is_scalar() || !t.starts_with("${") || !t.ends_with("}")) return v;
    Node p = params_ ? params_->get(t.substr(2, t.size() - 3)) : Node();
    return p ? p : Node();
  }

  std::nullopt_t fail(Node at, std::string why) {
    if (error.empty()) {
      error = std::move(why);
      error_at = at;
    }
    return std::nullopt;
  }

  bool add_path(Predicate& p, Node text) {
    if (!text.is_scalar()) {
      fail(text, "expected a path");
      return false;
    }
    std::string why;
    auto path = parse_path(text.text(), why);
    if (!path) {
      fail(text, why);
      return false;
    }
    p.paths.push_back(std::move(*path));
    return true;
  }
};

Match hit_at(Node n) {
  Match m;
  m.hit = true;
  m.at = n;
  m.found = true;
  m.value = std::string(n.text());
  return m;
}

/// The first node the path reaches for which `bad` holds.
template <typename F>
Match first(const Path& path, const Scope& scope, F bad) {
  for (Node n : resolve(path, anchor_of(path, scope))) {
    if (bad(n)) return hit_at(n);
  }
  return {};
}

/// Whether reaching nothing along `path` means the value is unset. Under @values and
/// @chart_version it does only when the object installs the Dapr chart with all its values.
bool absence_known(const Path& path, const Scope& scope) {
  if (path.anchor == Path::Anchor::Values || path.anchor == Path::Anchor::ChartVersion)
    return scope.values_known;
  return true;
}

Match absent_at(const Path& path, const Scope& scope) {
  Match m;
  m.hit = true;
  m.at = deepest(path, anchor_of(path, scope));
  m.missing = path.display_name();
  return m;
}

}  // namespace

Node anchor_of(const Path& path, const Scope& scope) {
  switch (path.anchor) {
    case Path::Anchor::Root:
      return scope.root;
    case Path::Anchor::Pod:
      return scope.pod;
    case Path::Anchor::DaprContainer:
      return scope.dapr_container;
    case Path::Anchor::Values:
      return scope.values;
    case Path::Anchor::ChartVersion:
      return scope.chart_version;
    case Path::Anchor::Here:
      break;
  }
  return scope.here;
}

std::optional<Predicate> compile_predicate(Node yaml, std::string& error, Node& error_at,
                                           const RuleParams* params) {
  Compiler c(params);
  auto p = c.predicate(yaml);
  error = c.error;
  error_at = c.error_at;
  return p;
}

Match evaluate(const Predicate& p, const Scope& scope) {
  const Path* path = p.paths.empty() ? nullptr : &p.paths.front();
  switch (p.op) {
    case Op::Exists:
      return first(*path, scope, [](Node) { return true; });
    case Op::Absent:
      if (absence_known(*path, scope) && resolve(*path, anchor_of(*path, scope)).empty())
        return absent_at(*path, scope);
      return {};
    case Op::Missing: {
      Match m;
      for (const Path& each : p.paths) {
        if (!absence_known(each, scope) || !resolve(each, anchor_of(each, scope)).empty()) continue;
        if (!m.hit)
          m = absent_at(each, scope);
        else
          m.missing += ", " + each.display_name();
      }
      return m;
    }
    case Op::Equals:
      return first(*path, scope, [&](Node n) { return n.is_scalar() && n.text() == p.values[0]; });
    case Op::NotEquals:
      return first(*path, scope, [&](Node n) { return n.is_scalar() && n.text() != p.values[0]; });
    case Op::In:
    case Op::NotIn:
      return first(*path, scope, [&](Node n) {
        if (!n.is_scalar()) return false;
        bool listed = false;
        for (const std::string& v : p.values) listed = listed || n.text() == v;
        return listed == (p.op == Op::In);
      });
    case Op::Matches:
      return first(*path, scope,
                   [&](Node n) { return n.is_scalar() && RE2::PartialMatch(n.text(), *p.regex); });
    case Op::Truthy:
      return first(*path, scope, [](Node n) { return n.is_scalar() && is_truthy(n.text()); });
    case Op::Falsy:
      return first(*path, scope, [](Node n) { return n.is_scalar() && !is_truthy(n.text()); });
    case Op::LessThan:
    case Op::GreaterThan: {
      auto compare = [&](double v) { return p.op == Op::LessThan ? v < p.number : v > p.number; };
      auto nodes = resolve(*path, anchor_of(*path, scope));
      if (nodes.empty()) {
        if (p.fallback && compare(*p.fallback) && absence_known(*path, scope)) {
          Match m = absent_at(*path, scope);
          m.value = std::to_string(static_cast<long long>(*p.fallback));
          return m;
        }
        return {};
      }
      for (Node n : nodes) {
        auto v = parse_number(n.text());
        if (n.is_scalar() && v && compare(*v)) return hit_at(n);
      }
      return {};
    }
    case Op::QuantityInvalid:
      return first(*path, scope,
                   [](Node n) { return !n.is_scalar() || !parse_quantity(n.text()); });
    case Op::QuantityGreater: {
      const Path& than = p.paths[1];
      auto limits = resolve(than, anchor_of(than, scope));
      auto limit = limits.empty() ? std::nullopt : parse_quantity(limits.front().text());
      if (!limit) return {};
      return first(*path, scope, [&](Node n) {
        auto v = parse_quantity(n.text());
        return v && *v > *limit;
      });
    }
    case Op::QuantityLess:
      return first(*path, scope, [&](Node n) {
        auto v = n.is_scalar() ? parse_quantity(n.text()) : std::nullopt;
        return v && *v < p.number;
      });
    case Op::VersionBelow: {
      // `1.18` stands for 1.18.0: below it means any 1.17 patch and older.
      const ReleaseVersion bound = *parse_release_version(p.values[0]);
      Match m = first(*path, scope, [&](Node n) {
        auto newest = n.is_scalar() ? newest_release(n.text()) : std::nullopt;
        return newest && *newest < bound;
      });
      // A condition on the chart, not the offending node: inside `all`, the other operands
      // choose where the finding points.
      m.found = false;
      return m;
    }
    case Op::All: {
      Match result;
      for (const Predicate& c : p.children) {
        Match m = evaluate(c, scope);
        if (!m.hit) return {};
        // Point at the first offending node found, else at the first child's location.
        if (!result.hit || (!result.found && m.found)) {
          std::string missing = result.missing;
          result = std::move(m);
          if (result.missing.empty()) result.missing = missing;
        } else if (result.missing.empty()) {
          result.missing = m.missing;
        }
      }
      return result;
    }
    case Op::Any:
      for (const Predicate& c : p.children) {
        Match m = evaluate(c, scope);
        if (m.hit) return m;
      }
      return {};
    case Op::Not: {
      Match m = evaluate(p.children.front(), scope);
      if (m.hit) return {};
      Match r;
      r.hit = true;
      r.at = scope.here;
      return r;
    }
  }
  return {};
}

}  // namespace daprlint
