import { html, render } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import type { CheckoutSummary } from '../protocol/checkout';
import { noticeView, summaryView } from './checkout-views';
import { openSummary } from './test-summary';

const summary: CheckoutSummary = { ...openSummary, description: null, allowed_origins: [] };

function mount(template: unknown) {
  const container = document.createElement('div');
  render(html`${template}`, container);
  return container;
}

describe('summaryView', () => {
  it('shows merchant, amount and leaves out a missing description', () => {
    const view = mount(summaryView(summary, '€19.99'));
    expect(view.querySelector('h1')?.textContent).toBe('Demo Shop');
    expect(view.querySelector('.amount')?.textContent).toBe('€19.99');
    expect(view.querySelector('.description')).toBeNull();
  });
});

describe('noticeView', () => {
  it('offers the action as a button', () => {
    const onClick = vi.fn();
    const view = mount(
      noticeView('danger', 'Checkout unavailable', 'Try later.', { label: 'Try again', onClick }),
    );
    view.querySelector('button')?.click();
    expect(onClick).toHaveBeenCalledOnce();
    expect(view.querySelector('h1')?.getAttribute('tabindex')).toBe('-1');
  });

  it('has no button without an action', () => {
    expect(
      mount(noticeView('success', 'Payment successful', 'Done.')).querySelector('button'),
    ).toBeNull();
  });
});
