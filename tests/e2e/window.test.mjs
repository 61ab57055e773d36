// End-to-end: starts the real Infra Runway window through tauri-driver and
// WebKitWebDriver (run under Xvfb by `make test`) and reads what a founder
// sees: the example's Railway total, and the itemized lines of a platform.

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { WebDriver } from "./webdriver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const app = process.env.INFRA_RUNWAY_APP ?? join(root, "target/debug/infra-runway-desktop");
const driverBin = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "/root", ".cargo/bin/tauri-driver");
const port = 4444 + Math.floor(Math.random() * 500);
const artifacts = join(here, "artifacts");

let driver;
let wd;
let startedAt;

before(async () => {
  assert.ok(existsSync(app), `the desktop app is built at ${app}`);
  assert.ok(existsSync(driverBin), `tauri-driver is installed at ${driverBin}`);
  driver = spawn(driverBin, ["--port", String(port)], { stdio: ["ignore", "inherit", "inherit"] });
  wd = new WebDriver(`http://127.0.0.1:${port}`);
  await wd.waitReady(20_000);
  startedAt = performance.now();
  await wd.start(app);
});

after(async () => {
  if (wd) {
    try {
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, "window.png"), Buffer.from(await wd.screenshot(), "base64"));
    } catch {
      // a screenshot is a convenience, not part of the verdict
    }
    await wd.stop();
  }
  // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would not.
  driver?.kill("SIGTERM");
});

test("the window shows the example's Railway total", async () => {
  const total = await wd.waitText('[data-testid="total-railway"]', (t) => t.includes("$"), 60_000);
  const interactiveMs = Math.round(performance.now() - startedAt);
  console.log(`cold start to interactive window: ${interactiveMs} ms`);
  // The core's figure for the example on Railway's current catalog.
  assert.equal(total, "$212.29");
  assert.equal(await wd.text(await wd.find('[data-testid="project-name"]')), "QLP platform");
  assert.match(await wd.title(), /Infra Runway/);
  // Each workload row carries its own monthly cost on the chosen platform.
  assert.equal(await wd.text(await wd.find('[data-testid="item-cost-Orchestrator"]')), "$19.98");
  assert.equal(await wd.text(await wd.find('[data-testid="item-cost-Agent Factory"]')), "$39.96");
  assert.equal(await wd.text(await wd.find('[data-testid="item-cost-Redis"]')), "$9.99");
});

test("the scenarios stand side by side with runway, first-month cash and cliffs", async () => {
  // The core's figures for the example (see tests/snapshots/*example-compare*).
  assert.equal(await wd.text(await wd.find('[data-testid="runway-railway-only"]')), "28 months");
  assert.equal(await wd.text(await wd.find('[data-testid="runway-hybrid"]')), "30 months");
  assert.equal(await wd.text(await wd.find('[data-testid="first-month-hybrid"]')), "$172.33");
  assert.equal(
    await wd.text(await wd.find('[data-testid="cliff-hybrid-temporal"]')),
    "Month 19: Temporal Cloud startup credits end, cash burn rises by $51.02",
  );
  assert.equal((await wd.findAll("article.scenario")).length, 4);
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "scenarios.png"), Buffer.from(await wd.screenshot(), "base64"));
});

test("every hosting platform of the seed is compared", async () => {
  for (const [id, amount] of [
    ["render", "$201.00"],
    ["heroku", "$1,025.00"],
    ["aws-ecs", "$205.64"],
    ["azure-aks", "$301.49"],
  ]) {
    assert.equal(await wd.text(await wd.find(`[data-testid="total-${id}"]`)), amount, id);
  }
  // The page fits the window: no sideways scrolling at the default size.
  const [scrollWidth, innerWidth] = await wd.execute(
    "return [document.documentElement.scrollWidth, window.innerWidth]",
  );
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`);
});

test("picking a platform shows its itemized lines, which add up to its total", async () => {
  const railwayLines = await wd.text(await wd.find('[data-testid="lines-total"]'));
  assert.equal(railwayLines, "$212.29");
  const buttons = await wd.findAll("table.compare button.link");
  let render = null;
  for (const b of buttons) {
    if ((await wd.text(b)) === "Render") render = b;
  }
  assert.ok(render, "a Render button");
  await wd.click(render);
  const renderLines = await wd.waitText('[data-testid="lines-total"]', (t) => t === "$201.00", 5_000);
  assert.equal(renderLines, "$201.00");
  const rows = await wd.findAll(".lines tbody tr");
  assert.equal(rows.length, 9, "six services, two databases and egress");

  // Back to Railway, scrolled to the comparison, for the record.
  for (const b of await wd.findAll("table.compare button.link")) {
    if ((await wd.text(b)) === "Railway") await wd.click(b);
  }
  await wd.waitText('[data-testid="lines-total"]', (t) => t === "$212.29", 5_000);
  await wd.execute('document.getElementById("platforms").scrollIntoView()');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "platforms.png"), Buffer.from(await wd.screenshot(), "base64"));
  await wd.execute("window.scrollTo(0, 0)");
});
