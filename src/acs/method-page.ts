import type { MethodData } from '../server/three-ds/messages';
import type { AcsLanguage } from './acs-i18n';
import { ACS_STRINGS } from './acs-i18n';
import { renderPage } from './acs-layout';
import { html } from './html';

/**
 * The 3DS-Method page, loaded in a hidden iframe before authentication. A real issuer fingerprints
 * the device here; the simulated one only reports back, at once, with the data it was given.
 */
export function renderMethodPage(
  data: MethodData,
  threeDSMethodData: string,
  language: AcsLanguage,
): string {
  const strings = ACS_STRINGS[language];
  return renderPage({
    language,
    strings,
    title: strings.checkingDevice,
    bodyClass: 'method size-05',
    main: html`<p class="returning" role="status">
        <span class="spinner" aria-hidden="true"></span>${strings.checkingDevice}
      </p>
      <form method="post" action="${data.threeDSMethodNotificationURL}" data-autosubmit>
        <input type="hidden" name="threeDSMethodData" value="${threeDSMethodData}" />
        <button type="submit" class="button primary">${strings.continue}</button>
      </form>`,
  });
}
