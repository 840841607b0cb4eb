// AggregatorArena in a real browser: drag the gradient tips with the mouse, a finger and the arrow keys,
// and check the known cases chapter 7 states (and its "Try this" list): two opposite gradients of equal
// length stop MGDA, UPGrad, DualProj and PCGrad; UPGrad is half of PCGrad and IMTL-G equals GABA's raw
// weights for two tasks; Nash-MTL's update has length √K; three gradients around the origin stop
// MGDA, UPGrad and DualProj and leave Nash-MTL without an answer, until g₂ moves into a half-plane.
// Live mode trains the toy network and shows the same identities on its real Gramian.
import { assert, test } from './harness.mjs';
import { openWidget, parseStepCount, playWhenReady, press, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

// The plane's geometry (Plane.tsx): a 300-unit square viewBox, centre 150, margin 14, ±5 drawn.
const VIEW = 300;
const SCALE = (150 - 14) / 5;

/** Page coordinates of the arena point (x, y). */
async function pagePoint(plane, [x, y]) {
  const box = await plane.boundingBox();
  const ratio = box.width / VIEW;
  return [box.x + (150 + x * SCALE) * ratio, box.y + (150 - y * SCALE) * ratio];
}

async function dragTip(page, testId, k, from, to) {
  const plane = testId('arena-plane');
  await plane.scrollIntoViewIfNeeded();
  const [x0, y0] = await pagePoint(plane, from);
  const [x1, y1] = await pagePoint(plane, to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x1, y1, { steps: 10 });
  await page.mouse.up();
  await waitForText(testId(`arena-g${k}`), (value) => value === `(${to.map(format).join(', ')})`, { timeout: 5000, label: `g${k} at ${to}` });
}

/** What the widget prints for a drawn coordinate (three significant digits). */
const format = (value) => (value === 0 ? '0' : value.toPrecision(3));

/** "(0.500, 0.500)" → [0.5, 0.5]. */
async function coefficients(testId, id) {
  return (await text(testId(`arena-${id}-coefficients`))).replace(/[()]/g, '').split(', ').map(Number);
}

async function assertStopped(testId, ids, label) {
  for (const id of ids) {
    assert.equal(await text(testId(`arena-${id}-length`)), '0', `${id}'s update is zero (${label})`);
    assert.equal(await text(testId(`arena-${id}-conflict`)), 'no conflict', `${id} (${label})`);
  }
}

async function assertTwoTaskIdentities(testId, label) {
  const [up, pc] = [await coefficients(testId, 'upgrad'), await coefficients(testId, 'pcgrad')];
  up.forEach((c, k) => assert.ok(Math.abs(c - pc[k] / 2) <= 0.0051 * Math.max(1, Math.abs(pc[k])), `UPGrad c${k} ${c} is half of PCGrad's ${pc[k]} (${label})`));
  assert.equal(await text(testId('arena-imtlg-coefficients')), await text(testId('arena-gaba-coefficients')), `IMTL-G = GABA raw (${label})`);
}

test('AggregatorArena: opposite gradients stop MGDA, UPGrad, DualProj and PCGrad (mouse); UPGrad = PCGrad/2 and IMTL-G = GABA (keys)', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, testId, figure, where } = await openWidget(await browser(), baseUrl, 'AggregatorArena');
  try {
    // The default pair (4, 1) and (−1, 1) conflicts: the mean conflicts with g₁, MGDA and UPGrad do not.
    assert.equal(await text(testId('arena-g0')), '(4.00, 1.00)');
    assert.match(await text(testId('arena-mean-conflict')), /conflicts with g₁/);
    assert.equal(await figure.locator('[data-testid="arena-mean"]').getAttribute('data-conflict'), 'yes');
    for (const id of ['mgda', 'upgrad', 'dualproj']) assert.equal(await text(testId(`arena-${id}-conflict`)), 'no conflict', id);
    await assertTwoTaskIdentities(testId, 'default pair');
    assert.equal(await text(testId('arena-nash-length')), format(Math.SQRT2));
    await screenshotBothThemes(page, figure, screenshotDir, 'aggregator-arena');

    // Try this 1: drag g₁ to (−4, −1), exactly opposite g₀.
    await dragTip(page, testId, 1, [-1, 1], [-4, -1]);
    await assertStopped(testId, ['mgda', 'upgrad', 'dualproj', 'pcgrad', 'mean'], 'opposite pair');
    assert.match(await text(testId('arena-nash-failure')), /no solution/);
    assert.equal(await text(testId('arena-mgda-coefficients')), '(0.500, 0.500)');
    await page.waitForFunction((key) => new URLSearchParams(window.location.search).get(key) === '-4', `${where.id}.x1`);

    // Try this 2 and 3: arrow keys on the focused tip; UPGrad stays half of PCGrad, IMTL-G equals GABA, ‖δ_Nash‖ = √2.
    const handle = testId('arena-handle-1');
    await press(handle, 'ArrowUp');
    assert.equal(await text(testId('arena-g1')), '(-4.00, -0.900)');
    assert.match(await handle.getAttribute('aria-label'), /tip of g1: \(-4\.00, -0\.900\)/);
    for (const keys of [['ArrowUp', 'ArrowUp'], ['ArrowRight', 'ArrowRight', 'ArrowRight'], ['Shift+ArrowUp', 'Shift+ArrowUp']]) {
      await press(handle, ...keys);
      const at = await text(testId('arena-g1'));
      await assertTwoTaskIdentities(testId, `g₁ at ${at}`);
      assert.equal(await text(testId('arena-nash-length')), format(Math.SQRT2), `Nash-MTL's length at g₁ = ${at}`);
    }
    assert.equal(await text(testId('arena-g1')), '(-3.70, 1.30)');
    // The table holds the same numbers for screen readers.
    const row = testId('arena-table').locator('tr[data-method="mgda"] td');
    assert.equal(await row.nth(0).textContent(), (await coefficients(testId, 'mgda'))[0].toPrecision(3));
    watcher.assertClean('AggregatorArena page (two tasks)');
  } finally {
    await context.close();
  }
});

