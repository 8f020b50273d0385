// Drives the chat widget like a customer: open it, type, click quick replies, and answer
// whatever the bot asks (read from the `data-expecting` slot on its last question) until the
// handoff. Playwright's CSS locators pierce the widget's open shadow root.
import type { Page } from 'playwright-core';

/** A bot row that asks something, or the one that announces the case. */
export const QUESTION = '.sd-msg[data-expecting], .sd-msg--handoff';
export const BOT_TURN_TIMEOUT = 10_000;

/** What to answer for a slot: text typed by hand, or a quick reply clicked by payload. */
export type Answer = string | { click: string };
export type Answers = Record<string, Answer> & { '*': Answer };

export interface Step {
  slot: string;
  kind: string | null;
  question: string;
  answer: string;
  /** The input's inputmode / placeholder while this question was open. */
  inputmode: string | null;
  placeholder: string | null;
}

export async function openWidget(page: Page): Promise<void> {
  await page.locator('.sd-launcher').click();
  await page.locator('.sd-panel').waitFor({ state: 'visible' });
}

export async function questionCount(page: Page): Promise<number> {
  return page.locator(QUESTION).count();
}

/** Waits until the bot has asked its (before+1)-th question or announced the case. */
export async function waitForQuestion(page: Page, before: number): Promise<void> {
  await page.locator(QUESTION).nth(before).waitFor({ state: 'attached', timeout: BOT_TURN_TIMEOUT });
}

export async function typeMessage(page: Page, text: string): Promise<void> {
  const input = page.locator('.sd-input');
  await input.fill(text);
  await input.press('Enter');
}

export async function clickQuickReply(page: Page, payload: string): Promise<string> {
  const button = page.locator(`.sd-qr[data-payload="${payload}"]`);
  const title = (await button.textContent({ timeout: 3000 })) ?? '';
  await button.click({ timeout: 3000 });
  return title;
}

export async function lastQuestion(page: Page): Promise<{ handoff: boolean; slot: string | null; kind: string | null; text: string }> {
  const last = page.locator(QUESTION).last();
  return {
    handoff: await last.evaluate((e) => e.classList.contains('sd-msg--handoff')),
    slot: await last.getAttribute('data-expecting'),
    kind: await last.getAttribute('data-kind'),
    text: ((await last.locator('.sd-bubble').textContent()) ?? '').trim(),
  };
}

/** Sends one answer and waits for the bot's next question (or the handoff). */
export async function answer(page: Page, a: Answer): Promise<string> {
  const before = await questionCount(page);
  let shown: string;
  if (typeof a === 'string') {
    await typeMessage(page, a);
    shown = a;
  } else {
    shown = `[${await clickQuickReply(page, a.click)}]`;
  }
  await waitForQuestion(page, before);
  return shown;
}

/**
 * Answers the bot's questions until it hands off (or `maxAnswers` answers were given). Throws
 * with the whole exchange when the bot stalls, so a dialog problem is easy to read.
 */
export async function converse(page: Page, answers: Answers, maxAnswers = 30): Promise<{ steps: Step[]; handedOff: boolean }> {
  const steps: Step[] = [];
  const input = page.locator('.sd-input');
  for (let i = 0; i < maxAnswers; i++) {
    const q = await lastQuestion(page);
    if (q.handoff) return { steps, handedOff: true };
    const slot = q.slot ?? '?';
    const asked = steps.filter((s) => s.slot === slot).length;
    if (asked >= 4) throw new Error(`the bot keeps asking "${slot}":\n${describe(steps)}`);
    const a = answers[slot] ?? answers['*'];
    const step: Step = {
      slot,
      kind: q.kind,
      question: q.text,
      answer: '',
      inputmode: await input.getAttribute('inputmode'),
      placeholder: await input.getAttribute('placeholder'),
    };
    steps.push(step);
    try {
      step.answer = await answer(page, a);
    } catch (err) {
      throw new Error(`no reply after answering "${slot}" with ${JSON.stringify(a)}:\n${describe(steps)}\n${String(err)}`);
    }
  }
  return { steps, handedOff: (await lastQuestion(page)).handoff };
}

export function describe(steps: Step[]): string {
  return steps.map((s, i) => `  ${i + 1}. [${s.slot}/${s.kind ?? '-'}] ${s.question}\n     → ${s.answer}`).join('\n');
}

/** Texts of the widget's bubbles, oldest first. */
export async function bubbles(page: Page, from?: 'user' | 'bot' | 'agent'): Promise<string[]> {
  const selector = from ? `.sd-msg[data-from="${from}"] .sd-bubble` : '.sd-msg .sd-bubble';
  return page.locator(selector).allTextContents();
}

/** Everything the page keeps in browser storage, as one string per entry. */
export async function browserStorage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string>; idb: string[] }> {
  return page.evaluate(async () => {
    const dump = (s: Storage) => {
      const out: Record<string, string> = {};
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out[k] = s.getItem(k) ?? '';
      }
      return out;
    };
    const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return { local: dump(localStorage), session: dump(sessionStorage), idb: dbs.map((d) => d.name ?? '') };
  });
}

/** The element focused inside the widget's shadow root (its id or class), or null. */
export async function widgetFocus(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('swipedesk-widget');
    const active = host?.shadowRoot?.activeElement;
    if (!active) return null;
    return active.id || active.className;
  });
}
