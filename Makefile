# Infra Runway: `make run` starts the desktop app, `make test` runs every check.
# Both install what is missing first (scripts/deps.sh).

CARGO ?= cargo
DESKTOP := target/debug/infra-runway-desktop
TAURI_DRIVER ?= $(or $(CARGO_HOME),$(HOME)/.cargo)/bin/tauri-driver

.PHONY: run test bench screenshots deps-run deps-test ui fmt-check clippy rust-tests ui-check ui-tests desktop e2e cli-example

run: deps-run ui
	$(CARGO) run -p infra-runway-desktop

test: deps-test ui fmt-check clippy rust-tests ui-check ui-tests e2e
	@echo "make test: every check passed"

deps-run:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

# The desktop build embeds ui/dist, so the UI is built before any cargo
# command that compiles src-tauri.
ui:
	cd ui && npm run build

fmt-check:
	$(CARGO) fmt --all -- --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets -- -D warnings

rust-tests: ui
	$(CARGO) test --workspace

ui-check:
	cd ui && npm run check

ui-tests:
	cd ui && npm test

desktop: ui
	$(CARGO) build -p infra-runway-desktop

e2e: desktop
	INFRA_RUNWAY_APP=$(CURDIR)/$(DESKTOP) TAURI_DRIVER=$(TAURI_DRIVER) \
	  xvfb-run -a -s "-screen 0 1440x900x24" node --test tests/e2e/*.test.mjs

# Engine timings (criterion): catalogs, project parsing, the example's overview.
bench:
	$(CARGO) bench --bench costing --bench report

# Every step of the example, light and dark, into docs/screenshots/.
screenshots: deps-test desktop
	INFRA_RUNWAY_APP=$(CURDIR)/$(DESKTOP) TAURI_DRIVER=$(TAURI_DRIVER) \
	  xvfb-run -a -s "-screen 0 1440x900x24" node scripts/screenshots.mjs
	$(CARGO) run -q -- report -o target/example-report.pdf
	rm -f docs/screenshots/report-page-*.png
	pdftoppm -r 60 -png -f 1 -l 10 target/example-report.pdf docs/screenshots/report-page

# The CLI on the built-in example, for a quick look.
cli-example:
	$(CARGO) run -q -- platforms
