#pragma once
// Validates a YAML tree against a JSON Schema (valijson), reporting errors at tree nodes.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/tree.h"

namespace daprlint {

struct SchemaError {
  Node at;  // the offending node (or its nearest existing parent)
  std::string message;
  std::size_t depth = 0;  // how deep in the document the error is: deeper is more specific
};

/// A tree converted once into what the validator reads, to be checked against several schemas
/// (co-schema checks a Dapr object against the CRD of every release).
class SchemaInstance {
 public:
  explicit SchemaInstance(Node root);
  ~SchemaInstance();
  SchemaInstance(const SchemaInstance&) = delete;
  SchemaInstance& operator=(const SchemaInstance&) = delete;

 private:
  friend class SchemaValidator;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class SchemaValidator {
 public:
  /// `schema_json` is the schema's text; throws std::runtime_error if it is not a valid schema.
  explicit SchemaValidator(std::string_view schema_json);
  ~SchemaValidator();
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  /// Every violation, the most specific (deepest) first.
  std::vector<SchemaError> validate(Node root) const;
  std::vector<SchemaError> validate(const SchemaInstance& instance) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace daprlint
