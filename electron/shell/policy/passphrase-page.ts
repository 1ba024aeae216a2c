/**
 * The page of the shell's passphrase window (before the core opens, so before the renderer can
 * run): one form, our own constant markup with the message escaped, no network, no storage.
 * It reports through its title (`warta:submit` / `warta:cancel`); the main process then reads
 * the field and closes the window (passphrase-window.ts). Pure, so it is tested without Electron.
 */
import { MIN_SECRETS_PASSPHRASE, type PassphraseRequest } from '../secrets';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const SUBMIT_TITLE = 'warta:submit';
export const CANCEL_TITLE = 'warta:cancel';

export function passphrasePage(request: PassphraseRequest): string {
  const create = request.kind === 'create';
  const title = create ? 'Lindungi rahasia Warta di komputer ini' : 'Buka rahasia Warta';
  const again = create
    ? `<label for="again">Ulangi kata sandi (Repeat)</label><input id="again" type="password" autocomplete="new-password" required>`
    : '';
  const skip = create ? 'Lanjutkan tanpa perlindungan (Continue unprotected)' : 'Tutup Warta (Quit)';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
<title>${escape(title)}</title>
<style>body{font:15px system-ui,sans-serif;margin:24px;color:#1d2330}h1{font-size:18px}label{display:block;margin-top:12px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:8px;margin-top:4px;font:inherit}.err{color:#a4161a;font-weight:600}
.row{display:flex;gap:8px;justify-content:flex-end;margin-top:20px}button{padding:8px 14px;font:inherit}</style></head>
<body><h1>${escape(title)}</h1><p>${escape(request.message)}</p>
${request.error ? `<p class="err" role="alert">${escape(request.error)}</p>` : ''}
<form id="f"><label for="p">Kata sandi rahasia (Secrets passphrase)${create ? `, minimal ${MIN_SECRETS_PASSPHRASE} karakter` : ''}</label>
<input id="p" type="password" autocomplete="${create ? 'new-password' : 'current-password'}" required autofocus>
${again}<p class="err" id="msg" role="alert"></p>
<div class="row"><button type="button" id="skip">${escape(skip)}</button><button type="submit">${create ? 'Simpan (Save)' : 'Buka (Open)'}</button></div></form>
<script>
const f=document.getElementById('f'),p=document.getElementById('p'),a=document.getElementById('again'),m=document.getElementById('msg');
f.addEventListener('submit',(e)=>{e.preventDefault();
${create ? `if(p.value.length<${MIN_SECRETS_PASSPHRASE}){m.textContent='Minimal ${MIN_SECRETS_PASSPHRASE} karakter. (At least ${MIN_SECRETS_PASSPHRASE} characters.)';return}if(p.value!==a.value){m.textContent='Kedua kata sandi tidak sama. (The passphrases differ.)';return}` : ''}
document.title='${SUBMIT_TITLE}'});
document.getElementById('skip').addEventListener('click',()=>{document.title='${CANCEL_TITLE}'});
</script></body></html>`;
}
