import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto(process.argv[2]);
for (const id of ['mlp', 'linear']) {
  const w = p.locator(`retrain-widget#retrain-${id}`);
  await w.scrollIntoViewIfNeeded();
  await p.waitForFunction((i) => document.querySelector(`retrain-widget#retrain-${i} fieldset`)?.disabled === false, id);
  await w.locator('button[data-action=train]').click();
  await p.waitForFunction((i) => document.querySelector(`retrain-widget#retrain-${i}`)?.dataset.state === 'done', id, { timeout: 300000 });
  console.log(id, await w.evaluate((el) => [el.dataset.testAccuracy, el.dataset.samplesPerSecond, el.querySelector('[data-role=backend]').textContent])));
}
console.log(await b.version());
await b.close();
