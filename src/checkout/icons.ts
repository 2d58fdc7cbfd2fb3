import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { CardBrand } from '../card';

/**
 * Icons drawn inline rather than loaded as files: they cost no request, need nothing from the CSP
 * beyond what the page already has, and cannot flash in late. All are decorative (`aria-hidden`);
 * the text beside them carries the meaning. The outer `<svg>` is written with `html` so it is
 * created in the SVG namespace by the parser; `svg` is for the fragments inside it.
 */
const cardIcon = (body: SVGTemplateResult) =>
  html`<svg viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false">
    ${body}
  </svg>`;

const frame = (fill: string, stroke = fill) =>
  svg`<rect x=".5" y=".5" width="31" height="19" rx="3" fill=${fill} stroke=${stroke} />`;

const white = frame('#fff', '#d5dbe3');

/** The brand's name as its mark, bold and centred; `x` may place each letter (`9.8 16 22.2`). */
const word = (text: string, fill: string, size: number, x = '16') =>
  svg`<text x=${x} y=${10 + size * 0.36} text-anchor="middle" font-family="Arial, sans-serif"
    font-size=${size} font-weight="700" fill=${fill}>${text}</text>`;

const bar = (x: number, fill: string) =>
  svg`<rect x=${x} y="4" width="5.6" height="12" rx="1.5" fill=${fill} />`;

const circles = (left: string, right: string) =>
  svg`<circle cx="12.5" cy="10" r="6" fill=${left} /><circle cx="19.5" cy="10" r="6"
    fill=${right} fill-opacity=".9" />`;

/**
 * Simplified marks in the brands' colours, small enough to inline every one: the eight beyond
 * Visa, Mastercard and Amex add about 350 bytes (brotli) to the frame.
 */
export const brandIcons: Record<CardBrand, TemplateResult> = {
  visa: cardIcon(svg`${white}<text x="16" y="14" text-anchor="middle"
      font-family="Arial, sans-serif" font-size="10" font-weight="700" font-style="italic"
      fill="#1a1f71">VISA</text>`),
  mastercard: cardIcon(svg`${white}${circles('#eb001b', '#f79e1b')}`),
  amex: cardIcon(svg`${frame('#1f72cd')}<text x="16" y="13.5" text-anchor="middle"
      font-family="Arial, sans-serif" font-size="8" font-weight="700" fill="#fff">AMEX</text>`),
  discover: cardIcon(
    svg`${white}${word('DISCOVER', '#231f20', 5.6)}<rect x="4" y="14" width="24" height="1.5"
      fill="#f48120" />`,
  ),
  diners: cardIcon(svg`${white}<circle cx="16" cy="10" r="6.5" fill="#0079be" /><path
      d="M15 6.2a3.8 3.8 0 0 0 0 7.6zM17 6.2a3.8 3.8 0 0 1 0 7.6z" fill="#fff" />`),
  jcb: cardIcon(svg`${white}${bar(7, '#0e4c96')}${bar(13.2, '#e21836')}
      ${bar(19.4, '#007940')}${word('JCB', '#fff', 6, '9.8 16 22.2')}`),
  unionpay: cardIcon(svg`${white}<path d="M7 4h7l-3 12H4z" fill="#e21836" /><path
      d="M13 4h7l-3 12h-7z" fill="#00447c" /><path d="M19 4h8l-3 12h-8z" fill="#007b84" />`),
  maestro: cardIcon(svg`${white}${circles('#eb001b', '#00a2e5')}`),
  mir: cardIcon(svg`${white}${word('МИР', '#0f754e', 8)}`),
  elo: cardIcon(svg`${frame('#000')}${word('elo', '#fff', 9)}`),
  hipercard: cardIcon(svg`${frame('#b3131b')}${word('Hipercard', '#fff', 5.6)}`),
  unknown: cardIcon(svg`${frame('#f6f8fa', '#c4ccd6')}<rect x="1" y="5" width="30" height="3"
      fill="#c4ccd6" /><rect x="4" y="12" width="9" height="2" rx="1" fill="#c4ccd6" />`),
};

const lineIcon = (size: number, body: SVGTemplateResult) =>
  html`<svg
    viewBox="0 0 24 24"
    width=${size}
    height=${size}
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${body}
  </svg>`;

export const lockIcon = lineIcon(
  12,
  svg`<rect x="4" y="11" width="16" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" />`,
);

export const successIcon = lineIcon(
  48,
  svg`<circle cx="12" cy="12" r="10" /><path d="m7.5 12.5 3 3 6-6.5" />`,
);

export const alertIcon = (size: number) =>
  lineIcon(size, svg`<circle cx="12" cy="12" r="10" /><path d="M12 7v6M12 16.5v.01" />`);
