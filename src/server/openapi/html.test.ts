import { describe, expect, it } from 'vitest';
import { html, prose } from './html';

describe('html', () => {
  it('escapes every interpolated text', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">' +
        '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</td>',
    );
  });

  it('keeps nested markup and joins arrays, rendering nothing for undefined and false', () => {
    const items = ['a', 'b'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${undefined}${false}</ul>`;
    expect(list.value).toBe('<ul><li>a</li><li>b</li></ul>');
  });

  it('turns code spans into <code> after escaping their text', () => {
    expect(prose('Send `<b>` or `a & b`.').value).toBe(
      'Send <code>&lt;b&gt;</code> or <code>a &amp; b</code>.',
    );
  });
});
