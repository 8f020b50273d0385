// Prints the NLU evaluation table (per key and language) and every failure; exits 1 when a key
// scores below 95%. Run: npx tsx scripts/eval-nlu.ts   (npm run eval:nlu)
import { PASS_RATE, accuracy, failingKeys, runEval, type Tally } from './nlu-eval-lib';

function cell(t: Tally): string {
  return t.n === 0 ? '-'.padStart(12) : `${String(t.n).padStart(4)} ${(accuracy(t) * 100).toFixed(1).padStart(6)}%`;
}

function main(): void {
  const result = runEval();
  const width = Math.max(24, ...result.keys.map((k) => k.key.length)) + 2;
  console.log(
    `NLU evaluation: ${result.lines} lines (zh-CN ${result.linesByLang['zh-CN']}, en ${result.linesByLang.en})\n`,
  );
  console.log(`${'key'.padEnd(width)}${'zh-CN n/acc'.padStart(13)}${'en n/acc'.padStart(13)}${'total'.padStart(13)}`);
  for (const k of result.keys) {
    const flag = accuracy(k.total) < PASS_RATE ? '  <-- below 95%' : '';
    console.log(`${k.key.padEnd(width)} ${cell(k.byLang['zh-CN'])} ${cell(k.byLang.en)} ${cell(k.total)}${flag}`);
  }
  if (result.failures.length > 0) {
    console.log(`\nFailures (${result.failures.length}):`);
    for (const f of result.failures) {
      console.log(
        `  ${f.file}:${f.line}  ${f.key}  expected ${JSON.stringify(f.expected)}  got ${JSON.stringify(f.actual)}  — ${f.text}`,
      );
    }
  }
  const thin = Object.entries(result.coverage).filter(([, c]) => c['zh-CN'] < 10 || c.en < 10);
  if (thin.length > 0) {
    console.log('\nIntent values with fewer than 10 lines in a language:');
    for (const [k, c] of thin) console.log(`  ${k}: zh-CN ${c['zh-CN']}, en ${c.en}`);
  }
  const failing = failingKeys(result);
  if (failing.length > 0) {
    console.log(`\nFAIL: ${failing.length} key(s) below ${PASS_RATE * 100}%: ${failing.map((k) => k.key).join(', ')}`);
    process.exit(1);
  }
  console.log('\nOK: every key at or above 95%.');
}

main();
