// The environment, parsed once with zod: documented defaults, and a bad value stops start-up
// with a message that names the variable (never a half-configured server).
import { z } from 'zod';
import { parseHours } from './handoff/hours';

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const configSchema = z.object({
  PORT: int(3000).pipe(z.number().max(65535)),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  AGENT_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BOT_TIMEZONE: z.string().default('Asia/Shanghai').refine(isTimeZone, 'is not an IANA time zone'),
  DEFAULT_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY')
    .default('CNY'),
  IDLE_TIMEOUT_SECONDS: int(1800, 1),
  SESSION_TTL_SECONDS: int(86400, 60),
  // Live dialog actors kept per instance (~7 KB each) for the one-round-trip turn; 0 = never.
  KEPT_CONVERSATIONS: int(1000, 0),
  CASE_RETENTION_DAYS: int(30, 1),
  AGENT_HOURS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseHours(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      }
    }),
  AGENT_WAIT_SECONDS: int(120, 1),
  RATE_LIMIT_PER_IP: int(600),
  RATE_LIMIT_PER_CONVERSATION: int(60),
  ALLOWED_ORIGINS: z.string().optional(),
  HANDOFF_WEBHOOK_URL: z.url().optional(),
  HANDOFF_WEBHOOK_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** A config for tests and tools: defaults plus overrides, validated the same way. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', AGENT_TOKEN: 'test-agent-token-0123456789', ...overrides });
}
