/** What the host draws itself: modal dialogs (the overlay, the popup's veil) and their buttons. */

/** The element focused now, looking into shadow roots, to give the focus back later. */
function focused(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Overlays open on this page, and the page's own `overflow` from before the first. */
let overlaysOpen = 0;
let pageOverflow = '';

/**
 * Shows `dialog` modal over the page: `showModal` makes the rest of the page inert (the focus
 * stays in it) and the page does not scroll behind it. Escape, a click on the backdrop and the
 * dialog's own buttons ask to leave (`onDismiss`); whether that cancels is the frame's call, since
 * a payment may be under way. Hiding gives the focus back to where it was.
 */
export function modal(dialog: HTMLDialogElement, onDismiss: () => void) {
  const dismiss = (event: Event) => {
    event.preventDefault();
    onDismiss();
  };
  // Escape: the dialog's own closing is held back until the frame agrees. Chromium may close a
  // dialog on a second Escape without asking (`cancel` is not cancelable then), so the key is
  // taken first, and a dialog closed anyway is shown again.
  dialog.addEventListener('keydown', (event) => event.key === 'Escape' && dismiss(event));
  dialog.addEventListener('cancel', dismiss);
  dialog.addEventListener('close', () => restore && dialog.showModal());
  // A click on the backdrop lands on the dialog itself; its content covers the rest of it.
  dialog.addEventListener('click', (event) => event.target === dialog && dismiss(event));
  let restore: { focus: HTMLElement | null } | null = null;
  return {
    dismiss,
    show: () => {
      if (restore || !dialog.isConnected) return;
      restore = { focus: focused() };
      // Several overlays may be open at once: the page scrolls again when the last one closes.
      if (overlaysOpen++ === 0) pageOverflow = document.documentElement.style.overflow;
      document.documentElement.style.overflow = 'hidden';
      dialog.showModal();
    },
    hide: () => {
      if (!restore) return;
      const { focus } = restore;
      restore = null;
      dialog.close();
      if (--overlaysOpen === 0) document.documentElement.style.overflow = pageOverflow;
      if (focus?.isConnected) focus.focus();
    },
  };
}

/** A button of the host's own, labelled for screen readers when its text is a symbol. */
export function button(text: string, onClick: (event: Event) => void, label?: string) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (label) element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}