test('AggregatorArena: three tasks around the origin stop MGDA, UPGrad and DualProj; in a half-plane Nash-MTL returns and IMTL-G stays zero', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, testId, figure } = await openWidget(await browser(), baseUrl, 'AggregatorArena');
  try {
    await testId('arena-k-3').click();
    assert.equal(await text(testId('arena-g2')), '(0.500, -2.50)');
    await assertStopped(testId, ['mgda', 'upgrad', 'dualproj'], 'three around the origin');
    assert.match(await text(testId('arena-nash-failure')), /no solution/);
    await screenshotBothThemes(page, figure, screenshotDir, 'aggregator-arena-three');

    await dragTip(page, testId, 2, [0.5, -2.5], [0.5, 0.2]);
    assert.equal(await text(testId('arena-nash-conflict')), 'no conflict');
    assert.equal(await text(testId('arena-nash-length')), format(Math.sqrt(3)));
    assert.equal(await text(testId('arena-imtlg-length')), '0');
    for (const id of ['mgda', 'upgrad', 'dualproj']) assert.equal(await text(testId(`arena-${id}-conflict`)), 'no conflict', id);
    watcher.assertClean('AggregatorArena page (three tasks)');
  } finally {
    await context.close();
  }
});

test('AggregatorArena: a finger drags a tip on a phone', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, testId, figure } = await openWidget(await browser(), baseUrl, 'AggregatorArena', { viewport: 'phone', touch: true });
  try {
    const plane = testId('arena-plane');
    await plane.scrollIntoViewIfNeeded();
    const cdp = await context.newCDPSession(page);
    const [x0, y0] = await pagePoint(plane, [-1, 1]);
    const [x1, y1] = await pagePoint(plane, [-4, -1]);
    const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', x0, y0);
    for (let step = 1; step <= 10; step += 1) await touch('touchMove', x0 + ((x1 - x0) * step) / 10, y0 + ((y1 - y0) * step) / 10);
    await touch('touchEnd');
    await waitForText(testId('arena-g1'), (value) => value === '(-4.00, -1.00)', { timeout: 5000, label: 'g₁ dragged by touch' });
    await assertStopped(testId, ['mgda', 'upgrad', 'pcgrad'], 'opposite pair by touch');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the arena is ${overflow}px wider than a 390px phone`);
    await screenshotBothThemes(page, figure, screenshotDir, 'aggregator-arena-phone');
    watcher.assertClean('AggregatorArena page (phone)');
  } finally {
    await context.close();
  }
});

test('AggregatorArena: Live mode shows the toy network’s real Gramian, with IMTL-G = GABA and UPGrad = PCGrad/2 on it', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, testId, figure } = await openWidget(await browser(), baseUrl, 'AggregatorArena', { state: { mode: 'live', seed: 3 } });
  try {
    assert.match(await text(testId('arena-waiting')), /Press Play/);
    const counter = await playWhenReady(testId, 5);
    await waitForText(counter, (value) => (parseStepCount(value)?.step ?? 0) >= 40, { timeout: 90_000, label: 'step ≥ 40' });
    await testId('live-play').click();
    const content = await waitForText(counter, (value) => parseStepCount(value)?.status === 'paused', { label: 'paused' });
    assert.equal(await testId('arena-handle-0').count(), 0, 'Live mode has no handles');
    const ratio = Number(await text(testId('arena-ratio')));
    const cosine = Number(await text(testId('arena-cosine')));
    assert.ok(Number.isFinite(ratio) && ratio > 1, `‖g₀‖/‖g₁‖ should exceed 1 on the toy network, read ${ratio}`);
    assert.ok(cosine >= -1 && cosine <= 1, `cosine ${cosine}`);
    // g₀ lies on the first axis in the embedding.
    assert.match(await text(testId('arena-g0')), /, 0\)$/);
    await assertTwoTaskIdentities(testId, `live, ${content}`);
    for (const id of ['mgda', 'upgrad', 'dualproj']) assert.equal(await text(testId(`arena-${id}-conflict`)), 'no conflict', id);
    for (const length of await figure.locator('[data-testid$="-length"]').allInnerTexts()) assert.ok(Number.isFinite(Number(length)), `length "${length}"`);
    console.log(`     AggregatorArena live: ${content}; ratio ${ratio}, cosine ${cosine}`);
    await screenshotBothThemes(page, figure, screenshotDir, 'aggregator-arena-live');
    watcher.assertClean('AggregatorArena live page');
  } finally {
    await context.close();
  }
});
