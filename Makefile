# quotebot — common tasks. `make test` is what CI runs (see .ci/run).
GO ?= go

.PHONY: test lint golden eval bench fuzz load run

test:
	$(GO) test -race -count=1 ./...

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	cd bench && $(GO) vet . && $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 .

# Rewrite the extractor's golden files and the bundled corpus; review the diff.
golden:
	$(GO) test ./quotes/extract/ -run 'TestGolden|TestSeedCorpus' -update

# Extraction quality on ../shared/eval/polnear (evaluation only, never copied).
eval:
	$(GO) test -count=1 -run 'TestEval' -v ./quotes/extract/

# Hot-path benchmarks of the product; the FTS5 comparison lives in bench/.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./index/ ./quotes/...
	cd bench && $(GO) run . -out RESULTS.md

# Each fuzz target for a bounded time.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./quotes/ -run '^$$' -fuzz '^FuzzReadJSONL$$' -fuzztime $(FUZZTIME)
	$(GO) test ./quotes/ -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZTIME)
	$(GO) test ./quotes/ -run '^$$' -fuzz '^FuzzReadFortune$$' -fuzztime $(FUZZTIME)
	$(GO) test ./quotes/ -run '^$$' -fuzz '^FuzzSplitAttributed$$' -fuzztime $(FUZZTIME)
	$(GO) test ./quotes/extract/ -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test ./index/ -run '^$$' -fuzz '^FuzzSearch$$' -fuzztime $(FUZZTIME)
	$(GO) test ./bot/ -run '^$$' -fuzz '^FuzzDecodeInteraction$$' -fuzztime $(FUZZTIME)
	$(GO) test ./bot/ -run '^$$' -fuzz '^FuzzButtonCustomID$$' -fuzztime $(FUZZTIME)

# The load test at full length: 200 signed interactions a second for 30 s
# while a bulk import runs, p99 held to 100 ms. CI runs 5 s of it (no p99
# limit: CI machines are shared) as part of `make test`.
load:
	QUOTEBOT_LOAD_SECONDS=30 QUOTEBOT_LOAD_P99_MS=100 $(GO) test -count=1 -run '^TestLoad$$' -v .

run:
	$(GO) run .
