import { type BrowserSpec, CHROMIUM } from '../../../scripts/browser/chromium';

/** Debian's directory for architecture-specific libraries on this machine, e.g. `x86_64-linux-gnu`. */
const MULTIARCH = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';

/** Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
export const FIREFOX: BrowserSpec = {
  name: 'Firefox ESR',
  envVar: 'FIREFOX_PATH',
  debianPath: '/usr/bin/firefox-esr',
  aptPackage: 'firefox-esr',
  binary: 'a Firefox binary',
};

/** WebKitGTK's WebDriver server, which starts MiniBrowser. */
export const WEBKIT_DRIVER: BrowserSpec = {
  name: 'WebKitWebDriver',
  envVar: 'WEBKIT_DRIVER_PATH',
  debianPath: '/usr/bin/WebKitWebDriver',
  aptPackage: 'webkit2gtk-driver',
  binary: "WebKitGTK's WebKitWebDriver",
};

/** WebKitGTK's MiniBrowser (installed with the driver's library). */
export const MINIBROWSER: BrowserSpec = {
  name: 'MiniBrowser',
  envVar: 'MINIBROWSER_PATH',
  debianPath: `/usr/lib/${MULTIARCH}/webkit2gtk-4.1/MiniBrowser`,
  aptPackage: 'webkit2gtk-driver',
  binary: "WebKitGTK's MiniBrowser",
};

/** A virtual X display: WebKitGTK's MiniBrowser has no headless mode. */
export const XVFB: BrowserSpec = {
  name: 'Xvfb',
  envVar: 'XVFB_PATH',
  debianPath: '/usr/bin/Xvfb',
  aptPackage: 'xvfb',
  binary: 'an Xvfb binary',
};

/** Everything the browser tests drive, Chromium first. */
export const ALL_BROWSERS: readonly BrowserSpec[] = [CHROMIUM, FIREFOX, WEBKIT_DRIVER, MINIBROWSER, XVFB];
