#pragma once
// After the object rules have checked an object, the rules still to run (Reads::Inventory), the
// suppressions and the reports read only a little of it: the names other objects refer to, pod
// annotations and labels, container images and ports. Trimming keeps just that, so a List
// export of 100 MB does not hold every item's whole tree until the end.

#include "model/object.h"

namespace daprlint {

/// Replaces the tree of an object of a common kind (workloads, Dapr resources, Services,
/// ConfigMaps) with a copy of what those readers use; every node kept has its line, column and
/// path unchanged. Control-plane parts, chart installs, other kinds and trees with aliases are
/// left whole.
void trim(Object& object);

}  // namespace daprlint
