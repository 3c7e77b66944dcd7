// @vitest-environment node
/**
 * The store's transaction (src/sandbox/store.ts `Tx`): a put is written once, when the transaction
 * ends or before a query that may read it, yet every read in the transaction sees it; fils are checked
 * by the ledger's deferred foreign key at commit (no query of ours), still reported as before; a
 * payment's or refund's copied fields (schema.ts `COPIED`) cannot drift from its body; the notifier's
 * "anything to deliver?" is answered from memory while nothing was queued.
 */
import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../src/sandbox/sqlite.js';
import type { DeliveryRecord, PaymentRecord, RefundRecord } from '../../src/sandbox/state.js';
import { InvariantError, Store } from '../../src/sandbox/store.js';
import { ALI, tempDir } from './merchant.js';

const CLIENT = '2026000000000001';
const dirs: Array<{ remove(): void }> = [];
const stores: Store[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => d.remove());
});
const open = () => {
  const tmp = tempDir();
  dirs.push(tmp);
  const store = new Store({ dir: tmp.dir, clientId: CLIENT });
  stores.push(store);
  return store;
};
/** The store's connection (to count the rows a transaction writes: `total_changes()`). */
const connection = (store: Store) => (store as unknown as { db: { raw: Database } }).db.raw;
const changes = (store: Store) => (connection(store).prepare('SELECT total_changes()').raw(true).get() as [number])[0];

const payment = (id: string, over: Partial<PaymentRecord> = {}): PaymentRecord => ({
  paymentId: id,
  paymentRequestId: `REQ-${id}`,
  clientId: CLIENT,
  kind: 'cashier',
  productCode: '51051000101000000011',
  amount: 1000,
  currency: 'IQD',
  orderDescription: 'test',
  status: 'PROCESSING',
  createdAt: 1_000,
  expiresAt: 2_000,
  held: 0,
  refunded: 0,
  voided: 0,
  transactions: [],
  ...over,
});
const refund = (id: string, paymentId: string, over: Partial<RefundRecord> = {}): RefundRecord => ({
  refundId: id,
  refundRequestId: `RREQ-${id}`,
  clientId: CLIENT,
  paymentId,
  amount: 100,
  currency: 'IQD',
  status: 'SUCCESS',
  createdAt: 1_500,
  ...over,
});

it('reads in a transaction see its puts: by id, by request id, the small tables, due work; deletes too', () => {
  const store = open();
  const seen = store.transact((tx) => {
    tx.put('payments', 'P1', payment('P1'));
    const byId = tx.get('payments', 'P1')?.paymentRequestId;
    const byRequest = tx.paymentByRequest(CLIENT, 'REQ-P1')?.paymentId;
    tx.put('payments', 'P1', payment('P1', { status: 'SUCCESS', paidAt: 1_100, payerId: ALI }));
    const paid = [tx.get('payments', 'P1')?.status, tx.paymentByRequest(CLIENT, 'REQ-P1')?.status];
    tx.put('payments', 'P2', payment('P2', { expiresAt: 1_200 }));
    const due = tx.due(1_300).payments.map((p) => p.paymentId);
    tx.put('consents', 'C1', ['USER_ID']);
    const consents = tx.all('consents');
    tx.put('payments', 'P2', undefined);
    const deleted = [tx.get('payments', 'P2'), tx.due(1_300).payments.length];
    tx.put('refunds', 'R1', refund('R1', 'P1'));
    tx.put('payments', 'P1', { ...tx.get('payments', 'P1')!, refunded: 100 });
    const byRefundRequest = tx.refundByRequest(CLIENT, 'RREQ-R1')?.refundId;
    return { byId, byRequest, paid, due, consents, deleted, byRefundRequest };
  });
  expect(seen).toEqual({
    byId: 'REQ-P1',
    byRequest: 'P1',
    paid: ['SUCCESS', 'SUCCESS'],
    due: ['P2'],
    consents: [['USER_ID']],
    deleted: [undefined, 0],
    byRefundRequest: 'R1',
  });
  // and all of it committed: the last put of each record
  expect(store.get('payments', 'P1')).toMatchObject({ status: 'SUCCESS', refunded: 100 });
  expect(store.get('payments', 'P2')).toBeUndefined();
  expect(store.get('refunds', 'R1')?.paymentId).toBe('P1');
});

