// The checkout in this page was written into its HTML by the shop's server and mounted by
// embed.js; this script only asks the shop's server to confirm the payment.
const result = document.getElementById('result');
const checkout = document.querySelector('payframe-checkout');
const orderId = checkout.dataset.order;

checkout.addEventListener('payframe-success', async (event) => {
  const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_id: event.detail.paymentId }),
  });
  const confirmed = response.ok && (await response.json()).valid;
  result.textContent = confirmed
    ? `Paid and confirmed: order ${orderId}.`
    : 'We could not confirm this payment.';
});
checkout.addEventListener('payframe-failure', (event) => {
  result.textContent = `Payment failed: ${event.detail.error.message}`;
});
