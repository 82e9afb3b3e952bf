// A small WebDriver (classic, W3C) client over fetch: just the commands the WebKit smoke suite
// needs. WebKitGTK's WebKitWebDriver speaks only classic WebDriver, and Playwright's own WebKit
// build cannot be downloaded here.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** One WebDriver session on a driver listening at `driverUrl`. */
export class WebDriverSession {
  /** @param {string} driverUrl @param {string} id */
  constructor(driverUrl, id) {
    this.base = `${driverUrl}/session/${id}`;
  }

  /** Starts a session with the given capabilities (`alwaysMatch`). */
  static async start(driverUrl, capabilities) {
    const value = await send(driverUrl, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    });
    const session = new WebDriverSession(driverUrl, value.sessionId);
    session.capabilities = value.capabilities;
    return session;
  }

  command(method, path, body) {
    return send(this.base, method, path, body);
  }

  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  url() {
    return this.command('GET', '/url');
  }

  /** Runs a script in the page; DOM elements come back as element references. */
  execute(script, ...args) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Runs a script whose last argument is a callback to call with the result. */
  executeAsync(script, ...args) {
    return this.command('POST', '/execute/async', { script, args });
  }

  click(element) {
    return this.command('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  async type(element, text) {
    await this.command('POST', `/element/${element[ELEMENT]}/clear`, {});
    return this.command('POST', `/element/${element[ELEMENT]}/value`, { text });
  }

  /** The page as a PNG (bytes). */
  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  end() {
    return send(this.base, 'DELETE', '');
  }
}

async function send(base, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok || json.value?.error) {
    const { error, message } = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${error ?? r.status}: ${message ?? ''}`);
  }
  return json.value;
}

/** Whether a script result is an element reference. */
export const isElement = (v) => Boolean(v && typeof v === 'object' && ELEMENT in v);
