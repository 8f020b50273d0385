// What a message asks for or answers: issue category, role, yes/no and the global commands
// (human, restart, back, help, skip, correction, resume). Deterministic keyword/regex rules.
import type { Parsed } from '../types';

export function detectIntents(_text: string): Parsed['intents'] {
  return {
    category: null,
    role: null,
    yesNo: null,
    human: false,
    restart: false,
    back: false,
    help: false,
    skip: false,
    correction: false,
    resume: false,
  };
}
