// Draws the demo edition's pictures: small SVG placeholders with a caption, so articles carry real
// <img> elements that resolve on the demo server. Pure; no I/O.
import { escapeMarkup } from './demo-html.js';

const PALETTE = [
  ['#1d3557', '#457b9d'],
  ['#2a9d8f', '#264653'],
  ['#e76f51', '#f4a261'],
  ['#6d597a', '#355070'],
  ['#386641', '#6a994e'],
  ['#9c6644', '#7f5539'],
] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** A 640×360 SVG with a two-colour gradient and the picture's description in the middle. */
export function demoImageSvg(label: string): string {
  const [from, to] = PALETTE[hash(label) % PALETTE.length] ?? PALETTE[0];
  const text = escapeMarkup(label.length > 28 ? `${label.slice(0, 27)}…` : label);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">',
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`,
    '<rect width="640" height="360" fill="url(#g)"/>',
    `<text x="320" y="190" font-size="26" text-anchor="middle" fill="#ffffff" font-family="sans-serif">${text}</text>`,
    '</svg>',
  ].join('');
}
