// Launches Debian's Chromium through playwright-core for the browser tests, and watches pages
// for what must never happen (script errors, CSP violations, alert() from injected markup).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, 'screenshots');

/** Never skips: a machine without Chromium fails here, saying what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium: ` +
        'run `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

/** Problems a page reported: uncaught errors, CSP refusals, and any JS dialog (alert/confirm). */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
}

/** `expectedStatuses`: HTTP errors the test provokes on purpose (a wrong token, a lost claim). */
export function watchPage(page: Page, expectedStatuses: number[] = []): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [] };
  // A missing favicon is not the widget's business; everything else logged as an error is.
  const allowed = new RegExp(`Failed to load resource: the server responded with a status of (?:${[404, ...expectedStatuses].join('|')})\\b`);
  page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' && !allowed.test(text)) {
      problems.errors.push(`console: ${text}`);
    }
    if (/Content Security Policy/i.test(text)) problems.errors.push(`csp: ${text}`);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}
