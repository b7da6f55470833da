# Two commands do everything on a fresh Debian machine (as root): `make demo` and `make test`.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_DIFF_SECONDS ?= $(FUZZ_SECONDS)
JOBS       ?= $(shell nproc)
SHARED     ?= $(abspath ../shared)
DEPS = cmake g++ make pkg-config libyaml-cpp-dev libyaml-dev libre2-dev nlohmann-json3-dev libcxxopts-dev \
       doctest-dev libssl-dev libvalijson-dev openssl clang-format git clang libclang-rt-dev \
       python3 python3-yaml time dpkg-dev file pre-commit libxml2-utils cmark-gfm chromium
CMAKE_FLAGS ?= -DCMAKE_COMPILE_WARNING_AS_ERROR=ON

.PHONY: all deps build demo test test-asan package fuzz bench format format-check docs facts clean

all: build

## deps: install missing Debian packages (needs root; does nothing when all are present)
deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

## demo: lint the bundled demo deployment
demo: build
	./$(BUILD)/daprlint --fail-on none fixtures/demo

## docs: regenerate docs/rules.md from the rule files (a test fails when it drifts)
docs: build
	./$(BUILD)/daprlint rules --format markdown > docs/rules.md

## facts: regenerate rules/facts/ from ../shared/dapr (tests/facts_drift_test.sh fails when it drifts)
facts: ; python3 tools/gen-release-facts $(SHARED) rules/facts

## test: every test (unit, fixtures, catalog, golden, corpus, CLI, hostile input, SARIF
## validation, formatting), then each fuzz target for 10 s
test: build
	DAPRLINT_SHARED=$(SHARED) ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) fuzz FUZZ_SECONDS=10 FUZZ_DIFF_SECONDS=0

## fuzz: each libFuzzer target of fuzz/ for FUZZ_SECONDS under ASan+UBSan (clang)
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DDAPRLINT_FUZZ=ON -DDAPRLINT_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_yaml_loader fuzz_pipeline fuzz_parser_diff
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_DIFF_SECONDS=$(FUZZ_DIFF_SECONDS) bash fuzz/run.sh $(FUZZ_BUILD) $(SHARED)

## bench: throughput and peak RSS against the yaml-cpp scan floor (bench/RESULTS.md)
bench: build
	bash bench/run.sh $(BUILD) $(SHARED)

## test-asan: the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDAPRLINT_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	DAPRLINT_SHARED=$(SHARED) ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -E '^sarif-validates$$'

## package: build/daprlint_<version>_<arch>.deb (install it with `apt install ./build/daprlint_*.deb`)
package: build
	cd $(BUILD) && cpack -G DEB

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'fuzz/*.cpp' 'bench/*.cpp')

format-check:
	clang-format --dry-run --Werror $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'fuzz/*.cpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
