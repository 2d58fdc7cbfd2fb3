import { fixtureCleanup } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUMMARY_BLOCK_ID } from '../protocol/checkout';
import { jsonForHtml } from '../protocol/json-for-html';
import { takePageSummary } from './checkout-load';
import { fakeApi, mount } from './test-app';
import { openSummary } from './test-summary';

/** A page like the one the server sends, with `text` in its summary block. */
function pageWith(text: string, doc = document.implementation.createHTMLDocument('frame')) {
  const block = doc.createElement('script');
  block.type = 'application/json';
  block.id = SUMMARY_BLOCK_ID;
  block.textContent = text;
  doc.head.append(block);
  return doc;
}

describe('takePageSummary', () => {
  it('reads the summary the page carries, once', () => {
    const doc = pageWith(JSON.stringify(openSummary));
    expect(takePageSummary(doc)).toEqual(openSummary);
    expect(doc.getElementById(SUMMARY_BLOCK_ID)).toBeNull();
    expect(takePageSummary(doc)).toBeUndefined();
  });

  it('reads escaped merchant text back as it was', () => {
    const description = '</script><b>& more';
    const escaped = jsonForHtml({ ...openSummary, description });
    expect(escaped).not.toMatch(/[<>&]/);
    expect(takePageSummary(pageWith(escaped))?.description).toBe(description);
  });

  it('takes only a JSON script in the head, not another element that took its id', () => {
    const doc = document.implementation.createHTMLDocument('frame');
    const impostor = doc.createElement('div');
    impostor.id = SUMMARY_BLOCK_ID;
    impostor.textContent = JSON.stringify(openSummary);
    doc.body.append(impostor);
    expect(takePageSummary(doc)).toBeUndefined();
    const inBody = pageWith(JSON.stringify(openSummary));
    inBody.body.append(inBody.getElementById(SUMMARY_BLOCK_ID)!);
    expect(takePageSummary(inBody)).toBeUndefined();
  });

  it.each([
    ['no block', null],
    ['not JSON', '{"invoice_id": '],
    ['not a summary', JSON.stringify({ ...openSummary, amount: 'lots' })],
  ])('gives nothing for %s, so the API is asked', (_case, text) => {
    const doc =
      text === null ? document.implementation.createHTMLDocument('frame') : pageWith(text);
    expect(takePageSummary(doc)).toBeUndefined();
  });
});

describe('<payframe-checkout-app> with the page’s summary', () => {
  afterEach(() => {
    fixtureCleanup();
    document.getElementById(SUMMARY_BLOCK_ID)?.remove();
  });

  it('shows the form from the summary in the page without asking the API', async () => {
    pageWith(JSON.stringify({ ...openSummary, merchant: { name: 'Carried Shop' } }), document);
    const { api } = fakeApi({});
    const fetchSummary = vi.spyOn(api, 'fetchSummary');
    const { ui } = await mount(api);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Carried Shop');
    await expect.element(ui.getByLabelText('Card number')).toBeVisible();
    expect(fetchSummary).not.toHaveBeenCalled();
  });

  it('asks the API when the page carries no usable summary', async () => {
    pageWith('not json', document);
    const { api } = fakeApi({});
    const fetchSummary = vi.spyOn(api, 'fetchSummary');
    const { ui } = await mount(api);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Demo Shop');
    expect(fetchSummary).toHaveBeenCalledTimes(1);
  });
});
