// Shared drawing helpers for the procedural demo photos (scripts/demo/scenes.ts).
// Everything here runs inside headless Chromium on a 2D canvas; nothing touches
// Node. The helpers aim at "photograph at newspaper size": gradients instead of
// flat fills, light from one side, haze with distance, soft shadows, grain.
import { mulberry32 } from "../seeded-random.js";

// ---------------------------------------------------------------- randomness

/** FNV-1a: a stable 32-bit hash of a string (the seed of a picture). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


export class Rng {
  private readonly next01: () => number;
  constructor(readonly seed: number) {
    this.next01 = mulberry32(seed);
  }
  static of(text: string): Rng {
    return new Rng(hashString(text));
  }
  next(): number {
    return this.next01();
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next01();
  }
  int(a: number, b: number): number {
    return Math.floor(this.range(a, b + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next01() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next01() < p;
  }
  /** Roughly normal, mean 0, deviation 1. */
  gauss(): number {
    return (this.next01() + this.next01() + this.next01() - 1.5) * 2;
  }
  /** An independent stream, so adding draws in one part leaves the others alone. */
  fork(label: string): Rng {
    return new Rng((hashString(label) ^ this.seed) >>> 0);
  }
}

/** Smooth 1-D fractal noise in [-1, 1]. */
export function noise1(rng: Rng, octaves = 5): (x: number) => number {
  const tables = Array.from({ length: octaves }, () => Array.from({ length: 512 }, () => rng.range(-1, 1)));
  return (x: number) => {
    let sum = 0;
    let amp = 1;
    let norm = 0;
    let f = 1;
    for (const table of tables) {
      const p = x * f + 37.1 * amp;
      const i = Math.floor(p);
      const t = p - i;
      const a = table[((i % 512) + 512) % 512]!;
      const b = table[(((i + 1) % 512) + 512) % 512]!;
      const u = t * t * (3 - 2 * t);
      sum += (a + (b - a) * u) * amp;
      norm += amp;
      amp *= 0.5;
      f *= 2;
    }
    return sum / norm;
  };
}

// ---------------------------------------------------------------- colour

export type RGB = readonly [number, number, number];

export function hex(code: string): RGB {
  const n = parseInt(code.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
export function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
/** Multiplies brightness (k < 1 darker). */
export function shade(c: RGB, k: number): RGB {
  return [c[0] * k, c[1] * k, c[2] * k];
}
export function css(c: RGB, alpha = 1): string {
  const ch = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  return `rgba(${ch(c[0])},${ch(c[1])},${ch(c[2])},${alpha})`;
}
/** A colour with a little random brightness and hue variation. */
export function vary(rng: Rng, c: RGB, amount = 0.1): RGB {
  const k = 1 + rng.gauss() * amount;
  const j = amount * 40;
  return [c[0] * k + rng.gauss() * j, c[1] * k + rng.gauss() * j, c[2] * k + rng.gauss() * j];
}
export const clamp = (v: number, a = 0, b = 1) => Math.max(a, Math.min(b, v));
export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
export const WHITE: RGB = [255, 255, 255];
export const BLACK: RGB = [0, 0, 0];

// ---------------------------------------------------------------- the stage

export interface Stage {
  ctx: CanvasRenderingContext2D;
  w: number;
  h: number;
  rng: Rng;
  /** Colour that distant things fade towards. */
  haze: RGB;
  /** Side the sun comes from: -1 left, +1 right. */
  light: 1 | -1;
  /** Colour of the light on lit surfaces. */
  sun: RGB;
  /** The picture's description from the manifest; scenes may pick a variant from its words. */
  hint: string;
}

/** True when the description mentions any of the words (case-insensitive). */
export function hinted(s: Stage, ...words: string[]): boolean {
  const text = s.hint.toLowerCase();
  return words.some((word) => text.includes(word.toLowerCase()));
}

/** A colour seen through `fog` (0 near .. 1 lost in the haze). */
export function fogged(s: Stage, c: RGB, fog: number): RGB {
  return mix(c, s.haze, clamp(fog));
}
/** Lit and shadowed versions of a surface colour. */
export function litSide(s: Stage, c: RGB, k = 0.22): RGB {
  return mix(shade(c, 1.12), s.sun, k);
}
export function darkSide(c: RGB, k = 0.62): RGB {
  return mix(shade(c, k), [40, 50, 80], 0.08);
}

export function makeCanvas(w: number, h: number): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = w;
  c.height = h;
  return c;
}
export function context(c: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = c.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  return ctx;
}
export function snapshot(s: Stage): HTMLCanvasElement {
  const copy = makeCanvas(s.w, s.h);
  context(copy).drawImage(s.ctx.canvas, 0, 0);
  return copy;
}

/** Draws into a separate layer, then composites it (blurred, faded, blended). */
export function layer(
  s: Stage,
  draw: (l: Stage) => void,
  o: { blur?: number; alpha?: number; op?: GlobalCompositeOperation } = {},
): void {
  const c = makeCanvas(s.w, s.h);
  draw({ ...s, ctx: context(c) });
  const ctx = s.ctx;
  ctx.save();
  if (o.blur) ctx.filter = `blur(${o.blur}px)`;
  ctx.globalAlpha = o.alpha ?? 1;
  if (o.op) ctx.globalCompositeOperation = o.op;
  ctx.drawImage(c, 0, 0);
  ctx.restore();
}

export function vGradient(ctx: CanvasRenderingContext2D, y0: number, y1: number, stops: [number, string][]): CanvasGradient {
  const g = ctx.createLinearGradient(0, y0, 0, y1);
  for (const [t, c] of stops) g.addColorStop(clamp(t), c);
  return g;
}

export function fillPoly(ctx: CanvasRenderingContext2D, pts: readonly (readonly [number, number])[], fill: string | CanvasGradient): void {
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
}

export function ellipse(ctx: CanvasRenderingContext2D, x: number, y: number, rx: number, ry: number, fill: string | CanvasGradient, rot = 0): void {
  ctx.beginPath();
  ctx.ellipse(x, y, Math.max(0.1, rx), Math.max(0.1, ry), rot, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
}

/** A soft contact shadow on the ground (a radial gradient squashed into an ellipse: cheap, no filter). */
export function groundShadow(s: Stage, x: number, y: number, rx: number, ry: number, alpha = 0.35): void {
  const ctx = s.ctx;
  if (rx < 0.5 || ry < 0.2) return;
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(1, ry / rx);
  const g = ctx.createRadialGradient(0, 0, 0, 0, 0, rx * 1.3);
  g.addColorStop(0, `rgba(15,15,25,${alpha})`);
  g.addColorStop(0.55, `rgba(15,15,25,${alpha * 0.6})`);
  g.addColorStop(1, "rgba(15,15,25,0)");
  ctx.fillStyle = g;
  ctx.fillRect(-rx * 1.3, -rx * 1.3, rx * 2.6, rx * 2.6);
  ctx.restore();
}

// ---------------------------------------------------------------- perspective

export type P3 = readonly [number, number, number];

/**
 * A pinhole camera at (x0, height, 0) looking along +Z (turned by `yaw`),
 * image plane vertical (architectural shift instead of tilt), so the horizon
 * sits at `horizon` and verticals stay vertical. Units are metres.
 */
export class Cam {
  constructor(
    readonly cx: number,
    readonly horizon: number,
    readonly f: number,
    readonly height: number,
    readonly yaw = 0,
    readonly x0 = 0,
    /** Mirror the world in the plane Y = 0 (to paint reflections in still water). */
    readonly flip = false,
  ) {}
  /** The same camera seeing the world's reflection in water at Y = 0. */
  mirrored(): Cam {
    return new Cam(this.cx, this.horizon, this.f, this.height, this.yaw, this.x0, true);
  }
  /** Camera-space coordinates: x right, y up from the eye, z forward. */
  view(X: number, Y: number, Z: number): [number, number, number] {
    const dx = X - this.x0;
    const c = Math.cos(this.yaw);
    const sn = Math.sin(this.yaw);
    return [dx * c - Z * sn, (this.flip ? -Y : Y) - this.height, dx * sn + Z * c];
  }
  /** Screen point of a world point (z must be in front of the camera). */
  p(X: number, Y: number, Z: number): [number, number] {
    const [x, y, z] = this.view(X, Y, Z);
    return [this.cx + (this.f * x) / z, this.horizon - (this.f * y) / z];
  }
  /** Depth along the view axis. */
  depth(X: number, Z: number): number {
    return this.view(X, 0, Z)[2];
  }
  /** Pixels per metre at that depth. */
  scale(depth: number): number {
    return this.f / depth;
  }
  /** The world point (X, Z) on the ground seen at a screen point (below the horizon). */
  ground(x: number, y: number): [number, number] {
    const zc = (this.height * this.f) / Math.max(0.5, y - this.horizon);
    return this.place(x, zc);
  }
  /** The world point (X, Z) at view depth `depth` that appears at screen column x. */
  place(x: number, depth: number): [number, number] {
    const xc = ((x - this.cx) * depth) / this.f;
    const c = Math.cos(this.yaw);
    const sn = Math.sin(this.yaw);
    return [this.x0 + xc * c + depth * sn, -xc * sn + depth * c];
  }
  /** Ground depth seen at a screen row (no yaw). */
  groundDepth(y: number): number {
    return (this.height * this.f) / Math.max(0.5, y - this.horizon);
  }

  /** Screen points of a world polygon clipped to z > near (empty when nothing is left in front). */
  project(pts: readonly P3[], near = 0.3): [number, number][] {
    const v = pts.map((p) => this.view(p[0], p[1], p[2]));
    const out: [number, number][] = [];
    const add = (x: number, y: number, z: number) => out.push([this.cx + (this.f * x) / z, this.horizon - (this.f * y) / z]);
    for (let i = 0; i < v.length; i++) {
      const a = v[i]!;
      const b = v[(i + 1) % v.length]!;
      if (a[2] >= near) add(a[0], a[1], a[2]);
      if (a[2] >= near !== b[2] >= near) {
        const t = (near - a[2]) / (b[2] - a[2]);
        add(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, near);
      }
    }
    return out.length >= 3 ? out : [];
  }
  /** Screen bounding box [x0, y0, x1, y1] of the visible part of a world polygon, or null if none is in front. */
  bounds(pts: readonly P3[]): [number, number, number, number] | null {
    const sp = this.project(pts);
    if (!sp.length) return null;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const [x, y] of sp) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    return [x0, y0, x1, y1];
  }
  /** Traces a world polygon as a path, clipped to z > near. False when nothing is left. */
  path(ctx: CanvasRenderingContext2D, pts: readonly P3[], near = 0.3): boolean {
    const sp = this.project(pts, near);
    if (!sp.length) return false;
    ctx.beginPath();
    sp.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    return true;
  }
  fill(ctx: CanvasRenderingContext2D, pts: readonly P3[], fill: string | CanvasGradient): void {
    if (this.path(ctx, pts)) {
      ctx.fillStyle = fill;
      ctx.fill();
    }
  }
  line(ctx: CanvasRenderingContext2D, a: P3, b: P3, stroke: string, width: number): void {
    const va = this.view(...a);
    const vb = this.view(...b);
    if (va[2] < 0.3 && vb[2] < 0.3) return;
    const clipTo = (p: [number, number, number], q: [number, number, number]) => {
      if (p[2] >= 0.3) return p;
      const t = (0.3 - p[2]) / (q[2] - p[2]);
      return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t, 0.3] as [number, number, number];
    };
    const A = clipTo(va, vb);
    const B = clipTo(vb, va);
    ctx.beginPath();
    ctx.moveTo(this.cx + (this.f * A[0]) / A[2], this.horizon - (this.f * A[1]) / A[2]);
    ctx.lineTo(this.cx + (this.f * B[0]) / B[2], this.horizon - (this.f * B[1]) / B[2]);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.stroke();
  }
}

export interface BoxPaint {
  top?: RGB;
  front: RGB;
  side?: RGB;
  fog?: number;
}
/**
 * An axis-aligned box [x0,x1]x[y0,y1]x[z0,z1], drawing only the faces the
 * camera can see, each lit by its orientation to the sun.
 */
export function box3(s: Stage, cam: Cam, x0: number, x1: number, y0: number, y1: number, z0: number, z1: number, paint: BoxPaint): void {
  const ctx = s.ctx;
  const fog = paint.fog ?? 0;
  const front = fogged(s, paint.front, fog);
  const side = fogged(s, paint.side ?? shade(paint.front, 0.75), fog);
  const top = fogged(s, paint.top ?? shade(paint.front, 1.1), fog);
  const camX = cam.x0;
  const camY = cam.height;
  cam.fill(ctx, [[x0, y0, z0], [x1, y0, z0], [x1, y1, z0], [x0, y1, z0]], css(front));
  if (camX < x0) cam.fill(ctx, [[x0, y0, z0], [x0, y0, z1], [x0, y1, z1], [x0, y1, z0]], css(s.light < 0 ? litSide(s, side, 0.1) : shade(side, 0.9)));
  if (camX > x1) cam.fill(ctx, [[x1, y0, z0], [x1, y0, z1], [x1, y1, z1], [x1, y1, z0]], css(s.light > 0 ? litSide(s, side, 0.1) : shade(side, 0.9)));
  // the top face; in a reflection the (mirrored) bottom face takes its place
  const ty = cam.flip ? y0 : y1;
  if (cam.flip || camY > y1) cam.fill(ctx, [[x0, ty, z0], [x1, ty, z0], [x1, ty, z1], [x0, ty, z1]], css(top));
}

// ---------------------------------------------------------------- sky and air

export interface SkyOpts {
  top: RGB;
  horizon: RGB;
  /** Screen row of the horizon. */
  y: number;
  sun?: { x: number; y: number; glow: RGB; size: number; strength?: number };
}
export function sky(s: Stage, o: SkyOpts): void {
  const { ctx, w, h } = s;
  const mid = mix(o.top, o.horizon, 0.55);
  ctx.fillStyle = vGradient(ctx, 0, o.y, [
    [0, css(o.top)],
    [0.55, css(mid)],
    [1, css(o.horizon)],
  ]);
  ctx.fillRect(0, 0, w, h);
  if (o.sun) {
    const { x, y, glow, size } = o.sun;
    const k = o.sun.strength ?? 0.75;
    const g = ctx.createRadialGradient(x, y, 0, x, y, size);
    g.addColorStop(0, css(glow, k));
    g.addColorStop(0.25, css(glow, k * 0.45));
    g.addColorStop(1, css(glow, 0));
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
  }
}

