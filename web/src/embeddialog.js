// The Embed dialog: the custom element's and the iframe's snippets for the
// playground's current state, with the options an author picks (read-only,
// height, autoplay, the first view and step), a live preview (embed.html in
// an iframe, the same options), and where to host the files.

import { h, replace } from './dom.js';

function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// clientScript is the client code as the element's child script (a script
// of an unknown type is not run, and its text is taken as written: only a
// closing script tag must not appear in it, so "</" is written "<\/", the
// same JavaScript).
function clientScript(code) {
  return '\n<script type="text/x-pagesim-client">\n' + code.replace(/<\//g, '<\\/').replace(/\n+$/, '') + '\n</script>';
}

// EmbedDialog wires the dialog in index.html. getState() returns
// {text, tab, compare, step, preset, client} for the playground now.
export class EmbedDialog {
  constructor(dialog, { button, getState }) {
    this.dialog = dialog;
    this.getState = getState;
    const $ = (id) => dialog.querySelector('#' + id);
    // The preview's iframe is made when the dialog first opens (a frame is
    // work the page's first screen need not do).
    this.el = { element: $('embed-element'), iframe: $('embed-iframe'), preview: null, host: $('embed-host') };
    this.previewT = $('embed-preview-t');
    this.opts = {
      readonly: $('embed-readonly'), autoplay: $('embed-autoplay'), loop: $('embed-loop'),
      height: $('embed-height'), tab: $('embed-tab'), step: $('embed-step'),
    };
    for (const o of Object.values(this.opts)) o.addEventListener(o.type === 'checkbox' ? 'change' : 'input', () => this.update());
    button.addEventListener('click', () => this.open());
    for (const [btn, ta] of [['copy-element', 'embed-element'], ['copy-iframe', 'embed-iframe']]) {
      const b = $(btn);
      b.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText($(ta).value);
          b.textContent = 'Copied';
        } catch (e) {
          $(ta).select();
          b.textContent = 'Selected: press Ctrl+C';
        }
      });
    }
    dialog.addEventListener('close', () => { if (this.el.preview) this.el.preview.src = 'about:blank'; });
  }

  open() {
    if (!this.el.preview) {
      this.el.preview = document.importNode(this.previewT.content.firstElementChild, true);
      this.previewT.replaceWith(this.el.preview);
    }
    const st = this.getState();
    this.state = st;
    this.opts.tab.value = st.compare.length && st.tab === 'compare' ? 'compare' : ['steps', 'drift', 'cost'].includes(st.tab) ? st.tab : 'steps';
    this.opts.step.value = String(st.step + 1);
    this.opts.step.max = String(Math.max(1, st.steps || 1));
    this.base = location.href.split('#')[0].replace(/[^/]*$/, '');
    replace(this.el.host,
      'The snippets load the files from this playground (', h('code', null, new URL(this.base).origin),
      '), which allows any site to use them. To host them yourself, copy its ', h('code', null, 'dist/'),
      ' folder (or the ', h('code', null, 'paging-playground'), ' npm package) into your site\'s static files and change the address; ' +
      'a host on another origin than your pages must send ', h('code', null, 'Access-Control-Allow-Origin: *'),
      ' with the files (the README says what else).');
    this.update(true);
    this.dialog.showModal();
    this.el.element.focus();
    this.el.element.select();
    this.el.element.scrollTop = 0;
  }

  // options reads the dialog's choices as attributes (name -> value, '' for
  // a flag), in the order they are written.
  options() {
    const o = this.opts;
    const st = this.state;
    const out = [];
    const tab = o.tab.value;
    if (st.compare.length) out.push(['compare', st.compare.join(',')]);
    if (tab !== 'steps' && !(tab === 'compare' && st.compare.length)) out.push(['tab', tab]);
    if (tab === 'steps' && st.compare.length) out.push(['tab', 'steps']);
    const step = Math.max(1, Math.floor(Number(o.step.value) || 1));
    if (step > 1) out.push(['step', String(step)]);
    if (o.height.value !== 'auto') out.push(['height', o.height.value]);
    if (o.readonly.checked) out.push(['readonly', '']);
    if (o.autoplay.checked) out.push(['autoplay', '']);
    if (o.autoplay.checked && o.loop.checked) out.push(['loop', '']);
    o.loop.disabled = !o.autoplay.checked;
    return out;
  }

  update(now) {
    const st = this.state;
    const opts = this.options();
    const attrs = opts.map(([k, v]) => ' ' + k + (v === '' ? '' : '="' + attr(v) + '"')).join('');
    const script = '<script src="' + this.base + 'paging-playground.js"></script>\n';
    const client = st.client ? clientScript(st.client) : '';
    this.el.element.value = script + (st.preset
      ? '<paging-playground preset="' + attr(st.preset) + '"' + attrs + '>' + (client && client + '\n') + '</paging-playground>'
      : '<paging-playground' + attrs + '>\n' + attr(st.text.replace(/\n+$/, '')) + client + '\n</paging-playground>');
    const q = new URLSearchParams();
    if (st.preset) q.set('preset', st.preset); else q.set('scenario', st.text);
    if (st.client) q.set('client', st.client);
    for (const [k, v] of opts) if (k !== 'height') q.set(k, v);
    const frag = q.toString().replace(/=(&|$)/g, '$1');
    const height = this.opts.height.value === 'auto' ? '560' : this.opts.height.value;
    this.el.iframe.value = '<iframe src="' + attr(this.base + 'embed.html#' + frag) + '" title="Paging Playground" width="100%" height="' + height + '" loading="lazy"></iframe>';
    // The preview is the iframe itself, reloaded a moment after the last change.
    clearTimeout(this.timer);
    const show = () => {
      this.el.preview.style.height = height + 'px';
      // (a new query each time: a change of fragment alone would not reload it)
      this.previews = (this.previews || 0) + 1;
      this.el.preview.src = this.base + 'embed.html?preview=' + this.previews + '#' + frag;
    };
    if (now) show(); else this.timer = setTimeout(show, 300);
  }
}
