// docs/flowchart.md is generated from the machine; a stale committed copy fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { misswipeMachine } from '../../dialogs/misswipe/misswipe.machine';
import { fromRoot } from '../../src/paths';
import { flowchartMarkdown } from '../../scripts/flowchart-lib';

describe('flowchart', () => {
  it('when the machine changes, then docs/flowchart.md must be regenerated (npm run flowchart)', () => {
    const committed = readFileSync(fromRoot('docs/flowchart.md'), 'utf8');
    expect(committed).toBe(flowchartMarkdown(misswipeMachine));
  });
});