export interface CloudOpts {
  y0: number;
  y1: number;
  count: number;
  lit: RGB;
  dark: RGB;
  /** Typical cloud width in px. */
  size: number;
  alpha?: number;
  /** 0 = cumulus heaps, 1 = flat streaks. */
  flat?: number;
}
/** Cumulus-like clouds: heaps of puffs, lit from the sun's side, flat bases, soft edges. */
export function clouds(s: Stage, o: CloudOpts): void {
  const rng = s.rng;
  const alpha = o.alpha ?? 1;
  for (let i = 0; i < o.count; i++) {
    const t = rng.next();
    const base = lerp(o.y0, o.y1, t);
    const cx = rng.range(-0.1, 1.1) * s.w;
    // clouds nearer the horizon are further away: smaller and flatter
    const cw = o.size * rng.range(0.5, 1.4) * lerp(1.15, 0.4, t);
    const tall = cw * lerp(0.42, 0.1, o.flat ?? 0) * lerp(1, 0.55, t);
    const pad = cw * 0.3;
    const x0 = cx - cw * 0.8 - pad;
    const y0 = base - tall * 1.6 - pad;
    const cwid = Math.ceil(cw * 1.6 + pad * 2);
    const chei = Math.ceil(base - y0 + pad * 0.3);
    if (x0 > s.w || x0 + cwid < 0 || cwid < 4 || chei < 4) continue;
    const c = makeCanvas(cwid, chei);
    const g = context(c);
    const n = Math.round(rng.range(30, 70));
    g.fillStyle = "#fff";
    for (let p = 0; p < n; p++) {
      const u = rng.gauss() * 0.28;
      const dome = Math.max(0.05, 1 - (u * 2) ** 2);
      const r = cw * rng.range(0.025, 0.09) * (0.5 + dome);
      ellipse(g, cx + u * cw - x0, base - r * 0.55 - rng.next() * tall * dome - y0, r, r * 0.85, "#fff");
    }
    g.clearRect(0, base - y0, cwid, chei);
    // shade the whole heap: bright crown towards the sun, grey flat base
    g.globalCompositeOperation = "source-atop";
    const top = base - tall * 1.4 - y0;
    const vg = g.createLinearGradient(0, top, 0, base - y0);
    vg.addColorStop(0, css(o.lit));
    vg.addColorStop(0.55, css(mix(o.lit, o.dark, 0.35)));
    vg.addColorStop(1, css(o.dark));
    g.fillStyle = vg;
    g.fillRect(0, 0, cwid, chei);
    const hg = g.createLinearGradient(0, 0, cwid, 0);
    hg.addColorStop(s.light < 0 ? 0 : 1, css(o.lit, 0.45));
    hg.addColorStop(s.light < 0 ? 1 : 0, css(o.dark, 0.25));
    g.fillStyle = hg;
    g.fillRect(0, 0, cwid, chei);
    // billows: lit tops of inner puffs
    for (let p = 0; p < n * 0.6; p++) {
      const u = rng.gauss() * 0.25;
      const r = cw * rng.range(0.02, 0.06);
      const py = base - rng.next() * tall * 1.2 - y0;
      ellipse(g, cx + u * cw - x0 + s.light * r * 0.3, py - r * 0.3, r, r * 0.7, css(o.lit, 0.5));
      ellipse(g, cx + u * cw - x0, py + r * 0.5, r * 1.1, r * 0.4, css(o.dark, 0.18));
    }
    const ctx = s.ctx;
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.filter = `blur(${Math.max(1.5, cw * 0.012)}px)`;
    ctx.drawImage(c, x0, y0);
    ctx.restore();
  }
}

/** Wispy high cloud streaks. */
export function cirrus(s: Stage, y0: number, y1: number, count: number, color: RGB, alpha = 0.35): void {
  const rng = s.rng;
  layer(
    s,
    (l) => {
      for (let i = 0; i < count; i++) {
        const x = rng.range(-0.2, 1) * s.w;
        const y = rng.range(y0, y1);
        const len = rng.range(0.15, 0.5) * s.w;
        ellipse(l.ctx, x + len / 2, y, len / 2, rng.range(0.004, 0.014) * s.h, css(color, alpha * rng.range(0.4, 1)), rng.range(-0.06, 0.06));
      }
    },
    { blur: s.w * 0.006 },
  );
}

/** A horizontal band of haze (mist in valleys, smog over a city). */
export function hazeBand(s: Stage, y: number, height: number, color: RGB, alpha: number): void {
  const ctx = s.ctx;
  ctx.fillStyle = vGradient(ctx, y - height / 2, y + height / 2, [
    [0, css(color, 0)],
    [0.5, css(color, alpha)],
    [1, css(color, 0)],
  ]);
  ctx.fillRect(0, y - height / 2, s.w, height);
}

/** A vertical fade overlay from alpha a0 at y0 to a1 at y1. */
export function fade(s: Stage, y0: number, y1: number, color: RGB, a0: number, a1: number): void {
  const ctx = s.ctx;
  ctx.fillStyle = vGradient(ctx, y0, y1, [
    [0, css(color, a0)],
    [1, css(color, a1)],
  ]);
  ctx.fillRect(0, Math.min(y0, y1), s.w, Math.abs(y1 - y0));
}

/** Light shafts from a point (sun through trees, windows). */
export function rays(s: Stage, x: number, y: number, count: number, length: number, color: RGB, alpha: number, spread = 0.9, angle = Math.PI / 2): void {
  const rng = s.rng;
  layer(
    s,
    (l) => {
      const ctx = l.ctx;
      for (let i = 0; i < count; i++) {
        const a = angle + rng.range(-spread, spread) / 2;
        const wdt = rng.range(0.01, 0.05);
        const g = ctx.createLinearGradient(x, y, x + Math.cos(a) * length, y + Math.sin(a) * length);
        g.addColorStop(0, css(color, alpha * rng.range(0.4, 1)));
        g.addColorStop(1, css(color, 0));
        fillPoly(ctx, [
          [x, y],
          [x + Math.cos(a - wdt) * length, y + Math.sin(a - wdt) * length],
          [x + Math.cos(a + wdt) * length, y + Math.sin(a + wdt) * length],
        ], g);
      }
    },
    { blur: s.w * 0.008, op: "screen" },
  );
}

/** Out-of-focus highlights. */
export function bokeh(s: Stage, o: { x0: number; y0: number; x1: number; y1: number; count: number; colors: RGB[]; r: [number, number]; alpha?: number }): void {
  const rng = s.rng;
  layer(
    s,
    (l) => {
      const ctx = l.ctx;
      for (let i = 0; i < o.count; i++) {
        const x = rng.range(o.x0, o.x1);
        const y = rng.range(o.y0, o.y1);
        const r = rng.range(o.r[0], o.r[1]);
        const c = rng.pick(o.colors);
        const g = ctx.createRadialGradient(x, y, 0, x, y, r);
        const a = (o.alpha ?? 0.5) * rng.range(0.3, 1);
        g.addColorStop(0, css(c, a * 0.7));
        g.addColorStop(0.85, css(c, a));
        g.addColorStop(1, css(c, 0));
        ellipse(ctx, x, y, r, r, g);
      }
    },
    { blur: 1.5, op: "screen" },
  );
}

/** A glowing point light (lamp, window, headlight). */
export function glow(s: Stage, x: number, y: number, r: number, color: RGB, alpha = 0.8): void {
  const ctx = s.ctx;
  ctx.save();
  ctx.globalCompositeOperation = "screen";
  const g = ctx.createRadialGradient(x, y, 0, x, y, r);
  g.addColorStop(0, css(mix(color, WHITE, 0.6), alpha));
  g.addColorStop(0.15, css(color, alpha * 0.6));
  g.addColorStop(1, css(color, 0));
  ctx.fillStyle = g;
  ctx.fillRect(x - r, y - r, r * 2, r * 2);
  ctx.restore();
}

// ---------------------------------------------------------------- land

/**
 * A mountain or hill range with a fractal crest, filled down to the bottom of
 * the frame, misty at its foot. Returns the crest height function.
 */
export function ridge(
  s: Stage,
  o: { base: number; amp: number; color: RGB; fog: number; freq?: number; sharp?: number; mist?: number; trees?: RGB; seed?: string },
): (x: number) => number {
  const rng = o.seed ? s.rng.fork(o.seed) : s.rng;
  const n = noise1(rng, 6);
  const phase = rng.range(0, 100);
  const freq = (o.freq ?? 3) / s.w;
  const sharp = o.sharp ?? 0.5;
  const crest = (x: number) => {
    const v = n(x * freq + phase);
    const ridged = 1 - Math.abs(v) * 2;
    return o.base - o.amp * (lerp(v * 0.5 + 0.5, ridged * 0.5 + 0.5, sharp) * 1.6 - 0.3);
  };
  const ctx = s.ctx;
  const top = fogged(s, o.color, o.fog);
  const foot = fogged(s, o.color, Math.min(1, o.fog + (o.mist ?? 0.35)));
  const minY = o.base - o.amp * 1.4;
  ctx.beginPath();
  ctx.moveTo(0, s.h);
  for (let x = 0; x <= s.w + 4; x += 4) ctx.lineTo(x, crest(x));
  ctx.lineTo(s.w, s.h);
  ctx.closePath();
  ctx.fillStyle = vGradient(ctx, minY, o.base + o.amp * 0.4, [
    [0, css(top)],
    [1, css(foot)],
  ]);
  ctx.fill();
  ctx.save();
  ctx.clip();
  // relief: slopes facing the sun a touch lighter, the others darker (blurred, so no streaks)
  layer(
    s,
    (l) => {
      const len = o.amp * 0.9;
      for (let x = 0; x < s.w; x += 3) {
        const slope = crest(x + 8) - crest(x - 8);
        const k = clamp(-slope * s.light * 0.06, -1, 1);
        const y = crest(x);
        l.ctx.fillStyle = vGradient(l.ctx, y, y + len, [
          [0, k > 0 ? css(s.sun, 0.35 * k * (1 - o.fog * 0.5)) : css([15, 25, 40], -0.35 * k * (1 - o.fog * 0.5))],
          [1, css(s.sun, 0)],
        ]);
        l.ctx.fillRect(x, y, 3, len);
      }
    },
    { blur: Math.max(3, o.amp * 0.04) },
  );
  const crowns = (x: number, y: number, r: number) => {
    const tc = mix(o.color, o.trees!, 0.6);
    ellipse(ctx, x, y, r, r * 1.1, css(vary(rng, fogged(s, tc, o.fog), 0.05), 0.4));
    ellipse(ctx, x + s.light * r * 0.3, y - r * 0.35, r * 0.55, r * 0.5, css(fogged(s, mix(o.color, s.sun, 0.3), o.fog), 0.18));
  };
  const r = Math.max(1.1, (1 - o.fog) * s.w * 0.004);
  if (o.trees) {
    // a forest over the slope, densest near the crest, softened so it reads as canopy, not dots
    const count = Math.round((s.w / r) * ((o.amp * 0.9) / r) * 0.3);
    layer(
      s,
      (l) => {
        for (let i = 0; i < count; i++) {
          const x = rng.range(0, s.w);
          const y = crest(x) + Math.pow(rng.next(), 1.6) * o.amp * 1.1 + r * 0.6;
          const rr = r * rng.range(0.7, 1.3);
          const tc = mix(o.color, o.trees!, 0.6);
          ellipse(l.ctx, x, y, rr, rr * 1.1, css(vary(rng, fogged(s, tc, o.fog), 0.05), 0.45));
          ellipse(l.ctx, x + s.light * rr * 0.3, y - rr * 0.35, rr * 0.55, rr * 0.5, css(fogged(s, mix(o.color, s.sun, 0.3), o.fog), 0.2));
        }
      },
      { blur: r * 1.1 },
    );
  }
  ctx.restore();
  if (o.trees) {
    // trees break the skyline of the crest
    for (let x = 0; x < s.w; x += r * rng.range(0.8, 1.6)) crowns(x, crest(x) + r * 0.5, r * rng.range(0.7, 1.2));
  }
  return crest;
}

/** Many small marks over a region (grass blades, gravel, stubble, leaves); size grows downwards. */
export function speckle(
  s: Stage,
  o: {
    x0: number; y0: number; x1: number; y1: number;
    count: number;
    colors: readonly RGB[];
    size: [number, number];
    shape?: "dot" | "blade" | "dash";
    alpha?: number;
    clip?: Path2D;
  },
): void {
  const { ctx, rng } = s;
  ctx.save();
  if (o.clip) ctx.clip(o.clip);
  ctx.lineCap = "round";
  for (let i = 0; i < o.count; i++) {
    const t = Math.pow(rng.next(), 0.7);
    const y = lerp(o.y0, o.y1, t);
    const x = rng.range(o.x0, o.x1);
    const size = lerp(o.size[0], o.size[1], t) * rng.range(0.6, 1.3);
    const c = css(vary(rng, rng.pick(o.colors), 0.12), o.alpha ?? 1);
    if (o.shape === "blade") {
      ctx.strokeStyle = c;
      ctx.lineWidth = Math.max(0.6, size * 0.18);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.quadraticCurveTo(x + rng.gauss() * size * 0.2, y - size * 0.6, x + rng.gauss() * size * 0.4, y - size);
      ctx.stroke();
    } else if (o.shape === "dash") {
      ctx.fillStyle = c;
      ctx.fillRect(x, y, size, Math.max(0.7, size * 0.25));
    } else {
      ellipse(ctx, x, y, size / 2, size / 2.6, c);
    }
  }
  ctx.restore();
}

/**
 * Copies `src` onto the stage below row `y0`, each row shifted sideways by a
 * ripple that grows towards the viewer (rows further below y0). With `mirror`,
 * rows are taken mirrored about y0 (a reflection of what is above the line).
 */
export function ripple(s: Stage, src: HTMLCanvasElement, o: { y0: number; wobble: number; mirror?: boolean; blur?: number; alpha?: number; smear?: number }): void {
  const { w, rng } = s;
  const depth = s.h - o.y0;
  if (depth <= 0) return;
  const tmp = makeCanvas(w, Math.ceil(depth));
  const t = context(tmp);
  let yy = 0;
  while (yy < depth) {
    const step = 1 + Math.floor(yy * 0.015);
    const k = yy / depth;
    const dx = Math.sin(yy * 0.35 + rng.range(0, 1.5)) * o.wobble * (0.3 + k * 2) + rng.gauss() * o.wobble * 0.3 * k;
    const smear = Math.round(rng.next() * k * (o.smear ?? 0));
    const sy = o.mirror ? o.y0 - yy - step - smear : o.y0 + yy;
    if (sy >= 0) t.drawImage(src, 0, sy, w, step, dx, yy, w, step);
    yy += step;
  }
  const ctx = s.ctx;
  ctx.save();
  ctx.filter = `blur(${o.blur ?? 1}px)`;
  ctx.globalAlpha = o.alpha ?? 1;
  ctx.drawImage(tmp, 0, o.y0);
  ctx.restore();
}

