/**
 * The emulator UI's stylesheet. Applied as a constructable stylesheet (works under a strict CSP
 * without 'unsafe-inline'), falling back to a <style> element where those are missing.
 */
const CSS = `
:host{all:initial}
[hidden]{display:none!important}
.frame{--p:#1a73e8;--l:#e5e5ea;--m:#8e8e93;--r:#ff3b30;position:fixed;top:12px;right:12px;z-index:2147483000;width:375px;height:min(700px,calc(100vh - 24px));display:flex;flex-direction:column;box-sizing:border-box;background:#f2f2f7;color:#1c1c1e;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Tahoma,Arial,sans-serif;border:8px solid #1c1c1e;border-radius:28px;box-shadow:0 10px 40px rgba(0,0,0,.35);overflow:hidden;text-align:start}
.frame *,.frame *::before,.frame *::after{box-sizing:border-box}
.frame.inline{position:relative;top:auto;right:auto;z-index:auto;max-width:100%}
.frame.min{height:auto}
.frame.min .bar,.frame.min .screen{display:none}
button{font:inherit;color:inherit;cursor:pointer}
button:focus-visible,.in:focus{outline:2px solid var(--p);outline-offset:-2px}
.status{display:flex;align-items:center;gap:8px;padding:4px 12px;background:#1c1c1e;color:#fff;font-size:11px}
.mark{background:#ffb300;color:#000;font-weight:700;padding:1px 6px;border-radius:4px;letter-spacing:.05em}
.app,.bar-title,.top .t{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.status button{background:none;border:0;padding:0 4px;font-size:14px;line-height:1}
.bar{display:flex;align-items:center;justify-content:center;gap:8px;height:44px;padding:0 16px;background:#fff;border-bottom:1px solid var(--l);color:#000;font-weight:600;font-size:16px;text-align:center}
.bar.dark{color:#fff}
.bar img{max-height:32px;max-width:100%}
.screen{position:relative;flex:1;overflow:hidden}
.idle{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;padding:32px;text-align:center;color:var(--m)}
.idle:not(:last-child){visibility:hidden}
.app,.bar-title,.hd,.hd>span,.tx,.sm,.kv>:last-child,.it>span,.card>*,.toast,.loading>div,.top .t{unicode-bidi:plaintext}
.hd.who{unicode-bidi:normal}
.back{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;padding:24px;background:rgba(0,0,0,.45)}
.back.sheet{align-items:flex-end;padding:0}
.back.page{padding:0}
.box{display:flex;flex-direction:column;width:100%;max-height:100%;overflow:auto;background:#fff;border-radius:12px;outline:none;box-shadow:0 4px 24px rgba(0,0,0,.2)}
.sheet .box{border-radius:12px 12px 0 0;max-height:85%}
.page .box{height:100%;border-radius:0;box-shadow:none}
.box.dark{background:#000;color:#fff}
.hd{padding:16px 16px 4px;font-weight:600;font-size:16px;text-align:center;word-break:break-word}
.tx{padding:4px 16px 12px;text-align:center;color:#3a3a3c;white-space:pre-wrap;word-break:break-word}
.tx.left{text-align:left}.tx.right{text-align:right}
.sm{padding:0 16px 8px;color:var(--m);font-size:12px;text-align:center;word-break:break-word}
.box>.sm:first-child{padding-top:12px}
.err{padding:0 16px 8px;color:var(--r);font-size:12px}
.in{align-self:stretch;margin:4px 16px 12px;padding:8px 10px;border:1px solid #c7c7cc;border-radius:8px;font:inherit;background:#fff;color:#1c1c1e;min-width:0}
.ft{display:flex;border-top:1px solid var(--l);margin-top:auto}
.ft button{flex:1;padding:12px;background:none;border:0;font-size:16px;color:var(--p)}
.ft button+button{border-inline-start:1px solid var(--l)}
.pri{font-weight:600}
.it{display:flex;align-items:center;gap:8px;width:100%;padding:13px 16px;background:#fff;border:0;border-top:1px solid #efeff4;font-size:16px;text-align:start}
.it.c{justify-content:center}
.it>span:first-child{flex:1;min-width:0;word-break:break-word}
.it.c>span:first-child{flex:0 1 auto}
.it small{display:block;color:var(--m);font-size:12px}
.danger{color:var(--r)}
.gap{flex:none;height:8px;background:#f2f2f7}
.bd{min-width:18px;height:18px;padding:0 5px;border-radius:9px;background:var(--r);color:#fff;font-size:11px;line-height:18px;text-align:center}
.bd.dot{min-width:8px;width:8px;height:8px;padding:0}
.bt{color:var(--r);font-size:12px}
.acts{display:flex;flex-wrap:wrap;gap:8px;padding:12px 16px 16px}
.acts button{flex:1 1 auto;padding:10px 12px;border:1px solid #c7c7cc;border-radius:8px;background:#fff}
.acts .pri{flex-basis:100%;background:var(--p);border-color:var(--p);color:#fff}
.acts .sm{flex-basis:100%;padding:0;text-align:start}
.kv{display:flex;justify-content:space-between;gap:12px;padding:6px 16px;border-top:1px solid #f2f2f7}
.kv>:first-child{color:var(--m);flex:none}
.kv>:last-child{text-align:end;word-break:break-word;min-width:0}
.amt{padding:8px 16px;font-size:28px;font-weight:700;text-align:center}
.scopes{margin:0 16px 8px;padding:0;list-style:none}
.scopes li{padding:6px 0;border-bottom:1px solid #f2f2f7}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:0 16px 8px}
.grid .in{margin:0}
.grid .w{grid-column:1/-1}
.top{display:flex;align-items:center;gap:8px;padding:6px 8px;border-bottom:1px solid rgba(127,127,127,.3)}
.top .t{font-weight:600}
.top button{background:none;border:0;padding:6px 8px;font-size:15px}
.fill{flex:1;min-height:0;display:flex;align-items:center;justify-content:center;padding:12px;text-align:center}
.fill img{max-width:100%;max-height:100%;object-fit:contain}
.nav{display:flex;align-items:center;justify-content:space-between;padding:8px 12px}
.nav button{width:44px;height:44px;border:0;border-radius:50%;background:rgba(255,255,255,.15);font-size:24px}
.nav button:disabled{opacity:.3;cursor:default}
[dir=rtl] .flip{transform:scaleX(-1)}
.doc{flex:1;width:100%;min-height:0;border:0;background:#525659}
.map{position:relative;flex:1;min-height:200px;background:linear-gradient(#d5dde5 1px,transparent 1px) 0 0/32px 32px,linear-gradient(90deg,#d5dde5 1px,transparent 1px) 0 0/32px 32px #e8eef3}
.pin{position:absolute;left:50%;top:50%;width:22px;height:22px;margin:-26px 0 0 -11px;border-radius:50% 50% 50% 0;background:var(--r);transform:rotate(-45deg);box-shadow:0 2px 4px rgba(0,0,0,.3)}
.vf{position:relative;width:180px;height:180px;margin:12px auto;border:2px solid var(--p);border-radius:12px;flex:none}
.vf.wide{height:90px;width:240px}
.vf::after{content:"";position:absolute;left:8px;right:8px;top:10%;height:2px;background:var(--p);animation:sc 2s ease-in-out infinite alternate}
@keyframes sc{to{top:90%}}
.dial{justify-content:center;align-items:center;gap:12px;background:#1c1c1e;color:#fff}
.num{padding:0 16px;font-size:26px;letter-spacing:.05em;direction:ltr;unicode-bidi:isolate;overflow-wrap:anywhere;text-align:center}
.hang{margin-top:40px;padding:14px 28px;border:0;border-radius:28px;background:var(--r);color:#fff;font-size:16px}
.ph{width:64px;height:64px;margin:12px auto 0;border-radius:50%;object-fit:cover}
.card{margin:0 16px 12px;padding:10px;border:1px solid var(--l);border-radius:8px;display:flex;flex-direction:column;gap:4px;word-break:break-word}
.card small{color:var(--m)}
.card img{max-width:100%;max-height:140px;object-fit:cover;border-radius:6px}
.toast{position:absolute;left:50%;top:45%;z-index:3;transform:translate(-50%,-50%);max-width:70%;padding:12px 16px;border-radius:10px;background:rgba(0,0,0,.78);color:#fff;text-align:center;white-space:pre-wrap;word-break:break-word;pointer-events:none}
.ti{display:block;font-size:28px;line-height:1.2}
.loading{position:absolute;inset:0;z-index:2;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.08)}
.loading>div{display:flex;flex-direction:column;align-items:center;gap:8px;min-width:100px;max-width:70%;padding:16px;border-radius:10px;background:rgba(0,0,0,.78);color:#fff;text-align:center;word-break:break-word}
.spin{width:28px;height:28px;border:3px solid rgba(255,255,255,.3);border-top-color:#fff;border-radius:50%;animation:sp 1s linear infinite}
@keyframes sp{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spin,.vf::after{animation:none}}
@media (max-width:600px){.frame{top:0;right:0;width:100%;height:100%;border:0;border-radius:0;box-shadow:none;background:transparent;pointer-events:none}.status,.bar,.back,.loading{pointer-events:auto}.idle{display:none}}
`;

/** Applies the stylesheet to `root`. */
export function applyStyles(root: ShadowRoot): void {
  const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Sheet = win?.CSSStyleSheet;
  if (Sheet && 'replaceSync' in Sheet.prototype && 'adoptedStyleSheets' in root) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // fall through to <style>
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = CSS;
  root.prepend(style);
}
