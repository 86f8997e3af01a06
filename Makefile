# casework: build, test and demo. Needs only Go; modules come from go.mod.
GO      ?= go
BIN     := bin/casework
DEMO    := examples/agency
# The demo runs on a fixed date so its report reads the same every day.
DEMO_ENV := CASEWORK_NOW=2026-06-15T09:00:00Z CASEWORK_USER=w-ana

.PHONY: build test demo example fuzz lint fmt clean docs bench check-fmt vet staticcheck tidy unit race install uninstall

build:
	$(GO) build -o $(BIN) ./cmd/casework

# Install the binary, the man pages (docs/man) and the shell completions
# (bash, zsh, fish) under PREFIX; DESTDIR stages a package. Bash completion
# needs the bash-completion package (it loads the file on first use).
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(DESTDIR)$(PREFIX)/bin
MANDIR  := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR  := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(BIN) $(BINDIR)/casework
	install -m 0644 docs/man/*.1 $(MANDIR)/
	$(BIN) completion bash > $(BASHDIR)/casework
	$(BIN) completion zsh > $(ZSHDIR)/_casework
	$(BIN) completion fish > $(FISHDIR)/casework.fish
	@echo "Installed casework under $(DESTDIR)$(PREFIX); try: man casework"

uninstall:
	rm -f $(BINDIR)/casework $(MANDIR)/casework.1 $(MANDIR)/casework-*.1 $(BASHDIR)/casework $(ZSHDIR)/_casework $(FISHDIR)/casework.fish

# What CI runs (.ci/run): every check that holds the house, cheapest first,
# stopping at the first that fails. Under 5 minutes on 2 cores (figures in
# docs/testing.md).
test: check-fmt vet staticcheck tidy unit race

# The packages whose state is shared between goroutines or processes: the
# store and its lock, the case index cache, parallel validate, and the
# operations that update a case under the lock. They run again under the
# race detector.
RACE_PKGS ?= ./pkg/store ./pkg/caseindex ./pkg/validate ./pkg/ops

check-fmt:
	@out="$$(gofmt -l .)"; test -z "$$out" || { echo "gofmt needed on (run make fmt):"; echo "$$out"; exit 1; }

vet:
	$(GO) vet ./...

# staticcheck is pinned in go.mod as a tool: a fresh clone gets that version.
staticcheck:
	$(GO) tool staticcheck ./...

# go.mod and go.sum say exactly what the code imports.
tidy:
	@$(GO) mod tidy -diff || { echo "go.mod or go.sum is not tidy: run go mod tidy"; exit 1; }

unit:
	$(GO) test ./...

race:
	$(GO) test -race $(RACE_PKGS)

demo: build
	@echo "== casework case list ($(DEMO))"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) case list
	@echo
	@echo "== casework caseload"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) caseload
	@echo
	@echo "== casework due --within 4w"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) due --within 4w
	@echo
	@echo "== casework validate"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) validate
	@echo
	@echo "== casework workflow"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) workflow
	@echo
	@echo "== casework report outcomes (how clients' scores changed; no client named)"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) report outcomes --from 2026-01
	@echo
	@echo "== casework render C-2026-7K3Q --redact (the care plan, shareable)"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) render C-2026-7K3Q --redact

# Rebuild the sample repository with casework itself.
example: build
	bash examples/build-agency.sh $(BIN) $(DEMO)

# The command-line reference (docs/cli, Markdown) and man pages (docs/man),
# generated from the live command tree; a test fails when they are stale.
docs:
	$(GO) run ./cmd/casework-docs -md docs/cli -man docs/man

# Longer fuzzing than the seed-corpus runs in make test; anything found is
# written to the package's testdata/fuzz and becomes a regular test.
# Every fuzz target in the tree, found by name, each for FUZZTIME with
# FUZZPARALLEL workers (issue 13 asks for 5 minutes each without a
# crasher: make fuzz FUZZTIME=5m). A crasher is kept in the package's
# testdata/fuzz and fails the run.
FUZZTIME ?= 2m
FUZZPARALLEL ?= 1
fuzz:
	@set -e; for file in $$(grep -rl --include='*_test.go' '^func Fuzz' pkg); do \
	  for target in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$file); do \
	    echo "== $$target in ./$$(dirname $$file) for $(FUZZTIME)"; \
	    $(GO) test ./$$(dirname $$file) -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -parallel $(FUZZPARALLEL); \
	  done; \
	done

# Figures of docs/performance.md: generates 10k- and 100k-case repositories
# under BENCH_DIR (git-ignored bench/ by default; kept for the next run, as
# generating 100,000 cases takes minutes; BENCH_FLAGS=-fresh makes them
# again) and prints validate, caseload, case list and case new against a
# bare parallel YAML decode of the same files, with peak memory; then every
# other command that reads the whole repository: dupes, fmt --check (cold
# and warm), export csv, render --all, export fhir --all, the three
# reports, validate with 3 files changed and case new of a likely duplicate
# (issues 18 and 20), and dupes' recall and precision on a planted set.
# BENCH_SIZES=10000 is the quicker run; BENCH_FLAGS='-runs 1' takes one
# timed run of each instead of the fastest of three; BENCH_FLAGS='-skip
# "export fhir --all"' leaves a command out.
BENCH_SIZES ?= 10000,100000
BENCH_FLAGS ?=
BENCH_DIR ?= bench
bench:
	$(GO) build -o bin/casework ./cmd/casework
	$(GO) build -o bin/casework-gen ./cmd/casework-gen
	$(GO) build -o bin/casework-bench ./cmd/casework-bench
	$(GO) test -run XXX -bench . -benchtime 3x ./pkg/caseload ./pkg/gen
	$(GO) test -run XXX -bench . -benchmem ./pkg/casefile ./pkg/caseindex ./pkg/cli/output
	$(GO) test -run XXX -bench . -benchtime 1x ./pkg/dupes
	./bin/casework-bench -sizes $(BENCH_SIZES) -dir $(BENCH_DIR) $(BENCH_FLAGS)

lint: check-fmt vet staticcheck

fmt:
	gofmt -w .

clean:
	rm -rf bin
