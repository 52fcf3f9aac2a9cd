import sharp from 'sharp';
import { DemoDish, DishArt } from '../domain/demo-menu';

const WIDTH = 1280;
const HEIGHT = 960;
const CX = WIDTH / 2;
const CY = HEIGHT / 2 - 30;

/** A small deterministic generator, so a dish's picture is the same on every machine. */
function randomFrom(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function scatter(random: () => number, count: number, radius: number, draw: (x: number, y: number, r: number) => string): string {
  let out = '';
  for (let i = 0; i < count; i += 1) {
    const angle = random() * Math.PI * 2;
    const distance = Math.sqrt(random()) * radius;
    out += draw(CX + Math.cos(angle) * distance, CY + Math.sin(angle) * distance, random());
  }
  return out;
}

/** The food on the plate, by kind of dish. */
function food(art: DishArt, [main, accent]: [string, string], random: () => number): string {
  switch (art) {
    case 'pizza':
      return (
        `<circle cx="${CX}" cy="${CY}" r="300" fill="#d9a35a"/><circle cx="${CX}" cy="${CY}" r="268" fill="${main}"/>` +
        scatter(random, 14, 220, (x, y, r) => `<circle cx="${x}" cy="${y}" r="${22 + r * 18}" fill="${accent}" opacity="0.92"/>`) +
        scatter(random, 10, 230, (x, y, r) => `<ellipse cx="${x}" cy="${y}" rx="16" ry="8" transform="rotate(${r * 180} ${x} ${y})" fill="#3e7d2c"/>`)
      );
    case 'pasta':
      return (
        `<circle cx="${CX}" cy="${CY}" r="230" fill="${main}"/>` +
        scatter(random, 40, 200, (x, y, r) => `<path d="M${x - 40} ${y} q 20 ${-30 - r * 20} 40 0 t 40 0" stroke="#f4d88a" stroke-width="9" fill="none" stroke-linecap="round"/>`) +
        scatter(random, 12, 170, (x, y) => `<circle cx="${x}" cy="${y}" r="11" fill="${accent}"/>`)
      );
    case 'salad':
      return (
        scatter(
          random,
          34,
          220,
          (x, y, r) => `<ellipse cx="${x}" cy="${y}" rx="${50 + r * 30}" ry="${26 + r * 14}" transform="rotate(${r * 360} ${x} ${y})" fill="${r > 0.5 ? main : '#8cc152'}"/>`,
        ) + scatter(random, 10, 180, (x, y) => `<rect x="${x - 16}" y="${y - 16}" width="32" height="32" rx="6" fill="${accent}"/>`)
      );
    case 'burger':
      return (
        `<ellipse cx="${CX}" cy="${CY + 120}" rx="230" ry="60" fill="${main}"/>` +
        `<rect x="${CX - 240}" y="${CY + 10}" width="480" height="70" rx="30" fill="${accent}"/>` +
        `<path d="M${CX - 250} ${CY + 10} l 500 0 l -30 40 l -40 -30 l -50 35 l -60 -35 l -60 35 l -60 -35 l -60 35 l -50 -35 l -40 30 z" fill="#f2c12e"/>` +
        `<rect x="${CX - 245}" y="${CY - 20}" width="490" height="32" rx="14" fill="#5fae3a"/>` +
        `<path d="M${CX - 235} ${CY - 20} q 235 -260 470 0 z" fill="${main}"/>` +
        scatter(random, 16, 70, (x, y) => `<ellipse cx="${x}" cy="${y - 100}" rx="8" ry="4" fill="#f6e7c1"/>`)
      );
    case 'bread':
      return (
        scatter(
          random,
          5,
          120,
          (x, y, r) => `<ellipse cx="${x}" cy="${y}" rx="150" ry="80" transform="rotate(${r * 90 - 45} ${x} ${y})" fill="${main}" stroke="#a86a2c" stroke-width="10"/>`,
        ) + scatter(random, 30, 200, (x, y) => `<circle cx="${x}" cy="${y}" r="7" fill="${accent}"/>`)
      );
    case 'fish':
      return (
        `<rect x="${CX - 230}" y="${CY - 90}" width="380" height="170" rx="70" fill="${main}" transform="rotate(-12 ${CX} ${CY})"/>` +
        scatter(random, 6, 60, (x, y) => `<path d="M${x - 150} ${y - 40} l 60 80" stroke="#f9d3bf" stroke-width="10" stroke-linecap="round"/>`) +
        scatter(random, 14, 240, (x, y, r) => `<rect x="${x}" y="${y + 140}" width="90" height="14" rx="7" fill="${accent}" transform="rotate(${r * 60 - 30} ${x} ${y + 140})"/>`) +
        `<circle cx="${CX + 170}" cy="${CY - 120}" r="42" fill="#f7e36b" stroke="#e6c229" stroke-width="8"/>`
      );
    case 'dessert':
      return (
        `<path d="M${CX - 220} ${CY + 120} L ${CX + 60} ${CY - 190} L ${CX + 220} ${CY + 120} Z" fill="${main}"/>` +
        `<path d="M${CX - 220} ${CY + 120} L ${CX + 220} ${CY + 120} L ${CX + 220} ${CY + 160} L ${CX - 220} ${CY + 160} Z" fill="${accent}" opacity="0.85"/>` +
        scatter(random, 40, 200, (x, y) => `<circle cx="${x}" cy="${y}" r="4" fill="${accent}" opacity="0.7"/>`)
      );
    case 'drink':
      return (
        `<path d="M${CX - 150} ${CY - 260} L ${CX + 150} ${CY - 260} L ${CX + 115} ${CY + 240} L ${CX - 115} ${CY + 240} Z" fill="#e8f1f5" opacity="0.9"/>` +
        `<path d="M${CX - 138} ${CY - 180} L ${CX + 138} ${CY - 180} L ${CX + 115} ${CY + 230} L ${CX - 115} ${CY + 230} Z" fill="${main}"/>` +
        scatter(random, 6, 90, (x, y) => `<ellipse cx="${x}" cy="${y - 150}" rx="26" ry="12" fill="${accent}"/>`)
      );
    case 'soup':
      return (
        `<circle cx="${CX}" cy="${CY}" r="280" fill="#f4f1ea" stroke="#d6d0c4" stroke-width="10"/><circle cx="${CX}" cy="${CY}" r="235" fill="${main}"/>` +
        `<path d="M${CX - 120} ${CY} q 60 -90 120 0 t 120 0" stroke="${accent}" stroke-width="22" fill="none" stroke-linecap="round"/>` +
        scatter(random, 8, 150, (x, y) => `<ellipse cx="${x}" cy="${y}" rx="14" ry="7" fill="#3e7d2c"/>`)
      );
    default:
      return unknownArt(art);
  }
}

function unknownArt(art: never): never {
  throw new Error(`no picture for ${String(art)}`);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A simple illustration of the dish (a plate on a table, the food drawn from shapes, the name on a
 * banner), since a demo machine may have no internet to fetch photos: an SVG rendered by sharp
 * over a plain background, as a JPEG like a photo upload.
 */
export async function demoPicture(dish: DemoDish): Promise<Buffer> {
  const random = randomFrom(dish.sku);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <defs><radialGradient id="table" cx="50%" cy="45%" r="75%"><stop offset="0%" stop-color="#8a5a3b"/><stop offset="100%" stop-color="#4a2d1c"/></radialGradient></defs>
    <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#table)"/>
    <ellipse cx="${CX + 18}" cy="${CY + 26}" rx="400" ry="392" fill="#000" opacity="0.28"/>
    <circle cx="${CX}" cy="${CY}" r="395" fill="#fbfbf8"/><circle cx="${CX}" cy="${CY}" r="330" fill="#f1efe9"/>
    ${food(dish.art, dish.colours, random)}
    <rect x="0" y="${HEIGHT - 120}" width="${WIDTH}" height="120" fill="#000" opacity="0.55"/>
    <text x="${CX}" y="${HEIGHT - 45}" font-family="DejaVu Sans, sans-serif" font-size="56" font-weight="bold" fill="#fff" text-anchor="middle">${escapeXml(dish.name)}</text>
  </svg>`;
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#4a2d1c' } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 86 })
    .toBuffer();
}
