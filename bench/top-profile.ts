// Summarises a V8 .cpuprofile: top functions by self time with file:line (mapped back to the .ts
// source when a `<profile>.sourcemaps.json` from bench/server-child.ts sits beside it), plus time per area.
//   npx tsx bench/top-profile.ts bench/results/server-16u.cpuprofile [N]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(__dirname, '..');

function toPath(url: string): string {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return url;
    }
  }
  return url;
}

function rel(file: string): string {
  const p = toPath(file);
  return p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p;
}

/** Where a frame's code lives: a project folder, a package, node internals or a V8 pseudo-frame. */
function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native/builtin)';
  const p = rel(url);
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = p.slice(nm + 'node_modules/'.length).split('/');
    return `pkg:${parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '?')}`;
  }
  if (p.startsWith('node:')) return 'node:' + (p.split('/')[1] ?? p);
  const parts = p.split('/');
  if (parts[0] === 'src' || parts[0] === 'dialogs' || parts[0] === 'bench') return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? p);
  return p;
}

export interface FrameInfo {
  key: string;
  name: string;
  location: string;
  area: string;
  project: boolean;
}

/** `window` (µs, the profile's own clock) keeps only samples taken inside it, e.g. the measured load. */
export function summarise(profile: CpuProfile, maps: Record<string, SourceMapPayload>, top = 25, window?: { from: number; to: number }): string {
  const sourceMaps = new Map<string, SourceMap>();
  const mapFor = (url: string): SourceMap | null => {
    const p = toPath(url);
    if (!maps[p]) return null;
    let sm = sourceMaps.get(p);
    if (!sm) sourceMaps.set(p, (sm = new SourceMap(maps[p])));
    return sm;
  };
  const info = new Map<number, FrameInfo>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) parent.set(c, n.id);
    const cf = n.callFrame;
    const name = cf.functionName || (cf.url ? '(anonymous)' : '(unknown)');
    let location = cf.url ? `${rel(cf.url)}:${cf.lineNumber + 1}` : '';
    const sm = cf.url ? mapFor(cf.url) : null;
    if (sm && cf.lineNumber >= 0) {
      const e = sm.findEntry(cf.lineNumber, Math.max(0, cf.columnNumber)) as { originalSource?: string; originalLine?: number };
      if (e.originalSource !== undefined && e.originalLine !== undefined) location = `${rel(e.originalSource)}:${e.originalLine + 1}`;
    }
    const area = areaOf(cf.url, name);
    const project = area.startsWith('src') || area.startsWith('dialogs');
    info.set(n.id, { key: `${name} ${location}`, name, location, area, project });
  }

  // Self time per sample: the gap to the next sample (the last one gets the mean interval).
  const { samples, timeDeltas } = profile;
  const mean = (profile.endTime - profile.startTime) / Math.max(1, samples.length);
  let t = profile.startTime;
  let total = 0;
  let kept = 0;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byArea = new Map<string, number>();
  // Native and node-internal frames charged to the nearest package or project caller (who asked).
  const byOwner = new Map<string, number>();
  const owned = (area: string) => area.startsWith('pkg:') || area.startsWith('src') || area.startsWith('dialogs') || area.startsWith('bench');
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i] ?? 0;
    if (window && (t < window.from || t > window.to)) continue;
    const id = samples[i] ?? -1;
    const dt = i + 1 < timeDeltas.length ? (timeDeltas[i + 1] ?? mean) : mean;
    total += dt;
    kept++;
    const f = info.get(id);
    if (!f) continue;
    self.set(f.key, (self.get(f.key) ?? 0) + dt);
    byArea.set(f.area, (byArea.get(f.area) ?? 0) + dt);
    let owner = f.area;
    if (!owned(owner) && !f.name.startsWith('(')) {
      for (let cur = parent.get(id); cur !== undefined; cur = parent.get(cur)) {
        const a = info.get(cur)?.area;
        if (a && owned(a)) {
          owner = a;
          break;
        }
      }
    }
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + dt);
    if (f.name !== '(idle)') busy += dt;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const g = info.get(cur);
      if (!g || seen.has(g.key)) continue;
      seen.add(g.key);
      inclusive.set(g.key, (inclusive.get(g.key) ?? 0) + dt);
    }
  }
  const byKey = new Map<string, FrameInfo>();
  for (const f of info.values()) byKey.set(f.key, f);

  const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
  const pct = (us: number) => `${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
  const L: string[] = [];
  L.push(
    `profile: ${(total / 1e6).toFixed(1)} s${window ? ' (measured window only)' : ''}, ${kept} samples, busy (non-idle) ${(busy / 1e6).toFixed(1)} s; percentages are of busy time`,
  );
  L.push('');
  L.push(`top ${top} by self time:`);
  L.push(`${'self ms'.padStart(8)} ${'self'.padStart(6)} ${'total'.padStart(6)}  function  (file:line)`);
  const rows = [...self.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) {
    const f = byKey.get(k);
    L.push(`${ms(v)} ${pct(v)} ${pct(inclusive.get(k) ?? 0)}  ${f?.name ?? k}  (${f?.location || f?.area || ''})`);
  }
  L.push('');
  L.push('self time by area:');
  for (const [a, v] of [...byArea.entries()].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, 20)) {
    L.push(`${ms(v)} ${pct(v)}  ${a}`);
  }
  L.push('');
  L.push('self time by owner (native/node-internal time charged to the nearest package or project caller):');
  for (const [a, v] of [...byOwner.entries()].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, 20)) {
    L.push(`${ms(v)} ${pct(v)}  ${a}`);
  }
  L.push('');
  L.push('project functions by inclusive time (src/, dialogs/):');
  const proj = [...inclusive.entries()].filter(([k]) => byKey.get(k)?.project).sort((a, b) => b[1] - a[1]).slice(0, 20);
  for (const [k, v] of proj) {
    const f = byKey.get(k);
    L.push(`${ms(v)} ${pct(v)}  ${f?.name ?? k}  (${f?.location ?? ''})`);
  }
  return L.join('\n');
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx bench/top-profile.ts FILE.cpuprofile [N]\n');
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25) || 25;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  // bench/profile.ts leaves the measured window beside the profile.
  const windowFile = file.replace(/\.cpuprofile$/, '') + '.window.json';
  const window = existsSync(windowFile) ? (JSON.parse(readFileSync(windowFile, 'utf8')) as { from: number; to: number }) : undefined;
  const mapsFile = file.replace(/\.cpuprofile$/, '') + '.sourcemaps.json';
  const maps = existsSync(mapsFile) ? (JSON.parse(readFileSync(mapsFile, 'utf8')) as Record<string, SourceMapPayload>) : {};
  if (!existsSync(mapsFile)) process.stderr.write(`(no ${path.basename(mapsFile)}: .ts lines are those of the transpiled code)\n`);
  process.stdout.write(`${summarise(profile, maps, top, window)}\n`);
}

if (require.main === module) main();
