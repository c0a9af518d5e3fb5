import {
  ENROLMENT_PATHS,
  EnrolmentErrorSchema,
  ExchangeEnrolmentCodeReplySchema,
  ExchangeEnrolmentCodeRequestSchema,
  type ExchangeEnrolmentCodeReply,
} from '../../protocol/enrolment.js';
import { describeIssues, formatIssues } from '../../protocol/index.js';

/** The fetch function used; injected so tests can use a real server or a stand-in. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ status: number; json(): Promise<unknown> }>;

/**
 * Exchanges a one-time enrolment code for this workstation's device token at the server. The
 * reply is validated; a refusal throws with the server's reason. The caller keeps the token in
 * the safeStorage vault, never in clear.
 */
export async function exchangeEnrolmentCode(serverUrl: string, code: string, machineName: string, fetch: FetchLike): Promise<ExchangeEnrolmentCodeReply> {
  const request = ExchangeEnrolmentCodeRequestSchema.safeParse({ code, machineName });
  if (!request.success) throw new Error(`enrolment code refused before sending: ${formatIssues(describeIssues(request.error))}`);
  const response = await fetch(new URL(ENROLMENT_PATHS.exchange, serverUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request.data),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.json().catch(() => null);
  if (response.status !== 200) {
    const error = EnrolmentErrorSchema.safeParse(body);
    throw new Error(`enrolment refused (HTTP ${response.status}): ${error.success ? `${error.data.error.code}: ${error.data.error.message}` : 'no reason given'}`);
  }
  const reply = ExchangeEnrolmentCodeReplySchema.safeParse(body);
  if (!reply.success) throw new Error(`enrolment reply not understood: ${formatIssues(describeIssues(reply.error))}`);
  return reply.data;
}
