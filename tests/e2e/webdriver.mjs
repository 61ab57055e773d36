// A minimal W3C WebDriver client over fetch (Node 20), enough to drive the
// real Infra Runway window through tauri-driver and WebKitWebDriver.

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async call(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      const v = json.value ?? {};
      throw new Error(`${method} ${path}: ${res.status} ${v.error ?? ""} ${v.message ?? ""}`);
    }
    return json.value;
  }

  async waitReady(timeoutMs) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      try {
        const v = await this.call("GET", "/status");
        if (v && v.ready !== false) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`WebDriver at ${this.base} did not become ready`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async start(application) {
    const v = await this.call("POST", "/session", {
      capabilities: {
        alwaysMatch: { browserName: "wry", "tauri:options": { application } },
      },
    });
    this.session = v.sessionId;
  }

  async stop() {
    if (this.session) {
      await this.call("DELETE", `/session/${this.session}`).catch(() => {});
      this.session = null;
    }
  }

  s(path) {
    return `/session/${this.session}${path}`;
  }

  async find(css) {
    const v = await this.call("POST", this.s("/element"), { using: "css selector", value: css });
    return Object.values(v)[0];
  }

  async findAll(css) {
    const v = await this.call("POST", this.s("/elements"), { using: "css selector", value: css });
    return v.map((e) => Object.values(e)[0]);
  }

  async text(id) {
    return this.call("GET", this.s(`/element/${id}/text`));
  }

  async click(id) {
    return this.call("POST", this.s(`/element/${id}/click`), {});
  }

  async execute(script, args = [], async = false) {
    return this.call("POST", this.s(async ? "/execute/async" : "/execute/sync"), { script, args });
  }

  async title() {
    return this.call("GET", this.s("/title"));
  }

  async screenshot() {
    return this.call("GET", this.s("/screenshot"));
  }

  /** Polls for an element's text until `ok(text)` or the timeout. */
  async waitText(css, ok, timeoutMs) {
    const end = Date.now() + timeoutMs;
    let last = "";
    for (;;) {
      try {
        const id = await this.find(css);
        last = await this.text(id);
        if (ok(last)) return last;
      } catch {
        // not there yet
      }
      if (Date.now() > end) throw new Error(`${css}: timed out; last text "${last}"`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
