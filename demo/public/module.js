// The checkout as an ES module: imported from the payment server, no script tag in the page.
const paymentUrl = document.documentElement.dataset.paymentUrl;
const { open } = await import(`${paymentUrl}/embed.mjs`);

document.getElementById('buy').addEventListener('click', async () => {
  const answer = fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ sku: 'espresso-beans', quantity: 1 }] }),
  }).then((response) => response.json());
  const result = await open({ token: answer.then((body) => body.token), mode: 'overlay' });
  if (result.outcome !== 'succeeded') {
    document.getElementById('result').textContent = `Checkout ${result.outcome}.`;
    return;
  }
  // The shop's server validates the payment before it counts.
  const { order_id } = await answer;
  const response = await fetch(`/api/orders/${encodeURIComponent(order_id)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_id: result.paymentId }),
  });
  const confirmed = response.ok && (await response.json()).valid;
  document.getElementById('result').textContent = confirmed
    ? `Paid and confirmed: order ${order_id}.`
    : 'We could not confirm this payment.';
});
