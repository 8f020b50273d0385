// The agent API of design.md: list, get, claim, message, resolve — all behind the bearer token.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { CASE_STATUSES } from '../handoff/case-schema';
import type { AgentService } from '../handoff/agent-service';
import { requireAgent } from './auth';
import { HttpError } from './errors';

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const claimBody = z.object({ agent: z.string().trim().min(1).max(80) });
const messageBody = z.object({ text: z.string().trim().min(1).max(4000) });
const listQuery = z.object({ status: z.enum(CASE_STATUSES).default('waiting') });

function caseIdOf(req: Request): string {
  const id = String(req.params.caseId ?? '');
  if (!CASE_ID.test(id)) throw new HttpError(404, 'case not found');
  return id;
}

function body<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new HttpError(400, r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

export function agentRoutes(service: AgentService, token: string): Router {
  const r = Router();
  r.use(requireAgent(token));
  r.get('/', async (req, res) => {
    const { status } = body(listQuery, req.query);
    res.json({ cases: await service.list(status) });
  });
  r.get('/:caseId', async (req, res) => {
    const kase = await service.get(caseIdOf(req));
    if (!kase) throw new HttpError(404, 'case not found');
    res.json(kase);
  });
  r.post('/:caseId/claim', async (req, res) => {
    const { agent } = body(claimBody, req.body);
    const result = await service.claim(caseIdOf(req), agent);
    if (!result.ok) throw new HttpError(result.status, result.error);
    res.json(result.value);
  });
  r.post('/:caseId/messages', async (req, res) => {
    const { text } = body(messageBody, req.body);
    const result = await service.message(caseIdOf(req), text);
    if (!result.ok) throw new HttpError(result.status, result.error);
    res.json({ ok: true, entry: result.value });
  });
  r.post('/:caseId/resolve', async (req, res) => {
    const result = await service.resolve(caseIdOf(req));
    if (!result.ok) throw new HttpError(result.status, result.error);
    res.json(result.value);
  });
  return r;
}