it('a record put several times in a transaction is written once', () => {
  const store = open();
  const before = changes(store);
  store.transact((tx) => {
    tx.put('payments', 'P1', payment('P1'));
    tx.put('payments', 'P1', payment('P1', { status: 'CLOSED', failCode: 'ORDER_IS_CLOSED', closedAt: 1_100 }));
    tx.put('payments', 'P1', payment('P1', { status: 'CLOSED', failCode: 'ORDER_IS_CLOSED', closedAt: 1_200 }));
  });
  // one INSERT, and its fils trigger's ledger update (written as put: 3 writes, 3 trigger updates)
  expect(changes(store) - before).toBe(2);
  expect(store.get('payments', 'P1')?.closedAt).toBe(1_200);
});

it('a change that does not conserve fils is refused at commit with the amounts, and undone', () => {
  const store = open();
  const ali = store.get('users', ALI)!;
  expect(() => store.transact((tx) => tx.put('users', ALI, { ...ali, balance: ali.balance + 1 }))).toThrow(InvariantError);
  expect(() => store.transact((tx) => tx.put('users', ALI, { ...ali, balance: ali.balance + 1 }))).toThrow(/^fils not conserved: \d+ ≠ \d+$/);
  expect(store.get('users', ALI)).toEqual(ali);
  // and the store goes on: a conserving change commits
  const merchant = store.get('merchants', CLIENT)!;
  store.transact((tx) => {
    tx.put('users', ALI, { ...ali, balance: ali.balance - 5 });
    tx.put('merchants', CLIENT, { ...merchant, balance: merchant.balance + 5 });
  });
  expect(store.get('users', ALI)?.balance).toBe(ali.balance - 5);
});

it("a payment's or refund's request id, client, payment and time cannot change once it is made", () => {
  const store = open();
  store.transact((tx) => {
    tx.put('payments', 'P1', payment('P1'));
    tx.put('refunds', 'R1', refund('R1', 'P1', { status: 'FAIL' }));
  });
  const changed: Array<[string, () => void]> = [
    ['paymentRequestId', () => store.transact((tx) => tx.put('payments', 'P1', payment('P1', { paymentRequestId: 'OTHER' })))],
    ['payment clientId', () => store.transact((tx) => tx.put('payments', 'P1', payment('P1', { clientId: 'OTHER' })))],
    ['payment createdAt', () => store.transact((tx) => tx.put('payments', 'P1', payment('P1', { createdAt: 1 })))],
    ['refundRequestId', () => store.transact((tx) => tx.put('refunds', 'R1', refund('R1', 'P1', { status: 'FAIL', refundRequestId: 'OTHER' })))],
    ['refund paymentId', () => store.transact((tx) => tx.put('refunds', 'R1', refund('R1', 'P2', { status: 'FAIL' })))],
    ['refund createdAt', () => store.transact((tx) => tx.put('refunds', 'R1', refund('R1', 'P1', { status: 'FAIL', createdAt: 1 })))],
  ];
  for (const [what, change] of changed) expect(change, what).toThrow(InvariantError);
  expect(store.get('payments', 'P1')).toEqual(payment('P1'));
  expect(store.get('refunds', 'R1')).toEqual(refund('R1', 'P1', { status: 'FAIL' }));
  // the lookups by them still find the records, and a change of anything else goes through
  store.transact((tx) => tx.put('payments', 'P1', payment('P1', { orderDescription: 'changed' })));
  expect(store.transact((tx) => tx.paymentByRequest(CLIENT, 'REQ-P1'))?.orderDescription).toBe('changed');
  expect(store.transact((tx) => tx.refundByRequest(CLIENT, 'RREQ-R1'))?.refundId).toBe('R1');
});

it('pending deliveries: a delivery queued by a commit is found, one rolled back is not', () => {
  const store = open();
  expect(store.pendingDeliveries()).toEqual([]);
  const delivery: DeliveryRecord = { deliveryId: 'D1', kind: 'payment', clientId: CLIENT, paymentId: 'P1', url: 'http://127.0.0.1:1/notify', body: '{}', status: 'PENDING', attempts: [], tries: 0, nextAt: 5, createdAt: 5 };
  expect(() =>
    store.transact((tx) => {
      tx.put('deliveries', 'D1', delivery);
      throw new Error('handler failed');
    }),
  ).toThrow('handler failed');
  expect(store.pendingDeliveries()).toEqual([]);
  store.transact((tx) => tx.put('deliveries', 'D1', delivery));
  expect(store.pendingDeliveries().map((d) => d.deliveryId)).toEqual(['D1']);
  store.transact((tx) => tx.put('deliveries', 'D1', { ...delivery, status: 'DELIVERED' }));
  expect(store.pendingDeliveries()).toEqual([]);
  store.transact((tx) => tx.put('deliveries', 'D1', { ...delivery, nextAt: 9 }));
  expect(store.pendingDeliveries().map((d) => d.nextAt)).toEqual([9]);
});
