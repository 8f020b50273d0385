// The image cannot be built on the test machines (no Docker engine), so this checks statically
// that the runtime stage ships every file the code reads from the project root at run time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('Dockerfile', () => {
  it('when the runtime image starts, then every file read through fromRoot() was copied into it', () => {
    const docker = readFileSync(fromRoot('Dockerfile'), 'utf8');
    const runtime = docker.slice(docker.lastIndexOf('\nFROM '));
    const copied = [...runtime.matchAll(/^COPY\s+(?!--from)(\S+)\s+\S+$/gm)].map((m) => m[1] ?? '');
    const read = sources(fromRoot('src')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/fromRoot\(\s*'([^']+)'(?:\s*,\s*'([^']+)')?/g)].map((m) => path.posix.join(m[1] ?? '', m[2] ?? '')),
    );
    expect(read).toContain('src/store/redis/dictionary-v1.txt');
    expect(read.length).toBeGreaterThan(3);
    for (const p of read) expect(copied.some((c) => p === c || p.startsWith(`${c}/`)), `${p} is not copied into the runtime image`).toBe(true);
  });
});
