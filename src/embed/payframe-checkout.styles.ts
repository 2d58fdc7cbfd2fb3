import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  iframe {
    display: block;
    width: 100%;
    border: 0;
    /* The frame's own page is light; a different scheme here (a dark page) would make the browser
       paint the frame's transparent background opaque. Its theme is the appearance's business. */
    color-scheme: light;
  }
`;
