/**
 * One way to drive the two engines besides Chromium: Firefox ESR through puppeteer-core over
 * WebDriver BiDi, and WebKitGTK's MiniBrowser through WebKitWebDriver (selenium-webdriver) on a
 * virtual X display. The tests run page functions through `run`, the same in both.
 */
import puppeteer from 'puppeteer-core';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { browserPath } from '../../scripts/browser/chromium';
import { FIREFOX, MINIBROWSER, WEBKIT_DRIVER, XVFB } from './setup/engines';
import { freePort } from './setup/free-port';
import { startProcess } from './setup/start-process';

export type EngineName = 'firefox' | 'webkit';

/** A page in one engine. */
export interface EnginePage {
  readonly engine: EngineName;
  /** The engine's name and version, e.g. `firefox/153.0`. */
  readonly version: string;
  /** Loads a URL and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Makes the page's viewport (innerWidth x innerHeight) this size. */
  setViewport(width: number, height: number): Promise<void>;
  /** Runs `fn` in the page with JSON arguments and returns its (awaited) JSON result. */
  run<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /**
   * Console errors and uncaught errors of the page. Firefox: all, from the driver. WebKit, whose
   * driver reports neither: uncaught errors and `console.error` calls after each load event
   * (earlier ones stop the page's scripts, which the tests see by what does not work).
   */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Polls `fn` in the page every half second until it returns something truthy; throws naming `what` after `timeoutMs`. */
export async function waitFor<T, A extends unknown[]>(
  page: EnginePage,
  what: string,
  timeoutMs: number,
  fn: (...args: A) => T | Promise<T>,
  ...args: A
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.run(fn, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${page.engine}: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Starts `engine` and opens one page in it. */
export function openEngine(engine: EngineName): Promise<EnginePage> {
  return engine === 'firefox' ? openFirefox() : openWebkit();
}

async function openFirefox(): Promise<EnginePage> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: browserPath(FIREFOX), headless: true });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
  const version = await browser.version();
  return {
    engine: 'firefox',
    version,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    run: (fn, ...args) => page.evaluate(fn as (...a: unknown[]) => unknown, ...args) as never,
    errors: async () => errors.slice(),
    close: () => browser.close(),
  };
}

/** Records uncaught errors and console.error calls in the page, from now on, for `errors()`. */
function recordErrorsInPage(): void {
  const w = window as unknown as { engineErrors?: string[] };
  if (w.engineErrors) return;
  const errors: string[] = (w.engineErrors = []);
  addEventListener('error', (e) => errors.push(`uncaught: ${e.message}`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String(e.reason)}`));
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    original(...args);
  };
}

/** Xvfb and WebKitWebDriver: ready within 30 s, asked every 100 ms. */
const HELPER = { timeoutMs: 30_000, pollMs: 100 };

async function openWebkit(): Promise<EnginePage> {
  const stopped: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stopped.reverse()) await stop();
  };
  try {
    // -displayfd 1: Xvfb picks a free display and prints its number once it is ready.
    const xvfb = await startProcess(browserPath(XVFB), ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], HELPER, async (p) =>
      /^\d+\n/.test(p.stdout()),
    );
    stopped.push(async () => xvfb.stop());
    const port = await freePort();
    const driverEnv = { ...process.env, DISPLAY: `:${xvfb.stdout().trim()}` };
    const driverProcess = await startProcess(browserPath(WEBKIT_DRIVER), [`--port=${port}`], { ...HELPER, env: driverEnv }, async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok);
    stopped.push(async () => driverProcess.stop());
    const caps = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: browserPath(MINIBROWSER), args: ['--automation'] },
    };
    const driver: WebDriver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
    stopped.push(async () => void (await driver.quit().catch(() => undefined)));
    // Some page functions wait for every image of the article (WebDriver's default is 30 s).
    await driver.manage().setTimeouts({ script: 120_000 });
    const version = `MiniBrowser/${(await driver.getCapabilities()).get('browserVersion') as string}`;
    const run = async <T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> =>
      (await driver.executeScript(`return (${fn.toString()})(...arguments)`, ...args)) as T;
    return {
      engine: 'webkit',
      version,
      goto: async (url) => {
        await driver.get(url);
        await run(recordErrorsInPage);
      },
      setViewport: async (width, height) => {
        // The window includes MiniBrowser's own bars: size it, then correct by what they take.
        await driver.manage().window().setRect({ width, height });
        const [w, h] = await run(() => [innerWidth, innerHeight]);
        await driver.manage().window().setRect({ width: 2 * width - w, height: 2 * height - h });
      },
      run,
      errors: () => run(() => (window as unknown as { engineErrors?: string[] }).engineErrors ?? []),
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
