/**
 * inquiryUserInfo, inquiryUserCardList, inquiryUserAccountList, inquiryMerchantInfo (`12`–`14`, `17`):
 * each answers only what the token's scopes granted.
 */
import type { UserRecord } from '../state.js';
import { lookupToken, text, type Handler } from './context.js';

/** inquiryUserInfo fields per scope (the getAuthCode page's scope table). The userId always comes: it is the token's subject. */
export function userInfoFor(user: UserRecord, scopes: readonly string[]): Record<string, unknown> {
  const has = (...s: string[]) => s.some((x) => scopes.includes(x));
  const info: Record<string, unknown> = { userId: user.userId };
  if (has('USER_LOGIN_ID', 'HASH_LOGIN_ID')) {
    info['loginIdInfos'] = [{ loginIdType: 'MOBILE_PHONE', maskLoginId: user.maskedMobile, ...(has('HASH_LOGIN_ID') ? { hashLoginId: hashOf(user.mobile) } : {}) }];
  }
  if (has('USER_NAME', 'auth_user')) {
    info['userName'] = { fullName: user.fullName, firstName: user.firstName, secondName: user.secondName, thirdName: user.thirdName, lastName: user.lastName };
  }
  if (has('USER_AVATAR', 'auth_user')) info['avatar'] = user.avatar;
  if (has('USER_GENDER')) info['gender'] = user.gender;
  if (has('USER_BIRTHDAY')) info['birthDate'] = user.birthDate;
  if (has('USER_NATIONALITY')) info['nationality'] = user.nationality;
  if (has('USER_CONTACTINFO')) info['contactInfos'] = [{ contactType: 'MOBILE_PHONE', contactNo: user.maskedMobile }];
  return info;
}

/** A stable, non-reversible stand-in for the hashed login id. */
function hashOf(mobile: string): string {
  let h = 0x811c9dc5;
  for (const c of mobile) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(4);
}

export const inquiryUserInfo: Handler<'inquiryUserInfo'> = (ctx, body, r) => {
  const token = lookupToken(ctx, text(body, 'accessToken')!);
  if (typeof token === 'string') return r.fail(token);
  return r.ok({ userInfo: userInfoFor(ctx.tx.get('users', token.userId)!, token.scopes) });
};

export const inquiryUserCardList: Handler<'inquiryUserCardList'> = (ctx, body, r) => {
  const token = lookupToken(ctx, text(body, 'accessToken')!);
  // the page lists INVALID_ACCESS_TOKEN only; an expired token is not valid either
  if (typeof token === 'string') return r.fail('INVALID_ACCESS_TOKEN', token === 'EXPIRED_ACCESS_TOKEN' ? 'The access token is expired.' : undefined);
  if (!token.scopes.includes('CARD_LIST')) return r.fail('ACCESS_TOKEN_NOT_COVER_THE_SCOPE', 'inquiryUserCardList needs the CARD_LIST scope');
  return r.ok({ cardList: ctx.tx.get('users', token.userId)!.cards });
};

export const inquiryUserAccountList: Handler<'inquiryUserAccountList'> = (ctx, body, r) => {
  const token = lookupToken(ctx, text(body, 'accessToken')!);
  if (typeof token === 'string') return r.fail('INVALID_ACCESS_TOKEN', token === 'EXPIRED_ACCESS_TOKEN' ? 'The access token is expired.' : undefined);
  if (!token.scopes.includes('ACCOUNT_LIST')) return r.fail('ACCESS_TOKEN_NOT_COVER_THE_SCOPE', 'inquiryUserAccountList needs the ACCOUNT_LIST scope');
  return r.ok({ accountList: ctx.tx.get('users', token.userId)!.accounts });
};

export const inquiryMerchantInfo: Handler<'inquiryMerchantInfo'> = (ctx, body, r) => {
  const token = lookupToken(ctx, text(body, 'accessToken')!);
  if (typeof token === 'string') return r.fail(token);
  const profile = ctx.tx.get('users', token.userId)!.merchant;
  // a customer's token names no merchant: the page's closest code
  if (!profile) return r.fail('INVALID_ACCESS_TOKEN', 'inquiryMerchantInfo needs a business (merchant) user token (getAuthCode with MERCHANT_* scopes, currentRole business)');
  const has = (s: string) => token.scopes.includes(s);
  return r.ok({
    merchantInfo: {
      ...(has('MERCHANT_ID') || has('auth_base') ? { merchantId: profile.merchantId } : {}),
      ...(has('MERCHANT_NAME') ? { merchantName: profile.merchantName, merchantNameArabic: profile.merchantNameArabic } : {}),
      ...(has('MERCHANT_LOGO') ? { merchantLogo: profile.merchantLogo } : {}),
    },
  });
};