/** Sparkle and dark ripple marks on water between rows y0 and y1. */
export function rippleMarks(s: Stage, y0: number, y1: number, amount = 1, glint: RGB = WHITE): void {
  const { ctx, w, rng } = s;
  for (let i = 0; i < 900 * amount; i++) {
    const k = Math.pow(rng.next(), 1.6);
    const y = y0 + k * (y1 - y0);
    const len = lerp(4, 60, k) * rng.range(0.4, 1.6) * (w / 1800);
    const x = rng.range(-len, w);
    ctx.fillStyle = rng.chance(0.5) ? css(glint, 0.05 + 0.08 * rng.next()) : css([10, 20, 30], 0.06 + 0.08 * rng.next());
    ctx.fillRect(x, y, len, Math.max(0.6, k * 3));
  }
}

/** Reflects everything above row `y` into water below it, tinted and rippled. */
export function reflect(s: Stage, o: { y: number; tint: RGB; tintAlpha: number; wobble: number; blur?: number; ripples?: number }): void {
  ripple(s, snapshot(s), { y0: o.y, wobble: o.wobble, mirror: true, blur: o.blur ?? 1.5, smear: s.h * 0.03 });
  fade(s, o.y, s.h, o.tint, o.tintAlpha * 0.7, Math.min(1, o.tintAlpha * 1.3));
  rippleMarks(s, o.y, s.h, o.ripples ?? 1);
}

/**
 * Reflections of objects standing in water: `draw` paints them mirrored (for
 * instance through `cam.mirrored()` or `mirrorAbout`) into a layer that is then
 * rippled and faded into the water surface starting at row y0.
 */
export function waterReflection(s: Stage, y0: number, draw: (l: Stage) => void, o: { wobble: number; alpha?: number; blur?: number }): void {
  const c = makeCanvas(s.w, s.h);
  draw({ ...s, ctx: context(c) });
  ripple(s, c, { y0, wobble: o.wobble, blur: o.blur ?? 1.2, alpha: o.alpha ?? 0.75 });
}

/** Runs `draw` with the canvas flipped about row y (for hand-drawn reflections). */
export function mirrorAbout(ctx: CanvasRenderingContext2D, y: number, draw: () => void): void {
  ctx.save();
  ctx.translate(0, 2 * y);
  ctx.scale(1, -1);
  draw();
  ctx.restore();
}

// ---------------------------------------------------------------- outdoor light

export type Mood = "clear" | "hazy" | "golden" | "overcast";

const MOODS: Record<Mood, { top: string; horizon: string; haze: string; sun: string; glow: string; cloudLit: string; cloudDark: string }> = {
  clear: { top: "#3f72b0", horizon: "#c9d9e6", haze: "#c4d1dc", sun: "#fff3dc", glow: "#fff6e4", cloudLit: "#ffffff", cloudDark: "#a9b6c6" },
  hazy: { top: "#7c98b6", horizon: "#dcdeda", haze: "#d3d6d3", sun: "#fbf1de", glow: "#fbf4e6", cloudLit: "#f6f5f0", cloudDark: "#b8bec4" },
  golden: { top: "#5f87b5", horizon: "#f2d3a4", haze: "#e6d1b2", sun: "#ffd9a3", glow: "#ffe2b0", cloudLit: "#fff2dc", cloudDark: "#aeaab2" },
  overcast: { top: "#98a2ac", horizon: "#d9dbda", haze: "#ced2d3", sun: "#f1efea", glow: "#f4f2ee", cloudLit: "#e9eae8", cloudDark: "#9ea5ac" },
};

/** Sets the stage's light for a mood and paints the sky down to row y. */
export function outdoors(s: Stage, y: number, mood: Mood, o: { clouds?: number; sunInFrame?: boolean } = {}): void {
  const m = MOODS[mood];
  s.haze = hex(m.haze);
  s.sun = hex(m.sun);
  const sunX = (s.light > 0 ? 0.82 : 0.18) * s.w;
  const sunY = o.sunInFrame || mood === "golden" ? y - s.h * 0.15 : -s.h * 0.15;
  sky(s, {
    top: hex(m.top),
    horizon: hex(m.horizon),
    y,
    sun: mood === "overcast" ? undefined : { x: sunX, y: sunY, glow: hex(m.glow), size: s.w * 0.55, strength: mood === "golden" ? 0.85 : 0.5 },
  });
  const n = o.clouds ?? 0.5;
  if (n > 0) {
    if (mood !== "overcast") cirrus(s, y * 0.1, y * 0.6, Math.round(n * 10), hex(m.cloudLit), 0.3);
    clouds(s, {
      y0: y * 0.08,
      y1: y * 0.92,
      count: Math.round(n * (mood === "overcast" ? 26 : 12) * (s.w / 1800)),
      lit: hex(m.cloudLit),
      dark: hex(m.cloudDark),
      size: s.w * 0.28,
      flat: mood === "overcast" ? 0.8 : 0.15,
      alpha: mood === "overcast" ? 0.7 : 0.95,
    });
  }
}

// ---------------------------------------------------------------- 3-D helpers

/** The world quad origin + u*U + v*V for u in [u0,u1], v in [v0,v1]. */
export function quad3(o: P3, U: P3, V: P3, u0: number, u1: number, v0: number, v1: number): P3[] {
  const at = (u: number, v: number): P3 => [o[0] + U[0] * u + V[0] * v, o[1] + U[1] * u + V[1] * v, o[2] + U[2] * u + V[2] * v];
  return [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)];
}

/**
 * Fills a grid of cells (windows, tiles, bays) on a flat face in the world.
 * The face spans `cols` x `rows` unit cells along U and V; `margin` is the gap
 * inside each cell; `paint` picks each cell's colour (or null to skip it).
 */
export function grid3(s: Stage, cam: Cam, origin: P3, U: P3, V: P3, cols: number, rows: number, margin: [number, number], paint: (c: number, r: number) => string | null): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const fill = paint(c, r);
      if (fill) cam.fill(s.ctx, quad3(origin, U, V, c + margin[0], c + 1 - margin[0], r + margin[1], r + 1 - margin[1]), fill);
    }
  }
}

/** Things to paint far-to-near. */
export class Painter {
  private items: { depth: number; draw: () => void }[] = [];
  add(depth: number, draw: () => void): void {
    this.items.push({ depth, draw });
  }
  paint(): void {
    this.items.sort((a, b) => b.depth - a.depth);
    for (const item of this.items) item.draw();
    this.items = [];
  }
}

/** A person standing on the ground at world (X, Z). */
export function figureAt(s: Stage, cam: Cam, X: number, Z: number, metres: number, look: Look, o: PersonOpts = {}, groundY = 0): void {
  const depth = cam.depth(X, Z);
  if (depth < 0.6) return;
  const [x, y] = cam.p(X, groundY, Z);
  person(s, x, y, cam.scale(depth) * metres, look, o);
}

/** Exponential fog with distance: 0 near, `max` at infinity. */
export function fogFor(visibility: number, max = 0.92): (depth: number) => number {
  return (d) => max * (1 - Math.exp(-d / visibility));
}

// ---------------------------------------------------------------- people

export type Pose = "stand" | "walk" | "run" | "sit" | "bend" | "wave" | "carry" | "raise" | "dance";
export type Facing = "front" | "back" | "side";

export interface Look {
  top: RGB;
  bottom: RGB;
  skin: RGB;
  hair: RGB;
  shoes: RGB;
  vest?: RGB;
  hat?: "straw" | "cap" | "helmet";
  hatColor?: RGB;
  skirt?: boolean;
  longHair?: boolean;
  /** Carried thing in the hands (bag, box, basket). */
  holding?: RGB;
  /** A neckerchief (the red scarf of Chinese schoolchildren). */
  scarf?: RGB;
}

export interface PersonOpts {
  pose?: Pose;
  facing?: Facing;
  /** Direction of travel for side views. */
  dir?: 1 | -1;
  fog?: number;
  shadow?: number;
  child?: boolean;
  elderly?: boolean;
  /** Width factor (build). */
  build?: number;
  /** Step phase for walking/running, -1..1. */
  phase?: number;
  /** Right hand raised (a pupil answering, a wave from a chair). */
  handUp?: boolean;
  /** Seated with the hands forward on a table. */
  reach?: boolean;
}

const TOPS = ["#2f3b52", "#1f2226", "#e8e6e0", "#8a8f96", "#b03a32", "#3d6fa8", "#d9c7a7", "#5b6b3a", "#6b4a3a", "#c98aa0", "#f0f0ea", "#2c5f6b", "#a87c3c", "#45464d", "#7d3b52"].map(hex);
const BOTTOMS = ["#26324a", "#1c1c20", "#3d4656", "#5a5e66", "#b9a98a", "#303030", "#46516b", "#6d6456"].map(hex);
const SKINS = ["#e2b894", "#d6a882", "#c99572", "#e8c1a0", "#bd8a66"].map(hex);
const HAIRS = ["#151312", "#1d1915", "#2a2420", "#100e0e"].map(hex);
const GREYS = ["#bdbab5", "#d8d6d2", "#9c9893", "#e8e6e2"].map(hex);

/** A plausible everyday outfit. */
export function randomLook(rng: Rng, o: { elderly?: boolean; child?: boolean; tops?: readonly RGB[] } = {}): Look {
  const look: Look = {
    top: vary(rng, rng.pick(o.tops ?? TOPS), 0.08),
    bottom: vary(rng, rng.pick(BOTTOMS), 0.08),
    skin: rng.pick(SKINS),
    hair: o.elderly ? rng.pick(GREYS) : rng.pick(HAIRS),
    shoes: rng.chance(0.15) ? hex("#d8d8d4") : rng.chance(0.5) ? hex("#1e1e22") : hex("#4a3a2e"),
    skirt: !o.elderly && rng.chance(0.12),
    longHair: rng.chance(o.elderly ? 0.05 : 0.35),
  };
  return look;
}

type J = [number, number];
interface Skeleton {
  hips: [J, J];
  knees: [J, J];
  feet: [J, J];
  shoulders: [J, J];
  elbows: [J, J];
  hands: [J, J];
  head: J;
  /** Torso half-widths at shoulder and hip (units of height). */
  sw: number;
  hw: number;
}

/** Joint positions in units of the figure's height, origin between the feet, y up negative. */
function skeleton(pose: Pose, facing: Facing, d: number, phase: number, child: boolean): Skeleton {
  const side = facing === "side";
  const sw = side ? 0.068 : child ? 0.1 : 0.112;
  const hw = side ? 0.07 : child ? 0.085 : 0.09;
  const headY = child ? -0.9 : -0.925;
  if (pose === "sit") {
    if (side) {
      return {
        hips: [[0, -0.29], [0, -0.29]], knees: [[0.2 * d, -0.3], [0.21 * d, -0.31]], feet: [[0.2 * d, 0], [0.24 * d, 0]],
        shoulders: [[-0.02 * d, -0.6], [-0.02 * d, -0.6]], elbows: [[0.03 * d, -0.43], [0.05 * d, -0.44]], hands: [[0.14 * d, -0.35], [0.16 * d, -0.36]],
        head: [0, -0.68 + (headY + 0.925) * 0.5], sw, hw,
      };
    }
    return {
      hips: [[-0.055, -0.3], [0.055, -0.3]], knees: [[-0.075, -0.24], [0.075, -0.24]], feet: [[-0.08, 0], [0.08, 0]],
      shoulders: [[-sw + 0.012, -0.6], [sw - 0.012, -0.6]], elbows: [[-0.13, -0.44], [0.13, -0.44]], hands: [[-0.07, -0.34], [0.07, -0.34]],
      head: [0, -0.69 + (headY + 0.925) * 0.5], sw, hw,
    };
  }
  if (pose === "bend") {
    return {
      hips: [[0, -0.47], [0, -0.47]], knees: [[0.06 * d, -0.25], [0.02 * d, -0.25]], feet: [[0.05 * d, 0], [-0.06 * d, 0]],
      shoulders: [[0.27 * d, -0.63], [0.27 * d, -0.63]], elbows: [[0.31 * d, -0.45], [0.26 * d, -0.46]], hands: [[0.33 * d, -0.25], [0.24 * d, -0.28]],
      head: [0.36 * d, -0.64], sw: 0.06, hw: 0.065,
    };
  }
  if (side && pose === "carry") {
    return {
      hips: [[0, -0.5], [0, -0.5]], knees: [[0.02 * d, -0.27], [-0.01 * d, -0.27]], feet: [[0.04 * d, 0], [-0.04 * d, 0]],
      shoulders: [[0.01 * d, -0.81], [0.01 * d, -0.81]], elbows: [[0.03 * d, -0.64], [0.05 * d, -0.65]], hands: [[0.15 * d, -0.6], [0.17 * d, -0.61]],
      head: [0.02 * d, headY], sw, hw,
    };
  }
  if (side) {
    const run = pose === "run";
    const st = (run ? 0.2 : 0.11) * phase;
    const lift = run ? 0.1 : 0.02;
    return {
      hips: [[0, -0.5], [0, -0.5]],
      knees: [[st * 0.7 * d + (run ? 0.05 * d : 0), -0.27 + (phase > 0 ? lift : 0)], [-st * 0.5 * d, -0.27 + (phase < 0 ? lift : 0)]],
      feet: [[st * d, phase > 0 && run ? -0.08 : 0], [-st * d - (run ? 0.06 * d : 0), phase < 0 && run ? -0.12 : 0]],
      shoulders: [[(run ? 0.04 : 0.01) * d, -0.81], [(run ? 0.04 : 0.01) * d, -0.81]],
      elbows: run
        ? [[-0.1 * d * phase, -0.68], [0.1 * d * phase, -0.7]]
        : [[-0.05 * d * phase, -0.65], [0.05 * d * phase, -0.65]],
      hands: run
        ? [[0.02 * d - 0.02 * phase * d, -0.58], [0.12 * d * phase + 0.06 * d, -0.62]]
        : [[-0.09 * d * phase, -0.5], [0.09 * d * phase, -0.5]],
      head: [(run ? 0.06 : 0.02) * d, headY], sw, hw,
    };
  }
  const base: Skeleton = {
    hips: [[-0.05, -0.5], [0.05, -0.5]], knees: [[-0.055, -0.27], [0.055, -0.27]], feet: [[-0.06, 0], [0.06, 0]],
    shoulders: [[-sw + 0.012, -0.8], [sw - 0.012, -0.8]], elbows: [[-0.135, -0.63], [0.135, -0.63]], hands: [[-0.13, -0.475], [0.13, -0.475]],
    head: [0, headY], sw, hw,
  };
  if (pose === "walk") {
    base.feet = [[-0.05, phase * 0.015], [0.05, -phase * 0.015]];
    base.hands = [[-0.14 + phase * 0.01, -0.5], [0.14 + phase * 0.01, -0.5]];
  } else if (pose === "wave") {
    base.elbows[1] = [0.21, -0.76];
    base.hands[1] = [0.22, -0.98];
  } else if (pose === "raise") {
    base.elbows[1] = [0.15, -0.92];
    base.hands[1] = [0.16, -1.08];
  } else if (pose === "carry") {
    base.elbows = [[-0.14, -0.66], [0.14, -0.66]];
    base.hands = [[-0.06, -0.58], [0.06, -0.58]];
  } else if (pose === "dance") {
    const a = phase;
    base.elbows = [[-0.2, -0.74 - a * 0.06], [0.2, -0.74 + a * 0.06]];
    base.hands = [[-0.27, -0.86 - a * 0.1], [0.27, -0.86 + a * 0.1]];
    base.feet = [[-0.08, 0], [0.09, -0.02]];
  }
  return base;
}

