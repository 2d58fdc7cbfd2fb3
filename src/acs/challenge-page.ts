import type { ChallengeRequest } from '../server/three-ds/messages';
import { ACS_STRINGS, languageFor, type AcsLanguage, type AcsStrings } from './acs-i18n';
import { renderPage } from './acs-layout';
import { MAX_WRONG_ATTEMPTS, TEST_CODE, type Ending } from './challenge-flow';
import type { Challenge } from './challenge-store';
import { formatAmount, formattingLocale } from './format-amount';
import { html } from './html';

/** The language a challenge is shown in: the creq's locale if we have it, else English. */
export function challengeLanguage(creq: ChallengeRequest): {
  language: AcsLanguage;
  strings: AcsStrings;
} {
  const language = languageFor(creq.locale) ?? 'en';
  return { language, strings: ACS_STRINGS[language] };
}

export const sizeClass = (creq: ChallengeRequest) => `size-${creq.challengeWindowSize}`;

/** The verification form, with the error from the previous answer if there was one. */
export function renderChallengePage(
  challenge: Challenge,
  error?: 'wrong_code' | 'empty_code',
): string {
  const { creq } = challenge;
  const { language, strings } = challengeLanguage(creq);
  const amount = formatAmount(
    creq.purchaseAmount,
    creq.purchaseCurrency,
    formattingLocale(creq.locale, language),
  );
  const errorText =
    error === 'wrong_code'
      ? strings.wrongCode(MAX_WRONG_ATTEMPTS - challenge.wrongAttempts)
      : error === 'empty_code'
        ? strings.emptyCode
        : '';
  const describedBy = errorText ? 'code-error code-hint' : 'code-hint';
  return renderPage({
    language,
    strings,
    title: strings.confirmPayment,
    bodyClass: `challenge ${sizeClass(creq)}`,
    parentOrigin: new URL(creq.notificationURL).origin,
    main: html`<h1>${strings.confirmPayment}</h1>
      <dl class="summary">
        <div>
          <dt>${strings.merchant}</dt>
          <dd><bdi>${creq.merchantName}</bdi></dd>
        </div>
        <div>
          <dt>${strings.amount}</dt>
          <dd class="amount"><bdi>${amount}</bdi></dd>
        </div>
        <div>
          <dt>${strings.card}</dt>
          <dd><bdi>${creq.cardBrand} •••• ${creq.cardLast4}</bdi></dd>
        </div>
      </dl>
      <form id="challenge-form" class="answer" method="post" action="/challenge/answer">
        <input type="hidden" name="acsTransID" value="${creq.acsTransID}" />
        <label for="code">${strings.instruction}</label>
        <input
          id="code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="8"
          dir="ltr"
          spellcheck="false"
          autocapitalize="off"
          autofocus
          aria-describedby="${describedBy}"
          ${errorText ? html` aria-invalid="true"` : ''}
        />
        <p id="code-error" class="error" role="alert" ${errorText ? '' : html`hidden`}>
          ${errorText}
        </p>
        <p id="code-hint" class="hint">${strings.testCode(TEST_CODE)}</p>
        <div class="actions">
          <button type="submit" class="button primary">${strings.confirm}</button>
          <button type="submit" class="button secondary" name="cancel" value="1">
            ${strings.cancel}
          </button>
        </div>
      </form>`,
  });
}

function endingText(strings: AcsStrings, ending: Ending): string {
  if (ending.transStatus === 'Y') return strings.verified;
  if (ending.transStatus === 'U') return strings.timedOut;
  return ending.challengeCancel === '01' ? strings.canceled : strings.tooManyWrongCodes;
}

/**
 * The end of a challenge: a form that posts the signed CRes to the payment server's notification
 * URL, sent by the script at once, with a Continue button for browsers without it.
 */
export function renderResultPage(challenge: Challenge, ending: Ending, cres: string): string {
  const { creq } = challenge;
  const { language, strings } = challengeLanguage(creq);
  return renderPage({
    language,
    strings,
    title: strings.confirmPayment,
    bodyClass: `result ${sizeClass(creq)}`,
    main: html`<h1>${endingText(strings, ending)}</h1>
      <p class="returning" role="status">
        <span class="spinner" aria-hidden="true"></span>${strings.returning}
      </p>
      <form method="post" action="${creq.notificationURL}" data-autosubmit>
        <input type="hidden" name="cres" value="${cres}" />
        <button type="submit" class="button primary">${strings.continue}</button>
      </form>`,
  });
}
