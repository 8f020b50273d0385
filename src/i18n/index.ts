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
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const looksLikeKey = (v: string) => /^(common|misswipe|guidance|agent|errors|web):[\w.]+$/.test(v);

// Intl formatters are slow to build and to ask for their options: one per locale (and currency),
// with the currency's minor-unit scale read once.
const moneyFormats = new Map<string, { f: Intl.NumberFormat; scale: number }>();
export function formatMoney(m: Money, locale: Locale): string {
  const id = `${locale}|${m.currency}`;
  let entry = moneyFormats.get(id);
  if (!entry) {
    const f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    entry = { f, scale: 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2) };
    moneyFormats.set(id, entry);
  }
  return entry.f.format(m.minor / entry.scale);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
// A conversation's dates are few and repeat on every summary: formatted days are kept (bounded).
const formattedDays = new Map<string, string>();
export function formatWhen(w: WhenValue, locale: Locale): string {
  const id = `${locale}|${w.date}`;
  let day = formattedDays.get(id);
  if (day === undefined) {
    let f = dateFormats.get(locale);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      dateFormats.set(locale, f);
    }
    day = f.format(new Date(`${w.date}T12:00:00Z`));
    if (formattedDays.size >= 5000) formattedDays.clear();
    formattedDays.set(id, day);
  }
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
    const template = params.count === undefined ? this.template(key, locale) : null;
    if (template !== null) {
      // Plain {{name}} substitution, exactly what i18next does with escaping off, without its
      // per-call option handling; anything unusual (a missing or non-scalar value) goes to i18next.
      let complete = true;
      const text = template.replace(PLACEHOLDER, (m, name: string) => {
        const v = params[name];
        if (typeof v === 'string' || typeof v === 'number') return String(v);
        complete = false;
        return m;
      });
      if (complete) return text;
    }
    return this.i18n.t(key, { lng: locale, ...params });
  }

  private readonly templates = new Map<string, string | null>();

  /** The raw text of a key whose only syntax is {{name}} placeholders; null otherwise. */
  private template(key: string, locale: Locale): string | null {
    const id = `${locale}\u0000${key}`;
    let tpl = this.templates.get(id);
    if (tpl === undefined) {
      const colon = key.indexOf(':');
      const raw: unknown = colon > 0 ? this.i18n.getResource(locale, key.slice(0, colon), key.slice(colon + 1)) : undefined;
      tpl = typeof raw === 'string' && !/\$t\(|\{\{(?!\w+\}\})|\{\{\w+\}\}\}|\{\{-/.test(raw) ? raw : null;
      this.templates.set(id, tpl);
    }
    return tpl;
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