/** A filled limb through `pts` whose width runs from w0 to w1, shaded as a cylinder lit from `light`. */
function limbShape(ctx: CanvasRenderingContext2D, pts: [number, number][], w0: number, w1: number, base: string, lit: string, light: number): void {
  const widths = pts.map((_, i) => lerp(w0, w1, i / Math.max(1, pts.length - 1)));
  // each segment and joint filled on its own, so overlapping pieces never cancel out
  ctx.fillStyle = base;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[i + 1]!;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const nx = (-(by - ay) / len) * 0.5;
    const ny = ((bx - ax) / len) * 0.5;
    const wa = widths[i]!;
    const wb = widths[i + 1]!;
    ctx.beginPath();
    ctx.moveTo(ax + nx * wa, ay + ny * wa);
    ctx.lineTo(bx + nx * wb, by + ny * wb);
    ctx.lineTo(bx - nx * wb, by - ny * wb);
    ctx.lineTo(ax - nx * wa, ay - ny * wa);
    ctx.fill();
  }
  pts.forEach(([px, py], i) => {
    ctx.beginPath();
    ctx.arc(px, py, widths[i]! / 2, 0, Math.PI * 2);
    ctx.fill();
  });
  if (w0 > 3) {
    // a soft highlight down the lit side, one continuous stroke so joints don't show
    // (two strokes, wide and faint then narrow, instead of a blur filter: filters are slow)
    ctx.save();
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = lit;
    for (const [k, a] of [[0.36, 0.35], [0.18, 0.6]] as const) {
      ctx.globalAlpha = a;
      ctx.lineWidth = (w0 + w1) * k;
      ctx.beginPath();
      pts.forEach(([px, py], i) => (i ? ctx.lineTo(px + light * widths[i]! * 0.18, py) : ctx.moveTo(px + light * widths[i]! * 0.18, py)));
      ctx.stroke();
    }
    ctx.restore();
  }
}

/** A figure about `h` px tall standing at (x, y), shaded from the sun's side. */
export function person(s: Stage, x: number, y: number, h: number, look: Look, o: PersonOpts = {}): void {
  const { ctx, rng } = s;
  const pose = o.pose ?? "stand";
  const facing = o.facing ?? "front";
  const d = o.dir ?? 1;
  const fog = o.fog ?? 0;
  const child = !!o.child;
  const b = o.build ?? 1;
  const k = skeleton(pose, facing, d, o.phase ?? 0, child);
  if (o.handUp) {
    const [sx, sy] = k.shoulders[1];
    k.elbows[1] = [sx + 0.03, sy - 0.13];
    k.hands[1] = [sx + 0.02, sy - 0.3];
  }
  if (o.reach && pose === "sit") {
    if (facing === "side") {
      k.elbows = [[0.1 * d, -0.44], [0.12 * d, -0.45]];
      k.hands = [[0.25 * d, -0.47], [0.28 * d, -0.48]];
    } else {
      k.elbows = [[-0.15, -0.46], [0.15, -0.46]];
      k.hands = [[-0.09, -0.47], [0.09, -0.47]];
    }
  }
  const P = (j: J): [number, number] => [x + j[0] * h * b, y + j[1] * h];
  const c = (col: RGB) => fogged(s, col, fog);
  const L = s.light;
  const sitting = pose === "sit";
  const side = facing === "side" || pose === "bend";

  if ((o.shadow ?? 0.3) > 0 && h > 3) groundShadow(s, x - L * h * 0.1, y, h * 0.2 * b + (sitting ? h * 0.08 : 0), h * 0.035, o.shadow ?? 0.3);
  if (h < 2) return;
  if (h < 12) {
    // too small for limbs: a body, legs and a head
    const hw = h * 0.1 * b;
    ctx.fillStyle = css(c(look.bottom));
    ctx.fillRect(x - hw * 0.8, y - h * 0.5, hw * 1.6, h * 0.5);
    ctx.fillStyle = css(c(look.vest ?? look.top));
    ctx.fillRect(x - hw, y - h * 0.82, hw * 2, h * 0.36);
    ellipse(ctx, x, y - h * 0.91, h * 0.06, h * 0.07, css(c(facing === "back" ? look.hair : look.skin)));
    return;
  }

  const legW = h * (child ? 0.08 : 0.09) * b;
  const armW = h * (child ? 0.058 : 0.064) * b;
  const paint = (col: RGB, k2 = 1) => css(c(darkSide(col, 0.72 * k2)));
  const gloss = (col: RGB) => css(c(litSide(s, col, 0.14)), 0.85);
  const order = side ? [1, 0] : [0, 1];
  const far = side ? order[0]! : -1;
  const farK = (i: number) => (i === far ? 0.8 : 1);

  // legs (hidden under the desk or chair for a seated figure seen from behind)
  const skirt = !!look.skirt && !sitting && pose !== "bend";
  if (!(sitting && facing === "back")) {
    for (const i of order) {
      const hip = P(k.hips[i]!);
      const knee = P(k.knees[i]!);
      const foot = P(k.feet[i]!);
      if (skirt) limbShape(ctx, [knee, foot], legW * 0.6, legW * 0.45, paint(look.skin, farK(i)), gloss(look.skin), L);
      else limbShape(ctx, [hip, knee, foot], legW * 1.05, legW * 0.62, paint(look.bottom, farK(i)), gloss(look.bottom), L);
      const toe = side ? d * legW * 0.45 : (i ? 0.15 : -0.15) * legW;
      ellipse(ctx, foot[0] + toe, foot[1] - legW * 0.15, legW * (side ? 0.62 : 0.4), legW * 0.26, css(c(look.shoes)));
    }
  }
  if (sitting && !side && facing !== "back") {
    // thighs coming towards the camera: a lap with rounded knees
    const hl = P(k.hips[0]);
    const hr = P(k.hips[1]);
    const lw = legW * 1.1;
    const g = ctx.createLinearGradient(0, hl[1] - lw * 0.4, 0, hl[1] + lw * 0.9);
    g.addColorStop(0, css(c(litSide(s, look.bottom, 0.12))));
    g.addColorStop(1, css(c(shade(look.bottom, 0.7))));
    ctx.beginPath();
    ctx.roundRect(hl[0] - lw * 0.55, hl[1] - lw * 0.35, hr[0] - hl[0] + lw * 1.1, lw * 1.1, lw * 0.45);
    ctx.fillStyle = g;
    ctx.fill();
  }
  // arms that reach forward (seated, seen from behind) are mostly hidden by the back
  const armsBehind = sitting && facing === "back";
  const drawArm = (i: number, col: RGB) => {
    const sh = P(k.shoulders[i]!);
    const el = P(k.elbows[i]!);
    const hand = P(k.hands[i]!);
    limbShape(ctx, [[sh[0], sh[1] + armW * 0.3], el, hand], armW * 1.05, armW * 0.8, paint(col, farK(i)), gloss(col), L);
    ellipse(ctx, hand[0], hand[1] + armW * 0.25, armW * 0.42, armW * 0.52, css(c(shade(look.skin, 0.92))));
  };
  if (armsBehind) for (const i of [0, 1]) if (!(o.handUp && i === 1)) drawArm(i, look.top);
  if (side) drawArm(far, shade(look.top, 0.85));
  if (look.longHair && !side) {
    // long hair hangs behind the shoulders (seen from the front) or down the back
    const hd = P(k.head);
    blobPath(ctx, rng, hd[0], hd[1] + h * (facing === "back" ? 0.09 : 0.06), h * 0.064 * b, h * (facing === "back" ? 0.11 : 0.1), 0.1);
    ctx.fillStyle = css(c(shade(look.hair, facing === "back" ? 1 : 0.8)));
    ctx.fill();
  }
  if (skirt) {
    const hl = P(k.hips[0]);
    const hr = P(k.hips[1]);
    const kl = P(k.knees[0]);
    const kr = P(k.knees[1]);
    fillPoly(ctx, [[hl[0] - legW * 0.5, hl[1] - h * 0.02], [hr[0] + legW * 0.5, hr[1] - h * 0.02], [kr[0] + legW * 0.9, kr[1] + h * 0.03], [kl[0] - legW * 0.9, kl[1] + h * 0.03]], css(c(look.bottom)));
  }
  // torso: shoulders, chest, waist and hem along the hip->shoulder axis
  const hipC = P([(k.hips[0][0] + k.hips[1][0]) / 2, (k.hips[0][1] + k.hips[1][1]) / 2]);
  const shC = P([(k.shoulders[0][0] + k.shoulders[1][0]) / 2, (k.shoulders[0][1] + k.shoulders[1][1]) / 2]);
  const ax = shC[0] - hipC[0];
  const ay = shC[1] - hipC[1];
  const len = Math.hypot(ax, ay) || 1;
  const ux = ax / len;
  const uy = ay / len;
  const nx = -uy;
  const ny = ux;
  const sw = k.sw * h * b;
  const hw = k.hw * h * b;
  const at = (u: number, v: number): [number, number] => [hipC[0] + ux * u * len + nx * v, hipC[1] + uy * u * len + ny * v];
  const torso = (col: RGB, wk: number, from: number) => {
    const hemY = sitting ? -0.02 : -0.09;
    const pts = {
      hemL: at(Math.max(hemY, from), -hw * 1.04 * wk), hemR: at(Math.max(hemY, from), hw * 1.04 * wk),
      waistL: at(0.4, -hw * 0.96 * wk), waistR: at(0.4, hw * 0.96 * wk),
      chestL: at(0.8, -sw * 0.95 * wk), chestR: at(0.8, sw * 0.95 * wk),
      shL: at(0.95, -sw * wk), shR: at(0.95, sw * wk),
      topL: at(1.04, -sw * 0.62 * wk), topR: at(1.04, sw * 0.62 * wk),
      neckL: at(1.06, -h * 0.03), neckR: at(1.06, h * 0.03), neckM: at(1.0, 0),
    };
    const g = ctx.createLinearGradient(hipC[0] - L * sw, 0, hipC[0] + L * sw, 0);
    g.addColorStop(0, css(c(darkSide(col, 0.58))));
    g.addColorStop(0.5, css(c(col)));
    g.addColorStop(1, css(c(litSide(s, col, 0.16))));
    ctx.beginPath();
    ctx.moveTo(...pts.hemL);
    ctx.lineTo(...pts.waistL);
    ctx.quadraticCurveTo(...at(0.62, -sw * 0.9 * wk), ...pts.chestL);
    ctx.quadraticCurveTo(...pts.shL, ...pts.topL);
    if (from <= 0) {
      ctx.lineTo(...pts.neckL);
      ctx.quadraticCurveTo(...pts.neckM, ...pts.neckR);
    } else {
      // a vest: open at the neck in a V
      ctx.lineTo(...at(0.6, -h * 0.012));
      ctx.lineTo(...at(0.6, h * 0.012));
    }
    ctx.lineTo(...pts.topR);
    ctx.quadraticCurveTo(...pts.shR, ...pts.chestR);
    ctx.quadraticCurveTo(...at(0.62, sw * 0.9 * wk), ...pts.waistR);
    ctx.lineTo(...pts.hemR);
    ctx.closePath();
    ctx.fillStyle = g;
    ctx.fill();
    // vertical gradient: a little darker towards the hem, cloth folds
    ctx.save();
    ctx.clip();
    ctx.fillStyle = vGradient(ctx, shC[1], hipC[1], [[0, css(WHITE, 0.06)], [1, css(BLACK, 0.12)]]);
    ctx.fillRect(hipC[0] - sw * 2, Math.min(shC[1], hipC[1]) - h * 0.1, sw * 4, Math.abs(hipC[1] - shC[1]) + h * 0.2);
    if (h > 50) {
      ctx.strokeStyle = css(c(shade(col, 0.6)), 0.3);
      ctx.lineWidth = Math.max(0.6, h * 0.004);
      for (let f = 0; f < 3; f++) {
        const v = rng.range(-0.7, 0.7) * hw;
        const a = at(rng.range(0.05, 0.3), v);
        const bq = at(rng.range(0.4, 0.7), v + rng.gauss() * hw * 0.2);
        ctx.beginPath();
        ctx.moveTo(...a);
        ctx.quadraticCurveTo(a[0] + rng.gauss() * hw * 0.1, (a[1] + bq[1]) / 2, ...bq);
        ctx.stroke();
      }
    }
    ctx.restore();
  };
  torso(look.top, 1, -1);
  if (look.vest) {
    torso(look.vest, 1.05, 0.0);
    if (h > 40 && facing !== "side") {
      const band = [at(0.3, -hw * 1.05), at(0.3, hw * 1.05), at(0.34, hw * 1.05), at(0.34, -hw * 1.05)] as [number, number][];
      fillPoly(ctx, band, css(c([230, 226, 210]), 0.7));
      if (facing === "front") {
        const badge = at(0.72, hw * 0.55);
        ellipse(ctx, badge[0], badge[1], h * 0.013, h * 0.011, css(c([245, 215, 90])));
      }
    }
  }
  if (look.scarf && !side) {
    const sc = c(look.scarf);
    const n0 = at(1.0, -h * 0.045);
    const n1 = at(1.0, h * 0.045);
    if (facing === "back") fillPoly(ctx, [n0, n1, at(0.78, 0)], css(sc));
    else {
      fillPoly(ctx, [n0, n1, at(0.93, h * 0.01), at(0.93, -h * 0.01)], css(shade(sc, 0.85)));
      fillPoly(ctx, [at(0.94, -h * 0.008), at(0.7, -h * 0.03), at(0.72, -h * 0.01)], css(sc));
      fillPoly(ctx, [at(0.94, h * 0.008), at(0.72, h * 0.035), at(0.74, h * 0.015)], css(sc));
    }
  }
  if (!armsBehind || o.handUp) {
    for (const i of side ? [order[1]!] : [0, 1]) {
      if (armsBehind && i !== 1) continue;
      drawArm(i, look.top);
    }
  }
  if (look.holding && (pose === "carry" || pose === "stand" || pose === "walk")) {
    const two = pose === "carry";
    const hand = P(k.hands[two ? 0 : 1]);
    const bw = h * (two ? 0.14 : 0.08);
    const bh = h * (two ? 0.09 : 0.12);
    const bx = two ? (P(k.hands[0])[0] + P(k.hands[1])[0]) / 2 - bw / 2 : hand[0] - bw / 2;
    const g = ctx.createLinearGradient(bx, 0, bx + bw, 0);
    g.addColorStop(L < 0 ? 0 : 1, css(c(litSide(s, look.holding))));
    g.addColorStop(L < 0 ? 1 : 0, css(c(darkSide(look.holding))));
    ctx.fillStyle = g;
    ctx.fillRect(bx, hand[1] - (two ? bh * 0.6 : -armW * 0.2), bw, bh);
  }
  // neck, head, ears, hair, face
  const head = P(k.head);
  const rx = h * (child ? 0.064 : 0.05) * Math.min(1.1, b);
  const ry = h * (child ? 0.074 : 0.062);
  const skin = c(look.skin);
  const hair = c(look.hair);
  limbShape(ctx, [[shC[0] * 0.3 + head[0] * 0.7, shC[1] + h * 0.01], [head[0], head[1] + ry * 0.5]], h * 0.048, h * 0.044, css(darkSide(skin, 0.7)), css(skin), L);
  const hg = ctx.createRadialGradient(head[0] + L * rx * 0.4, head[1] - ry * 0.2, rx * 0.1, head[0], head[1], rx * 1.25);
  hg.addColorStop(0, css(litSide(s, skin, 0.12)));
  hg.addColorStop(1, css(darkSide(skin, 0.7)));
  const hairFill = () => {
    const g = ctx.createRadialGradient(head[0] + L * rx * 0.45, head[1] - ry * 0.55, rx * 0.05, head[0], head[1], rx * 1.35);
    g.addColorStop(0, css(mix(hair, [225, 220, 215], 0.42)));
    g.addColorStop(0.3, css(mix(hair, [120, 95, 75], 0.25)));
    g.addColorStop(0.6, css(hair));
    g.addColorStop(1, css(shade(hair, 0.75)));
    return g;
  };
  const ears = (dy: number) => {
    if (rx < 4) return;
    for (const sgn of side ? [-d] : [-1, 1]) ellipse(ctx, head[0] + sgn * rx * (side ? 0.1 : 0.97), head[1] + dy, rx * 0.16, ry * 0.22, css(shade(skin, sgn === L ? 0.95 : 0.75)));
  };
  if (facing === "back" && pose !== "bend") {
    ellipse(ctx, head[0], head[1], rx, ry, hg);
    ears(ry * 0.05);
    blobPath(ctx, rng, head[0], head[1] - ry * 0.1, rx * 1.03, ry * 0.9, 0.06);
    ctx.fillStyle = hairFill();
    ctx.fill();
  } else if (side) {
    ellipse(ctx, head[0], head[1], rx * 0.95, ry, hg);
    ellipse(ctx, head[0] + d * rx * 0.85, head[1] + ry * 0.2, rx * 0.18, ry * 0.14, css(shade(skin, 0.9)));
    blobPath(ctx, rng, head[0] - d * rx * 0.22, head[1] - ry * 0.25, rx * 0.85, ry * 0.75, 0.08);
    ctx.fillStyle = hairFill();
    ctx.fill();
    ears(ry * 0.05);
    if (look.longHair) ellipse(ctx, head[0] - d * rx * 0.55, head[1] + ry * 0.55, rx * 0.4, ry * 0.7, css(hair));
  } else {
    ears(ry * 0.12);
    ellipse(ctx, head[0], head[1] + ry * 0.06, rx * 0.92, ry * 0.94, hg);
    ctx.save();
    ctx.beginPath();
    ctx.rect(head[0] - rx * 2, head[1] - ry * 2, rx * 4, ry * (look.longHair ? 2.25 : 1.8));
    ctx.clip();
    blobPath(ctx, rng, head[0], head[1] - ry * 0.16, rx * 1.02, ry * 0.86, 0.05);
    ctx.fillStyle = hairFill();
    ctx.fill();
    ctx.restore();
    if (rx > 6) {
      // eyes, brows, nose and mouth as soft shadows
      ctx.save();
      for (const sgn of [-1, 1]) {
        ellipse(ctx, head[0] + sgn * rx * 0.35, head[1] + ry * 0.1, rx * 0.1, ry * 0.04, css(shade(skin, 0.35), 0.55));
        ellipse(ctx, head[0] + sgn * rx * 0.36, head[1] - ry * 0.06, rx * 0.19, ry * 0.03, css(shade(hair, 1), 0.4));
      }
      ellipse(ctx, head[0] - L * rx * 0.09, head[1] + ry * 0.36, rx * 0.08, ry * 0.1, css(shade(skin, 0.68), 0.5));
      ellipse(ctx, head[0], head[1] + ry * 0.6, rx * 0.2, ry * 0.045, css(mix(shade(skin, 0.55), [150, 60, 60], 0.3), 0.6));
      ctx.restore();
    }
  }
  if (look.hat) {
    const hc = c(look.hatColor ?? (look.hat === "straw" ? hex("#d8bd7e") : look.hat === "helmet" ? hex("#f2c230") : hex("#3b4a6b")));
    const g = ctx.createLinearGradient(head[0] - rx * 2, 0, head[0] + rx * 2, 0);
    g.addColorStop(L < 0 ? 0 : 1, css(litSide(s, hc, 0.2)));
    g.addColorStop(L < 0 ? 1 : 0, css(darkSide(hc, 0.7)));
    if (look.hat === "straw") {
      ellipse(ctx, head[0], head[1] - ry * 0.45, rx * 2.3, ry * 0.42, g);
      ctx.beginPath();
      ctx.moveTo(head[0] - rx * 1.05, head[1] - ry * 0.5);
      ctx.quadraticCurveTo(head[0], head[1] - ry * 2.1, head[0] + rx * 1.05, head[1] - ry * 0.5);
      ctx.fillStyle = g;
      ctx.fill();
    } else {
      ctx.beginPath();
      ctx.ellipse(head[0], head[1] - ry * 0.3, rx * 1.08, ry * 0.88, 0, Math.PI, 0);
      ctx.fillStyle = g;
      ctx.fill();
      if (look.hat === "cap") ellipse(ctx, head[0] + (side ? d * rx * 0.8 : 0), head[1] - ry * 0.3, rx * (side ? 0.7 : 1.1), ry * 0.16, css(darkSide(hc, 0.8)));
      else ellipse(ctx, head[0], head[1] - ry * 0.3, rx * 1.25, ry * 0.13, g);
    }
  }
}

