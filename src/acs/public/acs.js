// The issuer pages' only script (the CSP allows no inline code). Plain JavaScript, no build step.
(() => {
  'use strict';

  // Result and 3DS-Method pages: post the form back to the payment server at once.
  const autosubmit = document.querySelector('form[data-autosubmit]');
  if (autosubmit) {
    autosubmit.submit();
    return;
  }

  const form = document.getElementById('challenge-form');
  if (!form) return;

  // One answer per page: a double click must not send a second one, which would end on the
  // "already completed" page instead of the result.
  let sent = false;
  form.addEventListener('submit', (event) => {
    if (sent) event.preventDefault();
    sent = true;
    form.setAttribute('aria-busy', 'true');
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      sent = false;
      form.removeAttribute('aria-busy');
    }
  });

  // Browsers ignore `autofocus` in a cross-origin iframe: when the checkout frame moves focus into
  // this window, put the caret in the code field.
  const code = document.getElementById('code');
  window.addEventListener('focus', () => {
    if (code && document.activeElement === document.body) code.focus();
  });

  // A hint for the checkout frame that the form is showing, to the payment origin only.
  const parentOrigin = document.body.dataset.parentOrigin;
  if (parentOrigin && window.parent !== window) {
    window.parent.postMessage({ type: 'payframe:acs-ready' }, parentOrigin);
  }
})();
