// npm run flowchart: writes docs/flowchart.md from the machine definition.
import { writeFileSync } from 'node:fs';
import { misswipeMachine } from '../dialogs/misswipe/misswipe.machine';
import { fromRoot } from '../src/paths';
import { flowchartMarkdown } from './flowchart-lib';

writeFileSync(fromRoot('docs/flowchart.md'), flowchartMarkdown(misswipeMachine));
process.stdout.write('wrote docs/flowchart.md\n');