// ---------------------------------------------------------------- vegetation

export type TreeKind = "broad" | "poplar" | "pine" | "willow" | "bush";

/** An irregular blob path (a clump of leaves, a bush, a rock). */
export function blobPath(ctx: CanvasRenderingContext2D, rng: Rng, x: number, y: number, rx: number, ry: number, rough = 0.25): void {
  const n = 14;
  const radii = Array.from({ length: n }, () => 1 + rng.range(-rough, rough));
  ctx.beginPath();
  for (let i = 0; i <= n; i++) {
    const a0 = (i / n) * Math.PI * 2;
    const r0 = radii[i % n]!;
    const r1 = (radii[i % n]! + radii[(i + 1) % n]!) / 2;
    if (i === 0) ctx.moveTo(x + Math.cos(a0) * rx * r0, y + Math.sin(a0) * ry * r0);
    else ctx.quadraticCurveTo(x + Math.cos(a0 - Math.PI / n) * rx * r1 * 1.08, y + Math.sin(a0 - Math.PI / n) * ry * r1 * 1.08, x + Math.cos(a0) * rx * r0, y + Math.sin(a0) * ry * r0);
  }
  ctx.closePath();
}

/**
 * Leaf texture over a set of clumps: a dark mass, then many small leaf marks
 * lit from the sun's side and from above, with ragged edges.
 */
export function foliage(s: Stage, clumps: readonly { x: number; y: number; r: number; ry?: number }[], o: { leaf: RGB; leafPx: number; budget: number; top: number; bottom: number }): void {
  const { ctx, rng } = s;
  const L = s.light;
  const dark = mix(shade(o.leaf, 0.38), [12, 22, 28], 0.25);
  const lit = mix(shade(o.leaf, 1.5), s.sun, 0.3);
  const span = Math.max(1, o.bottom - o.top);
  for (const c of clumps) {
    blobPath(ctx, rng, c.x, c.y, c.r * 0.92, (c.ry ?? c.r) * 0.92, 0.22);
    ctx.fillStyle = css(mix(dark, o.leaf, clamp(0.35 - (c.y - o.top) / span * 0.3)));
    ctx.fill();
  }
  const area = clumps.reduce((a, c) => a + c.r * (c.ry ?? c.r), 0);
  const ordered = [...clumps].sort((a, b) => b.y - a.y);
  for (const c of ordered) {
    const cry = c.ry ?? c.r;
    const n = Math.round((o.budget * c.r * cry) / area);
    const height = clamp(1 - (c.y - o.top) / span);
    for (let i = 0; i < n; i++) {
      const a = rng.range(0, Math.PI * 2);
      const rr = Math.pow(rng.next(), 0.6) * 1.04;
      const nx = Math.cos(a) * rr;
      const ny = Math.sin(a) * rr;
      const light = clamp(0.25 + 0.38 * (nx * L * 0.8 - ny * 0.9) + 0.3 * height + rng.gauss() * 0.16);
      const col = mix(dark, lit, light * light * 0.85 + light * 0.15);
      const sz = o.leafPx * rng.range(0.6, 1.5);
      ellipse(ctx, c.x + nx * c.r, c.y + ny * cry, sz, sz * rng.range(0.45, 0.9), css(col), rng.range(0, Math.PI));
    }
  }
}

