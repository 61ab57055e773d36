// Refreshes docs/screenshots/: every step of the example, light and dark,
// from the real window. Run with `make screenshots` (under Xvfb).

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { WebDriver } from "../tests/e2e/webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const app = process.env.INFRA_RUNWAY_APP ?? join(root, "target/debug/infra-runway-desktop");
const driverBin = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "/root", ".cargo/bin/tauri-driver");
const out = join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });
const port = 4900 + Math.floor(Math.random() * 90);
const driver = spawn(driverBin, ["--port", String(port), "--native-port", String(port + 1000)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), "infra-runway-shots-")) },
});
const wd = new WebDriver(`http://127.0.0.1:${port}`);
try {
  await wd.waitReady(20_000);
  await wd.start(app);
  await wd.waitText('[data-testid="runway-hybrid"]', (t) => t.length > 0, 60_000);
  for (const theme of ["light", "dark"]) {
    await wd.execute(
      `const s = document.querySelector('select[aria-label="Theme"]');
       s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));`,
      [theme],
    );
    for (const step of ["workload", "credits", "scenarios", "decide", "results", "platforms", "export"]) {
      await wd.click(await wd.find(`button[data-step="${step}"]`));
      await new Promise((r) => setTimeout(r, 400));
      const file = join(out, `${step}-${theme}.png`);
      writeFileSync(file, Buffer.from(await wd.screenshot(), "base64"));
      console.log(`saved ${file}`);
      if (step === "results") {
        // The charts below the scenario cards.
        await wd.execute(`document.querySelector('[data-testid="chart-cash-burn"]')?.scrollIntoView()`);
        await new Promise((r) => setTimeout(r, 300));
        const charts = join(out, `charts-${theme}.png`);
        writeFileSync(charts, Buffer.from(await wd.screenshot(), "base64"));
        console.log(`saved ${charts}`);
      }
    }
  }
} finally {
  await wd.stop();
  driver.kill("SIGTERM");
}
