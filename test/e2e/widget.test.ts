// Browser end-to-end: the real server (in-process, memory stores) and Debian's Chromium through
// playwright-core. A customer chats in the widget in Chinese (typing and clicking) and in English
// (reloading mid-way), is handed off with a case number, and an agent claims the case in the
// console and answers live. Also: axe-core, a 360 px phone, markup shown as text, and nothing
// but ids in browser storage. Screenshots go to test/e2e/screenshots/ (git-ignored).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_TOKEN, bootServer, type TestServer } from '../helpers/server';
import { launchChromium, screenshotPath, watchPage, type PageProblems } from './browser';
import {
  answer,
  browserStorage,
  bubbles,
  converse,
  describe as describeSteps,
  lastQuestion,
  openWidget,
  QUESTION,
  waitForQuestion,
  widgetFocus,
  type Answers,
} from './widget-driver';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const XSS_SCRIPT = '<script>alert(1)</script>';
const XSS_IMG = '<img src=x onerror=alert(1)>';
const AGENT_REPLY = '您好，我是客服小林，<b>马上</b>为您处理。';

const ZH_FIRST = '昨天中午在好又多超市刷了两次卡，扣了两笔88元';
const ZH_ANSWERS: Answers = {
  role: { click: 'cardholder' },
  category: { click: 'duplicate_charge' },
  when: '昨天中午12点左右',
  amountCharged: '每笔88元',
  chargeCount: '两笔',
  merchantName: '好又多超市',
  cardLast4: '0937',
  cardType: '借记卡',
  issuer: '工商银行',
  hasReceipt: { click: 'yes' },
  merchantContacted: { click: 'no' },
  confirm: { click: 'yes' },
  wantsHuman: { click: 'yes' },
  '*': '不知道',
};

const EN_FIRST = "The cashier at Joe's Diner keyed $450 instead of $45 yesterday";
const EN_ANSWERS: Answers = {
  role: "I'm the customer",
  category: { click: 'wrong_amount' },
  when: 'yesterday around 7:30pm',
  amountCharged: '$450',
  amountExpected: 'it should have been $45',
  merchantName: "Joe's Diner",
  cardLast4: 'ends in 4412',
  cardType: 'credit card',
  issuer: 'Chase',
  hasReceipt: 'yes, I kept the receipt',
  merchantContacted: 'not yet',
  confirm: "yes, that's right",
  wantsHuman: 'yes',
  '*': "I don't know",
};

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const cleanups: (() => Promise<void>)[] = [];
const watched: { name: string; problems: PageProblems }[] = [];
/** Every text a customer typed, to look for in browser storage at the end. */
const typed: string[] = [ZH_FIRST, EN_FIRST, XSS_SCRIPT, XSS_IMG];

// Shared along the story: the Chinese customer's page and case, the agent's console.
let zhPage: Page;
let zhCase = '';
let enPage: Page;
let enCase = '';
let agentPage: Page;

async function newPage(name: string, options: BrowserContextOptions, expectedStatuses: number[] = []): Promise<Page> {
  const ctx = await browser.newContext(options);
  contexts.push(ctx);
  const page = await ctx.newPage();
  watched.push({ name, problems: watchPage(page, expectedStatuses) });
  return page;
}

function allowedInStorage(key: string, value: string): boolean {
  switch (key) {
    case 'swipedesk.conversation':
      return /^[A-Za-z0-9_-]{16,128}$/.test(value);
    case 'swipedesk.locale':
      return value === 'zh-CN' || value === 'en';
    case 'swipedesk.open':
      return value === '1';
    case 'swipedesk.case':
      return /^[A-Za-z0-9_-]{1,64}$/.test(value);
    default:
      return false;
  }
}

interface AxeWindow {
  axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
}

