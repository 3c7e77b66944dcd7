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
  // an agreement starts when a signed contract's authCode is redeemed (a refresh continues it)
  if (fromCode && grant.contractId && grant.scopes.includes('AGREEMENT_PAY')) {
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

/** How each grant type is redeemed: its field, its table, its three failure codes. */
const GRANTS = {
  AUTHORIZATION_CODE: { field: 'authCode', table: 'authCodes', codes: ['INVALID_CODE', 'USED_CODE', 'EXPIRED_CODE'] },
  REFRESH_TOKEN: { field: 'refreshToken', table: 'refreshTokens', codes: ['INVALID_REFRESH_TOKEN', 'USED_REFRESH_TOKEN', 'EXPIRED_REFRESH_TOKEN'] },
} as const;

export const applyToken: Handler<'applyToken'> = (ctx, body, r) => {
  const grantType = text(body, 'grantType');
  if (grantType !== 'AUTHORIZATION_CODE' && grantType !== 'REFRESH_TOKEN') {
    return r.fail('AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE', `applyToken: grantType ${JSON.stringify(grantType)} is not AUTHORIZATION_CODE or REFRESH_TOKEN`);
  }
  const { field, table, codes: [invalid, used, expired] } = GRANTS[grantType];
  const value = text(body, field);
  if (!value) return r.fail('PARAM_ILLEGAL', `applyToken: ${field} is required when grantType is ${grantType}`);
  // both are single use: redeeming marks the record used
  const record: AuthCodeRecord | RefreshRecord | undefined = ctx.tx.get(table, value);
  if (!record || record.clientId !== ctx.clientId) return r.fail(invalid);
  if (record.usedAt !== undefined) return r.fail(used);
  if (record.expiresAt <= ctx.now) return r.fail(expired);
  ctx.tx.put(table, value, { ...record, usedAt: ctx.now } as never);
  return r.ok(issue(ctx, record, table === 'authCodes' ? value : undefined));
};

export const prepare: Handler<'prepare'> = (ctx, body, r) => {
  const scopes = text(body, 'scopes')!;
  if (scopes !== 'AGREEMENT_PAY') return r.fail('INVALID_SCOPE', `prepare: scopes must be AGREEMENT_PAY, got ${JSON.stringify(scopes)}`);
  // the row checked it: a JSON object as a string, without @ # ?
  const info = JSON.parse(text(body, 'extendInfo')!) as Record<string, unknown>;
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
