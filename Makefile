# casework: build, test and demo. Needs only Go; modules come from go.mod.
GO      ?= go
BIN     := bin/casework
DEMO    := examples/agency
# The demo runs on a fixed date so its report reads the same every day.
DEMO_ENV := CASEWORK_NOW=2026-06-15T09:00:00Z CASEWORK_USER=w-ana

.PHONY: build test demo lint fmt clean

build:
	$(GO) build -o $(BIN) ./cmd/casework

test:
	$(GO) vet ./...
	$(GO) test ./...

demo: build
	@echo "== casework case list ($(DEMO))"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) case list
	@echo
	@echo "== casework worker list"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) worker list
	@echo
	@echo "== casework resource list"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) resource list
	@echo
	@echo "== casework case list --overdue"
	@$(DEMO_ENV) ./$(BIN) --dir $(DEMO) case list --overdue

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

fmt:
	gofmt -w .

clean:
	rm -rf bin