async function runAxe(page: Page): Promise<string[]> {
  const axeSource = readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  // axe adds inline styles while it works, which our CSP (rightly) refuses: pages checked with
  // axe live in contexts opened with bypassCSP; the other pages keep the real policy.
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    (window as unknown as AxeWindow).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`,
  );
}

async function agentSignIn(page: Page, name: string, token: string): Promise<void> {
  await page.locator('#agent-name').fill(name);
  await page.locator('#agent-token').fill(token);
  await page.locator('#login-form button[type="submit"]').click();
}

beforeAll(async () => {
  browser = await launchChromium(); // first: a machine without Chromium fails right here
  server = await bootServer();
});

afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  for (const cleanup of cleanups) await cleanup();
  if (browser) await browser.close();
  if (server) await server.close();
});

describe('chat widget and agent console in a real browser', () => {
  it('when a Chinese customer types and clicks through the dialog, then the case number is shown', async () => {
    zhPage = await newPage('widget-zh', { locale: 'zh-CN', viewport: DESKTOP });
    await zhPage.goto(`${server.base}/`);

    const launcher = zhPage.locator('.sd-launcher');
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.getAttribute('aria-label')).toMatch(/客服/);

    await openWidget(zhPage);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await widgetFocus(zhPage)).toBe('sd-input');
    // The privacy line is there before the customer has said anything.
    expect(await bubbles(zhPage, 'user')).toEqual([]);
    const privacy = zhPage.locator('.sd-privacy');
    expect(await privacy.isVisible()).toBe(true);
    expect(await privacy.textContent()).toMatch(/完整卡号.*CVV.*30 天/);

    await waitForQuestion(zhPage, 0);
    expect((await lastQuestion(zhPage)).slot).toBe('role');
    expect(await zhPage.locator('.sd-typing').isHidden()).toBe(true);

    // Typed by hand: more than was asked, as people do.
    await answer(zhPage, ZH_FIRST);
    const { steps, handedOff } = await converse(zhPage, ZH_ANSWERS);
    if (process.env.E2E_VERBOSE) console.log(`zh exchange:\n${describeSteps(steps)}`);
    expect(handedOff, `no handoff; the exchange was:\n${describeSteps(steps)}`).toBe(true);

    // A clicked quick reply shows its title as the customer's bubble, never the payload.
    const userBubbles = await bubbles(zhPage, 'user');
    expect(userBubbles[0]).toBe(ZH_FIRST);
    const clicked = steps.filter((s) => s.answer.startsWith('['));
    expect(clicked.length, describeSteps(steps)).toBeGreaterThan(0);
    for (const s of clicked) expect(userBubbles).toContain(s.answer.slice(1, -1));
    for (const payload of ['cardholder', 'duplicate_charge', 'yes', 'no']) expect(userBubbles).not.toContain(payload);

    // The input follows what is asked.
    for (const s of steps) {
      if (s.kind === 'money') expect(s.inputmode, s.slot).toBe('decimal');
      if (s.kind === 'digits4') expect(s.inputmode, s.slot).toBe('numeric');
      if (s.kind === 'datetime') expect(s.placeholder, s.slot).toMatch(/例如/);
      if (s.kind === 'choice' || s.kind === 'yesno' || s.kind === 'text') expect(s.inputmode, s.slot).toBeNull();
    }
    expect(steps.some((s) => s.kind === 'digits4'), describeSteps(steps)).toBe(true);

    // The handoff: a banner with the case number, which the announcing message also names.
    const banner = zhPage.locator('.sd-banner');
    expect(await banner.isVisible()).toBe(true);
    zhCase = (await banner.getAttribute('data-case')) ?? '';
    expect(zhCase).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await banner.textContent()).toContain(zhCase);
    expect(await banner.textContent()).toMatch(/等待客服/);
    expect(await zhPage.locator('.sd-msg--handoff .sd-bubble').textContent()).toContain(zhCase);
    expect(await zhPage.locator('.sd-quick').isHidden()).toBe(true);

    // After the handoff the customer writes markup; it is shown (and later relayed) as text.
    for (const text of [XSS_SCRIPT, XSS_IMG]) {
      await zhPage.locator('.sd-input').fill(text);
      await zhPage.locator('.sd-input').press('Enter');
    }
    await expect.poll(() => bubbles(zhPage, 'user')).toEqual(expect.arrayContaining([XSS_SCRIPT, XSS_IMG]));
    expect(await zhPage.locator('.sd-log img').count()).toBe(0);
    typed.push(...steps.map((s) => s.answer).filter((a) => !a.startsWith('[')));
  });

  it('when an agent signs in, claims the case and writes, then the customer sees it marked as the agent', async () => {
    expect(zhCase, 'needs the case of the previous test').not.toBe('');
    agentPage = await newPage('agent', { locale: 'en-US', viewport: { width: 1280, height: 900 } }, [401, 409]);
    await agentPage.goto(`${server.base}/agent`);

    // A wrong token keeps the agent on the login form, with a message.
    await agentSignIn(agentPage, 'Lin', 'wrong-token-0000000000000');
    await expect.poll(() => agentPage.locator('#login-error').textContent()).toMatch(/not accepted/);
    expect(await agentPage.locator('#login').isVisible()).toBe(true);
    await agentSignIn(agentPage, 'Lin', AGENT_TOKEN);
    await agentPage.locator('#console').waitFor({ state: 'visible' });

    const item = agentPage.locator(`.case-item[data-case-id="${zhCase}"]`);
    await item.waitFor({ timeout: 5000 });
    expect(await item.textContent()).toMatch(/Duplicate charge|just now|min/);
    await item.click();
    await expect.poll(() => agentPage.locator('#case-id').textContent()).toBe(zhCase);
    expect(await agentPage.locator('#case-status').getAttribute('data-status')).toBe('waiting');
    expect((await agentPage.locator('#summary').textContent())?.length).toBeGreaterThan(10);
    expect(await agentPage.locator('[data-field="cardLast4"] dd').textContent()).toBe('0937');
    expect(await agentPage.locator('[data-field="reasonCodes"] dd').textContent()).toMatch(/UnionPay/);

    // What the customer typed as markup is text in the console: no element, no alert.
    const userLines = agentPage.locator('#transcript .line--user .line-text');
    await expect.poll(() => userLines.allTextContents(), { timeout: 6000 }).toEqual(expect.arrayContaining([XSS_SCRIPT, XSS_IMG]));
    expect(await agentPage.locator('#transcript img, #transcript script').count()).toBe(0);

    await agentPage.locator('#claim').click();
    await expect.poll(() => agentPage.locator('#case-status').getAttribute('data-status')).toBe('assigned');
    expect(await agentPage.locator('#case-msg').textContent()).toMatch(/claimed/);

    await agentPage.locator('#reply').fill(AGENT_REPLY);
    await agentPage.locator('#reply-send').click();
    await expect.poll(() => agentPage.locator('#transcript .line--agent .line-text').allTextContents()).toContain(AGENT_REPLY);

    // Live in the widget, marked as the agent, markup shown as text.
    const agentMsg = zhPage.locator('.sd-msg--agent').last();
    await agentMsg.waitFor({ timeout: 5000 });
    expect(await agentMsg.locator('.sd-bubble').textContent()).toBe(AGENT_REPLY);
    expect(await agentMsg.locator('.sd-who').textContent()).toBe('客服');
    expect(await agentMsg.locator('b').count()).toBe(0);
    await expect.poll(() => zhPage.locator('.sd-banner').getAttribute('data-status')).toBe('assigned');
    await zhPage.screenshot({ path: screenshotPath('widget-zh.png') });
    await agentPage.locator('.seg-btn[data-status="assigned"]').click();
    await agentPage.locator(`.case-item[data-case-id="${zhCase}"][aria-current="true"]`).waitFor();
    await agentPage.screenshot({ path: screenshotPath('agent-console.png') });

    // The console speaks Chinese on request, summary included.
    await agentPage.locator('.seg-btn[data-lang="zh-CN"]').click();
    expect(await agentPage.locator('#claim').textContent()).toBe('认领');
    expect(await agentPage.locator('#summary').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await agentPage.locator('.seg-btn[data-lang="en"]').click();
  });

  it('when an English customer reloads mid-way, then the history comes back and the dialog continues', async () => {
    enPage = await newPage('widget-en', { locale: 'en-US', viewport: DESKTOP });
    await enPage.goto(`${server.base}/`);
    await openWidget(enPage);
    expect(await enPage.locator('.sd-title').textContent()).toBe('Card payment help');
    expect(await enPage.locator('.sd-privacy').textContent()).toMatch(/full card number.*CVV.*30 days/);
    await waitForQuestion(enPage, 0);
    await answer(enPage, EN_FIRST);
    const before = await converse(enPage, EN_ANSWERS, 2);
    expect(before.handedOff, 'handed off too early').toBe(false);
    const conversationId = (await browserStorage(enPage)).local['swipedesk.conversation'];
    const saidBefore = await bubbles(enPage, 'user');
    const askedBefore = await lastQuestion(enPage);

    await enPage.reload();
    await enPage.locator('.sd-panel').waitFor({ state: 'visible' }); // it was open: it stays open
    await waitForQuestion(enPage, 0);
    expect((await browserStorage(enPage)).local['swipedesk.conversation']).toBe(conversationId);
    const history = await enPage.locator('.sd-msg--history .sd-bubble').allTextContents();
    for (const said of saidBefore) expect(history).toContain(said);
    expect((await lastQuestion(enPage)).slot).toBe(askedBefore.slot);

    const after = await converse(enPage, EN_ANSWERS);
    if (process.env.E2E_VERBOSE) console.log(`en exchange:\n${describeSteps([...before.steps, ...after.steps])}`);
    expect(after.handedOff, `no handoff; the exchange after the reload was:\n${describeSteps(after.steps)}`).toBe(true);
    enCase = (await enPage.locator('.sd-banner').getAttribute('data-case')) ?? '';
    expect(await enPage.locator('.sd-banner').textContent()).toBe(`Case ${enCase} — waiting for an agent`);
    for (const s of [...before.steps, ...after.steps]) {
      if (s.kind === 'datetime') expect(s.placeholder).toMatch(/e\.g\./);
      if (s.kind === 'money') expect(s.inputmode).toBe('decimal');
    }
    await enPage.screenshot({ path: screenshotPath('widget-en.png') });
    typed.push(...[...before.steps, ...after.steps].map((s) => s.answer).filter((a) => !a.startsWith('[')));
  });

  it('when another agent claimed the case first, then the console says so', async () => {
    expect(enCase, 'needs the case of the previous test').not.toBe('');
    await agentPage.locator('.seg-btn[data-status="waiting"]').click();
    await agentPage.locator(`.case-item[data-case-id="${enCase}"]`).click({ timeout: 6000 });
    await expect.poll(() => agentPage.locator('#case-id').textContent()).toBe(enCase);
    await agentPage.locator('#claim').waitFor({ state: 'visible' });
    // Hold the console's refreshes of this case while someone else claims it through the API,
    // so the click is a real race lost on the server, not a button hidden by a refresh.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await agentPage.route(`**/api/cases/${enCase}`, async (route) => {
      await gate;
      await route.continue();
    });
    const other = await server.agent('POST', `/api/cases/${enCase}/claim`, { agent: 'Wang' });
    expect(other.status).toBe(200);
    await agentPage.locator('#claim').click();
    await expect.poll(() => agentPage.locator('#case-msg').textContent()).toMatch(/already claimed by someone else/);
    release();
    await agentPage.unrouteAll({ behavior: 'wait' });
    await expect.poll(() => agentPage.locator('#case-status').getAttribute('data-status')).toBe('assigned');
    expect(await agentPage.locator('#reply').isDisabled()).toBe(true);
  });

  it('when the open widget and the console are checked with axe-core, then there are no violations', async () => {
    const page = await newPage('axe-widget', { locale: 'zh-CN', viewport: DESKTOP, bypassCSP: true });
    await page.goto(`${server.base}/`);
    await openWidget(page);
    await waitForQuestion(page, 0);
    await page.locator('.sd-qr').first().waitFor();
    const widgetViolations = await runAxe(page);
    expect(widgetViolations, widgetViolations.join('\n')).toEqual([]);

    // The Chinese customer's conversation (history, case banner, agent message), reopened in a
    // second tab: the widget in its busiest state.
    const { local } = await browserStorage(zhPage);
    const busy = await newPage('axe-widget-busy', { locale: 'zh-CN', viewport: DESKTOP, bypassCSP: true });
    await busy.addInitScript((entries: [string, string][]) => {
      for (const [k, v] of entries) localStorage.setItem(k, v);
    }, Object.entries(local));
    await busy.goto(`${server.base}/`);
    await busy.locator('.sd-panel').waitFor({ state: 'visible' });
    await busy.locator('.sd-msg--agent').first().waitFor();
    expect(await busy.locator('.sd-banner').textContent()).toContain(zhCase);
    const busyViolations = await runAxe(busy);
    expect(busyViolations, busyViolations.join('\n')).toEqual([]);

    await page.goto(`${server.base}/agent`);
    await agentSignIn(page, 'Axe', AGENT_TOKEN);
    await page.locator('#console').waitFor({ state: 'visible' });
    await page.locator('.seg-btn[data-status="assigned"]').click();
    await page.locator(`.case-item[data-case-id="${zhCase}"]`).click({ timeout: 6000 });
    await expect.poll(() => page.locator('#case-id').textContent()).toBe(zhCase);
    const consoleViolations = await runAxe(page);
    expect(consoleViolations, consoleViolations.join('\n')).toEqual([]);
  });

  it('when the widget is used on a 360 px phone, then nothing scrolls sideways and the language toggle works', async () => {
    const page = await newPage('widget-phone', { locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${server.base}/`);
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);

    await openWidget(page);
    await waitForQuestion(page, 0);
    const box = await page.locator('.sd-panel').boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('.sd-title').textContent()).toBe('刷卡问题客服');

    // The toggle switches the UI at once and asks the bot to follow, without a payload bubble.
    const questions = await page.locator('.sd-msg[data-expecting]').count();
    await page.locator('.sd-lang-btn[data-locale="en"]').click();
    expect(await page.locator('.sd-title').textContent()).toBe('Card payment help');
    await waitForQuestion(page, questions);
    expect((await lastQuestion(page)).text).toMatch(/[A-Za-z]{4,}/);
    expect((await bubbles(page, 'user')).some((b) => b.startsWith('lang:'))).toBe(false);

    const longWord = 'Supercalifragilistic'.repeat(4);
    await answer(page, longWord);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 360)).toBe(true);
    await page.screenshot({ path: screenshotPath('widget-phone-360.png') });

    // Escape closes the panel and gives focus back to the launcher.
    await page.locator('.sd-input').press('Escape');
    await page.locator('.sd-panel').waitFor({ state: 'hidden' });
    expect(await widgetFocus(page)).toBe('sd-launcher');
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
  });

  it('when a merchant on another origin embeds the widget, then it talks to its own server, untouched by their CSS', async () => {
    const page = await newPage('widget-other-origin', { locale: 'zh-CN', viewport: DESKTOP });
    // A hostile stylesheet: none of it may reach inside the widget.
    const html = `<!doctype html><html lang="en"><head><title>Another shop</title><style>
      * { font-family: "Comic Sans MS", cursive; color: #f0f !important; line-height: 3 !important; }
      button { background: yellow !important; padding: 40px !important; }
      div { transform: translateX(50px); }
    </style></head><body><h1>Another shop</h1>
    <script src="${server.base}/widget.js" data-locale="en"></script></body></html>`;
    // The merchant's own server, on another port: another origin (Chromium keeps pages that did
    // not come from a loopback server away from loopback, so it is a real one, not a route).
    const shopServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          shopServer.close(() => resolve());
          shopServer.closeAllConnections();
        }),
    );
    const shop = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}/`;
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(shop);
    await openWidget(page);
    await waitForQuestion(page, 0);
    expect(sockets).toEqual([`ws://127.0.0.1:${server.server.port}/ws`]);
    expect(await page.locator('.sd-title').textContent()).toBe('Card payment help'); // data-locale="en" wins
    await page.mouse.move(0, 0); // no :hover colour on the launcher
    const styles = await page.locator('.sd-launcher').evaluate((b) => {
      const cs = getComputedStyle(b);
      return { background: cs.backgroundColor, padding: cs.paddingTop, color: cs.color };
    });
    expect(styles).toEqual({ background: 'rgb(11, 98, 69)', padding: '12px', color: 'rgb(255, 255, 255)' });
    const bubbleColor = await page.locator('.sd-msg--bot .sd-bubble').first().evaluate((b) => getComputedStyle(b).color);
    expect(bubbleColor).toBe('rgb(27, 37, 48)');
  });

  it('when websockets are blocked, then the widget falls back to POST /api/messages and keeps talking', async () => {
    const page = await newPage('widget-http-fallback', { locale: 'en-US', viewport: DESKTOP });
    await page.routeWebSocket(/\/ws$/, (ws) => ws.close());
    const posts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/messages')) posts.push(req.postData() ?? '');
    });
    await page.goto(`${server.base}/`);
    await openWidget(page);
    await waitForQuestion(page, 0);
    expect(posts.some((p) => p.includes('"hello"'))).toBe(true);
    await answer(page, EN_FIRST);
    expect(posts.some((p) => p.includes("Joe's Diner"))).toBe(true);
    expect(await bubbles(page, 'user')).toEqual([EN_FIRST]);
  });

  it('when the connection drops, then what is typed meanwhile is kept and sent on reconnect', async () => {
    const page = await newPage('widget-reconnect', { locale: 'en-US', viewport: DESKTOP });
    const open: { client: WebSocketRoute; server: WebSocketRoute }[] = [];
    let refuse = false;
    await page.routeWebSocket(/\/ws$/, (client) => {
      if (refuse) {
        void client.close();
        return;
      }
      open.push({ client, server: client.connectToServer() });
    });
    await page.goto(`${server.base}/`);
    await openWidget(page);
    await waitForQuestion(page, 0);

    refuse = true; // the network goes away, and stays away for a while
    for (const pair of open) {
      await pair.server.close();
      await pair.client.close();
    }
    await expect.poll(() => page.locator('.sd-status').textContent()).toMatch(/reconnecting/i);
    const before = await page.locator(QUESTION).count();
    await page.locator('.sd-input').fill(EN_FIRST);
    await page.locator('.sd-input').press('Enter');
    expect(await bubbles(page, 'user')).toEqual([EN_FIRST]); // shown at once, queued in memory

    refuse = false; // back: the queued message goes out and the bot answers it
    await waitForQuestion(page, before);
    expect(open.length).toBeGreaterThan(1);
    expect(await page.locator('.sd-status').isHidden()).toBe(true);
  });

  it('when the conversations are over, then browser storage holds ids only and no page misbehaved', async () => {
    for (const page of [zhPage, enPage]) {
      const stored = await browserStorage(page);
      for (const [key, value] of Object.entries(stored.local)) {
        expect(allowedInStorage(key, value), `localStorage ${key}=${value}`).toBe(true);
        for (const text of typed) if (text.length >= 3) expect(value).not.toContain(text);
      }
      expect(stored.local['swipedesk.conversation']).toBeDefined();
      expect(stored.session).toEqual({});
      expect(stored.idb).toEqual([]);
    }
    // The agent's token lives in sessionStorage only.
    const agentStore = await browserStorage(agentPage);
    expect(Object.values(agentStore.local).join(' ')).not.toContain(AGENT_TOKEN);
    expect(Object.values(agentStore.session)).toContain(AGENT_TOKEN);

    for (const { name, problems } of watched) {
      expect(problems.errors, name).toEqual([]);
      expect(problems.dialogs, name).toEqual([]);
    }
  });
});