/** A tree whose base is at (x, y), `h` px tall. */
export function tree(s: Stage, x: number, y: number, h: number, o: { kind?: TreeKind; leaf?: RGB; trunk?: RGB; fog?: number; width?: number; shadow?: boolean } = {}): void {
  const { ctx, rng } = s;
  const kind = o.kind ?? "broad";
  const fog = o.fog ?? 0;
  const L = s.light;
  const leaf = fogged(s, vary(rng, o.leaf ?? hex("#566b37"), 0.05), fog);
  const trunk = fogged(s, o.trunk ?? hex("#4a3f35"), fog);
  const wk = o.width ?? 1;
  if (o.shadow !== false && h > 20) groundShadow(s, x - L * h * 0.15, y, h * 0.3 * wk, h * 0.05, 0.3 * (1 - fog));
  const leafPx = Math.max(0.9, h * 0.0075);
  const budget = clamp(h * 14, 40, 4000);

  if (kind === "pine") {
    const tw = Math.max(1, h * 0.03);
    ctx.fillStyle = css(shade(trunk, 0.8));
    ctx.fillRect(x - tw / 2, y - h * 0.3, tw, h * 0.3);
    const tiers = Math.max(4, Math.round(h / 10));
    const dark = mix(shade(leaf, 0.35), [10, 20, 25], 0.3);
    const lit = mix(shade(leaf, 1.4), s.sun, 0.25);
    ctx.lineCap = "round";
    for (let i = 0; i < tiers; i++) {
      const t = i / tiers;
      const ty = y - h * (0.12 + t * 0.86);
      const half = h * 0.24 * wk * Math.pow(1 - t, 0.9) + h * 0.02;
      const droop = h * 0.06;
      fillPoly(ctx, [[x - half, ty + droop], [x, ty - h * 0.07], [x + half, ty + droop], [x, ty + droop * 0.4]], css(dark));
      // needle sprays from the axis outwards and down
      const sprays = Math.round(clamp(half * 1.4, 6, 260));
      for (let k = 0; k < sprays; k++) {
        const side = rng.chance(0.5) ? 1 : -1;
        const reach = Math.pow(rng.next(), 0.7);
        const sx = x + side * reach * half;
        const sy = ty + reach * droop * 0.9 + rng.gauss() * h * 0.01;
        const light = clamp(0.35 + 0.3 * side * L + rng.gauss() * 0.2 - reach * 0.1);
        ctx.strokeStyle = css(mix(dark, lit, light));
        ctx.lineWidth = Math.max(0.6, leafPx * 1.2);
        ctx.beginPath();
        ctx.moveTo(sx, sy);
        ctx.lineTo(sx - side * half * 0.12, sy - h * 0.025);
        ctx.stroke();
      }
    }
    return;
  }

  const crownY = kind === "bush" ? y - h * 0.45 : kind === "poplar" ? y - h * 0.56 : y - h * 0.62;
  const rx = h * (kind === "poplar" ? 0.13 : kind === "bush" ? 0.5 : kind === "willow" ? 0.3 : 0.31) * wk;
  const ry = h * (kind === "poplar" ? 0.42 : kind === "bush" ? 0.42 : 0.32);
  if (kind !== "bush") {
    // trunk, bark and limbs
    const tw = Math.max(1, h * (kind === "poplar" ? 0.028 : 0.04));
    const g = ctx.createLinearGradient(x - tw, 0, x + tw, 0);
    g.addColorStop(L < 0 ? 0 : 1, css(litSide(s, trunk, 0.15)));
    g.addColorStop(0.5, css(trunk));
    g.addColorStop(L < 0 ? 1 : 0, css(shade(trunk, 0.45)));
    ctx.beginPath();
    ctx.moveTo(x - tw * 1.25, y);
    ctx.quadraticCurveTo(x - tw * 0.8, y - h * 0.05, x - tw * 0.5, crownY);
    ctx.lineTo(x + tw * 0.5, crownY);
    ctx.quadraticCurveTo(x + tw * 0.8, y - h * 0.05, x + tw * 1.25, y);
    ctx.fillStyle = g;
    ctx.fill();
    if (h > 60) {
      ctx.strokeStyle = css(shade(trunk, 0.5), 0.5);
      ctx.lineWidth = Math.max(0.5, tw * 0.08);
      for (let i = 0; i < 6; i++) {
        const bx = x + rng.range(-0.8, 0.8) * tw;
        ctx.beginPath();
        ctx.moveTo(bx, y - rng.range(0, h * 0.1));
        ctx.lineTo(bx + rng.gauss() * tw * 0.1, y - h * rng.range(0.15, 0.35));
        ctx.stroke();
      }
    }
    if (h > 30 && kind !== "poplar") {
      ctx.strokeStyle = css(shade(trunk, 0.8));
      ctx.lineCap = "round";
      for (let i = 0; i < 5; i++) {
        const by = lerp(y - h * 0.4, crownY, rng.next());
        const dir = i % 2 ? 1 : -1;
        ctx.lineWidth = tw * rng.range(0.3, 0.55);
        ctx.beginPath();
        ctx.moveTo(x, by);
        ctx.quadraticCurveTo(x + dir * rx * 0.3, by - ry * 0.1, x + dir * rx * rng.range(0.5, 0.8), by - ry * rng.range(0.3, 0.6));
        ctx.stroke();
      }
    }
  }
  if (kind === "willow") {
    foliage(s, [{ x, y: crownY - ry * 0.2, r: rx * 0.8, ry: ry * 0.45 }], { leaf, leafPx, budget: budget * 0.4, top: crownY - ry, bottom: crownY + ry });
    const dark = mix(shade(leaf, 0.45), [20, 35, 40], 0.2);
    const lit = mix(shade(leaf, 1.45), s.sun, 0.25);
    ctx.lineCap = "round";
    const strands = Math.round(clamp(h * 2.5, 30, 1200));
    for (let i = 0; i < strands; i++) {
      const sx = x + rng.gauss() * rx * 0.6;
      const sy = crownY - ry * 0.3 + rng.gauss() * ry * 0.2;
      const len = h * rng.range(0.25, 0.6);
      const t = (sx - x) / rx;
      ctx.strokeStyle = css(mix(dark, lit, clamp(0.45 + t * L * 0.4 + rng.gauss() * 0.2)), 0.85);
      ctx.lineWidth = Math.max(0.6, leafPx * rng.range(0.35, 0.7));
      ctx.setLineDash([leafPx * 0.9, leafPx * 0.5]);
      ctx.beginPath();
      ctx.moveTo(sx, sy);
      ctx.quadraticCurveTo(sx + t * rx * 0.3, sy + len * 0.3, sx + t * rx * 0.2 + rng.gauss() * h * 0.02, sy + len);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    return;
  }
  if (h < 14) {
    // too small for leaves: two tones
    ellipse(ctx, x, crownY, rx, ry, css(shade(leaf, 0.7)));
    ellipse(ctx, x + L * rx * 0.2, crownY - ry * 0.2, rx * 0.7, ry * 0.7, css(mix(leaf, s.sun, 0.1)));
    return;
  }
  const clumps: { x: number; y: number; r: number; ry?: number }[] = [];
  if (kind === "poplar") {
    const n = rng.int(6, 9);
    for (let i = 0; i < n; i++) {
      const t = i / (n - 1);
      clumps.push({ x: x + rng.gauss() * rx * 0.2, y: crownY + ry * (0.75 - t * 1.55), r: rx * rng.range(0.55, 0.8) * (1 - t * 0.45), ry: rx * rng.range(0.7, 1) });
    }
  } else {
    const n = kind === "bush" ? rng.int(3, 5) : rng.int(6, 11);
    for (let i = 0; i < n; i++) {
      const a = -Math.PI * rng.range(0.05, 0.95);
      const k = rng.range(0.3, 1);
      clumps.push({ x: x + Math.cos(a) * rx * 0.55 * k, y: crownY + Math.sin(a) * ry * 0.55 * k + ry * 0.2, r: Math.min(rx, ry) * rng.range(0.38, 0.6) });
    }
    clumps.push({ x, y: crownY + ry * 0.25, r: rx * 0.55, ry: ry * 0.45 });
  }
  foliage(s, clumps, { leaf, leafPx, budget, top: crownY - ry, bottom: crownY + ry });
}

/** A belt of woodland seen from afar: irregular overlapping crowns over a dark understorey. */
export function treeLine(s: Stage, o: { x0: number; x1: number; y: number; height: number; fog: number; leaf?: RGB; density?: number }): void {
  const { ctx, rng } = s;
  const leaf = fogged(s, o.leaf ?? hex("#566a3c"), o.fog);
  const dark = mix(shade(leaf, 0.55), s.haze, o.fog * 0.25);
  const lit = mix(shade(leaf, 1.3), s.sun, 0.25);
  const n = noise1(rng, 4);
  // the understorey: a continuous mass with a wavy top
  ctx.beginPath();
  ctx.moveTo(o.x0, o.y);
  for (let x = o.x0; x <= o.x1; x += 3) ctx.lineTo(x, o.y - o.height * (0.55 + 0.35 * n(x / (o.height * 3))));
  ctx.lineTo(o.x1, o.y);
  ctx.closePath();
  ctx.fillStyle = css(dark);
  ctx.fill();
  const count = Math.round(((o.x1 - o.x0) / (o.height * 0.18)) * (o.density ?? 1));
  for (let i = 0; i < count; i++) {
    const x = rng.range(o.x0, o.x1);
    const tall = rng.chance(0.04);
    const hh = o.height * (tall ? rng.range(1.2, 1.5) : rng.range(0.55, 1.05)) * (0.8 + 0.4 * (0.5 + 0.5 * n(x / (o.height * 3))));
    const r = hh * (tall ? 0.17 : rng.range(0.25, 0.4));
    const cy = o.y - hh + r * 1.05;
    blobPath(ctx, rng, x, cy, r, tall ? r * 2.4 : r * rng.range(0.8, 1.1), 0.3);
    ctx.fillStyle = css(vary(rng, mix(dark, leaf, 0.55), 0.05));
    ctx.fill();
    blobPath(ctx, rng, x + s.light * r * 0.25, cy - r * 0.25, r * 0.6, (tall ? r * 1.8 : r * 0.55), 0.35);
    ctx.fillStyle = css(mix(leaf, lit, rng.range(0.1, 0.5)), 0.55);
    ctx.fill();
  }
}

/**
 * Texture for ground seen through a camera: marks sized by their distance
 * (blades of grass, clods, gravel) between screen rows y0 and y1.
 */
export function groundCover(
  s: Stage,
  cam: Cam,
  o: { y0: number; y1: number; x0?: number; x1?: number; colors: readonly RGB[]; size: number; kind: "blade" | "dot"; density?: number; alpha?: number; fog?: (d: number) => number },
): void {
  const { ctx, rng } = s;
  const x0 = o.x0 ?? 0;
  const x1 = o.x1 ?? s.w;
  const alpha = o.alpha ?? 1;
  ctx.lineCap = "round";
  let y = Math.max(o.y0, cam.horizon + 1);
  while (y < o.y1) {
    const d = cam.groundDepth(y);
    const px = (o.size * cam.f) / d;
    const squash = clamp(cam.height / d, 0.04, 1);
    const step = Math.max(1, px * squash * 0.7);
    if (px >= 1.6) {
      const n = Math.round(((x1 - x0) / px) * (o.density ?? 1) * 1.4);
      const fog = o.fog ? o.fog(d) : 0;
      for (let i = 0; i < n; i++) {
        const x = rng.range(x0, x1);
        const yy = y + rng.next() * step;
        const col = css(fogged(s, vary(rng, rng.pick(o.colors), 0.1), fog), alpha);
        const sz = px * rng.range(0.6, 1.4);
        if (o.kind === "blade") {
          ctx.strokeStyle = col;
          ctx.lineWidth = Math.max(0.6, sz * 0.12);
          ctx.beginPath();
          ctx.moveTo(x, yy);
          ctx.quadraticCurveTo(x + rng.gauss() * sz * 0.15, yy - sz * 0.5, x + rng.gauss() * sz * 0.35, yy - sz);
          ctx.stroke();
        } else {
          ellipse(ctx, x, yy, sz * 0.5, sz * 0.5 * Math.max(0.2, squash), col, rng.range(-0.3, 0.3));
        }
      }
    }
    y += step;
  }
}

/** Soft blotches of colour on the ground (wear, damp, patchy growth), foreshortened by distance. */
export function mottle(s: Stage, cam: Cam, o: { y0: number; y1: number; colors: readonly RGB[]; size: number; count: number; alpha: number }): void {
  const { rng } = s;
  layer(
    s,
    (l) => {
      for (let i = 0; i < o.count; i++) {
        const y = lerp(Math.max(o.y0, cam.horizon + 2), o.y1, Math.pow(rng.next(), 1.3));
        const d = cam.groundDepth(y);
        const rx = (o.size * cam.f) / d * rng.range(0.5, 1.5);
        const ry = rx * clamp(cam.height / d, 0.03, 1);
        ellipse(l.ctx, rng.range(-rx, s.w + rx), y, rx, ry, css(rng.pick(o.colors), o.alpha * rng.range(0.4, 1)));
      }
    },
    { blur: Math.max(2, s.w * 0.004) },
  );
}

/** A paved area of square slabs, each slab a slightly different tone. */
export function paving(s: Stage, cam: Cam, o: { x0: number; x1: number; z0: number; z1: number; tile: number; color: RGB; joint: RGB; fog: (d: number) => number; vary?: number }): void {
  const { ctx, rng } = s;
  for (let z = o.z0; z < o.z1; z += o.tile) {
    const d = cam.depth(cam.x0, z);
    const tilePx = cam.scale(Math.max(0.5, d)) * o.tile;
    if (tilePx < 3) {
      cam.fill(ctx, [[o.x0, 0, z], [o.x1, 0, z], [o.x1, 0, o.z1], [o.x0, 0, o.z1]], css(fogged(s, o.color, o.fog(d))));
      break;
    }
    for (let x = o.x0; x < o.x1; x += o.tile) {
      const pts: P3[] = [[x, 0, z], [x + o.tile, 0, z], [x + o.tile, 0, z + o.tile], [x, 0, z + o.tile]];
      const b = cam.bounds(pts);
      if (b && (b[2] < 0 || b[0] > s.w || b[1] > s.h)) continue;
      cam.fill(ctx, pts, css(fogged(s, vary(rng, o.color, o.vary ?? 0.05), o.fog(d))));
    }
    cam.line(ctx, [o.x0, 0.001, z], [o.x1, 0.001, z], css(fogged(s, o.joint, o.fog(d)), 0.6), clamp(tilePx * 0.025, 0.5, 3));
  }
  for (let x = o.x0; x <= o.x1; x += o.tile) cam.line(ctx, [x, 0.001, o.z0], [x, 0.001, o.z1], css(o.joint, 0.45), 1);
}

// ---------------------------------------------------------------- buildings

/** A grid of windows on a rectangle; `reflect` is the sky colour for glass. */
export function windows(
  s: Stage,
  o: { x: number; y: number; w: number; h: number; cols: number; rows: number; frame: number; glass: RGB; wall?: RGB; lit?: number; litColor?: RGB; fog?: number; curtains?: number; sill?: boolean },
): void {
  const { ctx, rng } = s;
  const cw = o.w / o.cols;
  const rh = o.h / o.rows;
  const fog = o.fog ?? 0;
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const wx = o.x + c * cw + cw * o.frame;
      const wy = o.y + r * rh + rh * o.frame;
      const ww = cw * (1 - 2 * o.frame);
      const wh = rh * (1 - 2 * o.frame);
      if (ww < 0.4 || wh < 0.4) continue;
      let col: RGB;
      if (o.lit && rng.chance(o.lit)) col = vary(rng, o.litColor ?? hex("#f4d28a"), 0.15);
      else col = mix(vary(rng, o.glass, 0.12), shade(o.glass, 0.6), rng.next() * 0.5);
      const g = ctx.createLinearGradient(wx, wy, wx + ww * 0.3, wy + wh);
      g.addColorStop(0, css(fogged(s, mix(col, WHITE, 0.12), fog)));
      g.addColorStop(1, css(fogged(s, shade(col, 0.8), fog)));
      ctx.fillStyle = g;
      ctx.fillRect(wx, wy, ww, wh);
      if (o.curtains && rng.chance(o.curtains)) {
        ctx.fillStyle = css(fogged(s, vary(rng, hex("#d8cbb0"), 0.1), fog), 0.85);
        ctx.fillRect(wx, wy, ww * rng.range(0.2, 0.5), wh);
      }
      if (o.sill && wh > 4) {
        ctx.fillStyle = css(fogged(s, shade(o.wall ?? WHITE, 0.55), fog), 0.6);
        ctx.fillRect(wx, wy, ww, Math.max(1, wh * 0.12));
      }
    }
  }
}

