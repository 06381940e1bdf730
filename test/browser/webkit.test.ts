import { engineSuite } from './engine-suite';

// The core browser tests in WebKitGTK (MiniBrowser through WebKitWebDriver, on Xvfb).
engineSuite('webkit');
