// Browser side of make-photos.ts: bundled by esbuild into one script and
// injected into a blank page. Exposes `photoDemo.render()` / `photoDemo.encode()`.
import { Rng, context, finish, hex, makeCanvas, type Stage } from "./draw.js";
import { SCENES } from "./scenes.js";

export interface PhotoApi {
  /** Paints scene `scene` seeded by `seed` onto a fresh w x h canvas; `hint` is the description. Returns milliseconds spent. */
  render(scene: string, seed: string, w: number, h: number, hint?: string): number;
  /** The last rendered picture as a JPEG data URL. */
  encode(quality: number): string;
}

let current: HTMLCanvasElement | null = null;

const api: PhotoApi = {
  render(scene, seed, w, h, hint = "") {
    const started = performance.now();
    const paint = SCENES[scene];
    if (!paint) throw new Error(`unknown scene "${scene}"`);
    const canvas = makeCanvas(w, h);
    const rng = Rng.of(seed);
    const stage: Stage = {
      ctx: context(canvas),
      w,
      h,
      rng,
      haze: hex("#c9d3dc"),
      light: rng.chance(0.5) ? 1 : -1,
      sun: hex("#fff0d4"),
      hint,
    };
    const look = paint(stage) ?? {};
    finish(stage, look);
    current = canvas;
    return performance.now() - started;
  },
  encode(quality) {
    if (!current) throw new Error("nothing rendered yet");
    return current.toDataURL("image/jpeg", quality);
  },
};

(globalThis as unknown as { photoDemo: PhotoApi }).photoDemo = api;
