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

export const brandIcons: Record<CardBrand, TemplateResult> = {
  visa: cardIcon(svg`${frame('#fff', '#d5dbe3')}<text x="16" y="14" text-anchor="middle"
      font-family="Arial, sans-serif" font-size="10" font-weight="700" font-style="italic"
      fill="#1a1f71">VISA</text>`),
  mastercard: cardIcon(svg`${frame('#fff', '#d5dbe3')}<circle cx="12.5" cy="10" r="6"
      fill="#eb001b" /><circle cx="19.5" cy="10" r="6" fill="#f79e1b" fill-opacity=".9" />`),
  amex: cardIcon(svg`${frame('#1f72cd')}<text x="16" y="13.5" text-anchor="middle"
      font-family="Arial, sans-serif" font-size="8" font-weight="700" fill="#fff">AMEX</text>`),
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
