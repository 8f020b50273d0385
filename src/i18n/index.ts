// Rendering: turns the dialog's reply keys into text in the conversation's language with
// i18next, formatting money and dates with Intl. The only place user-facing text is produced.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import { ISSUERS } from '../nlu/card';
import { fromRoot } from '../paths';
import { LOCALES, type Locale, type Money, type OutMessage, type Reply, type WhenValue } from '../types';

export const NAMESPACES = ['common', 'misswipe', 'guidance', 'agent', 'errors', 'web'] as const;

export function loadResources(dir = fromRoot('locales')): Resource {
  const resources: Resource = {};
  for (const lng of LOCALES) {
    const bundle: Record<string, unknown> = {};
    for (const file of readdirSync(path.join(dir, lng))) {
      if (!file.endsWith('.json')) continue;
      bundle[file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, lng, file), 'utf8')) as unknown;
    }
    resources[lng] = bundle as Resource[string];
  }
  return resources;
}

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' && v !== null && 'minor' in v && 'currency' in v;
const isWhen = (v: unknown): v is WhenValue => typeof v === 'object' && v !== null && 'date' in v;
const looksLikeKey = (v: string) => /^(common|misswipe|guidance|agent|errors|web):[\w.]+$/.test(v);

const moneyFormats = new Map<string, Intl.NumberFormat>();
export function formatMoney(m: Money, locale: Locale): string {
  const id = `${locale}|${m.currency}`;
  let f = moneyFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    moneyFormats.set(id, f);
  }
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(m.minor / 10 ** digits);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
export function formatWhen(w: WhenValue, locale: Locale): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  const day = f.format(new Date(`${w.date}T12:00:00Z`));
  return w.time ? `${day} ${w.time}` : day;
}

export class Renderer {
  private readonly i18n: i18n;

  constructor(private readonly resources: Resource = loadResources()) {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      lng: 'zh-CN',
      fallbackLng: false,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      initAsync: false,
      returnNull: false,
      interpolation: { escapeValue: false }, // text is always rendered as text, never as HTML
    });
  }

  /**
   * Every fixed text (no placeholders, no plural forms) of both languages, mapped to a short
   * reference: what a stored transcript can hold instead of the text itself.
   */
  knownTexts(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (lng: Locale, ns: string, tree: unknown, prefix: string) => {
      if (typeof tree === 'string') {
        if (!tree.includes('{{') && !/_(?:zero|one|two|few|many|other)$/.test(prefix) && !out.has(tree)) out.set(tree, `${lng}|${ns}:${prefix}`);
        return;
      }
      if (tree && typeof tree === 'object') {
        for (const [k, v] of Object.entries(tree)) walk(lng, ns, v, prefix ? `${prefix}.${k}` : k);
      }
    };
    for (const lng of LOCALES) for (const [ns, tree] of Object.entries(this.resources[lng] ?? {})) walk(lng, ns, tree, '');
    return out;
  }

  has(key: string, locale: Locale): boolean {
    return this.i18n.exists(key, { lng: locale });
  }

  // Most replies have no parameters: their text never changes, so it is looked up once.
  private readonly plain = new Map<string, string>();

  t(key: string, locale: Locale, params?: Record<string, unknown>): string {
    if (!params || Object.keys(params).length === 0) {
      const id = `${locale}\u0000${key}`;
      let text = this.plain.get(id);
      if (text === undefined) {
        text = this.i18n.t(key, { lng: locale });
        this.plain.set(id, text);
      }
      return text;
    }
    return this.i18n.t(key, { lng: locale, ...params });
  }

  private formatParam(v: unknown, locale: Locale): unknown {
    if (isMoney(v)) return formatMoney(v, locale);
    if (isWhen(v)) return formatWhen(v, locale);
    if (typeof v === 'string' && looksLikeKey(v)) return this.t(v, locale);
    return v;
  }

  /** Issuers are stored by their English name; a Chinese reader sees the Chinese one. */
  issuerName(name: string, locale: Locale): string {
    if (locale !== 'zh-CN') return name;
    return ISSUERS.find((i) => i.en === name)?.zh ?? name;
  }

  /** The confirmation: one line per known field, labels and values in the user's language. */
  private summary(reply: Reply, locale: Locale): string {
    const lines = [this.t('misswipe:confirm.header', locale)];
    for (const [field, value] of Object.entries(reply.params ?? {})) {
      if (value === null || value === undefined) continue;
      const shown = field === 'issuer' && typeof value === 'string' ? this.issuerName(value, locale) : this.formatParam(value, locale);
      lines.push(`• ${this.t(`misswipe:field.${field}`, locale)}: ${String(shown)}`);
    }
    return lines.join('\n');
  }

  render(reply: Reply, locale: Locale): OutMessage {
    let text: string;
    if (reply.key === 'misswipe:confirm.summary') text = this.summary(reply, locale);
    else {
      let params: Record<string, unknown> | undefined;
      if (reply.params) {
        params = {};
        for (const [k, v] of Object.entries(reply.params)) params[k] = this.formatParam(v, locale);
      }
      text = this.t(reply.key, locale, params);
    }
    const out: OutMessage = { type: 'message', text, locale };
    if (reply.choices?.length) {
      out.quick_replies = reply.choices.map((c) => ({ title: this.t(c.label, locale), payload: c.payload }));
    }
    if (reply.expecting) out.expecting = reply.expecting;
    return out;
  }
}
