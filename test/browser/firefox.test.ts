import { engineSuite } from './engine-suite';

// The core browser tests in Firefox ESR (puppeteer-core over WebDriver BiDi).
engineSuite('firefox');
