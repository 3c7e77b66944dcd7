/** applyToken and prepare (`02-applyToken`, `03-prepare`). */
import { formatTime } from '../signing.js';
import type { AuthCodeRecord, RefreshRecord } from '../state.js';
import { newId, newToken, text, type Ctx, type Handler } from './context.js';

/** Issues an access + refresh token pair for a user's grant. */
function issue(ctx: Ctx, grant: { userId: string; scopes: string[]; contractId?: string }, fromCode?: string) {
  const accessToken = newToken('2810');
  const refreshToken = newToken('2811');
  const accessExpiry = ctx.now + ctx.limits.accessTokenTtlMs;
  const refreshExpiry = ctx.now + ctx.limits.refreshTokenTtlMs;
  const base = { clientId: ctx.clientId, userId: grant.userId, scopes: grant.scopes, ...(grant.contractId ? { contractId: grant.contractId } : {}) };
  ctx.tx.put('tokens', accessToken, { token: accessToken, ...base, expiresAt: accessExpiry, refreshToken, ...(fromCode ? { fromCode } : {}) });
  ctx.tx.put('refreshTokens', refreshToken, { token: refreshToken, ...base, expiresAt: refreshExpiry });
  if (grant.contractId && grant.scopes.includes('AGREEMENT_PAY')) {
    const agreementId = newId(ctx.now, '7007');
    ctx.tx.put('agreements', agreementId, { agreementId, contractId: grant.contractId, clientId: ctx.clientId, userId: grant.userId, accessToken, createdAt: ctx.now });
  }
  return {
    accessToken,
    accessTokenExpiryTime: formatTime(accessExpiry),
    refreshToken,
    refreshTokenExpiryTime: formatTime(refreshExpiry),
    customerId: grant.userId,
  };
}

export const applyToken: Handler<'applyToken'> = (ctx, body, r) => {
  const grantType = text(body, 'grantType');
  if (grantType === 'AUTHORIZATION_CODE') {
    const code = text(body, 'authCode');
    if (!code) return r.fail('PARAM_ILLEGAL', 'applyToken: authCode is required when grantType is AUTHORIZATION_CODE');
    const record: AuthCodeRecord | undefined = ctx.tx.get('authCodes', code);
    if (!record || record.clientId !== ctx.clientId) return r.fail('INVALID_CODE');
    if (record.usedAt !== undefined) return r.fail('USED_CODE');
    if (record.expiresAt <= ctx.now) return r.fail('EXPIRED_CODE');
    ctx.tx.put('authCodes', code, { ...record, usedAt: ctx.now });
    return r.ok(issue(ctx, record, code));
  }
  if (grantType === 'REFRESH_TOKEN') {
    const token = text(body, 'refreshToken');
    if (!token) return r.fail('PARAM_ILLEGAL', 'applyToken: refreshToken is required when grantType is REFRESH_TOKEN');
    const record: RefreshRecord | undefined = ctx.tx.get('refreshTokens', token);
    if (!record || record.clientId !== ctx.clientId) return r.fail('INVALID_REFRESH_TOKEN');
    if (record.usedAt !== undefined) return r.fail('USED_REFRESH_TOKEN');
    if (record.expiresAt <= ctx.now) return r.fail('EXPIRED_REFRESH_TOKEN');
    ctx.tx.put('refreshTokens', token, { ...record, usedAt: ctx.now });
    return r.ok(issue(ctx, record));
  }
  return r.fail('AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE', `applyToken: grantType ${JSON.stringify(grantType)} is not AUTHORIZATION_CODE or REFRESH_TOKEN`);
};

export const prepare: Handler<'prepare'> = (ctx, body, r) => {
  const scopes = text(body, 'scopes')!;
  if (scopes !== 'AGREEMENT_PAY') return r.fail('INVALID_SCOPE', `prepare: scopes must be AGREEMENT_PAY, got ${JSON.stringify(scopes)}`);
  let info: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text(body, 'extendInfo')!);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    info = parsed as Record<string, unknown>;
  } catch {
    return r.fail('PARAM_ILLEGAL', 'prepare: extendInfo must be a JSON object as a string, e.g. "{\\"language\\":\\"en-US\\",\\"contractDesc\\":\\"…\\"}"');
  }
  const authId = newId(ctx.now, '6006');
  ctx.tx.put('contracts', authId, {
    authId,
    clientId: ctx.clientId,
    scopes,
    ...(typeof info['contractDesc'] === 'string' ? { contractDesc: info['contractDesc'] } : {}),
    ...(typeof info['language'] === 'string' ? { language: info['language'] } : {}),
    status: 'PENDING',
    createdAt: ctx.now,
  });
  return r.ok({ authUrl: `${ctx.url}/contract?authId=${authId}` });
};
