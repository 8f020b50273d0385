// Locates files shipped beside the code (locales, Lua scripts, web assets) both when running the
// TypeScript sources (tests, tsx) and the compiled dist/ build: both live under the project root.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'locales'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`swipedesk: cannot find the project root above ${start}`);
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const fromRoot = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