export interface TowerOpts {
  x: number;
  base: number;
  w: number;
  h: number;
  /** Width of the side face (px); it shows on the side away from the frame centre. */
  side: number;
  color: RGB;
  fog: number;
  style: "glass" | "grid" | "bands" | "flats";
  top?: "flat" | "spire" | "step" | "crown";
  floors?: number;
  lit?: number;
}
/** A city tower seen from afar: a facade, a side face, windows, a roof detail. */
export function tower(s: Stage, o: TowerOpts): void {
  const { ctx, rng } = s;
  const L = s.light;
  const sideRight = o.x + o.w / 2 < s.w / 2;
  const lightFront = 0.92;
  const col = o.color;
  const topY = o.base - o.h;
  const frontX = sideRight ? o.x : o.x + o.side;
  const sideX = sideRight ? o.x + o.w : o.x;
  const sideLit = (sideRight ? 1 : -1) === L;
  const floors = o.floors ?? Math.max(3, Math.round(o.h / (o.w * 0.12)));
  // top details behind the body
  if (o.top === "step") {
    const sw = o.w * 0.7;
    const sh = o.h * 0.08;
    ctx.fillStyle = css(fogged(s, shade(col, 0.85), o.fog));
    ctx.fillRect(frontX + (o.w - sw) / 2, topY - sh, sw, sh + 1);
    ctx.fillRect(frontX + o.w * 0.35, topY - sh * 1.9, o.w * 0.3, sh);
  } else if (o.top === "spire") {
    ctx.strokeStyle = css(fogged(s, shade(col, 0.7), o.fog));
    ctx.lineWidth = Math.max(1, o.w * 0.03);
    ctx.beginPath();
    ctx.moveTo(frontX + o.w / 2, topY);
    ctx.lineTo(frontX + o.w / 2, topY - o.h * 0.18);
    ctx.stroke();
    fillPoly(ctx, [[frontX + o.w * 0.2, topY], [frontX + o.w / 2, topY - o.h * 0.1], [frontX + o.w * 0.8, topY]], css(fogged(s, col, o.fog)));
  } else if (o.top === "crown") {
    ctx.fillStyle = css(fogged(s, shade(col, 0.8), o.fog));
    for (let i = 0; i < 5; i++) ctx.fillRect(frontX + (o.w * (i + 0.3)) / 5, topY - o.h * 0.04, o.w * 0.08, o.h * 0.04 + 1);
  } else if (rng.chance(0.5)) {
    ctx.fillStyle = css(fogged(s, shade(col, 0.7), o.fog));
    ctx.fillRect(frontX + o.w * rng.range(0.1, 0.6), topY - o.h * 0.025, o.w * 0.25, o.h * 0.025 + 1);
  }
  // side face
  const sideCol = sideLit ? litSide(s, col, 0.2) : darkSide(col, 0.68);
  ctx.fillStyle = vGradient(ctx, topY, o.base, [
    [0, css(fogged(s, sideCol, o.fog))],
    [1, css(fogged(s, shade(sideCol, 0.9), o.fog + 0.05))],
  ]);
  ctx.fillRect(sideX, topY, o.side, o.h);
  // front face: glass mirrors the sky (lighter at the top), masonry gets a light gradient
  const frontCol = sideLit ? darkSide(col, 0.85) : mix(col, s.sun, 0.08);
  const fg = ctx.createLinearGradient(frontX, topY, frontX + o.w * 0.6, o.base);
  const glassy = o.style === "glass";
  fg.addColorStop(0, css(fogged(s, glassy ? mix(frontCol, WHITE, 0.25) : shade(frontCol, lightFront * 1.05), o.fog)));
  fg.addColorStop(1, css(fogged(s, glassy ? shade(frontCol, 0.7) : shade(frontCol, lightFront * 0.92), o.fog)));
  ctx.fillStyle = fg;
  ctx.fillRect(frontX, topY, o.w, o.h);
  const faceW = o.w;
  const glass = glassy ? mix(col, hex("#9fb8cf"), 0.3) : hex("#48566a");
  const pxFloor = o.h / floors;
  if (pxFloor < 1.4) return;
  if (o.style === "glass") {
    ctx.fillStyle = css(fogged(s, shade(col, 0.55), o.fog), 0.5);
    for (let f = 1; f < floors; f++) ctx.fillRect(frontX, topY + f * pxFloor, faceW, Math.max(0.5, pxFloor * 0.12));
    const mull = Math.round(faceW / Math.max(3, pxFloor * 1.2));
    for (let m = 1; m < mull; m++) ctx.fillRect(frontX + (m * faceW) / mull, topY, Math.max(0.5, pxFloor * 0.08), o.h);
    // a diagonal sky reflection
    const rg = ctx.createLinearGradient(frontX, topY, frontX + faceW, topY + o.h * 0.5);
    rg.addColorStop(0.2, css(WHITE, 0));
    rg.addColorStop(0.45, css(WHITE, 0.18 * (1 - o.fog)));
    rg.addColorStop(0.6, css(WHITE, 0));
    ctx.fillStyle = rg;
    ctx.fillRect(frontX, topY, faceW, o.h);
  } else if (o.style === "bands") {
    for (let f = 0; f < floors; f++) {
      ctx.fillStyle = css(fogged(s, vary(rng, glass, 0.05), o.fog));
      ctx.fillRect(frontX + faceW * 0.04, topY + f * pxFloor + pxFloor * 0.3, faceW * 0.92, pxFloor * 0.5);
    }
  } else {
    const cols = Math.max(2, Math.round(faceW / (pxFloor * (o.style === "flats" ? 1.6 : 1.1))));
    windows(s, { x: frontX, y: topY + pxFloor * 0.3, w: faceW, h: o.h - pxFloor * 0.6, cols, rows: floors, frame: 0.2, glass, fog: o.fog, lit: o.lit, curtains: o.style === "flats" ? 0.2 : 0 });
    if (o.style === "flats" && pxFloor > 5) {
      // balconies
      ctx.fillStyle = css(fogged(s, mix(col, WHITE, 0.3), o.fog), 0.8);
      for (let f = 1; f < floors; f++) ctx.fillRect(frontX, topY + f * pxFloor - pxFloor * 0.12, faceW, pxFloor * 0.14);
    }
    const sideCols = Math.max(1, Math.round(o.side / (pxFloor * 1.3)));
    windows(s, { x: sideX, y: topY + pxFloor * 0.3, w: o.side, h: o.h - pxFloor * 0.6, cols: sideCols, rows: floors, frame: 0.25, glass: shade(glass, sideLit ? 1 : 0.7), fog: o.fog, lit: o.lit });
  }
}

/** A row of blocks standing on row `base` across the frame (a far shore, the estates around a square). */
export function blocks(
  s: Stage,
  o: { base: number; x1?: number; widths: [number, number]; heights: [number, number]; step: [number, number]; color: RGB; fog: number; styles: readonly TowerOpts["style"][]; side?: number; floors?: number },
): void {
  const { w, h, rng } = s;
  for (let x = -w * 0.03; x < (o.x1 ?? w); x += rng.range(o.step[0], o.step[1]) * w) {
    const bw = rng.range(o.widths[0], o.widths[1]) * w;
    tower(s, { x, base: o.base, w: bw, h: h * rng.range(o.heights[0], o.heights[1]), side: bw * (o.side ?? 0.2), color: vary(rng, o.color, 0.06), fog: o.fog, style: rng.pick(o.styles), floors: o.floors });
  }
}

export type HouseStyle = "tile" | "flat" | "hui";
/** A Chinese village house seen from the front: white or brick walls, grey tile roof or flat roof. */
export function house(s: Stage, o: { x: number; base: number; w: number; h: number; style: HouseStyle; wall?: RGB; roof?: RGB; fog?: number; side?: number; floors?: number; roofK?: number }): void {
  const { ctx, rng } = s;
  const fog = o.fog ?? 0;
  const L = s.light;
  const wall = o.wall ?? hex("#e9e4da");
  const roof = o.roof ?? hex("#4a4d52");
  const top = o.base - o.h;
  const floors = o.floors ?? (o.style === "flat" ? rng.int(2, 3) : 1);
  const side = o.side ?? o.w * 0.25;
  const sideRight = L < 0 ? true : false;
  const sx = sideRight ? o.x + o.w : o.x - side;
  if (o.h < 0.5) return;
  // side gable
  const sideCol = fogged(s, darkSide(wall, 0.72), fog);
  if (o.style === "tile") {
    fillPoly(ctx, [[sx, o.base], [sx, top], [sx + side / 2, top - o.h * 0.35], [sx + side, top], [sx + side, o.base]], css(sideCol));
  } else {
    ctx.fillStyle = css(sideCol);
    ctx.fillRect(sx, top, side, o.h);
  }
  // front wall
  const g = ctx.createLinearGradient(0, top, 0, o.base);
  g.addColorStop(0, css(fogged(s, mix(wall, s.sun, 0.1), fog)));
  g.addColorStop(1, css(fogged(s, shade(wall, 0.82), fog)));
  ctx.fillStyle = g;
  ctx.fillRect(o.x, top, o.w, o.h);
  // grime at the foot of the wall
  ctx.fillStyle = vGradient(ctx, o.base - o.h * 0.25, o.base, [[0, css(fogged(s, [60, 60, 55], fog), 0)], [1, css(fogged(s, [60, 60, 55], fog), 0.35)]]);
  ctx.fillRect(o.x, o.base - o.h * 0.25, o.w, o.h * 0.25);
  const glass = hex("#2c3440");
  const fh = o.h / floors;
  const cols = Math.max(2, Math.round(o.w / (fh * 0.9)));
  windows(s, { x: o.x + o.w * 0.05, y: top + fh * 0.2, w: o.w * 0.9, h: o.h - fh * 0.35, cols, rows: floors, frame: 0.28, glass: o.style === "flat" ? hex("#5f7d96") : glass, fog, wall });
  if (o.w > 14) {
    // a door on the ground floor
    ctx.fillStyle = css(fogged(s, rng.chance(o.w > 40 ? 0.5 : 0.15) ? hex("#7a2b22") : hex("#3c3a38"), fog));
    ctx.fillRect(o.x + o.w * rng.range(0.35, 0.55), o.base - fh * 0.7, Math.max(1, o.w * 0.12), fh * 0.7);
  }
  const rc = fogged(s, roof, fog);
  if (o.style === "tile") {
    const rh = o.h * (o.roofK ?? 0.4);
    const over = o.w * 0.05;
    const rg = ctx.createLinearGradient(0, top - rh, 0, top);
    rg.addColorStop(0, css(shade(rc, 0.85)));
    rg.addColorStop(1, css(mix(rc, s.sun, 0.12)));
    ctx.beginPath();
    ctx.moveTo(o.x - over, top + o.h * 0.04);
    ctx.lineTo(o.x + over * 0.2, top - rh);
    ctx.lineTo(o.x + o.w - over * 0.2, top - rh);
    ctx.lineTo(o.x + o.w + over, top + o.h * 0.04);
    ctx.closePath();
    ctx.fillStyle = rg;
    ctx.fill();
    if (o.w > 20) {
      ctx.strokeStyle = css(shade(rc, 0.65), 0.6);
      ctx.lineWidth = Math.max(0.5, o.w * 0.006);
      const step = Math.max(2, o.w / 40);
      for (let tx = o.x; tx < o.x + o.w; tx += step) {
        ctx.beginPath();
        ctx.moveTo(tx, top - rh);
        ctx.lineTo(tx + (tx - o.x - o.w / 2) * 0.06, top + o.h * 0.03);
        ctx.stroke();
      }
    }
    ctx.fillStyle = css(shade(rc, 0.6));
    ctx.fillRect(o.x - over * 0.3, top - rh - o.h * 0.04, o.w + over * 0.6, o.h * 0.05);
    ctx.fillStyle = css(BLACK, 0.25);
    ctx.fillRect(o.x, top, o.w, o.h * 0.06);
  } else if (o.style === "hui") {
    // black tile coping and stepped "horse-head" gables
    ctx.fillStyle = css(shade(rc, 0.8));
    ctx.fillRect(o.x - o.w * 0.02, top - o.h * 0.05, o.w * 1.04, o.h * 0.07);
    const step = o.h * 0.18;
    for (const ex of [o.x, o.x + o.w]) {
      for (let i = 0; i < 2; i++) {
        const hw = o.w * 0.08;
        const yy = top - step * (i + 1);
        const xx = ex === o.x ? ex + hw * i * 0.9 : ex - hw * (i + 1) * 0.9;
        ctx.fillStyle = css(fogged(s, wall, fog));
        ctx.fillRect(xx, yy, hw, step + 1);
        ctx.fillStyle = css(shade(rc, 0.75));
        ctx.fillRect(xx - hw * 0.1, yy - o.h * 0.04, hw * 1.2, o.h * 0.05);
      }
    }
  } else {
    ctx.fillStyle = css(fogged(s, shade(wall, 0.9), fog));
    ctx.fillRect(o.x - o.w * 0.01, top - o.h * 0.06, o.w * 1.02, o.h * 0.06);
  }
}
/** Signboard or banner text: glyph-like strokes, legible as "Chinese characters" at a glance. */
export function glyphs(s: Stage, x: number, y: number, size: number, count: number, color: string, vertical = false): void {
  const { ctx, rng } = s;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  // the minimum width is in screen pixels, whatever transform is in force (see onPlane)
  const m = ctx.getTransform();
  const pxPerUnit = Math.max(1e-6, Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)));
  ctx.lineWidth = Math.max(0.6 / pxPerUnit, size * 0.085);
  ctx.lineCap = "square";
  for (let i = 0; i < count; i++) {
    const gx = vertical ? x : x + i * size * 1.15;
    const gy = vertical ? y + i * size * 1.15 : y;
    const strokes = rng.int(4, 8);
    ctx.beginPath();
    for (let k = 0; k < strokes; k++) {
      const kind = rng.next();
      const a = rng.range(0.08, 0.5) * size;
      const b = rng.range(0.5, 0.92) * size;
      const at = rng.range(0.1, 0.9) * size;
      if (kind < 0.45) {
        ctx.moveTo(gx + a, gy + at);
        ctx.lineTo(gx + b, gy + at);
      } else if (kind < 0.85) {
        ctx.moveTo(gx + at, gy + a);
        ctx.lineTo(gx + at, gy + b);
      } else {
        ctx.moveTo(gx + a, gy + a);
        ctx.lineTo(gx + b * 0.8, gy + b);
      }
    }
    ctx.stroke();
  }
  ctx.restore();
}

