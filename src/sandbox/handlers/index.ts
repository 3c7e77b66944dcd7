/** Every Open API's handler, keyed like the table: a row without a handler fails the type check. */
import type { OpenApiName } from '../table/index.js';
import { applyToken, prepare } from './auth.js';
import type { Handler } from './context.js';
import { cancel, confirm, merchantAccept, voidPayment } from './escrow.js';
import { sendInbox, sendPush } from './messages.js';
import { inquiryPayment, pay } from './payments.js';
import { inquiryRefund, refund } from './refunds.js';
import { inquiryMerchantInfo, inquiryUserAccountList, inquiryUserCardList, inquiryUserInfo } from './users.js';

export const HANDLERS: { readonly [K in OpenApiName]: Handler<K> } = {
  applyToken,
  prepare,
  inquiryPayment,
  inquiryRefund,
  pay,
  refund,
  merchantAccept,
  confirm,
  cancel,
  void: voidPayment,
  inquiryUserInfo,
  inquiryUserCardList,
  inquiryUserAccountList,
  sendInbox,
  sendPush,
  inquiryMerchantInfo,
};
