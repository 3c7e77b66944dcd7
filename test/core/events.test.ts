/** Host events on document: data from `event.data` or a CustomEvent's detail, unsubscribe, cancelable back. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, type HostEventName } from '../../src/index.js';
import { resetState } from '../support/fake-bridge.js';

afterEach(resetState);

const ALL: HostEventName[] = ['resume', 'pause', 'pageResume', 'pagePause', 'appResume', 'appPause', 'titleClick', 'optionMenu', 'back'];

/** An event as Alipay-family hosts dispatch it: a plain Event with a `data` property. */
const hostEvent = (type: string, data?: unknown, init?: EventInit) => Object.assign(new Event(type, init), data === undefined ? {} : { data });

describe('on()', () => {
  it("resume: the handler gets event.data", () => {
    const handler = vi.fn();
    const off = on('resume', handler);
    const ev = hostEvent('resume', { from: 'closed page', n: 1 });
    document.dispatchEvent(ev);
    expect(handler).toHaveBeenCalledTimes(1);
    const got = handler.mock.calls[0]![0];
    expect(got.type).toBe('resume');
    expect(got.data).toEqual({ from: 'closed page', n: 1 });
    expect(got.event).toBe(ev);
    off();
  });

  it('resume: a CustomEvent detail is the data', () => {
    const handler = vi.fn();
    const off = on<{ id: number }>('resume', handler);
    document.dispatchEvent(new CustomEvent('resume', { detail: { id: 7 } }));
    expect(handler.mock.calls[0]![0].data).toEqual({ id: 7 });
    off();
  });

  it('event.data wins over detail; neither gives undefined', () => {
    const handler = vi.fn();
    const off = on('resume', handler);
    document.dispatchEvent(Object.assign(new CustomEvent('resume', { detail: 'detail' }), { data: 'data' }));
    document.dispatchEvent(new Event('resume'));
    document.dispatchEvent(new CustomEvent('resume'));
    expect(handler.mock.calls.map((c) => c[0].data)).toEqual(['data', undefined, undefined]);
    off();
  });

  it('falsy data is passed as it is', () => {
    const handler = vi.fn();
    const off = on('resume', handler);
    document.dispatchEvent(hostEvent('resume', 0));
    document.dispatchEvent(hostEvent('resume', ''));
    document.dispatchEvent(hostEvent('resume', false));
    expect(handler.mock.calls.map((c) => c[0].data)).toEqual([0, '', false]);
    off();
  });

  it('unsubscribing stops the handler, and only that one', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = on('pause', a);
    const offB = on('pause', b);
    document.dispatchEvent(hostEvent('pause'));
    offA();
    offA(); // twice is harmless
    document.dispatchEvent(hostEvent('pause'));
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    offB();
    document.dispatchEvent(hostEvent('pause'));
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('handlers get only their own event', () => {
    const resume = vi.fn();
    const off = on('resume', resume);
    document.dispatchEvent(hostEvent('pause'));
    document.dispatchEvent(hostEvent('appResume'));
    expect(resume).not.toHaveBeenCalled();
    off();
  });

  it.each(ALL)('%s is delivered with its type', (name) => {
    const handler = vi.fn();
    const off = on(name, handler);
    document.dispatchEvent(hostEvent(name, { n: name }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![0]).toMatchObject({ type: name, data: { n: name } });
    off();
  });
});

describe('back', () => {
  it('preventDefault cancels a cancelable back', () => {
    const off = on('back', (e) => e.preventDefault());
    const ev = hostEvent('back', undefined, { cancelable: true });
    const notCancelled = document.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(notCancelled).toBe(false);
    off();
  });

  it('without preventDefault, back is not cancelled', () => {
    const handler = vi.fn();
    const off = on('back', handler);
    const ev = hostEvent('back', undefined, { cancelable: true });
    expect(document.dispatchEvent(ev)).toBe(true);
    expect(ev.defaultPrevented).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
    off();
  });

  it('after unsubscribing, back is not cancelled any more', () => {
    const off = on('back', (e) => e.preventDefault());
    off();
    const ev = hostEvent('back', undefined, { cancelable: true });
    document.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
  });
});