/** A car seen from the side or from behind, wheels on row y. */
export function car(s: Stage, x: number, y: number, w: number, o: { color: RGB; view: "side" | "rear" | "front"; fog?: number; lights?: boolean; dir?: 1 | -1 }): void {
  const ctx = s.ctx;
  const fog = o.fog ?? 0;
  const col = fogged(s, o.color, fog);
  const glassC = fogged(s, hex("#28313c"), fog);
  const L = s.light;
  groundShadow(s, x, y, w * 0.58, w * 0.06, 0.5 * (1 - fog));
  if (o.view === "side") {
    const hgt = w * 0.3;
    const d = o.dir ?? 1;
    const body = vGradient(ctx, y - hgt, y, [[0, css(mix(col, WHITE, 0.25))], [0.5, css(col)], [1, css(shade(col, 0.6))]]);
    ctx.beginPath();
    ctx.moveTo(x - w / 2, y - w * 0.06);
    ctx.lineTo(x - w / 2, y - hgt * 0.55);
    ctx.lineTo(x - w * 0.28 * d, y - hgt * 0.58);
    ctx.lineTo(x - w * 0.14 * d, y - hgt);
    ctx.lineTo(x + w * 0.2 * d, y - hgt);
    ctx.lineTo(x + w * 0.34 * d, y - hgt * 0.6);
    ctx.lineTo(x + w / 2, y - hgt * 0.5);
    ctx.lineTo(x + w / 2, y - w * 0.06);
    ctx.closePath();
    ctx.fillStyle = body;
    ctx.fill();
    fillPoly(ctx, [[x - w * 0.25 * d, y - hgt * 0.6], [x - w * 0.13 * d, y - hgt * 0.93], [x + w * 0.18 * d, y - hgt * 0.93], [x + w * 0.3 * d, y - hgt * 0.6]], css(glassC));
    for (const wx of [x - w * 0.3, x + w * 0.3]) {
      ellipse(ctx, wx, y - w * 0.07, w * 0.085, w * 0.085, css(fogged(s, hex("#151515"), fog)));
      ellipse(ctx, wx, y - w * 0.07, w * 0.04, w * 0.04, css(fogged(s, hex("#9a9a9a"), fog)));
    }
    return;
  }
  const hgt = w * 0.62;
  const g = ctx.createLinearGradient(x - w / 2, 0, x + w / 2, 0);
  g.addColorStop(L < 0 ? 0 : 1, css(litSide(s, col, 0.15)));
  g.addColorStop(L < 0 ? 1 : 0, css(shade(col, 0.65)));
  ctx.fillStyle = css(fogged(s, hex("#141414"), fog));
  ctx.fillRect(x - w * 0.45, y - w * 0.12, w * 0.14, w * 0.12);
  ctx.fillRect(x + w * 0.31, y - w * 0.12, w * 0.14, w * 0.12);
  fillPoly(ctx, [[x - w / 2, y - w * 0.08], [x - w / 2, y - hgt * 0.55], [x - w * 0.36, y - hgt], [x + w * 0.36, y - hgt], [x + w / 2, y - hgt * 0.55], [x + w / 2, y - w * 0.08]], g);
  fillPoly(ctx, [[x - w * 0.42, y - hgt * 0.58], [x - w * 0.32, y - hgt * 0.93], [x + w * 0.32, y - hgt * 0.93], [x + w * 0.42, y - hgt * 0.58]], css(glassC));
  const lampC = o.view === "rear" ? hex("#d0281e") : hex("#f4f0e0");
  for (const sgn of [-1, 1]) {
    fillPoly(ctx, [[x + sgn * w * 0.47, y - hgt * 0.5], [x + sgn * w * 0.3, y - hgt * 0.48], [x + sgn * w * 0.3, y - hgt * 0.38], [x + sgn * w * 0.47, y - hgt * 0.4]], css(fogged(s, lampC, fog * 0.5)));
    if (o.lights) glow(s, x + sgn * w * 0.38, y - hgt * 0.44, w * 0.5, lampC, 0.7);
  }
  ctx.fillStyle = css(fogged(s, hex("#e8e8e0"), fog));
  ctx.fillRect(x - w * 0.1, y - hgt * 0.3, w * 0.2, w * 0.07);
}

/** A street lamp on a pole; returns the lamp head position. */
export function lampPost(s: Stage, x: number, y: number, h: number, o: { color?: RGB; fog?: number; on?: boolean; arm?: number } = {}): [number, number] {
  const ctx = s.ctx;
  const col = fogged(s, o.color ?? hex("#3b3f44"), o.fog ?? 0);
  const wdt = Math.max(1, h * 0.022);
  ctx.fillStyle = css(col);
  ctx.fillRect(x - wdt / 2, y - h, wdt, h);
  const arm = (o.arm ?? 0.18) * h;
  ctx.strokeStyle = css(col);
  ctx.lineWidth = wdt * 0.7;
  ctx.beginPath();
  ctx.moveTo(x, y - h);
  ctx.quadraticCurveTo(x, y - h * 1.04, x + arm, y - h * 1.03);
  ctx.stroke();
  const head: [number, number] = [x + arm, y - h * 1.02];
  ellipse(ctx, head[0], head[1], h * 0.045, h * 0.015, css(col));
  if (o.on) glow(s, head[0], head[1] + h * 0.015, h * 0.5, hex("#ffc978"), 0.9);
  return head;
}

// ---------------------------------------------------------------- finishing

export interface Finish {
  /** Grain amplitude (0..1 of full scale, ~0.04 is filmic). */
  grain?: number;
  vignette?: number;
  /** S-curve strength 0..1. */
  contrast?: number;
  saturation?: number;
  /** Blur radius in px before grain, taking the edge off vector shapes. */
  soften?: number;
  /** Glow of the highlights 0..1. */
  bloom?: number;
  /** Colour cast and its strength. */
  tint?: RGB;
  tintAmount?: number;
  /** Exposure multiplier. */
  exposure?: number;
}

/** Camera-like finishing: lens softness, bloom, tone curve, vignette, grain. */
export function finish(s: Stage, o: Finish = {}): void {
  const { ctx, w, h } = s;
  if (o.bloom) {
    const src = snapshot(s);
    ctx.save();
    ctx.globalCompositeOperation = "screen";
    ctx.globalAlpha = o.bloom;
    ctx.filter = `brightness(0.9) contrast(2.2) blur(${Math.round(w * 0.012)}px)`;
    ctx.drawImage(src, 0, 0);
    ctx.restore();
  }
  const soften = o.soften ?? 0.6;
  if (soften > 0) {
    const src = snapshot(s);
    ctx.save();
    ctx.filter = `blur(${soften}px)`;
    ctx.drawImage(src, 0, 0);
    ctx.restore();
  }
  const img = ctx.getImageData(0, 0, w, h);
  const px = img.data;
  const contrast = o.contrast ?? 0.25;
  const exposure = o.exposure ?? 1;
  const lut = new Float32Array(256);
  for (let i = 0; i < 256; i++) {
    const x = clamp((i / 255) * exposure);
    const sm = x * x * (3 - 2 * x);
    // keep a printable range: no paper-white highlights, no solid blacks
    lut[i] = (0.025 + 0.955 * lerp(x, sm, contrast)) * 255;
  }
  const sat = o.saturation ?? 1;
  const tint = o.tint ?? WHITE;
  const ta = o.tintAmount ?? 0;
  const tr = lerp(1, tint[0] / 255 / 0.9, ta);
  const tg = lerp(1, tint[1] / 255 / 0.9, ta);
  const tb = lerp(1, tint[2] / 255 / 0.9, ta);
  const vig = o.vignette ?? 0.25;
  const grain = (o.grain ?? 0.035) * 255;
  let seed = s.rng.int(1, 0x7fffffff);
  const cx = w / 2;
  const cy = h / 2;
  const rr = 1 / (cx * cx + cy * cy);
  for (let y = 0; y < h; y++) {
    const dy = (y - cy) * (y - cy);
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      let r = lut[px[i]!]! * tr;
      let g = lut[px[i + 1]!]! * tg;
      let b = lut[px[i + 2]!]! * tb;
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      r = l + (r - l) * sat;
      g = l + (g - l) * sat;
      b = l + (b - l) * sat;
      const d2 = ((x - cx) * (x - cx) + dy) * rr;
      const v = 1 - vig * d2 * d2 * 0.9 - vig * d2 * 0.35;
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const mid = 1 - Math.abs(l / 255 - 0.5) * 1.2;
      const n = ((seed >>> 0) / 4294967296 - 0.5) * grain * mid;
      px[i] = r * v + n;
      px[i + 1] = g * v + n;
      px[i + 2] = b * v + n;
    }
  }
  ctx.putImageData(img, 0, 0);
}

// ---------------------------------------------------------------- boats

/** A boat seen broadside, waterline on row y, `len` px long, bow towards `dir`. */
export function boat(s: Stage, x: number, y: number, len: number, o: { kind: "fishing" | "wupeng"; hull: RGB; trim?: RGB; dir?: 1 | -1; fog?: number }): void {
  const { ctx, rng } = s;
  const d = o.dir ?? 1;
  const fog = o.fog ?? 0;
  const c = (col: RGB, a = 1) => css(fogged(s, col, fog), a);
  const sx = x - (d * len) / 2;
  const bx = x + (d * len) / 2;
  const hull = o.hull;
  const hh = len * (o.kind === "fishing" ? 0.13 : 0.07);
  const sheer = (t: number) => y - hh * (1 + (o.kind === "fishing" ? 0.6 : 0.5) * t * t);
  const hullPath = () => {
    ctx.beginPath();
    ctx.moveTo(sx, sheer(0));
    for (let i = 1; i <= 10; i++) ctx.lineTo(lerp(sx, bx, i / 10), sheer(i / 10));
    ctx.quadraticCurveTo(bx - d * len * 0.02, y - hh * 0.3, bx - d * len * 0.1, y + hh * 0.15);
    ctx.lineTo(sx + d * len * 0.03, y + hh * 0.15);
    ctx.closePath();
  };
  if (o.kind === "fishing") {
    // wheelhouse and mast behind the bulwark line
    const wx = x - d * len * 0.18;
    const ww = len * 0.24;
    const wh = len * 0.15;
    const deck = sheer(0.35);
    const cab = o.trim ?? hex("#eef0ee");
    const g = ctx.createLinearGradient(wx - ww / 2, 0, wx + ww / 2, 0);
    g.addColorStop(s.light < 0 ? 0 : 1, c(litSide(s, cab, 0.15)));
    g.addColorStop(s.light < 0 ? 1 : 0, c(shade(cab, 0.72)));
    ctx.fillStyle = g;
    ctx.fillRect(wx - ww / 2, deck - wh, ww, wh + 2);
    ctx.fillStyle = c(hex("#2b3640"));
    ctx.fillRect(wx - ww * 0.42, deck - wh * 0.78, ww * 0.84, wh * 0.3);
    ctx.fillStyle = c(shade(cab, 0.6));
    ctx.fillRect(wx - ww * 0.55, deck - wh * 1.06, ww * 1.1, wh * 0.1);
    const mx = x + d * len * 0.12;
    ctx.strokeStyle = c(hex("#3a3a3a"));
    ctx.lineWidth = Math.max(0.8, len * 0.012);
    ctx.beginPath();
    ctx.moveTo(mx, deck);
    ctx.lineTo(mx, deck - len * 0.42);
    ctx.moveTo(wx, deck - wh);
    ctx.lineTo(wx, deck - wh - len * 0.22);
    ctx.stroke();
    ctx.lineWidth = Math.max(0.5, len * 0.004);
    ctx.beginPath();
    ctx.moveTo(mx, deck - len * 0.42);
    ctx.lineTo(bx, sheer(1));
    ctx.moveTo(mx, deck - len * 0.42);
    ctx.lineTo(sx, sheer(0));
    ctx.moveTo(mx, deck - len * 0.3);
    ctx.lineTo(mx + d * len * 0.25, deck - len * 0.05);
    ctx.stroke();
    fillPoly(ctx, [[mx, deck - len * 0.42], [mx + d * len * 0.09, deck - len * 0.4], [mx, deck - len * 0.37]], c(hex("#d42a1f")));
    // nets and floats heaped on deck
    ellipse(ctx, x + d * len * 0.25, deck - len * 0.02, len * 0.08, len * 0.03, c(hex("#5a6e4a")));
  } else {
    // the black woven canopy of a Jiangnan wupeng boat
    for (let i = 0; i < 3; i++) {
      const cx = x - d * len * 0.1 + d * i * len * 0.13;
      const g = ctx.createLinearGradient(0, y - hh - len * 0.13, 0, y - hh);
      g.addColorStop(0, c(hex("#3a3936")));
      g.addColorStop(1, c(hex("#121212")));
      ctx.beginPath();
      ctx.ellipse(cx, y - hh * 1.1, len * 0.075, len * (0.1 - i * 0.008), 0, Math.PI, 0);
      ctx.fillStyle = g;
      ctx.fill();
    }
  }
  const hg = ctx.createLinearGradient(0, sheer(1), 0, y + hh * 0.15);
  hg.addColorStop(0, c(mix(hull, WHITE, 0.15)));
  hg.addColorStop(0.6, c(hull));
  hg.addColorStop(1, c(shade(hull, 0.55)));
  hullPath();
  ctx.fillStyle = hg;
  ctx.fill();
  ctx.save();
  hullPath();
  ctx.clip();
  if (o.kind === "fishing") {
    ctx.strokeStyle = c(o.trim ?? hex("#f0f0ea"));
    ctx.lineWidth = hh * 0.2;
    ctx.beginPath();
    for (let i = 0; i <= 10; i++) ctx.lineTo(lerp(sx, bx, i / 10), sheer(i / 10) + hh * 0.1);
    ctx.stroke();
    ctx.fillStyle = c(hex("#7a2a22"));
    ctx.fillRect(Math.min(sx, bx), y - hh * 0.12, len, hh * 0.4);
    for (let i = 0; i < 3; i++) ellipse(ctx, x + d * len * (i * 0.2 - 0.25), y - hh * 0.5, hh * 0.18, hh * 0.18, c(hex("#1c1c1c")));
    if (len > 40) {
      const gs = hh * 0.28;
      const gx = d > 0 ? bx - len * 0.26 : bx + len * 0.06;
      glyphs(s, gx, sheer(0.85) + hh * 0.35, gs, 5, c(hex("#f4f4ee"), 0.9));
    }
  }
  // rust streaks and wear
  for (let i = 0; i < 10; i++) {
    ctx.fillStyle = c(shade(hull, 0.6), 0.25);
    ctx.fillRect(rng.range(Math.min(sx, bx), Math.max(sx, bx)), sheer(0.5), Math.max(0.6, len * 0.004), hh * rng.range(0.3, 1));
  }
  ctx.restore();
}

/**
 * Draws onto a flat world rectangle (signs, banners, posters): `draw` gets a
 * local frame `W` x `H` units with (0,0) at the quad's first corner, mapped
 * affinely onto the projected quad [topLeft, topRight, bottomRight, bottomLeft].
 */
export function onPlane(s: Stage, cam: Cam, quad: readonly [P3, P3, P3, P3], W: number, H: number, draw: () => void): void {
  if (!cam.bounds(quad)) return;
  const [p0, p1, , p3] = quad.map((q) => cam.p(q[0], q[1], q[2]));
  const ctx = s.ctx;
  ctx.save();
  ctx.transform((p1![0] - p0![0]) / W, (p1![1] - p0![1]) / W, (p3![0] - p0![0]) / H, (p3![1] - p0![1]) / H, p0![0], p0![1]);
  ctx.beginPath();
  ctx.rect(0, 0, W, H);
  ctx.clip();
  draw();
  ctx.restore();
}
