// Compiled after the build (npm test): the ambient globals must type real page code.
/// <reference path="./globals.d.ts" />
my.alert({ content: 'Hi', success() {} });
my.getAuthCode({ scopes: ['auth_base'] }).then((r) => r.authCode.toUpperCase());
AlipayJSBridge.call('getDeviceInfo', {}, (res) => res);
AlipayJSBridge.call('qicardShareAppMessage', { title: 't', success: (r) => r.shareResult });
AlipayJSBridge.call('openInBrowser', { url: 'tel:123' });
document.addEventListener('AlipayJSBridgeReady', () => SuperQi.ready());
// @ts-expect-error scopes is required
my.getAuthCode({});
// @ts-expect-error a name neither in the table nor registered (a typo of tradePay)
AlipayJSBridge.call('tradepay', {});
AlipayJSBridge.call('tradePay', { paymentUrl: 'https://pay' }, (r) => void r);
SuperQi.call.unknown('startApp', { appId: '20000067' });
export {};
