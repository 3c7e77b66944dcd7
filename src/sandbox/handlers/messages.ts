/** sendInbox and sendPush (`15`, `16`): messages land in the user's sandbox inbox (the page shows them). */
import type { MessageRecord } from '../state.js';
import { lookupToken, newId, text, type Ctx, type Handler } from './context.js';

type Channel = MessageRecord['channel'];

const SCOPE: Record<Channel, string> = { inbox: 'NOTIFICATION_INBOX', push: 'NOTIFICATION_PUSH' };

/** Shared body of both: token and scope, templates checked, one message per template. */
function send(ctx: Ctx, body: Record<string, unknown>, channel: Channel): { code: 'INVALID_ACCESS_TOKEN' | 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE' | 'PARAM_ILLEGAL'; message?: string } | { messageId: string } {
  const token = lookupToken(ctx, text(body, 'accessToken')!);
  if (typeof token === 'string') return { code: 'INVALID_ACCESS_TOKEN', ...(token === 'EXPIRED_ACCESS_TOKEN' ? { message: 'The access token is expired.' } : {}) };
  if (!token.scopes.includes(SCOPE[channel])) return { code: 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE', message: `send${channel === 'inbox' ? 'Inbox' : 'Push'} needs the ${SCOPE[channel]} scope` };
  const templates = body['templates'] as unknown[];
  if (!templates.length) return { code: 'PARAM_ILLEGAL', message: 'templates must hold at least one { templateParameters: { Title, Content, Url } }' };
  const params: Array<Record<string, string>> = [];
  for (const [i, t] of templates.entries()) {
    const p = t && typeof t === 'object' ? (t as Record<string, unknown>)['templateParameters'] : undefined;
    const bad = !p || typeof p !== 'object' || ['Title', 'Content', 'Url'].some((k) => typeof (p as Record<string, unknown>)[k] !== 'string' || !(p as Record<string, unknown>)[k]);
    if (bad) return { code: 'PARAM_ILLEGAL', message: `templates[${i}].templateParameters needs Title, Content and Url strings` };
    params.push(p as Record<string, string>);
  }
  const messageId = newId(ctx.now, channel === 'inbox' ? '5005' : '5006');
  params.forEach((p, i) => {
    const id = i === 0 ? messageId : `${messageId}-${i}`;
    ctx.tx.put('messages', id, {
      messageId: id,
      channel,
      clientId: ctx.clientId,
      userId: token.userId,
      requestId: text(body, 'requestId')!,
      templateCode: text(body, 'templateCode')!,
      title: p['Title']!,
      content: p['Content']!,
      url: p['Url']!,
      at: ctx.now,
    });
  });
  return { messageId };
}

export const sendInbox: Handler<'sendInbox'> = (ctx, body, r) => {
  const out = send(ctx, body, 'inbox');
  // PARAM_ILLEGAL is not on sendInbox's page but is one of the common codes the sandbox answers
  return 'messageId' in out ? r.ok({ messageId: out.messageId, extendInfo: '' }) : r.fail(out.code, out.message);
};

export const sendPush: Handler<'sendPush'> = (ctx, body, r) => {
  // the page's hint: a templateCode other than MINI_APP_COMMON_PUSH answers UNKNOWN_EXCEPTION
  if (text(body, 'templateCode') !== 'MINI_APP_COMMON_PUSH') return r.fail('UNKNOWN_EXCEPTION', 'sendPush: templateCode must be MINI_APP_COMMON_PUSH');
  const out = send(ctx, body, 'push');
  return 'messageId' in out ? r.ok({ messageId: out.messageId, extendInfo: '' }) : r.fail(out.code, out.message);
};
