// The demo photo scenes: one function per scene type, each painting a whole
// picture on the stage from its seeded random stream. Shared drawing (sky,
// haze, people, trees, buildings, water, finishing) lives in ./draw.ts.
import {
  Cam, Painter, WHITE, blocks, bokeh, boat, box3, car, clamp, css, darkSide, ellipse, fade, figureAt, fillPoly, fogFor, fogged,
  foliage, glow, glyphs, grid3, groundCover, groundShadow, hazeBand, hex, hinted, house, lampPost, layer, lerp, litSide,
  mirrorAbout, mix, mottle, noise1, onPlane, outdoors, paving, person, quad3, randomLook, rays, reflect, ridge, rippleMarks,
  shade, sky, speckle, tower, tree, treeLine, vGradient, vary, waterReflection,
  type Finish, type Look, type Mood, type P3, type RGB, type Stage, type TowerOpts,
} from "./draw.js";

export type Scene = (s: Stage) => Finish | void;

const portrait = (s: Stage) => s.h > s.w * 1.05;

// ---------------------------------------------------------------- city-skyline

/** Towers across a river, layered into the haze, mirrored in the water. */
function citySkyline(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "golden"]);
  const water = h * (portrait(s) ? 0.66 : 0.64);
  outdoors(s, water, mood, { clouds: 0.45 });
  const centre = rng.range(0.35, 0.65) * w;
  const palette = ["#6f8fa8", "#58768d", "#8aa3b3", "#c9c4b8", "#b8b2a8", "#d8d2c4", "#3e4f5e", "#9aa7ae", "#c2ab90"].map(hex);
  const styles: TowerOpts["style"][] = ["glass", "glass", "grid", "bands", "flats"];
  const tops: NonNullable<TowerOpts["top"]>[] = ["flat", "flat", "spire", "step", "crown"];
  const base = water - h * 0.02;
  const layers = [
    { fog: 0.78, hi: 0.2, lo: 0.04, wd: [0.016, 0.035], gap: [0.5, 1] },
    { fog: 0.58, hi: 0.3, lo: 0.05, wd: [0.02, 0.045], gap: [0.55, 1.1] },
    { fog: 0.38, hi: 0.42, lo: 0.06, wd: [0.028, 0.06], gap: [0.7, 1.4] },
    { fog: 0.16, hi: 0.5, lo: 0.05, wd: [0.04, 0.085], gap: [1, 2.2] },
  ];
  layers.forEach((L, li) => {
    let x = -w * 0.05 + rng.range(0, w * 0.05);
    while (x < w * 1.02) {
      const bw = rng.range(L.wd[0]!, L.wd[1]!) * w;
      const bump = 0.3 + 0.95 * Math.exp(-(((x - centre) / (w * 0.24)) ** 2));
      const landmark = li === 2 && Math.abs(x - centre) < w * 0.1 && rng.chance(0.3);
      const bh = rng.range(L.lo, L.hi) * h * bump * (landmark ? 1.6 : 1);
      tower(s, {
        x, base: base + li * h * 0.003, w: bw, h: bh, side: bw * rng.range(0.12, 0.3),
        color: vary(rng, rng.pick(palette), 0.05), fog: L.fog, style: rng.pick(styles), top: landmark ? "spire" : rng.pick(tops),
      });
      x += bw * rng.range(L.gap[0]!, L.gap[1]!);
    }
    hazeBand(s, base - h * 0.02, h * 0.08, s.haze, 0.3);
  });
  // the embankment with a line of trees
  const bank = fogged(s, hex("#3e463c"), 0.15);
  ctx.fillStyle = css(bank);
  ctx.fillRect(0, base, w, water - base + 1);
  ctx.fillStyle = css(fogged(s, hex("#8d8a80"), 0.2));
  ctx.fillRect(0, water - h * 0.006, w, h * 0.006);
  treeLine(s, { x0: -10, x1: w + 10, y: water - h * 0.006, height: h * 0.035, fog: 0.2 });
  reflect(s, { y: water, tint: hex("#34495a"), tintAlpha: 0.45, wobble: w * 0.0025, blur: 2 });
  // a tour boat crossing
  if (rng.chance(0.7)) {
    const bx = rng.range(0.15, 0.85) * w;
    const by = water + h * rng.range(0.06, 0.14);
    boat(s, bx, by, w * 0.08, { kind: "fishing", hull: hex("#e8e6e0"), trim: hex("#f5f5f0"), dir: rng.chance(0.5) ? 1 : -1, fog: 0.15 });
    fade(s, by, by + h * 0.004, WHITE, 0.25, 0.25);
  }
  return { contrast: 0.3, vignette: 0.3 };
}

// ---------------------------------------------------------------- village-fields

const CROPS = ["#6f9a3a", "#8fb04a", "#3f6a2e", "#b39a5e", "#8a6e4f", "#7d9a4f", "#a7a052", "#5d8a35", "#9b8a55"].map(hex);

/** A patchwork of fields running to a village under the hills. */
function villageFields(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "golden", "hazy"]);
  const horizon = h * (portrait(s) ? 0.44 : 0.4);
  outdoors(s, horizon, mood, { clouds: 0.6 });
  ridge(s, { base: horizon + 2, amp: h * 0.09, color: hex("#5a7388"), fog: 0.62, freq: 2.5, seed: "far" });
  ridge(s, { base: horizon + 2, amp: h * 0.04, color: hex("#4f6a48"), fog: 0.42, freq: 4, trees: hex("#2e4a2a"), seed: "near" });
  hazeBand(s, horizon, h * 0.04, s.haze, 0.5);
  const cam = new Cam(w * 0.5, horizon, w * 0.85, 2.6, rng.range(-0.2, 0.2));
  const fog = fogFor(1600, 0.8);
  const painter = new Painter();
  const xs: number[] = [];
  for (let x = -4000; x < 4000; x += rng.range(18, 55)) xs.push(x);
  const zs: number[] = [];
  for (let z = 2.5; z < 3000; z += Math.max(10, z * rng.range(0.15, 0.4))) zs.push(z);
  const road = rng.range(-14, 6);
  for (let j = 0; j + 1 < zs.length; j++) {
    const z0 = zs[j]!;
    const z1 = zs[j + 1]!;
    const band = xs.map(() => vary(rng, rng.pick(CROPS), 0.06));
    const rowsAlongZ = band.map(() => rng.chance(0.6));
    painter.add((z0 + z1) / 2, () => {
      for (let i = 0; i + 1 < xs.length; i++) {
        const x0 = xs[i]!;
        const x1 = xs[i + 1]!;
        const pts: P3[] = [[x0, 0, z0], [x1, 0, z0], [x1, 0, z1], [x0, 0, z1]];
        const b = cam.bounds(pts);
        if (b && (b[2] < -10 || b[0] > w + 10)) continue;
        const crop = band[i]!;
        const d = cam.depth((x0 + x1) / 2, (z0 + z1) / 2);
        const near = fogged(s, crop, fog(d));
        const g = ctx.createLinearGradient(0, b ? b[1] : horizon, 0, b ? b[3] : h);
        g.addColorStop(0, css(fogged(s, mix(crop, s.sun, 0.12), fog(d) + 0.05)));
        g.addColorStop(1, css(near));
        cam.fill(ctx, pts, g);
        // furrows and crop rows
        if (d < 500) {
          const lw = clamp(cam.scale(d) * 0.12, 0.5, 3);
          const rowCol = css(fogged(s, shade(crop, 0.72), fog(d)), 0.45);
          const lit = css(fogged(s, mix(crop, s.sun, 0.3), fog(d)), 0.25);
          if (rowsAlongZ[i]) {
            for (let x = x0 + 0.6; x < x1 - 0.3; x += 1.1) {
              cam.line(ctx, [x, 0, z0], [x, 0, z1], rowCol, lw);
              if (d < 120) cam.line(ctx, [x + 0.35, 0, z0], [x + 0.35, 0, z1], lit, lw * 0.6);
            }
          } else {
            for (let z = z0 + 0.6; z < z1 - 0.3; z += 1.1) cam.line(ctx, [x0, 0, z], [x1, 0, z], rowCol, clamp(cam.scale(cam.depth(x0, z)) * 0.12, 0.5, 3));
          }
        }
        if (d < 90 && b && b[2] > 0 && b[0] < w && b[3] > horizon) {
          const bb = b;
          ctx.save();
          cam.path(ctx, pts);
          ctx.clip();
          groundCover(s, cam, { y0: Math.max(0, bb[1]), y1: Math.min(h, bb[3]) + 2, x0: Math.max(0, bb[0]), x1: Math.min(w, bb[2]), colors: [shade(crop, 0.65), mix(crop, s.sun, 0.3), crop], size: 0.12, kind: crop[1] > crop[0] * 1.15 ? "blade" : "dot", density: 0.8 });
          ctx.restore();
        }
      }
      // earth banks between the fields
      const bankCol = css(fogged(s, hex("#a99f7c"), fog(z0)));
      for (const x of xs) {
        if (cam.scale(z0) * 0.5 < 0.4) break;
        cam.fill(ctx, [[x - 0.25, 0.05, z0], [x + 0.25, 0.05, z0], [x + 0.25, 0.05, z1], [x - 0.25, 0.05, z1]], bankCol);
      }
      cam.fill(ctx, [[-4000, 0.05, z0], [4000, 0.05, z0], [4000, 0.05, z0 + 0.5], [-4000, 0.05, z0 + 0.5]], bankCol);
      // the dirt road
      cam.fill(ctx, [[road, 0.06, z0], [road + 4, 0.06, z0], [road + 4, 0.06, z1], [road, 0.06, z1]], css(fogged(s, hex("#b9a98c"), fog(z0))));
      for (const tx of [road + 1, road + 3]) cam.line(ctx, [tx, 0.07, z0], [tx, 0.07, z1], css(fogged(s, hex("#8f7f66"), fog(z0)), 0.5), clamp(cam.scale(z0) * 0.25, 0.4, 6));
    });
  }
  // a village of low white houses among trees
  const vz = rng.range(280, 520);
  const vx = road + rng.range(-120, 120) + vz * Math.tan(cam.yaw);
  for (let i = 0; i < 34; i++) {
    const X = vx + rng.gauss() * 90;
    const Z = vz + rng.gauss() * 50;
    const d = cam.depth(X, Z);
    const style = rng.chance(0.55) ? "flat" : "tile";
    painter.add(d, () => {
      const [x, y] = cam.p(X, 0, Z);
      const k = cam.scale(d);
      house(s, { x, base: y, w: k * rng.range(9, 15), h: k * (style === "flat" ? rng.range(6.5, 9.5) : 4), style, fog: fog(d) + 0.05, roof: style === "tile" ? hex("#4a4c50") : undefined });
    });
  }
  for (let i = 0; i < 60; i++) {
    const X = vx + rng.gauss() * 130;
    const Z = vz + rng.gauss() * 70;
    const d = cam.depth(X, Z);
    painter.add(d, () => {
      const [x, y] = cam.p(X, 0, Z);
      tree(s, x, y, cam.scale(d) * rng.range(7, 14), { kind: rng.chance(0.4) ? "poplar" : "broad", fog: fog(d), shadow: false });
    });
  }
  // a row of poplars along a field edge
  const rowZ = rng.pick(zs.filter((z) => z > 60 && z < 220));
  if (rowZ) {
    for (let X = road - 160; X < road + 260; X += rng.range(5, 8)) {
      const d = cam.depth(X, rowZ);
      painter.add(d, () => {
        const [x, y] = cam.p(X, 0, rowZ);
        tree(s, x, y, cam.scale(d) * rng.range(11, 15), { kind: "poplar", fog: fog(d), leaf: hex("#5b7a35") });
      });
    }
  }
  // power poles along the road, wires added at the end
  const poleTops: [number, number][] = [];
  for (let Z = 40; Z < 1500; Z += 55) {
    const X = road - 1.5;
    const d = cam.depth(X, Z);
    if (d < 2) continue;
    const [x, y] = cam.p(X, 0, Z);
    const top = cam.p(X, 10, Z);
    poleTops.push(top);
    painter.add(d, () => {
      ctx.fillStyle = css(fogged(s, hex("#6f6a62"), fog(d)));
      const pw = Math.max(1, cam.scale(d) * 0.25);
      ctx.fillRect(x - pw / 2, top[1], pw, y - top[1]);
      ctx.fillRect(x - pw * 4, top[1] + pw * 1.5, pw * 8, Math.max(1, pw * 0.6));
    });
  }
  // a farmer or two on the road
  for (let i = 0; i < rng.int(1, 2); i++) {
    const Z = rng.range(22, 60);
    const X = road + rng.range(0.8, 3.2);
    painter.add(cam.depth(X, Z), () =>
      figureAt(s, cam, X, Z, 1.65, { ...randomLook(rng), hat: rng.chance(0.6) ? "straw" : undefined }, { pose: "walk", facing: rng.chance(0.5) ? "back" : "front", fog: fog(Z) }),
    );
  }
  painter.paint();
  ctx.strokeStyle = css([40, 40, 40], 0.55);
  ctx.lineWidth = 1;
  for (let i = 0; i + 1 < poleTops.length; i++) {
    const [a, b] = [poleTops[i]!, poleTops[i + 1]!];
    for (const off of [-1, 1]) {
      const span = Math.abs(b[0] - a[0]);
      ctx.beginPath();
      ctx.moveTo(a[0] + off * span * 0.02, a[1] + 2);
      ctx.quadraticCurveTo((a[0] + b[0]) / 2, Math.max(a[1], b[1]) + (a[1] - b[1]) * 0.3 + 4, b[0], b[1] + 2);
      ctx.stroke();
    }
  }
  return { contrast: 0.25, saturation: 1.05 };
}

// ---------------------------------------------------------------- mountain-village

/** Rice terraces across a slope from row y0 down past y1: contour bands, each with a lit lip and a shadowed wall. */
function terraces(s: Stage, y0: number, y1: number, band: number): void {
  const { ctx, w, h, rng } = s;
  const n = noise1(rng.fork("terraces"), 4);
  const tilt = rng.range(-0.06, 0.06);
  const edges: ((x: number) => number)[] = [];
  let y = y0;
  for (let k = 0; y < y1; k++) {
    const y0 = y;
    const amp = band * 2 * (1 + k * 0.1);
    edges.push((x) => y0 + n(x / w * 2.2 + k * 0.13) * amp + (x / w - 0.5) * h * tilt);
    y += band * (1 + k * 0.28);
  }
  const paddy = ["#6d8442", "#7f9150", "#a89a62", "#75894a", "#b09a62", "#8a9a5a", "#98a6a8"].map(hex);
  for (let k = 0; k + 1 < edges.length; k++) {
    const top = edges[k]!;
    const bottom = edges[k + 1]!;
    const col = vary(rng, rng.pick(paddy), 0.05);
    ctx.beginPath();
    for (let x = 0; x <= w; x += 6) ctx.lineTo(x, top(x));
    for (let x = w; x >= 0; x -= 6) ctx.lineTo(x, bottom(x));
    ctx.closePath();
    ctx.fillStyle = vGradient(ctx, top(w / 2), bottom(w / 2), [[0, css(mix(col, s.haze, 0.15))], [1, css(shade(col, 0.85))]]);
    ctx.fill();
    const band = new Path2D();
    for (let x = 0; x <= w; x += 6) band.lineTo(x, top(x));
    for (let x = w; x >= 0; x -= 6) band.lineTo(x, bottom(x));
    const bh = bottom(w / 2) - top(w / 2);
    speckle(s, { x0: 0, y0: top(w / 2) - h * 0.03, x1: w, y1: bottom(w / 2) + h * 0.03, count: w * 1.5, colors: [shade(col, 0.75), mix(col, s.sun, 0.3)], size: [Math.max(1, bh * 0.08), Math.max(1.5, bh * 0.14)], clip: band, alpha: 0.7 });
    ctx.lineWidth = Math.max(1, (bottom(w / 2) - top(w / 2)) * 0.12);
    ctx.strokeStyle = css(shade(col, 0.55), 0.8);
    ctx.beginPath();
    for (let x = 0; x <= w; x += 6) ctx.lineTo(x, bottom(x) - ctx.lineWidth);
    ctx.stroke();
    ctx.strokeStyle = css(mix(col, s.sun, 0.5), 0.6);
    ctx.lineWidth *= 0.5;
    ctx.beginPath();
    for (let x = 0; x <= w; x += 6) ctx.lineTo(x, top(x) + 1);
    ctx.stroke();
  }
}

/** A mountain village: a lane by a farmhouse when the description puts people in the village, otherwise the panorama. */
function mountainVillage(s: Stage): Finish {
  return hinted(s, "院前", "农家", "交谈", "小路", "推着", "电动车", "lane", "path", "farmhouse") ? mountainLane(s) : mountainPanorama(s);
}

/** A village lane: a farmhouse with a tiled gable roof, terraces across the valley, misty ranges, villagers on the path. */
function mountainLane(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["hazy", "clear", "overcast"]);
  const horizon = h * (portrait(s) ? 0.5 : 0.46);
  outdoors(s, horizon - h * 0.12, mood, { clouds: 0.3 });
  for (let i = 0; i < 4; i++) {
    const k = i / 3;
    ridge(s, { base: horizon - h * lerp(0.12, 0.0, k), amp: h * lerp(0.16, 0.1, k), color: mix(hex("#6f8499"), hex("#3d5536"), k), fog: lerp(0.72, 0.3, k), freq: lerp(1.6, 2.2, k), sharp: lerp(0.8, 0.4, k), trees: k > 0.2 ? hex("#2b3f30") : undefined, seed: `lane${i}`, mist: 0.4 });
    hazeBand(s, horizon - h * lerp(0.1, 0.0, k), h * 0.06, s.haze, 0.45);
  }
  terraces(s, horizon - h * 0.01, horizon + h * 0.09, h * 0.006);
  const cam = new Cam(w * 0.5, horizon, w * (portrait(s) ? 0.85 : 0.62), 1.6, rng.range(-0.1, 0.1));
  const fog = fogFor(400, 0.6);
  const grass = hex("#6a7a44");
  cam.fill(ctx, [[-300, 0, 0.5], [300, 0, 0.5], [300, 0, 40], [-300, 0, 40]], vGradient(ctx, horizon, h, [[0, css(fogged(s, grass, 0.3))], [1, css(grass)]]));
  groundCover(s, cam, { y0: cam.p(0, 0, 40)[1], y1: h, colors: [hex("#6f8a3a"), hex("#8a8a4a"), hex("#4f6a2a"), hex("#a89a6a")], size: 0.1, kind: "blade", density: 1.1, fog });
  // a concrete lane winding up to the houses
  const laneX = (z: number) => Math.sin(z * 0.09) * 1.6;
  const lane: P3[] = [];
  for (let z = 0.6; z < 40; z += 0.5) lane.push([laneX(z) - 1.3, 0.01, z]);
  for (let z = 40; z >= 0.6; z -= 0.5) lane.push([laneX(z) + 1.3, 0.01, z]);
  cam.fill(ctx, lane, vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#b4ada0"), 0.3))], [1, css(hex("#a9a294"))]]));
  ctx.save();
  cam.path(ctx, lane);
  ctx.clip();
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#7a7468"), hex("#c8c1b2")], size: 0.5, count: 120, alpha: 0.25 });
  for (let z = 2; z < 40; z += 3) cam.line(ctx, [laneX(z) - 1.3, 0.02, z], [laneX(z) + 1.3, 0.02, z], css(hex("#6a6458"), 0.4), clamp(cam.scale(z) * 0.015, 0.5, 2));
  ctx.restore();
  const painter = new Painter();
  // the farmhouse beside the lane: walls, door with couplets, windows, a tiled gable roof
  const side = rng.chance(0.5) ? 1 : -1;
  const farmhouse = (xa: number, z0: number, wall: RGB) => {
    const xb = xa + 9;
    const f = fog(z0);
    box3(s, cam, xa, xb, 0, 5.6, z0, z0 + 7, { front: wall, side: shade(wall, 0.85), fog: f });
    cam.fill(ctx, quad3([xa, 0, z0 - 0.01], [1, 0, 0], [0, 1, 0], 0, 9, 0, 0.5), css(fogged(s, hex("#7a7a74"), f)));
    const door = xa + 3.7;
    cam.fill(ctx, quad3([door, 0, z0 - 0.02], [1, 0, 0], [0, 1, 0], 0, 1.6, 0, 2.3), css(fogged(s, hex("#5a2a20"), f)));
    for (const dx of [-0.35, 1.7]) cam.fill(ctx, quad3([door + dx, 0, z0 - 0.03], [1, 0, 0], [0, 1, 0], 0, 0.25, 0.3, 2.1), css(fogged(s, hex("#c8201c"), f)));
    for (const wx0 of [xa + 1, xa + 6.5]) for (const wy of [1.0, 3.6]) cam.fill(ctx, quad3([wx0, 0, z0 - 0.02], [1, 0, 0], [0, 1, 0], 0, 1.4, wy, wy + 1.2), css(fogged(s, hex("#3a4048"), f)));
    cam.fill(ctx, quad3([xa + 1, 0, z0 - 0.02], [1, 0, 0], [0, 1, 0], 0, 7.9, 2.9, 3.1), css(fogged(s, shade(wall, 0.8), f)));
    const roof = hex("#3e4044");
    const g = ctx.createLinearGradient(0, cam.p(xa, 8, z0 + 3.5)[1], 0, cam.p(xa, 5.6, z0 - 0.8)[1]);
    g.addColorStop(0, css(fogged(s, shade(roof, 0.8), f)));
    g.addColorStop(1, css(fogged(s, mix(roof, s.sun, 0.15), f)));
    cam.fill(ctx, [[xa - 0.5, 5.5, z0 - 0.8], [xb + 0.5, 5.5, z0 - 0.8], [xb + 0.5, 7.9, z0 + 3.5], [xa - 0.5, 7.9, z0 + 3.5]], g);
    for (let x = xa - 0.4; x < xb + 0.5; x += 0.25) cam.line(ctx, [x, 5.5, z0 - 0.8], [x, 7.9, z0 + 3.5], css(fogged(s, shade(roof, 0.6), f), 0.6), clamp(cam.scale(z0) * 0.03, 0.5, 3));
    cam.fill(ctx, [[xa - 0.5, 5.45, z0 - 0.82], [xb + 0.5, 5.45, z0 - 0.82], [xb + 0.5, 5.6, z0 - 0.82], [xa - 0.5, 5.6, z0 - 0.82]], css(fogged(s, shade(roof, 0.5), f)));
    const gx = cam.x0 < xa ? xa : xb;
    if (cam.x0 < xa || cam.x0 > xb) cam.fill(ctx, [[gx, 5.6, z0], [gx, 7.9, z0 + 3.5], [gx, 5.6, z0 + 7]], css(fogged(s, shade(wall, 0.8), f)));
  };
  const walls = ["#e6e0d4", "#b07a56", "#d8cdb8"].map(hex);
  painter.add(16, () => farmhouse(side > 0 ? 3.2 : -12.2, 11, rng.pick(walls)));
  painter.add(32, () => farmhouse(side > 0 ? -14 : 5, 26, rng.pick(walls)));
  for (let i = 0; i < 6; i++) {
    const X = side * rng.range(-12, 14);
    const Z = rng.range(14, 38);
    if (Math.abs(X - laneX(Z)) < 2) continue;
    painter.add(Z + 0.5, () => {
      const [x, y] = cam.p(X, 0, Z);
      tree(s, x, y, cam.scale(Z) * rng.range(5, 9), { fog: fog(Z), leaf: vary(rng, hex("#4f6a32"), 0.1), kind: rng.chance(0.3) ? "poplar" : "broad" });
    });
  }
  // the people: a social worker with an elderly villager, or with her e-bike on the lane
  const worker: Look = { ...randomLook(rng), top: rng.pick(["#2f5da8", "#c8232b", "#e8e4da"].map(hex)), longHair: true, skirt: false, holding: hex("#e8e4da") };
  if (hinted(s, "电动车", "推着", "e-bike", "scooter")) {
    const Z = 5.5;
    const X = laneX(Z);
    painter.add(Z, () => {
      figureAt(s, cam, X, Z + 0.5, 1.62, { ...worker, holding: undefined }, { pose: "carry", facing: "front" });
      const [x, y] = cam.p(X, 0, Z);
      const k = cam.scale(Z);
      ellipse(ctx, x, y - k * 0.28, k * 0.06, k * 0.28, css(hex("#1c1c1c")));
      fillPoly(ctx, [[x - k * 0.2, y - k * 0.55], [x + k * 0.2, y - k * 0.55], [x + k * 0.16, y - k * 0.95], [x - k * 0.16, y - k * 0.95]], css(hex("#2f6fb0")));
      ctx.strokeStyle = css(hex("#2a2a2a"));
      ctx.lineWidth = k * 0.03;
      ctx.beginPath();
      ctx.moveTo(x - k * 0.38, y - k * 1.0);
      ctx.lineTo(x + k * 0.38, y - k * 1.0);
      ctx.stroke();
      ellipse(ctx, x, y - k * 0.78, k * 0.08, k * 0.06, css(hex("#f4f0d8")));
      box3(s, cam, X - 0.25, X + 0.25, 0.8, 1.1, Z + 1.2, Z + 1.6, { front: hex("#8a7a5a"), top: hex("#a8966e") });
    });
  } else {
    const Z = rng.range(7, 9);
    const X = laneX(Z) + side * 1.5;
    painter.add(Z, () => {
      figureAt(s, cam, X - side * 0.5, Z, 1.6, worker, { pose: "carry", facing: "side", dir: side as 1 | -1 });
      figureAt(s, cam, X + side * 0.5, Z + 0.2, 1.55, { ...randomLook(rng, { elderly: true, tops: CARDIGANS }), skirt: false, longHair: false }, { pose: "stand", facing: "side", dir: -side as 1 | -1 });
    });
  }
  painter.paint();
  return { contrast: 0.22, saturation: 0.95 };
}

/** Layered misty peaks, a village of dark roofs on the slope, rice terraces below. */
function mountainPanorama(s: Stage): Finish {
  const { w, h, rng } = s;
  const mood = rng.pick<Mood>(["hazy", "overcast", "clear"]);
  outdoors(s, h * 0.55, mood, { clouds: 0.3 });
  // ranges from the far blue peaks to the green slope under the village, mist in between
  const ranges = 6;
  let slope: (x: number) => number = () => h * 0.7;
  for (let i = 0; i < ranges; i++) {
    const k = i / (ranges - 1);
    const base = h * lerp(0.36, 0.7, k);
    const amp = h * lerp(0.2, 0.12, k);
    slope = ridge(s, {
      base, amp, color: mix(hex("#6f8499"), hex("#3d5536"), k), fog: lerp(0.75, 0.12, k), freq: lerp(1.6, 2.2, k), sharp: lerp(0.85, 0.35, k),
      trees: k > 0.15 ? mix(hex("#2b3f30"), hex("#1f3220"), k) : undefined, seed: `range${i}`, mist: 0.45,
    });
    if (i < ranges - 1) hazeBand(s, base + amp * 0.15, h * 0.08, s.haze, lerp(0.6, 0.3, k));
  }
  // the village: houses stacked up the slope, higher ones drawn first
  const centre = rng.range(0.35, 0.65) * w;
  const homes: { x: number; y: number }[] = [];
  for (let i = 0; i < 70; i++) {
    const x = centre + rng.gauss() * w * 0.17;
    homes.push({ x, y: Math.max(slope(x) + h * 0.02, h * 0.62) + rng.range(0.0, 0.13) * h });
  }
  homes.sort((a, b) => a.y - b.y);
  const walls = ["#e2ddd2", "#7b5a3e", "#6a4c34", "#9a7a58", "#8a6a4a", "#cfc6b4"].map(hex);
  for (const home of homes) {
    const k = 0.8 + (home.y - h * 0.6) / (h * 0.5);
    const hw = w * rng.range(0.02, 0.036) * k * (portrait(s) ? 1.4 : 1);
    if (rng.chance(0.45)) tree(s, home.x + rng.gauss() * hw, home.y + hw * 0.15, hw * rng.range(0.8, 1.5), { kind: rng.chance(0.3) ? "poplar" : "broad", fog: 0.15, leaf: hex("#3f5f32"), shadow: false });
    house(s, { x: home.x - hw / 2, base: home.y, w: hw, h: hw * rng.range(0.35, 0.45), style: "tile", wall: vary(rng, rng.pick(walls), 0.05), roof: vary(rng, hex("#34363a"), 0.08), fog: 0.12, side: hw * 0.22, roofK: 0.75 });
  }
  hazeBand(s, h * 0.8, h * 0.06, s.haze, 0.3);
  terraces(s, h * 0.8, h * 1.05, h * 0.01);
  // a dark pine framing one side
  const side = rng.chance(0.5) ? -0.02 : 1.02;
  tree(s, w * side, h * 1.05, h * 0.55, { leaf: hex("#3a5228"), width: 1.2, shadow: false });
  tree(s, w * (side < 0.5 ? side + 0.12 : side - 0.12), h * 1.08, h * 0.3, { kind: "bush", leaf: hex("#4a6530"), shadow: false, width: 1.4 });
  return { contrast: 0.22, saturation: 0.95 };
}

// ---------------------------------------------------------------- riverside-park

/** A tree-lined riverside promenade with walkers, lamps and the far bank across the water. */
function riversidePark(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "golden", "hazy"]);
  const horizon = h * 0.46;
  outdoors(s, horizon, mood, { clouds: 0.5 });
  const cam = new Cam(w * 0.58, horizon, w * 0.7, 1.6, -0.16);
  const fog = fogFor(700, 0.85);
  // the far bank: low towers and trees
  const bankY = horizon + h * 0.012;
  blocks(s, { base: bankY, x1: w * 0.75, widths: [0.015, 0.035], heights: [0.02, 0.1], step: [0.02, 0.05], color: hex("#b9b4a8"), fog: 0.55, styles: ["grid", "flats", "glass"] });
  treeLine(s, { x0: -10, x1: w * 0.85, y: bankY, height: h * 0.03, fog: 0.45 });
  reflect(s, { y: bankY, tint: hex("#4a5a55"), tintAlpha: 0.5, wobble: w * 0.002 });
  // ground: lawn on the right, paved promenade, stone embankment on the river side
  cam.fill(ctx, [[2, 0, 0.5], [400, 0, 0.5], [400, 0, 3000], [2, 0, 3000]], vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#6f8a4a"), 0.6))], [1, css(hex("#4f7a2c"))]]));
  speckle(s, { x0: w * 0.45, y0: horizon, x1: w, y1: h, count: 9000, colors: [hex("#5d8a33"), hex("#3d6325"), hex("#86a64e")], size: [1, w * 0.012], shape: "blade", alpha: 0.7 });
  paving(s, cam, { x0: -4, x1: 2, z0: 0.4, z1: 600, tile: 0.6, color: hex("#aaa397"), joint: hex("#6e675c"), fog, vary: 0.04 });
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#6b6458"), hex("#c9c2b4")], size: 1.2, count: 160, alpha: 0.09 });
  // the coping stones along the water's edge
  cam.fill(ctx, [[-4.45, 0.03, 0.5], [-4, 0.03, 0.5], [-4, 0.03, 3000], [-4.45, 0.03, 3000]], css(hex("#c9c3b6")));
  const painter = new Painter();
  // railing along the water
  for (let Z = 1; Z < 260; Z += 2.2) painter.add(Z, () => cam.line(ctx, [-4.1, 0, Z], [-4.1, 1.1, Z], css(fogged(s, hex("#3f4144"), fog(Z))), clamp(cam.scale(Z) * 0.05, 0.6, 8)));
  painter.add(0.6, () => {
    for (const y of [1.1, 0.55]) cam.line(ctx, [-4.1, y, 0.9], [-4.1, y, 400], css(hex("#3f4144"), 0.9), 3);
  });
  for (let Z = 8; Z < 300; Z += rng.range(8, 11)) {
    for (const X of [4.5, 9]) {
      const d = cam.depth(X, Z);
      painter.add(d, () => {
        const [x, y] = cam.p(X, 0, Z);
        tree(s, x, y, cam.scale(d) * rng.range(7, 10), { fog: fog(d), leaf: vary(rng, hex("#55762f"), 0.08), width: 1.1 });
      });
    }
  }
  for (let Z = 10; Z < 300; Z += 22) {
    const d = cam.depth(-3.5, Z);
    painter.add(d, () => {
      const [x, y] = cam.p(-3.5, 0, Z);
      lampPost(s, x, y, cam.scale(d) * 4.2, { fog: fog(d), arm: 0.12 });
    });
  }
  for (let i = 0; i < rng.int(9, 16); i++) {
    const Z = 9 + Math.pow(rng.next(), 1.4) * 120;
    const X = rng.range(-3.4, 1.6);
    const atRail = X < -2.8 && rng.chance(0.6);
    const look = randomLook(rng, { elderly: rng.chance(0.3) });
    painter.add(cam.depth(X, Z), () =>
      figureAt(s, cam, X, Z, rng.range(1.55, 1.78), look, atRail ? { pose: "stand", facing: "back", fog: fog(Z) } : { pose: "walk", facing: rng.chance(0.5) ? "front" : "back", phase: rng.range(-1, 1), fog: fog(Z) }),
    );
  }
  painter.paint();
  return { contrast: 0.25 };
}

// ---------------------------------------------------------------- community-square

/** A paved square ringed by apartment blocks, with stalls under red canopies and groups of people. */
function communitySquare(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "golden", "hazy"]);
  const horizon = h * 0.4;
  outdoors(s, horizon, mood, { clouds: 0.35 });
  const cam = new Cam(w * 0.5, horizon, w * 0.8, 1.7, rng.range(-0.12, 0.12));
  const fog = fogFor(500, 0.8);
  // apartment blocks behind the square
  blocks(s, { base: horizon + h * 0.01, widths: [0.08, 0.14], heights: [0.12, 0.3], step: [0.1, 0.2], color: hex("#d9cfbd"), fog: 0.45, styles: ["flats"], side: 0.25 });
  hazeBand(s, horizon, h * 0.05, s.haze, 0.4);
  const painter = new Painter();
  // paving with a tile grid
  cam.fill(ctx, [[-300, 0, 1], [300, 0, 1], [300, 0, 140], [-300, 0, 140]], css(fogged(s, hex("#b0a898"), 0.4)));
  paving(s, cam, { x0: -120, x1: 120, z0: 1, z1: 140, tile: 1.2, color: hex("#ada494"), joint: hex("#7d766b"), fog, vary: 0.035 });
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#6b6458"), hex("#c9c2b4")], size: 2, count: 120, alpha: 0.1 });
  for (const X of [-12, 12]) for (let Z = 8; Z < 120; Z += 14) {
    const d = cam.depth(X, Z);
    const [lx, ly] = cam.p(X, 0, Z);
    lampPost(s, lx, ly, cam.scale(d) * 4.5, { fog: fog(d), arm: 0 });
  }
  // a band of trees along the far edge of the square
  for (let X = -150; X < 150; X += rng.range(6, 10)) {
    const Z = 140 + rng.range(0, 6);
    const d = cam.depth(X, Z);
    painter.add(d, () => {
      const [x, y] = cam.p(X, 0, Z);
      tree(s, x, y, cam.scale(d) * rng.range(7, 11), { fog: fog(d), leaf: vary(rng, hex("#4f6f2d"), 0.1) });
    });
  }
  // service stalls under red canopies, a banner on each
  const stalls = rng.int(2, 4);
  for (let i = 0; i < stalls; i++) {
    const X = -14 + i * 7.5 + rng.range(-1, 1);
    const Z = rng.range(30, 40);
    painter.add(cam.depth(X + 1.5, Z), () => canopy(s, cam, X, Z, fog(Z)));
    for (let j = 0; j < rng.int(2, 4); j++) {
      const pz = Z - rng.range(1.2, 3);
      painter.add(cam.depth(X, pz), () => figureAt(s, cam, X + rng.range(0, 3), pz, 1.68, randomLook(rng, { elderly: rng.chance(0.4) }), { facing: rng.pick(["back", "side", "front"] as const), dir: rng.chance(0.5) ? 1 : -1, fog: fog(pz) }));
    }
  }
  // a queue of residents stretching back from a stall towards the camera
  const qx = rng.range(-3, 3);
  for (let i = 0; i < rng.int(6, 8); i++) {
    const X = qx + Math.sin(i * 0.7) * 0.3 + rng.range(-0.1, 0.1);
    const Z = 12 - i * 0.9;
    const look: Look = { ...randomLook(rng, { elderly: rng.chance(0.4) }), holding: rng.chance(0.3) ? hex("#2a2a2e") : undefined };
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.55, 1.8), look, { facing: "back", pose: "stand", fog: fog(Z) }));
  }
  painter.add(cam.depth(qx, 13.5), () => {
    box3(s, cam, qx - 1.2, qx + 1.2, 0, 0.76, 13.2, 13.9, { front: hex("#c8201c"), top: hex("#f2f0ea") });
    const [x0, y0] = cam.p(qx - 1.1, 0.7, 13.2);
    const [x1, y1] = cam.p(qx + 1.1, 0.25, 13.2);
    glyphs(s, x0 + (x1 - x0) * 0.1, y0 + (y1 - y0) * 0.2, (y1 - y0) * 0.55, 6, css(hex("#fbe9b0")));
    figureAt(s, cam, qx + 0.4, 14.3, 1.7, { ...randomLook(rng), vest: hex("#c8232b") }, { facing: "front", pose: "wave", fog: fog(14) });
  });
  // groups of residents chatting
  for (let g = 0; g < rng.int(6, 9); g++) {
    const cx = rng.range(-9, 9);
    const cz = rng.range(4.5, 20);
    const n = rng.int(2, 6);
    for (let i = 0; i < n; i++) {
      const a = (i / n) * Math.PI * 2 + rng.range(-0.3, 0.3);
      const X = cx + Math.cos(a) * 0.9;
      const Z = cz + Math.sin(a) * 0.7;
      const facing = Math.sin(a) > 0.3 ? "front" : Math.sin(a) < -0.3 ? "back" : "side";
      const look = { ...randomLook(rng, { elderly: rng.chance(0.45) }), holding: rng.chance(0.2) ? vary(rng, hex("#c23b2e"), 0.1) : undefined };
      painter.add(cam.depth(X, Z), () =>
        figureAt(s, cam, X, Z, rng.range(1.5, 1.8), look, { facing, dir: Math.cos(a) > 0 ? -1 : 1, pose: rng.chance(0.15) ? "wave" : "stand", fog: fog(Z) }),
      );
    }
  }
  // a square-dance group in rows, all in red
  const dz = rng.range(9, 13);
  const dx = rng.range(-5, 5);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 5; c++) {
      const X = dx + (c - 2) * 1.3 + rng.range(-0.1, 0.1);
      const Z = dz + r * 1.3;
      const look: Look = { ...randomLook(rng, { elderly: rng.chance(0.3) }), top: vary(rng, hex("#c8302a"), 0.05), bottom: hex("#2a2a30"), skirt: false };
      painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.55, 1.68), look, { pose: "dance", facing: "front", phase: Math.sin(c + r) * 0.8, fog: fog(Z) }));
    }
  }
  // passers-by close to the camera, cut by the frame edges
  for (const sgn of [-1, 1]) {
    if (rng.chance(0.3)) continue;
    const Z = rng.range(4.5, 6);
    const [X] = cam.place(sgn > 0 ? w * rng.range(0.9, 0.98) : w * rng.range(0.02, 0.1), Z);
    painter.add(Z, () => figureAt(s, cam, X, Z, rng.range(1.6, 1.78), randomLook(rng), { pose: "walk", facing: rng.chance(0.6) ? "back" : "side", dir: sgn > 0 ? -1 : 1, phase: rng.range(-1, 1), fog: 0 }));
  }
  // children running across
  for (let i = 0; i < rng.int(1, 3); i++) {
    const X = rng.range(-10, 10);
    const Z = rng.range(9, 25);
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, 1.15, randomLook(rng, { child: true }), { child: true, pose: "run", facing: "side", dir: rng.chance(0.5) ? 1 : -1, phase: rng.range(-1, 1), fog: fog(Z) }));
  }
  painter.paint();
  return { contrast: 0.25 };
}

/** A folding market canopy (3 x 3 m, red) over a table, with a banner on its valance. */
function canopy(s: Stage, cam: Cam, X: number, Z: number, fog: number): void {
  const { ctx } = s;
  const red = hex("#c0282a");
  const legs = css(fogged(s, hex("#d8d8d8"), fog));
  for (const [lx, lz] of [[0, 0], [3, 0], [0, 3], [3, 3]] as const) cam.line(ctx, [X + lx, 0, Z + lz], [X + lx, 2.4, Z + lz], legs, clamp(cam.scale(Z) * 0.04, 0.8, 4));
  box3(s, cam, X + 0.2, X + 2.8, 0, 0.75, Z + 0.8, Z + 1.4, { front: hex("#efefea"), top: hex("#f7f7f2"), fog });
  const peak: P3 = [X + 1.5, 3.1, Z + 1.5];
  cam.fill(ctx, [[X, 2.4, Z], [X + 3, 2.4, Z], peak], css(fogged(s, litSide(s, red, 0.1), fog)));
  cam.fill(ctx, [[X, 2.4, Z], peak, [X, 2.4, Z + 3]], css(fogged(s, darkSide(red, 0.7), fog)));
  cam.fill(ctx, [[X + 3, 2.4, Z], peak, [X + 3, 2.4, Z + 3]], css(fogged(s, shade(red, 0.85), fog)));
  cam.fill(ctx, [[X, 2.15, Z], [X + 3, 2.15, Z], [X + 3, 2.4, Z], [X, 2.4, Z]], css(fogged(s, red, fog)));
  const [ax, ay] = cam.p(X + 0.35, 2.36, Z);
  const [bx, by] = cam.p(X + 3, 2.16, Z);
  glyphs(s, ax, ay, (by - ay) * 0.7, Math.max(1, Math.floor((bx - ax) / ((by - ay) * 0.8)) - 1), css(fogged(s, hex("#f6e7a8"), fog)));
}

// ---------------------------------------------------------------- interiors

/** An interior box: floor, ceiling, side walls and end wall, seen from inside. */
function room(s: Stage, cam: Cam, o: { halfW: number; height: number; depth: number; wall: RGB; floor: RGB; ceiling: RGB; dado?: RGB; dadoH?: number; fog: (d: number) => number }): void {
  const { ctx, h } = s;
  const { halfW: W, height: H, depth: D } = o;
  const near = 0.35;
  const wallAt = (x: number, lit: boolean) => {
    const col = lit ? mix(o.wall, s.sun, 0.12) : shade(o.wall, 0.82);
    cam.fill(ctx, [[x, 0, near], [x, 0, D], [x, H, D], [x, H, near]], css(col));
    if (o.dado) cam.fill(ctx, [[x, 0, near], [x, 0, D], [x, o.dadoH ?? 1.1, D], [x, o.dadoH ?? 1.1, near]], css(lit ? o.dado : shade(o.dado, 0.85)));
  };
  wallAt(-W, s.light > 0);
  wallAt(W, s.light < 0);
  cam.fill(ctx, [[-W, H, near], [W, H, near], [W, H, D], [-W, H, D]], vGradient(ctx, 0, cam.horizon, [[0, css(shade(o.ceiling, 0.88))], [1, css(o.ceiling)]]));
  cam.fill(ctx, [[-W, 0, D], [W, 0, D], [W, H, D], [-W, H, D]], css(o.wall));
  if (o.dado) cam.fill(ctx, [[-W, 0, D], [W, 0, D], [W, o.dadoH ?? 1.1, D], [-W, o.dadoH ?? 1.1, D]], css(shade(o.dado, 0.95)));
  cam.fill(ctx, [[-W, 0, near], [W, 0, near], [W, 0, D], [-W, 0, D]], vGradient(ctx, cam.horizon, h, [[0, css(shade(o.floor, 0.9))], [1, css(o.floor)]]));
  // soft shading into the corners
  for (const x of [-W, W]) cam.fill(ctx, [[x, 0, D - 0.4], [x, 0, D], [x, H, D], [x, H, D - 0.4]], css([40, 35, 30], 0.08));
}

/** A window in a side wall (x = const) or the end wall (z = const), bright with the day outside. */
function windowPane(s: Stage, cam: Cam, quad: P3[], o: { outside: RGB[]; frame: RGB; bars: number }): void {
  const { ctx } = s;
  const b = cam.bounds(quad);
  if (!b) return;
  const g = ctx.createLinearGradient(0, b[1], 0, b[3]);
  o.outside.forEach((c, i) => g.addColorStop(i / (o.outside.length - 1), css(c)));
  cam.fill(ctx, quad, g);
  const [a, bq, c, d] = quad as [P3, P3, P3, P3];
  const lerp3 = (p: P3, q: P3, t: number): P3 => [lerp(p[0], q[0], t), lerp(p[1], q[1], t), lerp(p[2], q[2], t)];
  const fw = clamp((b[2] - b[0]) * 0.02, 1, 8);
  for (let i = 0; i <= o.bars; i++) cam.line(ctx, lerp3(a, bq, i / o.bars), lerp3(d, c, i / o.bars), css(o.frame), fw);
  cam.line(ctx, lerp3(a, d, 0.62), lerp3(bq, c, 0.62), css(o.frame), fw);
  for (const [p, q] of [[a, bq], [d, c], [a, d], [bq, c]] as const) cam.line(ctx, p, q, css(o.frame), fw * 1.5);
}

/** What stands on the table in front of each sitter. */
type TableItems = "papers" | "meal";

/**
 * A long table running away from the camera (x in [-halfW, halfW], z in [z0, z1]),
 * people seated along both sides facing it and one at the far end, with their
 * papers or meals in front of them.
 */
function tableGathering(s: Stage, cam: Cam, o: { z0: number; z1: number; halfW: number; top: RGB; cloth?: RGB; chair: RGB; look: () => Look; items: TableItems; fog: (d: number) => number; empty?: number }): void {
  const { ctx, rng } = s;
  const painter = new Painter();
  const H = 0.76;
  // the table itself, with a cloth skirt or plain legs
  box3(s, cam, -o.halfW, o.halfW, H - 0.04, H, o.z0, o.z1, { front: shade(o.cloth ?? o.top, 0.8), top: o.cloth ?? o.top });
  if (o.cloth) box3(s, cam, -o.halfW, o.halfW, 0.05, H - 0.04, o.z0, o.z0 + 0.02, { front: shade(o.cloth, 0.75) });
  else for (const lx of [-o.halfW + 0.05, o.halfW - 0.05]) cam.line(ctx, [lx, 0, o.z0 + 0.05], [lx, H, o.z0 + 0.05], css(shade(o.top, 0.5)), clamp(cam.scale(o.z0) * 0.04, 1, 6));
  const place = (X: number, Z: number, facing: "side" | "front", dir: 1 | -1) => {
    const f = o.fog(Z);
    painter.add(Z + (facing === "front" ? 0.5 : 0), () => {
      const backX = X - dir * 0.25;
      if (facing === "side") box3(s, cam, backX - 0.03, backX + 0.03, 0.46, 1.0, Z - 0.2, Z + 0.2, { front: shade(o.chair, 0.7), top: o.chair, fog: f });
      box3(s, cam, X - 0.22, X + 0.22, 0.4, 0.46, Z - 0.22, Z + 0.22, { front: shade(o.chair, 0.8), top: o.chair, fog: f });
      if (rng.chance(o.empty ?? 0.08)) return;
      figureAt(s, cam, X, Z, rng.range(1.55, 1.75), o.look(), { pose: "sit", facing, dir, reach: true, shadow: 0, fog: f });
    });
    // what lies on the table in front of this seat
    const tx = facing === "side" ? dir * -(o.halfW - 0.25) : 0;
    const tz = facing === "side" ? Z : o.z1 - 0.3;
    if (o.items === "papers") {
      box3(s, cam, tx - 0.15, tx + 0.15, H, H + 0.005, tz - 0.11, tz + 0.11, { front: hex("#eeeeea"), top: hex("#f6f6f2") });
      if (rng.chance(0.6)) box3(s, cam, tx - 0.12 + dir * 0.05, tx + 0.12 + dir * 0.05, H + 0.005, H + 0.02, tz - 0.16, tz + 0.05, { front: vary(rng, rng.pick(["#2f5a9a", "#c23b2e", "#e0b52a", "#3a7a4a"].map(hex)), 0.1) });
      box3(s, cam, tx + dir * 0.1 - 0.035, tx + dir * 0.1 + 0.035, H, H + 0.1, tz + 0.14, tz + 0.2, { front: hex("#f4f2ec"), top: hex("#c9a86a") });
    } else {
      const [bx, by] = cam.p(tx, H + 0.02, tz);
      const k = cam.scale(cam.depth(tx, tz));
      ellipse(ctx, bx, by, k * 0.09, k * 0.035, css(hex("#f2f0ea")));
      ellipse(ctx, bx, by - k * 0.012, k * 0.07, k * 0.022, css(hex("#f8f6ee")));
      for (let i = 0; i < 2; i++) {
        const [px, py] = cam.p(tx + rng.range(-0.2, 0.2), H + 0.01, tz + rng.range(-0.25, 0.25));
        ellipse(ctx, px, py, k * 0.11, k * 0.04, css(hex("#eeeae2")));
        ellipse(ctx, px, py - k * 0.008, k * 0.08, k * 0.025, css(vary(rng, rng.pick(["#5a8a3a", "#c8642a", "#d9b45a", "#8a3a2a"].map(hex)), 0.1)));
      }
    }
  };
  for (const sgn of [-1, 1] as const) {
    for (let Z = o.z0 + 0.45; Z < o.z1 - 0.3; Z += 0.78) place(sgn * (o.halfW + 0.42), Z, "side", sgn > 0 ? -1 : 1);
  }
  place(0, o.z1 + 0.45, "front", 1);
  painter.paint();
}

// ---------------------------------------------------------------- classroom

const UNIFORMS = ["#f0f0ec", "#f0f0ec", "#2d58a0", "#e9eef4", "#3a63a8", "#dfe3e6"].map(hex);

/** Pupils at paired desks seen from the back of the room, the blackboard and teacher ahead, windows on one side. */
function classroom(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.sun = hex("#fff0d6");
  s.haze = hex("#e6e2d8");
  const cam = new Cam(w * 0.5, h * 0.4, w * 0.6, 1.6, rng.range(-0.06, 0.06));
  const W = 4.6;
  const H = 3.3;
  const D = 10.5;
  const fog = fogFor(400, 0.3);
  room(s, cam, { halfW: W, height: H, depth: D, wall: hex("#ece7da"), floor: hex("#c9c0ae"), ceiling: hex("#f3f1ec"), dado: hex("#86a596"), dadoH: 1.0, fog });
  paving(s, cam, { x0: -W, x1: W, z0: 0.35, z1: D, tile: 0.6, color: hex("#cdc4b2"), joint: hex("#9e9584"), fog, vary: 0.03 });
  // windows along the sunny side, sun patches on the floor
  const wx = s.light < 0 ? -W : W;
  for (let z = 1.2; z < D - 1.5; z += 3) {
    windowPane(s, cam, [[wx, 0.95, z], [wx, 0.95, z + 2.2], [wx, 2.75, z + 2.2], [wx, 2.75, z]], { outside: [hex("#e8f0f4"), hex("#f6f7f2"), hex("#b9c9a2")], frame: hex("#d8d8d4"), bars: 2 });
    layer(s, (l) => cam.fill(l.ctx, [[wx - s.light * 0.3, 0.01, z + 0.8], [wx - s.light * 0.3, 0.01, z + 2.6], [wx - s.light * 2.8, 0.01, z + 3.2], [wx - s.light * 2.8, 0.01, z + 1.4]], css(s.sun, 0.35)), { blur: 6, op: "screen" });
  }
  // the end wall: blackboard, flag, clock
  const board: P3[] = [[-2.8, 0.95, D - 0.01], [2.8, 0.95, D - 0.01], [2.8, 2.3, D - 0.01], [-2.8, 2.3, D - 0.01]];
  cam.fill(ctx, [[-2.9, 0.9, D - 0.005], [2.9, 0.9, D - 0.005], [2.9, 2.36, D - 0.005], [-2.9, 2.36, D - 0.005]], css(hex("#b9bcbf")));
  cam.fill(ctx, board, css(hex("#2f4a3e")));
  const [bx0, by0] = cam.p(-2.8, 2.3, D);
  const [bx1, by1] = cam.p(2.8, 0.95, D);
  layer(
    s,
    (l) => {
      for (let i = 0; i < 6; i++) ellipse(l.ctx, rng.range(bx0, bx1), rng.range(by0, by1), (bx1 - bx0) * rng.range(0.05, 0.2), (by1 - by0) * rng.range(0.05, 0.2), css(WHITE, 0.07));
      const size = (by1 - by0) * 0.1;
      for (let line = 0; line < 4; line++) glyphs(l, bx0 + (bx1 - bx0) * 0.06, by0 + (by1 - by0) * (0.12 + line * 0.2), size, rng.int(6, 14), css(WHITE, 0.75));
      l.ctx.strokeStyle = css(WHITE, 0.7);
      l.ctx.lineWidth = Math.max(1, size * 0.08);
      l.ctx.beginPath();
      l.ctx.arc(bx0 + (bx1 - bx0) * 0.8, by0 + (by1 - by0) * 0.45, (by1 - by0) * 0.22, 0, Math.PI * 2);
      l.ctx.stroke();
    },
    { blur: 0.7 },
  );
  const [fx0, fy0] = cam.p(-0.45, 2.95, D);
  const [fx1, fy1] = cam.p(0.45, 2.45, D);
  ctx.fillStyle = css(hex("#d0241c"));
  ctx.fillRect(fx0, fy0, fx1 - fx0, fy1 - fy0);
  const star = (cx: number, cy: number, r: number) => {
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 ? r * 0.4 : r;
      ctx.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
    }
    ctx.fillStyle = css(hex("#f5d000"));
    ctx.fill();
  };
  const fh = fy1 - fy0;
  star(fx0 + fh * 0.25, fy0 + fh * 0.25, fh * 0.15);
  for (const [dx, dy] of [[0.5, 0.1], [0.6, 0.2], [0.6, 0.35], [0.5, 0.45]]) star(fx0 + fh * dx, fy0 + fh * dy, fh * 0.05);
  const [cx, cy] = cam.p(3.6, 2.6, D);
  ellipse(ctx, cx, cy, fh * 0.25, fh * 0.25, css(hex("#f4f4f0")));
  ctx.strokeStyle = css(hex("#333"));
  ctx.lineWidth = Math.max(1, fh * 0.03);
  ctx.stroke();
  // ceiling lights
  for (const X of [-2.2, 0, 2.2]) {
    for (let Z = 2; Z < D; Z += 2.6) {
      cam.fill(ctx, [[X - 0.15, H - 0.02, Z], [X + 0.15, H - 0.02, Z], [X + 0.15, H - 0.02, Z + 1.2], [X - 0.15, H - 0.02, Z + 1.2]], css(hex("#fffdf6")));
    }
  }
  // the teacher and the lectern
  const painter = new Painter();
  const teacherX = rng.range(-1.8, 1.8);
  painter.add(D - 1, () => figureAt(s, cam, teacherX, D - 0.9, 1.66, { ...randomLook(rng), top: rng.pick(["#f2f0ea", "#5b6b7a", "#8a3b3b"].map(hex)) }, { pose: rng.chance(0.5) ? "wave" : "stand", fog: fog(D) }));
  painter.add(D - 1.3, () => box3(s, cam, -2.6, -1.6, 0, 1.0, D - 1.7, D - 1.2, { front: hex("#a07d56"), top: hex("#c9a478") }));
  // desks in rows, a pupil behind each half, chair backs nearest
  const cols = [-3.0, -1.0, 1.0, 3.0];
  for (let r = 0; r < 6; r++) {
    const z = 3.0 + r * 1.12;
    for (const xc of cols) {
      painter.add(z + 0.25, () => {
        box3(s, cam, xc - 0.62, xc + 0.62, 0.5, 0.74, z, z + 0.48, { front: hex("#8f7352"), top: hex("#d9bb8e"), fog: fog(z) });
        box3(s, cam, xc - 0.62, xc + 0.62, 0.74, 0.77, z, z + 0.5, { front: hex("#b38f63"), top: hex("#dcc096"), fog: fog(z) });
        for (const lx of [-0.58, 0.58]) cam.line(ctx, [xc + lx, 0, z + 0.02], [xc + lx, 0.5, z + 0.02], css(hex("#5a5d62")), clamp(cam.scale(z) * 0.025, 1, 5));
        for (let k = 0; k < 3; k++) {
          const bxs = xc + rng.range(-0.5, 0.4);
          box3(s, cam, bxs, bxs + rng.range(0.12, 0.22), 0.77, 0.77 + rng.range(0.01, 0.05), z + 0.1, z + 0.35, { front: vary(rng, rng.pick(["#c23b2e", "#2c5f9e", "#e8e3d3", "#4a8a4a"].map(hex)), 0.1), fog: fog(z) });
        }
      });
      for (const side of [-0.3, 0.3]) {
        if (rng.chance(0.05)) continue;
        const pz = z - 0.3;
        const look: Look = { ...randomLook(rng, { child: true, tops: UNIFORMS }), longHair: rng.chance(0.4), scarf: hex("#d0241c") };
        const handUp = rng.chance(0.18);
        painter.add(pz, () => {
          figureAt(s, cam, xc + side, pz, rng.range(1.3, 1.45), look, { pose: "sit", facing: "back", child: true, handUp, fog: fog(pz), shadow: 0 });
          box3(s, cam, xc + side - 0.2, xc + side + 0.2, 0.62, 0.8, pz - 0.22, pz - 0.2, { front: hex("#c29a68"), fog: fog(pz) });
          for (const lx of [-0.19, 0.19]) cam.line(ctx, [xc + side + lx, 0, pz - 0.21], [xc + side + lx, 0.8, pz - 0.21], css(hex("#5a5d62")), clamp(cam.scale(pz) * 0.02, 1, 4));
        });
      }
    }
  }
  painter.paint();
  rays(s, s.light < 0 ? 0 : w, h * 0.2, 10, w * 0.9, s.sun, 0.12, 0.5, s.light < 0 ? 0.5 : Math.PI - 0.5);
  return { contrast: 0.2, bloom: 0.15, tint: hex("#fff4e6"), tintAmount: 0.3 };
}

// ---------------------------------------------------------------- elderly-care

const CARDIGANS = ["#7a3b3b", "#4b5a78", "#8a7f6a", "#5f6a5a", "#a36a5a", "#6b5b70", "#3f4a44"].map(hex);

/** Elderly people cared for: round a table (canteen, activities) when the description says so, otherwise a sitting room. */
function elderlyCare(s: Stage): Finish {
  return hinted(s, "桌", "食堂", "吃饭", "午饭", "围坐", "table", "canteen", "meal") ? elderlyTable(s) : elderlySittingRoom(s);
}

/** Elderly residents round a long table, with bowls and dishes or papers, a helper carrying a tray past. */
function elderlyTable(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.sun = hex("#fff0d8");
  s.haze = hex("#e8e0d2");
  const cam = new Cam(w * 0.5, h * 0.42, w * 0.58, 1.7, rng.range(-0.1, 0.1), rng.range(-0.6, 0.6));
  const fog = fogFor(300, 0.2);
  const W = 4;
  const D = 8.5;
  const meal = hinted(s, "吃", "饭", "食堂", "meal", "canteen", "lunch");
  room(s, cam, { halfW: W, height: 2.9, depth: D, wall: hex(meal ? "#efe8d8" : "#eae2cf"), floor: hex("#b9ad98"), ceiling: hex("#f2eee6"), dado: hex("#9fb3a0"), dadoH: 0.9, fog });
  paving(s, cam, { x0: -W, x1: W, z0: 0.35, z1: D, tile: 0.6, color: hex("#c2b8a4"), joint: hex("#968c78"), fog, vary: 0.03 });
  const wx = s.light < 0 ? -W : W;
  for (let z = 1.2; z < D - 1.5; z += 2.8) windowPane(s, cam, [[wx, 0.9, z], [wx, 0.9, z + 2], [wx, 2.5, z + 2], [wx, 2.5, z]], { outside: [hex("#f5f7f2"), hex("#e4edd9"), hex("#a9bf8e")], frame: hex("#efece5"), bars: 2 });
  layer(s, (l) => {
    for (let z = 1.2; z < D - 1.5; z += 2.8) cam.fill(l.ctx, [[wx - s.light * 0.2, 0.01, z + 0.6], [wx - s.light * 0.2, 0.01, z + 2.4], [wx - s.light * 2.6, 0.01, z + 3], [wx - s.light * 2.6, 0.01, z + 1.2]], css(s.sun, 0.3));
  }, { blur: 8, op: "screen" });
  // a red banner on the end wall, a serving hatch or a clock
  const banner: [P3, P3, P3, P3] = [[-2.2, 2.6, D - 0.02], [2.2, 2.6, D - 0.02], [2.2, 2.25, D - 0.02], [-2.2, 2.25, D - 0.02]];
  cam.fill(ctx, [...banner], css(hex("#c8201c")));
  onPlane(s, cam, banner, 4.4, 0.35, () => glyphs(s, 0.3, 0.07, 0.22, 14, css(hex("#fbe9b0"))));
  if (meal) {
    cam.fill(ctx, [[-1.6, 0.9, D - 0.02], [1.6, 0.9, D - 0.02], [1.6, 1.9, D - 0.02], [-1.6, 1.9, D - 0.02]], css(hex("#3a3430")));
    box3(s, cam, -1.8, 1.8, 0, 0.9, D - 0.6, D - 0.02, { front: hex("#c9c6bc"), top: hex("#d9d6cc") });
    for (let i = 0; i < 4; i++) box3(s, cam, -1.5 + i * 0.8, -1.0 + i * 0.8, 0.9, 1.15, D - 0.5, D - 0.15, { front: hex("#c9cdd0"), top: hex("#e0e4e6") });
  }
  tableGathering(s, cam, {
    z0: 2.3, z1: D - 1.7, halfW: 0.75, top: hex(meal ? "#d9c7a6" : "#8a6446"), chair: hex("#8a6a4a"),
    look: () => ({ ...randomLook(rng, { elderly: true, tops: CARDIGANS }), skirt: false, longHair: false }),
    items: meal ? "meal" : "papers", fog, empty: 0.12,
  });
  // a helper walking past with a tray
  const hx = rng.chance(0.5) ? -2.1 : 2.1;
  const helperLook: Look = { ...randomLook(rng), top: rng.pick(["#e8e4da", "#8fb6d8", "#c98aa0"].map(hex)), holding: hex("#d8c7a0"), skirt: false };
  figureAt(s, cam, hx, rng.range(3.5, 5), 1.6, helperLook, { pose: "carry", facing: "side", dir: hx < 0 ? 1 : -1 });
  return { contrast: 0.18, bloom: 0.15, tint: hex("#fff0dc"), tintAmount: 0.3, vignette: 0.35 };
}

/** A care-home sitting room: residents on a sofa and in an armchair, a carer bringing tea, window light. */
function elderlySittingRoom(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.sun = hex("#fff0d8");
  s.haze = hex("#e8e0d2");
  const turn = rng.chance(0.5) ? 1 : -1;
  s.light = turn > 0 ? -1 : 1;
  const cam = new Cam(w * 0.5, h * 0.46, w * 0.6, 1.25, turn * 0.16);
  const W = 4.2;
  const D = 7.2;
  const fog = fogFor(300, 0.2);
  room(s, cam, { halfW: W, height: 2.8, depth: D, wall: hex("#e8dcc4"), floor: hex("#a8845e"), ceiling: hex("#f2eee6"), dado: hex("#cdb89a"), dadoH: 0.12, fog });
  for (let x = -W; x < W; x += 0.14) cam.fill(ctx, [[x, 0.001, 0.35], [x + 0.14, 0.001, 0.35], [x + 0.14, 0.001, D], [x, 0.001, D]], css(vary(rng, hex("#a8845e"), 0.05)));
  for (let x = -W; x < W; x += 0.14) cam.line(ctx, [x, 0.002, 0.35], [x, 0.002, D], css(hex("#6e5238"), 0.3), 1);
  // a patterned rug under the tea table
  const rug = (inset: number, col: RGB) => cam.fill(ctx, [[-2.1 + inset, 0.004, 2.6 + inset], [1.3 - inset, 0.004, 2.6 + inset], [1.3 - inset, 0.004, 5.3 - inset], [-2.1 + inset, 0.004, 5.3 - inset]], css(col));
  rug(0, hex("#7a3a30"));
  rug(0.15, hex("#c9a27a"));
  rug(0.25, hex("#8a4434"));
  // the window on the end wall with curtains; another on the sunny side
  windowPane(s, cam, [[-1.4, 0.85, D - 0.01], [1.4, 0.85, D - 0.01], [1.4, 2.4, D - 0.01], [-1.4, 2.4, D - 0.01]], { outside: [hex("#f5f7f2"), hex("#e4edd9"), hex("#a9bf8e"), hex("#88a46c")], frame: hex("#f0ede6"), bars: 3 });
  for (const side of [-1, 1]) {
    const x0 = side * 1.4;
    const curtain: P3[] = [[x0 - side * 0.1, 0.6, D - 0.05], [x0 + side * 0.5, 0.6, D - 0.05], [x0 + side * 0.5, 2.55, D - 0.05], [x0 - side * 0.1, 2.55, D - 0.05]];
    const b = cam.bounds(curtain)!;
    const g = ctx.createLinearGradient(b[0], 0, b[2], 0);
    for (let i = 0; i <= 8; i++) g.addColorStop(i / 8, css(i % 2 ? hex("#dcc9a6") : hex("#c2ab86")));
    cam.fill(ctx, curtain, g);
  }
  const sideX = s.light < 0 ? -W : W;
  windowPane(s, cam, [[sideX, 0.85, 1.6], [sideX, 0.85, 3.8], [sideX, 2.4, 3.8], [sideX, 2.4, 1.6]], { outside: [hex("#f7f8f3"), hex("#e3ecd9")], frame: hex("#efece5"), bars: 2 });
  layer(s, (l) => cam.fill(l.ctx, [[sideX - s.light * 0.2, 0.01, 2.2], [sideX - s.light * 0.2, 0.01, 4.2], [sideX - s.light * 2.6, 0.01, 4.8], [sideX - s.light * 2.6, 0.01, 2.8]], css(s.sun, 0.3)), { blur: 8, op: "screen" });
  // a scroll of calligraphy, a clock, family photos
  const scrollX = -3.3;
  cam.fill(ctx, [[scrollX, 1.0, D - 0.02], [scrollX + 0.55, 1.0, D - 0.02], [scrollX + 0.55, 2.35, D - 0.02], [scrollX, 2.35, D - 0.02]], css(hex("#efe6cf")));
  const [gx0, gy0] = cam.p(scrollX + 0.17, 2.2, D);
  const [, gy1] = cam.p(scrollX + 0.17, 1.15, D);
  glyphs(s, gx0, gy0, (gy1 - gy0) / 5.8, 5, css(hex("#2a2420")), true);
  const [ckx, cky] = cam.p(2.6, 2.25, D);
  const ck = cam.scale(cam.depth(2.6, D)) * 0.17;
  ellipse(ctx, ckx, cky, ck, ck, css(hex("#f6f4ee")));
  ctx.strokeStyle = css(hex("#5a4a3a"));
  ctx.lineWidth = Math.max(1, ck * 0.12);
  ctx.stroke();
  for (let i = 0; i < 3; i++) cam.fill(ctx, [[2.0 + i * 0.45, 1.45, D - 0.02], [2.35 + i * 0.45, 1.45, D - 0.02], [2.35 + i * 0.45, 1.75, D - 0.02], [2.0 + i * 0.45, 1.75, D - 0.02]], css(vary(rng, hex("#8a7a6a"), 0.2)));
  const painter = new Painter();
  const fabric = vary(rng, rng.pick(["#8c5f48", "#6f7d5e", "#9c8466", "#6d5a70"].map(hex)), 0.05);
  const resident = (): Look => ({ ...randomLook(rng, { elderly: true, tops: CARDIGANS }), skirt: false, longHair: false });
  // the sofa along the end wall with two residents
  painter.add(6.2, () => {
    box3(s, cam, -2.7, 0.7, 0, 0.95, 6.25, 6.7, { front: shade(fabric, 0.92), top: fabric, fog: 0 });
    box3(s, cam, -2.6, 0.6, 0.08, 0.44, 5.6, 6.3, { front: fabric, top: mix(fabric, WHITE, 0.12) });
    for (const X of [-2.0, -0.75]) figureAt(s, cam, X + rng.range(-0.1, 0.1), 5.8, rng.range(1.55, 1.66), resident(), { pose: "sit", facing: "front", shadow: 0, handUp: false });
    for (const ax of [-2.8, 0.6]) box3(s, cam, ax, ax + 0.2, 0.08, 0.66, 5.55, 6.7, { front: shade(fabric, 0.85), top: mix(fabric, WHITE, 0.1) });
  });
  // an armchair with a third resident, the carer beside it
  const chairX = 2.0;
  const chairZ = 4.5;
  painter.add(chairZ + 0.3, () => {
    box3(s, cam, chairX - 0.45, chairX + 0.45, 0, 1.0, chairZ + 0.45, chairZ + 0.65, { front: shade(fabric, 0.9), top: fabric });
    box3(s, cam, chairX - 0.42, chairX + 0.42, 0.05, 0.45, chairZ, chairZ + 0.5, { front: fabric, top: mix(fabric, WHITE, 0.15) });
    figureAt(s, cam, chairX, chairZ + 0.12, 1.6, resident(), { pose: "sit", facing: "front", shadow: 0 });
    for (const ax of [-0.45, 0.35]) box3(s, cam, chairX + ax, chairX + ax + 0.1, 0.05, 0.68, chairZ - 0.02, chairZ + 0.6, { front: shade(fabric, 0.85), top: mix(fabric, WHITE, 0.1) });
  });
  const carer: Look = { ...randomLook(rng), top: rng.pick(["#8fb6d8", "#e8a6b5", "#9cc7b8"].map(hex)), longHair: rng.chance(0.6), holding: hex("#f4f2ec"), skirt: false };
  carer.bottom = shade(carer.top, 0.9);
  painter.add(chairZ - 0.3, () => figureAt(s, cam, chairX - 0.85, chairZ - 0.25, 1.62, carer, { pose: "carry", facing: "side", dir: 1 }));
  // the tea table: cups, a thermos flask, a plate of oranges, a newspaper
  painter.add(4.2, () => {
    box3(s, cam, -1.4, 0.2, 0, 0.42, 3.9, 4.5, { front: hex("#6e4e34"), top: hex("#8a6446") });
    box3(s, cam, -1.3, -0.8, 0.42, 0.425, 4.0, 4.35, { front: hex("#e8e4da"), top: hex("#efebe2") });
    for (const [X, Z] of [[-0.6, 4.1], [-0.3, 4.3], [-0.1, 4.05]]) box3(s, cam, X - 0.04, X + 0.04, 0.42, 0.5, Z, Z + 0.08, { front: hex("#f4f2ec"), top: hex("#b8a070") });
    box3(s, cam, 0.0, 0.1, 0.42, 0.74, 4.2, 4.3, { front: hex("#c23b2e"), top: hex("#d8d4cc") });
    const [px, py] = cam.p(-0.9, 0.43, 4.3);
    const k = cam.scale(cam.depth(-0.9, 4.3));
    ellipse(ctx, px, py, k * 0.16, k * 0.05, css(hex("#f2f0ea")));
    for (let i = 0; i < 5; i++) ellipse(ctx, px + rng.range(-0.1, 0.1) * k, py - k * 0.03 - rng.range(0, 0.03) * k, k * 0.04, k * 0.037, css(vary(rng, hex("#e8782a"), 0.06)));
  });
  // a potted plant in the far corner
  painter.add(D - 0.8, () => {
    const px = -s.light * 3.5;
    box3(s, cam, px - 0.22, px + 0.22, 0, 0.45, D - 1, D - 0.56, { front: hex("#b8643c") });
    const [x, y] = cam.p(px, 0.45, D - 0.78);
    tree(s, x, y, cam.scale(cam.depth(px, D - 0.78)) * 1.3, { kind: "bush", leaf: hex("#4f7a3a"), shadow: false });
  });
  painter.paint();
  return { contrast: 0.18, bloom: 0.2, tint: hex("#fff0dc"), tintAmount: 0.3, vignette: 0.35 };
}

// ---------------------------------------------------------------- volunteers-group

/** Volunteers in red vests: at work with bundles and boxes when the description says so, otherwise lined up for a photo. */
function volunteersGroup(s: Stage): Finish {
  return hinted(s, "分拣", "打包", "传递", "搬", "卸", "物资", "棉被", "sort", "pack", "unload", "carry") ? volunteersWorking(s) : volunteersLineUp(s);
}

/** Volunteers sorting bundles of quilts and boxes at tables and passing them hand to hand to a lorry. */
function volunteersWorking(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "overcast"]);
  const horizon = h * 0.44;
  outdoors(s, horizon, mood, { clouds: 0.35 });
  const dir = rng.chance(0.5) ? 1 : -1;
  const cam = new Cam(w * 0.5, horizon, w * 0.7, 1.65, dir * 0.2);
  const fog = fogFor(400, 0.6);
  const red = hex("#c8232b");
  // a store building with a roller door behind the yard, or the blocks around a square
  const store = hinted(s, "储备库", "仓库", "库", "warehouse", "depot");
  if (!store) {
    blocks(s, { base: horizon + h * 0.02, widths: [0.08, 0.14], heights: [0.14, 0.3], step: [0.1, 0.18], color: hex("#d9cfbd"), fog: 0.4, styles: ["flats"], side: 0.25 });
    treeLine(s, { x0: -10, x1: w + 10, y: horizon + h * 0.03, height: h * 0.07, fog: 0.15 });
  }
  const [wx, wz] = cam.place(w * 0.5, store ? 34 : 200);
  if (store) box3(s, cam, wx - 40, wx + 40, 0, 8, wz, wz + 20, { front: hex("#d8d4ca"), top: hex("#9a9a96") });
  if (store) {
    cam.fill(ctx, quad3([wx - 40, 0, wz - 0.02], [1, 0, 0], [0, 1, 0], 0, 80, 6.5, 7.5), css(hex("#2f5a9a")));
    onPlane(s, cam, [[wx - 12, 7.4, wz - 0.03], [wx + 12, 7.4, wz - 0.03], [wx + 12, 6.6, wz - 0.03], [wx - 12, 6.6, wz - 0.03]], 24, 0.8, () => glyphs(s, 1, 0.1, 0.6, 18, css(WHITE, 0.9)));
    for (const dx of [-30, -8, 14]) {
      cam.fill(ctx, quad3([wx + dx, 0, wz - 0.02], [1, 0, 0], [0, 1, 0], 0, 6, 0, 4.5), css(hex("#2a2826")));
      for (let y = 3.6; y < 4.5; y += 0.15) cam.line(ctx, [wx + dx, y, wz - 0.03], [wx + dx + 6, y, wz - 0.03], css(hex("#9a9a94")), 1);
    }
  }
  paving(s, cam, { x0: -200, x1: 200, z0: 0.5, z1: store ? wz : 120, tile: 1.0, color: hex("#aaa59a"), joint: hex("#7e786c"), fog, vary: 0.03 });
  const painter = new Painter();
  const quilt = ["#e9b7c4", "#a9c7e8", "#f2efe6", "#b7d8b0", "#f0d890", "#d8a0a0"].map(hex);
  const bundle = (X: number, Y: number, Z: number, f: number) => {
    const col = rng.pick(quilt);
    box3(s, cam, X - 0.3, X + 0.3, Y, Y + 0.28, Z - 0.22, Z + 0.22, { front: shade(col, 0.9), top: mix(col, WHITE, 0.2), fog: f });
  };
  // tables heaped with bundles, boxes stacked beside them
  for (let k = 0; k < 2; k++) {
    const [tx, tz] = cam.place(w * (0.28 + k * 0.36), 6 + k * 2);
    painter.add(cam.depth(tx, tz), () => {
      const f = fog(tz);
      box3(s, cam, tx - 1.2, tx + 1.2, 0.7, 0.76, tz - 0.4, tz + 0.4, { front: hex("#e8e6e0"), top: hex("#f4f2ec"), fog: f });
      for (const lx of [-1.1, 1.1]) cam.line(ctx, [tx + lx, 0, tz - 0.35], [tx + lx, 0.7, tz - 0.35], css(hex("#6a6a6a")), 2);
      for (let b = 0; b < 6; b++) bundle(tx - 0.9 + (b % 3) * 0.65, 0.76 + Math.floor(b / 3) * 0.28, tz + rng.range(-0.1, 0.1), f);
      for (let b = 0; b < 5; b++) box3(s, cam, tx + 1.5 + (b % 2) * 0.55, tx + 2.0 + (b % 2) * 0.55, Math.floor(b / 2) * 0.42, Math.floor(b / 2) * 0.42 + 0.4, tz - 0.2, tz + 0.3, { front: hex("#b08a58"), top: hex("#c9a472"), fog: f });
    });
    for (let p = 0; p < 2; p++) {
      const X = tx - 0.6 + p * 1.2;
      const Z = tz - 0.75;
      const look: Look = { ...randomLook(rng), vest: vary(rng, red, 0.04), skirt: false };
      painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.58, 1.78), look, { pose: "carry", facing: "back", fog: fog(Z) }));
    }
    for (let p = 0; p < 2; p++) {
      const X = tx - 0.5 + p * 1.0;
      const Z = tz + 0.8;
      const look: Look = { ...randomLook(rng), vest: vary(rng, red, 0.04), skirt: false, hat: rng.chance(0.3) ? "cap" : undefined, hatColor: red };
      painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.58, 1.78), look, { pose: "carry", facing: "front", fog: fog(Z) }));
    }
  }
  // a chain of volunteers passing bundles towards a lorry
  const [lx, lz] = cam.place(w * (dir > 0 ? 0.9 : 0.1), 11);
  painter.add(cam.depth(lx, lz + 2), () => {
    const f = fog(lz);
    box3(s, cam, lx - 1.3, lx + 1.3, 0.9, 3.4, lz, lz + 7, { front: hex("#e4e2dc"), top: hex("#d0cec8"), fog: f });
    box3(s, cam, lx - 1.25, lx + 1.25, 0.95, 3.35, lz - 0.01, lz + 0.2, { front: hex("#3a3630"), fog: f });
    for (let b = 0; b < 10; b++) bundle(lx - 0.9 + (b % 4) * 0.6, 0.95 + Math.floor(b / 4) * 0.28, lz + 0.5, f);
    box3(s, cam, lx - 1.3, lx + 1.3, 0.3, 0.9, lz - 0.1, lz + 7, { front: hex("#2a2a2a"), fog: f });
  });
  for (let i = 0; i < 5; i++) {
    const t = i / 4;
    const [X, Z] = cam.place(w * lerp(dir > 0 ? 0.6 : 0.4, dir > 0 ? 0.84 : 0.16, t), lerp(6.5, 10, t));
    const look: Look = { ...randomLook(rng), vest: vary(rng, red, 0.04), holding: i % 2 ? rng.pick(quilt) : undefined, skirt: false };
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.58, 1.78), look, { pose: "carry", facing: "side", dir: (dir > 0) === (i % 2 === 0) ? 1 : -1, fog: fog(Z) }));
  }
  painter.paint();
  return { contrast: 0.24 };
}

/** Volunteers in red vests lined up behind a banner, a street softly out of focus behind them. */
function volunteersLineUp(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "golden"]);
  const horizon = h * 0.45;
  const cam = new Cam(w * 0.5, horizon, w * (portrait(s) ? 1.1 : 0.8), 1.5, rng.range(-0.1, 0.1));
  const fog = fogFor(300, 0.6);
  // the background, thrown out of focus
  layer(
    s,
    (l) => {
      outdoors(l, horizon, mood, { clouds: 0.3 });
      s.haze = l.haze;
      s.sun = l.sun;
      blocks(l, { base: horizon + h * 0.05, widths: [0.1, 0.2], heights: [0.25, 0.5], step: [0.12, 0.22], color: hex("#d8cdb8"), fog: 0.3, styles: ["flats"] });
      for (let X = -60; X < 60; X += rng.range(5, 8)) {
        const d = cam.depth(X, 30);
        const [x, y] = cam.p(X, 0, 30);
        tree(l, x, y, cam.scale(d) * rng.range(6, 9), { fog: 0.15, leaf: vary(rng, hex("#557235"), 0.1) });
      }
      for (let X = -20; X < 20; X += rng.range(4.5, 6)) {
        const [x, y] = cam.p(X, 0, 22);
        car(l, x, y, cam.scale(22) * 4.4, { color: vary(rng, rng.pick(["#e8e8e4", "#1f2226", "#8a9096", "#a12a2a", "#2a4a7a"].map(hex)), 0.05), view: "side", fog: 0.1 });
      }
    },
    { blur: w * 0.004 },
  );
  bokeh(s, { x0: 0, y0: horizon - h * 0.2, x1: w, y1: horizon, count: 18, colors: [hex("#fff3d8"), hex("#e0f0c8")], r: [w * 0.006, w * 0.014], alpha: 0.18 });
  // pavement in focus
  paving(s, cam, { x0: -20, x1: 20, z0: 1, z1: 16, tile: 0.5, color: hex("#b3aca0"), joint: hex("#7b7468"), fog, vary: 0.04 });
  fade(s, cam.p(0, 0, 16)[1] - 2, cam.p(0, 0, 9)[1], s.haze, 0.5, 0);
  const red = hex("#c8232b");
  const painter = new Painter();
  const rows: [number, number][] = [[5.9, rng.int(6, 8)], [5.2, rng.int(5, 7)]];
  let bannerEnds: [number, number] = [0, 0];
  rows.forEach(([Z, n], ri) => {
    const spread = 0.62;
    for (let i = 0; i < n; i++) {
      const X = (i - (n - 1) / 2) * spread + rng.range(-0.08, 0.08) + (ri === 0 ? 0.3 : 0);
      const look: Look = { ...randomLook(rng, { elderly: rng.chance(0.15) }), vest: vary(rng, red, 0.04), hat: rng.chance(0.35) ? "cap" : undefined, hatColor: red, skirt: false };
      const wave = ri === 0 && rng.chance(0.2);
      painter.add(Z, () => figureAt(s, cam, X, Z, rng.range(1.58, 1.8), look, { pose: wave ? "wave" : "stand", fog: fog(Z), build: rng.range(0.95, 1.1) }));
      if (ri === 1 && i === 0) bannerEnds = [X, 0];
      if (ri === 1 && i === n - 1) bannerEnds[1] = X;
    }
  });
  // a flag held up at the back
  const flagX = rng.range(-1.5, 1.5);
  painter.add(6, () => {
    cam.line(ctx, [flagX, 0.9, 6], [flagX, 2.7, 6], css(hex("#d9d9d2")), clamp(cam.scale(6) * 0.03, 1, 4));
    const [x0, y0] = cam.p(flagX, 2.7, 6);
    const k = cam.scale(6);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.bezierCurveTo(x0 + k * 0.3, y0 - k * 0.08, x0 + k * 0.6, y0 + k * 0.08, x0 + k * 0.9, y0);
    ctx.lineTo(x0 + k * 0.9, y0 + k * 0.6);
    ctx.bezierCurveTo(x0 + k * 0.6, y0 + k * 0.68, x0 + k * 0.3, y0 + k * 0.52, x0, y0 + k * 0.6);
    ctx.closePath();
    const g = ctx.createLinearGradient(x0, 0, x0 + k * 0.9, 0);
    g.addColorStop(0, css(red));
    g.addColorStop(0.5, css(shade(red, 0.75)));
    g.addColorStop(1, css(litSide(s, red, 0.2)));
    ctx.fillStyle = g;
    ctx.fill();
    glyphs(s, x0 + k * 0.1, y0 + k * 0.14, k * 0.13, 5, css(hex("#f7dc6f")));
  });
  painter.paint();
  // the banner held in front of the front row
  const [a, b] = bannerEnds;
  const Z = 4.9;
  const [x0, y0] = cam.p(a - 0.1, 1.15, Z);
  const [x1, y1] = cam.p(b + 0.1, 0.55, Z);
  const sag = (y1 - y0) * 0.12;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.quadraticCurveTo((x0 + x1) / 2, y0 + sag, x1, y0);
  ctx.lineTo(x1, y1);
  ctx.quadraticCurveTo((x0 + x1) / 2, y1 + sag, x0, y1);
  ctx.closePath();
  const g = ctx.createLinearGradient(x0, 0, x1, 0);
  for (let i = 0; i <= 10; i++) g.addColorStop(i / 10, css(shade(red, i % 2 ? 0.85 : 1.05)));
  ctx.fillStyle = g;
  ctx.fill();
  const gs = (y1 - y0) * 0.5;
  const count = Math.max(4, Math.floor((x1 - x0) / (gs * 1.3)) - 1);
  glyphs(s, x0 + (x1 - x0 - count * gs * 1.15) / 2, y0 + (y1 - y0) * 0.25 + sag * 0.5, gs, count, css(hex("#f6d86a")));
  return { contrast: 0.25, saturation: 1.05 };
}

// ---------------------------------------------------------------- solar-farm

/** Rows of solar panels running off towards the hills. */
function solarFarm(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "clear", "hazy"]);
  const horizon = h * 0.38;
  outdoors(s, horizon, mood, { clouds: 0.45 });
  ridge(s, { base: horizon + 2, amp: h * 0.07, color: hex("#6d7f8e"), fog: 0.55, freq: 2, seed: "hills" });
  ridge(s, { base: horizon + 3, amp: h * 0.03, color: hex("#5b6b45"), fog: 0.35, freq: 4, trees: hex("#34452a"), seed: "near" });
  const yaw = (rng.chance(0.5) ? 1 : -1) * rng.range(0.35, 0.6);
  const cam = new Cam(w * 0.5, horizon, w * 0.7, 4.5, yaw);
  const fog = fogFor(1500, 0.7);
  cam.fill(ctx, [[-3000, 0, 1], [3000, 0, 1], [3000, 0, 4000], [-3000, 0, 4000]], vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#8d9466"), 0.5))], [1, css(hex("#7e8456"))]]));
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#6b7345"), hex("#a39f6e")], size: 4, count: 200, alpha: 0.35 });
  groundCover(s, cam, { y0: horizon, y1: h, colors: [hex("#77804c"), hex("#a39c68"), hex("#5c653a")], size: 0.15, kind: "blade", density: 0.6 });
  const panel = hex("#1d3150");
  const sky = hex("#9db5cf");
  for (let z = 900; z >= 6; z -= 6.5) {
    const d = cam.depth(0, z);
    if (d < 1) continue;
    const f = fog(d);
    const k = cam.scale(Math.max(1, d));
    const gap = k > 3 ? 0.6 : 0;
    for (let x = -900; x < 900; x += 24) {
      const x0 = x + gap;
      const x1 = x + 24 - gap;
      const face: P3[] = [[x0, 0.7, z], [x1, 0.7, z], [x1, 2.3, z + 1.9], [x0, 2.3, z + 1.9]];
      const b = cam.bounds(face);
      if (!b || b[2] < 0 || b[0] > w) continue;
      // shade on the grass behind, legs, the glass reflecting the sky
      cam.fill(ctx, [[x0, 0, z + 0.6], [x1, 0, z + 0.6], [x1, 0, z + 3.2], [x0, 0, z + 3.2]], css(fogged(s, hex("#3e4426"), f), 0.55));
      if (k > 2) for (let lx = x0; lx <= x1; lx += 4) cam.line(ctx, [lx, 0, z + 1.5], [lx, 2.2, z + 1.5], css(fogged(s, hex("#55585a"), f)), clamp(k * 0.08, 0.6, 3));
      const g = ctx.createLinearGradient(0, b[1], 0, b[3]);
      const glint = clamp(1 - d / 400);
      g.addColorStop(0, css(fogged(s, mix(panel, sky, 0.55 - glint * 0.25), f)));
      g.addColorStop(1, css(fogged(s, mix(panel, sky, 0.3 - glint * 0.2), f)));
      cam.fill(ctx, face, g);
      if (k > 4) {
        const cell = css(fogged(s, hex("#8ea2b8"), f), 0.45);
        for (let cx = x0; cx <= x1; cx += 1) cam.line(ctx, [cx, 0.7, z], [cx, 2.3, z + 1.9], cell, clamp(k * 0.02, 0.5, 2));
        cam.line(ctx, [x0, 1.5, z + 0.95], [x1, 1.5, z + 0.95], cell, clamp(k * 0.02, 0.5, 2));
      }
      const frame = css(fogged(s, hex("#c9ccd0"), f));
      cam.line(ctx, [x0, 2.3, z + 1.9], [x1, 2.3, z + 1.9], frame, clamp(k * 0.04, 0.5, 3));
      cam.line(ctx, [x0, 0.7, z], [x1, 0.7, z], frame, clamp(k * 0.05, 0.5, 4));
    }
  }
  return { contrast: 0.28, saturation: 0.95 };
}

// ---------------------------------------------------------------- wind-turbines

/** A wind turbine standing at (x, y), `hh` px to the hub. */
function turbine(s: Stage, x: number, y: number, hh: number, fog: number, angle: number): void {
  const { ctx } = s;
  const L = s.light;
  const white = fogged(s, hex("#f1f2f0"), fog);
  const shadowed = fogged(s, hex("#a7adb4"), fog);
  const tw = Math.max(1, hh * 0.045);
  const g = ctx.createLinearGradient(x - tw, 0, x + tw, 0);
  g.addColorStop(L < 0 ? 0 : 1, css(white));
  g.addColorStop(L < 0 ? 1 : 0, css(shadowed));
  fillPoly(ctx, [[x - tw / 2, y], [x - tw * 0.28, y - hh], [x + tw * 0.28, y - hh], [x + tw / 2, y]], g);
  const hubX = x + tw * 0.2;
  const hubY = y - hh;
  ellipse(ctx, hubX - tw * 0.3, hubY, tw * 1.1, tw * 0.45, css(mix(white, shadowed, 0.3)));
  for (let i = 0; i < 3; i++) {
    const a = angle + (i * Math.PI * 2) / 3;
    const len = hh * 0.48;
    const bw = hh * 0.028;
    const ca = Math.cos(a);
    const sa = Math.sin(a);
    const px = -sa;
    const py = ca;
    fillPoly(ctx, [
      [hubX + px * bw * 0.5, hubY + py * bw * 0.5],
      [hubX + ca * len * 0.25 + px * bw, hubY + sa * len * 0.25 + py * bw],
      [hubX + ca * len, hubY + sa * len],
      [hubX - px * bw * 0.3, hubY - py * bw * 0.3],
    ], css(mix(white, shadowed, 0.25 + 0.3 * Math.max(0, sa))));
  }
  ellipse(ctx, hubX, hubY, tw * 0.4, tw * 0.4, css(white));
}

/** Turbines along rolling ridges under a big sky, a track across the grass below. */
function windTurbines(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "golden", "overcast"]);
  const horizon = h * (portrait(s) ? 0.6 : 0.62);
  outdoors(s, horizon, mood, { clouds: 0.75 });
  const layers = [
    { base: horizon - h * 0.02, amp: h * 0.06, color: hex("#6f8194"), fog: 0.6, size: h * 0.12, n: 6 },
    { base: horizon + h * 0.04, amp: h * 0.07, color: hex("#617a4e"), fog: 0.38, size: h * 0.22, n: 4 },
    { base: horizon + h * 0.14, amp: h * 0.08, color: hex("#6b834a"), fog: 0.18, size: h * 0.42, n: 2 },
  ];
  layers.forEach((L, i) => {
    const crest = ridge(s, { base: L.base, amp: L.amp, color: L.color, fog: L.fog, freq: 1.4, sharp: 0.15, seed: `hill${i}`, mist: 0.2 });
    if (i > 0) speckle(s, { x0: 0, y0: L.base - L.amp, x1: w, y1: L.base + L.amp, count: w * 2, colors: [shade(L.color, 0.8), mix(L.color, s.sun, 0.25)], size: [1, 3 * i], alpha: 0.35 });
    for (let k = 0; k < L.n; k++) {
      const x = ((k + rng.range(0.2, 0.8)) / L.n) * w;
      turbine(s, x, crest(x) + 2, L.size * rng.range(0.85, 1.1), L.fog * 0.9, rng.range(0, Math.PI * 2));
    }
    hazeBand(s, L.base + L.amp * 0.2, h * 0.05, s.haze, 0.25);
  });
  // the meadow in front, a gravel track across it
  const cam = new Cam(w * 0.5, horizon, w * 0.8, 6, 0);
  const top = h * 0.84;
  ctx.fillStyle = vGradient(ctx, top - h * 0.05, h, [[0, css(hex("#7d8a4c"))], [1, css(hex("#6b7740"))]]);
  ctx.beginPath();
  ctx.moveTo(0, h);
  for (let x = 0; x <= w; x += 10) ctx.lineTo(x, top - Math.sin(x / w * 3 + 1) * h * 0.02);
  ctx.lineTo(w, h);
  ctx.fill();
  groundCover(s, cam, { y0: top - h * 0.04, y1: h, colors: [hex("#8d9a55"), hex("#b7ae74"), hex("#5f6d38")], size: 0.35, kind: "blade", density: 1 });
  // a gravel service track winding off over the rise
  const bend = rng.range(-1, 1);
  const trackX = (z: number) => -3 + bend * 0.05 * z * z;
  const track = (sgn: number) => Array.from({ length: 40 }, (_, i) => 3 + i * 1.5).map((z) => [trackX(z) + sgn * 2, 0, z] as P3);
  const near = track(-1);
  const far = track(1).reverse();
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top - h * 0.02, w, h);
  ctx.clip();
  cam.fill(ctx, [...near, ...far], vGradient(ctx, top, h, [[0, css(hex("#b3a78c"))], [1, css(hex("#a39676"))]]));
  for (const off of [-1, 1]) cam.fill(ctx, [...track(off * 0.25 - 0.15).map((p) => [p[0] - off * 1.5 + 0.3 * off, 0.01, p[2]] as P3), ...track(off * 0.25 + 0.15).map((p) => [p[0] - off * 1.5 - 0.3 * off, 0.01, p[2]] as P3).reverse()], css(hex("#8a7e62"), 0.35));
  ctx.restore();
  return { contrast: 0.26 };
}

// ---------------------------------------------------------------- factory

/** A cylindrical tank standing at (x, y): `r` px radius, `hh` px tall. */
function tank(s: Stage, x: number, y: number, r: number, hh: number, col: RGB, fog: number): void {
  const { ctx } = s;
  const c = fogged(s, col, fog);
  const g = ctx.createLinearGradient(x - r, 0, x + r, 0);
  g.addColorStop(0, css(s.light < 0 ? litSide(s, c, 0.2) : shade(c, 0.6)));
  g.addColorStop(0.35, css(c));
  g.addColorStop(1, css(s.light < 0 ? shade(c, 0.6) : litSide(s, c, 0.2)));
  ctx.fillStyle = g;
  ctx.fillRect(x - r, y - hh, r * 2, hh);
  ellipse(ctx, x, y, r, r * 0.18, g);
  ellipse(ctx, x, y - hh, r, r * 0.18, css(mix(c, WHITE, 0.2)));
  ctx.strokeStyle = css(shade(c, 0.7), 0.6);
  ctx.lineWidth = Math.max(0.5, r * 0.02);
  for (let k = 1; k < 5; k++) {
    ctx.beginPath();
    ctx.ellipse(x, y - (hh * k) / 5, r, r * 0.18, 0, 0, Math.PI);
    ctx.stroke();
  }
}

/** A factory yard: a long shed with a sawtooth roof, an office block, tanks and pipes, a chimney with a steam plume. */
function factory(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["hazy", "clear", "overcast"]);
  const horizon = h * 0.56;
  outdoors(s, horizon, mood, { clouds: 0.35 });
  ridge(s, { base: horizon, amp: h * 0.05, color: hex("#7a8796"), fog: 0.65, freq: 2, seed: "far" });
  const dir = rng.chance(0.5) ? 1 : -1;
  const cam = new Cam(w * 0.5, horizon, w * 0.62, 1.7, dir * 0.38);
  const fog = fogFor(900, 0.7);
  const at = (fx: number, depth: number) => cam.place((dir > 0 ? fx : 1 - fx) * w, depth);
  for (let i = 0; i < 6; i++) tower(s, { x: rng.range(0, w), base: horizon + 2, w: w * rng.range(0.04, 0.1), h: h * rng.range(0.015, 0.045), side: w * 0.01, color: hex("#9aa3a8"), fog: 0.6, style: "bands" });
  cam.fill(ctx, [[-3000, 0, 0.5], [3000, 0, 0.5], [3000, 0, 3000], [-3000, 0, 3000]], vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#a9a79f"), 0.5))], [1, css(hex("#9c9a92"))]]));
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#77756e"), hex("#c2c0b8")], size: 2, count: 220, alpha: 0.2 });
  const painter = new Painter();
  // the chimney and plume, far behind
  const [chX, chZ] = at(0.78, 150);
  painter.add(cam.depth(chX, chZ), () => {
    const d = cam.depth(chX, chZ);
    const [x, y] = cam.p(chX, 0, chZ);
    const k = cam.scale(d);
    const ch = 60 * k;
    const cw = 2.8 * k;
    for (let b = 0; b < 10; b++) {
      const y0 = y - (ch * b) / 10;
      const col = fogged(s, b >= 6 && b % 2 ? hex("#c8392f") : hex("#d8d4cc"), fog(d));
      const g = ctx.createLinearGradient(x - cw, 0, x + cw, 0);
      g.addColorStop(s.light < 0 ? 0 : 1, css(litSide(s, col, 0.1)));
      g.addColorStop(s.light < 0 ? 1 : 0, css(shade(col, 0.65)));
      fillPoly(ctx, [[x - cw * (1 - b * 0.035), y0], [x - cw * (1 - (b + 1) * 0.035), y0 - ch / 10], [x + cw * (1 - (b + 1) * 0.035), y0 - ch / 10], [x + cw * (1 - b * 0.035), y0]], g);
    }
    layer(
      s,
      (l) => {
        const drift = -dir;
        for (let i = 0; i < 70; i++) {
          const t = i / 70;
          const px = x + drift * t * w * 0.35 + rng.gauss() * cw * (0.5 + t * 5);
          const py = y - ch - t * ch * 0.25 - Math.sqrt(t) * ch * 0.25 + rng.gauss() * cw * (0.5 + t * 2);
          const r = cw * (1 + t * 6) * rng.range(0.6, 1.2);
          ellipse(l.ctx, px, py + r * 0.2, r, r * 0.8, css(hex("#b4b8bc"), 0.55 * (1 - t * 0.8)));
          ellipse(l.ctx, px + s.light * r * 0.2, py - r * 0.15, r * 0.8, r * 0.65, css(hex("#f6f6f4"), 0.6 * (1 - t * 0.8)));
        }
      },
      { blur: w * 0.005 },
    );
  });
  // the shed: its near corner left of centre, the long wall receding
  const [sx, sz] = at(0.3, 50);
  const shedX0 = dir > 0 ? sx - 30 : sx - 90;
  const shedX1 = dir > 0 ? sx + 90 : sx + 30;
  painter.add(cam.depth(sx, sz + 20), () => {
    const f = fog(cam.depth(sx, sz));
    const clad = hex("#c4ccd2");
    box3(s, cam, shedX0, shedX1, 0, 13, sz, sz + 45, { front: clad, side: shade(clad, 0.85), fog: f });
    for (let x = shedX0; x < shedX1; x += 0.8) cam.line(ctx, [x, 0, sz - 0.01], [x, 13, sz - 0.01], css(fogged(s, hex("#8f989f"), f), 0.35), 1);
    cam.fill(ctx, quad3([shedX0, 0, sz - 0.02], [1, 0, 0], [0, 1, 0], 0, shedX1 - shedX0, 8.5, 10.5), css(fogged(s, hex("#5d7f9e"), f)));
    for (let x = shedX0; x < shedX1; x += 1.5) cam.line(ctx, [x, 8.5, sz - 0.03], [x, 10.5, sz - 0.03], css(fogged(s, hex("#dfe4e8"), f), 0.8), 1);
    cam.fill(ctx, quad3([shedX0, 0, sz - 0.02], [1, 0, 0], [0, 1, 0], 0, shedX1 - shedX0, 11.2, 12.2), css(fogged(s, hex("#2f5f9a"), f)));
    for (let x = shedX0 + 6; x < shedX1 - 8; x += 16) {
      cam.fill(ctx, quad3([x, 0, sz - 0.03], [1, 0, 0], [0, 1, 0], 0, 6, 0, 6), css(fogged(s, hex("#8a9096"), f)));
      for (let y = 0.3; y < 6; y += 0.3) cam.line(ctx, [x, y, sz - 0.04], [x + 6, y, sz - 0.04], css(fogged(s, hex("#6a7076"), f), 0.5), 1);
    }
    for (let x = shedX0; x < shedX1; x += 10) {
      cam.fill(ctx, [[x, 13, sz], [x + 7, 16.5, sz], [x + 7, 13, sz]], css(fogged(s, shade(clad, 0.9), f)));
      cam.fill(ctx, [[x + 7, 16.5, sz], [x + 10, 13, sz], [x + 7, 13, sz]], css(fogged(s, hex("#7d93a6"), f)));
    }
    onPlane(s, cam, [[shedX0 + 20, 12.1, sz - 0.05], [shedX0 + 50, 12.1, sz - 0.05], [shedX0 + 50, 11.3, sz - 0.05], [shedX0 + 20, 11.3, sz - 0.05]], 30, 0.8, () => glyphs(s, 1, 0.1, 0.6, 12, css(WHITE, 0.9)));
  });
  // tanks and a pipe rack on the far side of the yard
  const [tx, tz] = at(0.8, 70);
  for (let i = 0; i < 3; i++) {
    const X = tx + i * 11 * dir;
    const Z = tz + i * 3;
    painter.add(cam.depth(X, Z), () => {
      const d = cam.depth(X, Z);
      const [x, y] = cam.p(X, 0, Z);
      tank(s, x, y, cam.scale(d) * 4.5, cam.scale(d) * 16, hex("#dfe2e4"), fog(d));
    });
  }
  painter.add(cam.depth(tx, tz) + 1, () => {
    const f = fog(cam.depth(tx, tz));
    for (const [y, col] of [[6, "#8a9aa8"], [6.8, "#c9b25a"], [7.6, "#9a5a4a"]] as const) {
      cam.line(ctx, [tx - dir * 40, y, tz - 5], [tx, y, tz - 5], css(fogged(s, hex(col), f)), clamp(cam.scale(cam.depth(tx, tz)) * 0.5, 1, 8));
    }
    for (let k = 0; k < 5; k++) {
      const X = tx - dir * k * 9;
      cam.line(ctx, [X, 0, tz - 5], [X, 8, tz - 5], css(fogged(s, hex("#6a6e72"), f)), clamp(cam.scale(cam.depth(X, tz)) * 0.3, 1, 5));
    }
  });
  // an office block at the edge of the frame
  const [ox, oz] = at(0.04, 45);
  painter.add(cam.depth(ox, oz), () => {
    const f = fog(cam.depth(ox, oz));
    box3(s, cam, ox - 15, ox + 15, 0, 18, oz - 8, oz + 10, { front: hex("#e6e2da"), fog: f });
    grid3(s, cam, [ox - 15, 0.5, oz - 8.02], [1.5, 0, 0], [0, 3.4, 0], 20, 5, [0.12, 0.22], () => css(fogged(s, vary(rng, hex("#50657a"), 0.1), f)));
  });
  // lorries, pallets and workers in hard hats
  for (let i = 0; i < rng.int(1, 2); i++) {
    const [X, Z] = at(rng.range(0.4, 0.65), rng.range(28, 40));
    painter.add(cam.depth(X, Z), () => {
      const f = fog(cam.depth(X, Z));
      box3(s, cam, X, X + 2.5, 1, 3.8, Z, Z + 9, { front: hex("#2f5f9a"), fog: f });
      box3(s, cam, X, X + 2.5, 1, 3, Z - 2.2, Z - 0.2, { front: hex("#e8e6e0"), fog: f });
      box3(s, cam, X, X + 2.5, 0.3, 1, Z - 2.2, Z + 9, { front: hex("#2a2a2a"), fog: f });
    });
  }
  const [px, pz] = at(0.88, 9);
  painter.add(cam.depth(px, pz), () => {
    for (let k = 0; k < 4; k++) box3(s, cam, px, px + 1.2, k * 0.15, k * 0.15 + 0.12, pz, pz + 1.0, { front: hex("#b08a5a"), top: hex("#c9a472") });
    for (let k = 0; k < 3; k++) {
      const [x, y] = cam.p(px - 1.2 - k * 0.65, 0, pz + 0.3);
      const kk = cam.scale(cam.depth(px, pz));
      tank(s, x, y, kk * 0.3, kk * 0.9, hex("#2f5fa8"), 0);
    }
  });
  for (let i = 0; i < rng.int(3, 6); i++) {
    const [X, Z] = at(rng.range(0.25, 0.75), rng.range(12, 30));
    const look: Look = { ...randomLook(rng), top: rng.pick(["#2f4f7f", "#e07a2a", "#3a5a8a"].map(hex)), bottom: hex("#2f3d52"), hat: "helmet", hatColor: rng.pick(["#f2c230", "#f4f4f0", "#e0452e"].map(hex)), skirt: false };
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, 1.72, look, { pose: "walk", facing: rng.pick(["front", "back", "side"] as const), dir: rng.chance(0.5) ? 1 : -1, phase: rng.range(-1, 1), fog: fog(Z) }));
  }
  painter.paint();
  return { contrast: 0.25, saturation: 0.9 };
}

// ---------------------------------------------------------------- forest

/** A trunk from the ground at (x, y) up out of the frame, `wd` px wide, barked and lit from one side. */
function trunk(s: Stage, x: number, y: number, wd: number, bark: RGB, fog: number, lean: number, marks: "pine" | "birch" | "oak"): void {
  const { ctx, rng } = s;
  const L = s.light;
  const col = fogged(s, bark, fog);
  const top = -s.h * 0.05;
  const g = ctx.createLinearGradient(x - wd / 2, 0, x + wd / 2, 0);
  g.addColorStop(L < 0 ? 0 : 1, css(mix(col, s.sun, 0.25 * (1 - fog))));
  g.addColorStop(0.5, css(col));
  g.addColorStop(L < 0 ? 1 : 0, css(fogged(s, shade(bark, 0.45), fog)));
  ctx.beginPath();
  ctx.moveTo(x - wd * 0.75, y);
  ctx.quadraticCurveTo(x - wd * 0.5, y - wd * 0.6, x - wd * 0.45, y - wd * 1.5);
  ctx.lineTo(x - wd * 0.36 + lean, top);
  ctx.lineTo(x + wd * 0.36 + lean, top);
  ctx.lineTo(x + wd * 0.45, y - wd * 1.5);
  ctx.quadraticCurveTo(x + wd * 0.5, y - wd * 0.6, x + wd * 0.75, y);
  ctx.closePath();
  ctx.fillStyle = g;
  ctx.fill();
  if (wd < 4) return;
  ctx.save();
  ctx.clip();
  const n = Math.round((y - top) / Math.max(3, wd * 0.4));
  for (let i = 0; i < n; i++) {
    const yy = lerp(top, y, rng.next());
    const t = (yy - top) / (y - top);
    const xx = x + lean * (1 - t) + rng.range(-0.5, 0.5) * wd * 0.8;
    if (marks === "birch") {
      ctx.fillStyle = css(fogged(s, hex("#2a2622"), fog), 0.7);
      ctx.fillRect(xx - wd * 0.2, yy, wd * rng.range(0.2, 0.5), Math.max(1, wd * rng.range(0.04, 0.1)));
    } else {
      ctx.fillStyle = css(fogged(s, shade(bark, rng.range(0.4, 0.7)), fog), 0.6);
      ctx.fillRect(xx, yy, Math.max(0.7, wd * 0.05), wd * rng.range(0.3, 1.4) * (marks === "pine" ? 0.6 : 1.2));
    }
  }
  ctx.restore();
}

/** Into a wood: trunks receding into misty light, a canopy overhead, undergrowth and a path. */
function forest(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const kind = rng.pick(["pine", "birch", "oak"] as const);
  s.haze = hex(kind === "pine" ? "#d2d4c0" : "#cfd6c2");
  s.sun = hex("#fff0c8");
  const horizon = h * 0.5;
  ctx.fillStyle = vGradient(ctx, 0, h, [[0, css(hex("#eef0e2"))], [0.45, css(s.haze)], [1, css(hex("#7d7d56"))]]);
  ctx.fillRect(0, 0, w, h);
  const cam = new Cam(w * 0.5, horizon, w * 0.55, 1.6, 0);
  const fog = fogFor(28, 0.95);
  const floor = hex(kind === "pine" ? "#7a6646" : "#5f6a3a");
  cam.fill(ctx, [[-300, 0, 0.5], [300, 0, 0.5], [300, 0, 400], [-300, 0, 400]], vGradient(ctx, horizon, h, [[0, css(s.haze)], [0.12, css(fogged(s, floor, 0.7))], [0.4, css(fogged(s, floor, 0.3))], [1, css(floor)]]));
  // a footpath winding away
  const pathX = (z: number) => Math.sin(z * 0.08 + 1) * 2.5;
  ctx.beginPath();
  for (let z = 1; z < 120; z += 1) ctx.lineTo(...cam.p(pathX(z) - 0.6 - z * 0.002, 0, z));
  for (let z = 120; z >= 1; z -= 1) ctx.lineTo(...cam.p(pathX(z) + 0.6 + z * 0.002, 0, z));
  ctx.fillStyle = vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#b9a47c"), 0.7))], [1, css(hex("#9c8661"))]]);
  ctx.fill();
  mottle(s, cam, { y0: horizon, y1: h, colors: [shade(floor, 0.7), hex("#a49a6a")], size: 1, count: 200, alpha: 0.3 });
  groundCover(s, cam, { y0: horizon + h * 0.05, y1: h, colors: [hex("#6f8a3a"), hex("#4f6a2a"), hex("#9a8a5a"), hex("#7a6a42")], size: 0.045, kind: "blade", density: 1.6, fog });
  groundCover(s, cam, { y0: horizon + h * 0.05, y1: h, colors: [hex("#8a6a3a"), hex("#a4844a"), hex("#5a4a32")], size: 0.05, kind: "dot", density: 0.25, fog });
  const bark = kind === "birch" ? hex("#e4e0d6") : kind === "pine" ? hex("#8a5a3a") : hex("#5a4b3e");
  const painter = new Painter();
  for (let i = 0; i < 170; i++) {
    const Z = 3.5 + Math.pow(rng.next(), 1.5) * 80;
    let X = rng.range(-1, 1) * (Z * 0.9 + 3);
    if (Math.abs(X - pathX(Z)) < 1.2) X += X > pathX(Z) ? 1.5 : -1.5;
    const r = rng.range(0.1, kind === "oak" ? 0.35 : 0.25);
    painter.add(Z, () => {
      const [x, y] = cam.p(X, 0, Z);
      trunk(s, x, y, cam.scale(Z) * r * 2, vary(rng, bark, 0.08), fog(Z), rng.gauss() * cam.scale(Z) * 0.3, kind);
    });
  }
  painter.add(22, () => {
    hazeBand(s, horizon + h * 0.01, h * 0.12, s.haze, 0.75);
    hazeBand(s, horizon + h * 0.04, h * 0.1, mix(s.haze, floor, 0.4), 0.5);
  });
  for (let i = 0; i < 130; i++) {
    const Z = 1.5 + Math.pow(rng.next(), 1.2) * 40;
    const X = rng.range(-1, 1) * (Z * 0.9 + 2);
    if (Math.abs(X - pathX(Z)) < 0.8) continue;
    painter.add(Z - 0.1, () => {
      const [x, y] = cam.p(X, 0, Z);
      tree(s, x, y + cam.scale(Z) * 0.1, cam.scale(Z) * rng.range(0.4, 1.1), { kind: "bush", fog: fog(Z), leaf: vary(rng, hex("#5d7a36"), 0.1), shadow: false, width: 1.6 });
    });
  }
  painter.paint();
  // the canopy overhead, with sky showing through
  layer(
    s,
    (l) => {
      const clumps: { x: number; y: number; r: number }[] = [];
      for (let i = 0; i < 30; i++) clumps.push({ x: rng.range(-0.1, 1.1) * w, y: rng.range(-0.18, 0.03) * h, r: rng.range(0.04, 0.08) * w });
      foliage(l, clumps, { leaf: hex(kind === "birch" ? "#7a9040" : "#4a6a32"), leafPx: w * 0.0028, budget: 12000, top: -h * 0.2, bottom: h * 0.2 });
    },
    { blur: 1.2 },
  );
  rays(s, s.light < 0 ? w * 0.2 : w * 0.8, -h * 0.05, 14, h * 1.2, s.sun, 0.22, 0.7, Math.PI / 2 - s.light * 0.3);
  return { contrast: 0.25, bloom: 0.15, saturation: 0.9 };
}

// ---------------------------------------------------------------- old-courtyard

/** A traditional courtyard: grey-tiled hall with upturned eaves, red columns and lattice doors, side wings, lanterns. */
function oldCourtyard(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "golden", "hazy"]);
  const horizon = h * (portrait(s) ? 0.6 : 0.56);
  outdoors(s, horizon, mood, { clouds: 0.3 });
  const cam = new Cam(w * 0.5, horizon, w * (portrait(s) ? 1.05 : 0.62), 1.6, rng.range(-0.12, 0.12), portrait(s) ? rng.range(-2, 2) : 0);
  const fog = fogFor(2000, 0.2);
  // grey tiles over white walls and dark timber in the south; red columns and lattice in the north
  const whiteWalls = hinted(s, "白墙", "粉刷", "义庄", "white") || (!hinted(s, "红", "red") && rng.chance(0.35));
  const red = whiteWalls ? hex("#4a3a2e") : hex("#8e2a22");
  const tile = hex("#4e5054");
  const paper = whiteWalls ? hex("#efece4") : hex("#d9c8a0");
  const hallZ = 16;
  const painter = new Painter();
  // one hall: facade plane at depth `z`, running along X (main) or Z (wings)
  const hall = (o: { along: "x" | "z"; at: number; from: number; to: number; face: 1 | -1 }) => {
    // a point on the hall: u along its length, out = distance towards the courtyard, y up
    const P = (u: number, y: number, out: number): P3 => (o.along === "x" ? [u, y, o.at - out] : [o.at + o.face * out, y, u]);
    // platform and its edge
    cam.fill(ctx, [P(o.from - 1, 0.6, 1.2), P(o.to + 1, 0.6, 1.2), P(o.to + 1, 0.6, -2), P(o.from - 1, 0.6, -2)], css(hex("#b4afa4")));
    cam.fill(ctx, [P(o.from - 1, 0, 1.2), P(o.to + 1, 0, 1.2), P(o.to + 1, 0.6, 1.2), P(o.from - 1, 0.6, 1.2)], css(hex("#8f8a80")));
    // wall of lattice doors, bay by bay
    const bays = Math.max(3, Math.round((o.to - o.from) / 3.2));
    const bw = (o.to - o.from) / bays;
    for (let i = 0; i < bays; i++) {
      const u0 = o.from + i * bw;
      cam.fill(ctx, [P(u0, 0.6, 0), P(u0 + bw, 0.6, 0), P(u0 + bw, 4.0, 0), P(u0, 4.0, 0)], css(shade(red, 0.7)));
      const lat = (a: number, b: number, y0: number, y1: number) => {
        cam.fill(ctx, [P(a, y0, 0.01), P(b, y0, 0.01), P(b, y1, 0.01), P(a, y1, 0.01)], css(shade(paper, 0.8)));
        const lw = clamp(cam.scale(cam.depth(P(a, y0, 0)[0], P(a, y0, 0)[2])) * 0.025, 0.5, 3);
        for (let u = a; u <= b + 1e-6; u += (b - a) / 6) cam.line(ctx, P(u, y0, 0.02), P(u, y1, 0.02), css(shade(red, 0.75)), lw);
        for (let y = y0; y <= y1 + 1e-6; y += (y1 - y0) / 10) cam.line(ctx, P(a, y, 0.02), P(b, y, 0.02), css(shade(red, 0.75)), lw);
      };
      const doors = 4;
      for (let k = 0; k < doors; k++) {
        const a = u0 + 0.25 + (k * (bw - 0.5)) / doors;
        const b = a + (bw - 0.5) / doors - 0.08;
        lat(a, b, 1.7, 3.7);
        cam.fill(ctx, [P(a, 0.7, 0.01), P(b, 0.7, 0.01), P(b, 1.55, 0.01), P(a, 1.55, 0.01)], css(shade(red, 0.85)));
      }
    }
    // columns in front of the wall
    for (let i = 0; i <= bays; i++) {
      const u = o.from + i * bw;
      const g = (() => {
        const a = cam.p(...P(u - 0.2, 2, 0.8));
        const b = cam.p(...P(u + 0.2, 2, 0.8));
        const gr = ctx.createLinearGradient(a[0], 0, b[0], 0);
        gr.addColorStop(s.light < 0 ? 0 : 1, css(litSide(s, red, 0.15)));
        gr.addColorStop(0.5, css(red));
        gr.addColorStop(s.light < 0 ? 1 : 0, css(shade(red, 0.5)));
        return gr;
      })();
      cam.fill(ctx, [P(u - 0.2, 0.6, 0.8), P(u + 0.2, 0.6, 0.8), P(u + 0.2, 4.1, 0.8), P(u - 0.2, 4.1, 0.8)], g);
      cam.fill(ctx, [P(u - 0.3, 0.6, 0.8), P(u + 0.3, 0.6, 0.8), P(u + 0.3, 0.8, 0.8), P(u - 0.3, 0.8, 0.8)], css(hex("#a8a398")));
    }
    // painted beam and brackets
    cam.fill(ctx, [P(o.from - 0.6, 4.0, 0.85), P(o.to + 0.6, 4.0, 0.85), P(o.to + 0.6, 4.6, 0.85), P(o.from - 0.6, 4.6, 0.85)], css(whiteWalls ? hex("#3e3026") : hex("#2f5b64")));
    for (let u = o.from; u < o.to; u += 1.2) {
      if (!whiteWalls) cam.fill(ctx, [P(u + 0.1, 4.15, 0.86), P(u + 1.0, 4.15, 0.86), P(u + 1.0, 4.45, 0.86), P(u + 0.1, 4.45, 0.86)], css(rng.chance(0.5) ? hex("#3f7a6e") : hex("#c9a74a"), 0.8));
      cam.fill(ctx, [P(u, 4.6, 0.9), P(u + 0.4, 4.6, 0.9), P(u + 0.4, 5.0, 0.9), P(u, 5.0, 0.9)], css(hex("#2a4a4e")));
    }
    // eave underside (in shadow) and the tiled roof with upturned corners
    const len = o.to - o.from;
    const lift = (u: number) => 0.8 * Math.pow(Math.abs((u - (o.from + o.to) / 2) / (len / 2 + 1.5)), 4);
    const us: number[] = [];
    for (let u = o.from - 1.5; u <= o.to + 1.5 + 1e-6; u += (len + 3) / 40) us.push(u);
    cam.fill(ctx, [...us.map((u) => P(u, 5.0 + lift(u), 2.2)), ...us.slice().reverse().map((u) => P(u, 4.6, 0.8))], css(hex("#2b2624")));
    const ridgeY = o.along === "x" ? 8.4 : 7.2;
    const back = o.along === "x" ? -3.5 : -3;
    const roof = [...us.map((u) => P(u, 5.0 + lift(u), 2.2)), ...us.slice().reverse().map((u) => P(u, ridgeY, back))];
    const rb = cam.bounds(roof);
    const rg = ctx.createLinearGradient(0, rb ? rb[1] : 0, 0, rb ? rb[3] : h);
    rg.addColorStop(0, css(shade(tile, 0.85)));
    rg.addColorStop(1, css(mix(tile, s.sun, 0.15)));
    cam.fill(ctx, roof, rg);
    const mid = P((o.from + o.to) / 2, 6, 0);
    const lw = clamp(cam.scale(cam.depth(mid[0], mid[2])) * 0.05, 0.6, 4);
    for (let u = o.from - 1.4; u < o.to + 1.4; u += 0.28) {
      cam.line(ctx, P(u, 5.0 + lift(u), 2.2), P(u, ridgeY, back), css(shade(tile, 0.55), 0.7), lw);
      cam.line(ctx, P(u + 0.1, 5.0 + lift(u), 2.2), P(u + 0.1, ridgeY, back), css(mix(tile, WHITE, 0.25), 0.35), lw * 0.6);
    }
    for (const u of us) {
      const [ex, ey] = cam.p(...P(u, 5.0 + lift(u), 2.25));
      ellipse(ctx, ex, ey, lw * 1.2, lw * 1.2, css(shade(tile, 0.6)));
    }
    cam.fill(ctx, [P(o.from - 1.2, ridgeY, back), P(o.to + 1.2, ridgeY, back), P(o.to + 1.2, ridgeY + 0.45, back), P(o.from - 1.2, ridgeY + 0.45, back)], css(shade(tile, 0.6)));
    for (const u of [o.from - 1.2, o.to + 1.2]) {
      const [ex, ey] = cam.p(...P(u, ridgeY + 0.45, back));
      const k = cam.scale(cam.depth(P(u, 0, back)[0], P(u, 0, back)[2]));
      fillPoly(ctx, [[ex - k * 0.3, ey], [ex - k * 0.2, ey - k * 0.9], [ex + k * 0.15, ey - k * 0.6], [ex + k * 0.3, ey]], css(shade(tile, 0.5)));
    }
  };
  const side = 7.5;
  // trees beyond the roofs
  for (let i = 0; i < 5; i++) {
    const X = rng.range(-25, 25);
    painter.add(40, () => {
      const [x, y] = cam.p(X, 0, 38);
      tree(s, x, y, cam.scale(38) * rng.range(11, 16), { leaf: hex("#52653a"), fog: 0.15, shadow: false });
    });
  }
  // courtyard walls closing the corners
  for (const sgn of [-1, 1]) {
    painter.add(14.5, () => {
      const [a, b] = sgn < 0 ? [-14, -side] : [side, 14];
      box3(s, cam, a, b, 0, 4.2, 13.4, 14, { front: hex("#8f8d88"), top: hex("#55575b") });
      box3(s, cam, a - 0.2, b + 0.2, 4.2, 4.6, 13.2, 14.2, { front: hex("#4a4c50"), top: hex("#5a5c60") });
    });
  }
  painter.add(hallZ + 1, () => hall({ along: "x", at: hallZ, from: -8, to: 8, face: 1 }));
  painter.add(12, () => hall({ along: "z", at: -side - 1.2, from: 3, to: 12.5, face: 1 }));
  painter.add(12, () => hall({ along: "z", at: side + 1.2, from: 3, to: 12.5, face: -1 }));
  painter.paint();
  // shadow of the eaves across the upper facade
  const [, ey] = cam.p(0, 4.6, hallZ);
  const [, fy] = cam.p(0, 1.2, hallZ);
  fade(s, ey, fy, hex("#1d1a1c"), 0.35, 0);
  // brick-paved courtyard and a stone path to the steps
  paving(s, cam, { x0: -side, x1: side, z0: 0.5, z1: hallZ - 1.2, tile: 0.45, color: hex("#8e8d87"), joint: hex("#5f5e5a"), fog, vary: 0.035 });
  for (let z = 0.5; z < hallZ - 1.2; z += 0.9) cam.fill(ctx, [[-0.9, 0.005, z], [0.9, 0.005, z], [0.9, 0.005, z + 0.86], [-0.9, 0.005, z + 0.86]], css(vary(rng, hex("#b4afa3"), 0.04)));
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#5a5c55"), hex("#6a655c"), hex("#a8a59c")], size: 0.6, count: 120, alpha: 0.14 });
  box3(s, cam, -1.8, 1.8, 0, 0.2, hallZ - 1.9, hallZ - 1.2, { front: hex("#9c978c"), top: hex("#bab4a8") });
  box3(s, cam, -1.8, 1.8, 0, 0.4, hallZ - 1.5, hallZ - 1.2, { front: hex("#9c978c"), top: hex("#bab4a8") });
  // a mossy stone stele leaning on the wall, if there is one
  if (hinted(s, "碑", "stele", "tablet")) {
    const sx = rng.chance(0.5) ? -5.5 : 5.5;
    cam.fill(ctx, [[sx - 0.5, 0, hallZ - 1.3], [sx + 0.5, 0, hallZ - 1.3], [sx + 0.45, 2.1, hallZ - 1.1], [sx - 0.45, 2.1, hallZ - 1.1]], vGradient(ctx, cam.p(0, 2.1, hallZ)[1], cam.p(0, 0, hallZ)[1], [[0, css(hex("#8d8f88"))], [0.6, css(hex("#6f7a5a"))], [1, css(hex("#4f5a3a"))]]));
    const [gx, gy] = cam.p(sx - 0.1, 1.9, hallZ - 1.15);
    glyphs(s, gx, gy, cam.scale(hallZ) * 0.2, 6, css(hex("#3a3a36"), 0.6), true);
  }
  // red lanterns under the eaves
  for (const X of [-2.2, 2.2]) {
    const [lx, ly] = cam.p(X, 3.9, hallZ - 0.9);
    const k = cam.scale(hallZ - 0.9);
    ctx.strokeStyle = css(hex("#2a2a2a"));
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(lx, ly - k * 0.6);
    ctx.lineTo(lx, ly - k * 0.3);
    ctx.stroke();
    const g = ctx.createRadialGradient(lx - k * 0.1, ly - k * 0.1, k * 0.05, lx, ly, k * 0.35);
    g.addColorStop(0, css(hex("#f0503a")));
    g.addColorStop(1, css(hex("#9a1a14")));
    ellipse(ctx, lx, ly, k * 0.33, k * 0.3, g);
    ctx.fillStyle = css(hex("#c9a040"));
    ctx.fillRect(lx - k * 0.15, ly - k * 0.33, k * 0.3, k * 0.06);
    ctx.fillRect(lx - k * 0.15, ly + k * 0.27, k * 0.3, k * 0.06);
    ctx.fillStyle = css(hex("#b8282a"));
    ctx.fillRect(lx - k * 0.04, ly + k * 0.33, k * 0.08, k * 0.35);
  }
  // a persimmon tree hung with fruit, and potted plants by the steps
  const tx = rng.chance(0.5) ? -4.2 : 4.2;
  const [px, py] = cam.p(tx, 0, 9);
  const th = cam.scale(9) * 7.5;
  tree(s, px, py, th, { leaf: hex("#5f6a32"), width: 0.9 });
  for (let i = 0; i < 32; i++) {
    const a = rng.range(0, Math.PI * 2);
    const r = Math.sqrt(rng.next()) * 0.85;
    const fx = px + Math.cos(a) * r * th * 0.27;
    const fy = py - th * 0.62 + Math.sin(a) * r * th * 0.28;
    const fr = th * rng.range(0.007, 0.01);
    ellipse(ctx, fx, fy, fr, fr, css(vary(rng, hex("#d9661f"), 0.08)));
    ellipse(ctx, fx + s.light * fr * 0.3, fy - fr * 0.3, fr * 0.45, fr * 0.4, css(hex("#f7b060"), 0.8));
  }
  for (const X of [-2.6, 2.6]) {
    box3(s, cam, X - 0.35, X + 0.35, 0, 0.7, hallZ - 2.6, hallZ - 1.9, { front: hex("#3e5a7a"), top: hex("#4a6a8a") });
    const [bx, by] = cam.p(X, 0.7, hallZ - 2.25);
    tree(s, bx, by, cam.scale(hallZ - 2.25) * 1.5, { kind: "bush", leaf: hex("#4a6a34"), shadow: false });
  }
  return { contrast: 0.25, saturation: 0.95 };
}

// ---------------------------------------------------------------- stone-bridge

/** A water-town canal: an arched stone bridge, white-walled houses on both banks, reflections, a boat. */
function stoneBridge(s: Stage): Finish {
  const { w, h, rng } = s;
  // the world is painted twice (mirrored into the water, then upright), each time into a layer
  let ctx = s.ctx;
  const mood = rng.pick<Mood>(["overcast", "hazy", "clear"]);
  const horizon = h * 0.47;
  outdoors(s, horizon, mood, { clouds: 0.4 });
  const cam = new Cam(w * 0.5, horizon, w * 0.7, 2.4, rng.range(-0.08, 0.08));
  const fog = fogFor(260, 0.75);
  const bridgeZ = rng.range(32, 40);
  const bank = 8.5;
  const quay = 6.5;
  const stone = hex("#9d988d");
  const wall = hex("#ecebe6");
  const wood = hex("#4e3a2c");
  const roof = hex("#3a3b3e");
  type Draw = (cam: Cam) => void;
  const world: { depth: number; draw: Draw }[] = [];
  // houses on both banks, facades facing the canal
  for (const sideSign of [-1, 1]) {
    let z = 2;
    while (z < 140) {
      const len = rng.range(4, 9);
      const z0 = z;
      const z1 = z + len;
      const X = sideSign * bank;
      const top = rng.range(5.2, 7.2);
      const f = fog(z0);
      const wc = vary(rng, wall, 0.03);
      world.push({
        depth: z0,
        draw: (c) => {
          const face = (y0: number, y1: number, fill: string, inset = 0) => c.fill(ctx, [[X - sideSign * inset, y0, z0], [X - sideSign * inset, y0, z1], [X - sideSign * inset, y1, z1], [X - sideSign * inset, y1, z0]], fill);
          face(0.9, top, css(fogged(s, wc, f)));
          face(0.9, 3.0, css(fogged(s, wood, f)));
          for (let zz = z0 + 0.4; zz < z1 - 0.3; zz += 1.1) c.line(ctx, [X, 0.7, zz], [X, 2.9, zz], css(fogged(s, shade(wood, 0.6), f)), clamp(c.scale(zz) * 0.04, 0.5, 3));
          if (rng.chance(0.4)) {
            const lz = z0 + len * 0.3;
            const [lx, ly] = c.p(X - sideSign * 0.6, top - 1.2, lz);
            const k = c.scale(c.depth(X, lz));
            if (!c.flip) ellipse(ctx, lx, ly, k * 0.2, k * 0.24, css(fogged(s, hex("#c8281e"), f)));
          }
          const nWin = Math.max(1, Math.floor(len / 2.2));
          for (let k = 0; k < nWin; k++) {
            const wz = z0 + ((k + 0.5) * len) / nWin;
            c.fill(ctx, [[X, 3.6, wz - 0.55], [X, 3.6, wz + 0.55], [X, 4.9, wz + 0.55], [X, 4.9, wz - 0.55]], css(fogged(s, hex("#3b2f27"), f)));
          }
          // the eave over the canal and a stepped gable at the near end
          c.fill(ctx, [[X, top, z0 - 0.3], [X, top, z1 + 0.3], [X - sideSign * 0.9, top - 0.4, z1 + 0.3], [X - sideSign * 0.9, top - 0.4, z0 - 0.3]], css(fogged(s, shade(roof, 0.7), f)));
          c.fill(ctx, [[X - sideSign * 0.9, top - 0.4, z0 - 0.3], [X - sideSign * 0.9, top - 0.4, z1 + 0.3], [X - sideSign * 0.9, top - 0.15, z1 + 0.3], [X - sideSign * 0.9, top - 0.15, z0 - 0.3]], css(fogged(s, roof, f)));
          const gx = (d: number) => X + sideSign * d;
          const step = [[0, top + 0.2], [1.5, top + 0.2], [1.5, top + 1.0], [3, top + 1.0], [3, top + 1.8], [5, top + 1.8], [5, 0.9], [0, 0.9]] as const;
          c.fill(ctx, step.map(([dx, y]) => [gx(dx), y, z0] as P3), css(fogged(s, shade(wc, 0.93), f)));
          for (const [a, b] of [[0, 1], [2, 3], [4, 5]] as const) {
            const [ax, ay] = step[a];
            const [bx] = step[b];
            c.fill(ctx, [[gx(ax - 0.1), ay, z0], [gx(bx + 0.1), ay, z0], [gx(bx + 0.1), ay + 0.22, z0], [gx(ax - 0.1), ay + 0.22, z0]], css(fogged(s, roof, f)));
          }
        },
      });
      z = z1 + (rng.chance(0.2) ? rng.range(1, 3) : 0);
    }
    // the stone embankment along the water and the walkway on top
    world.push({
      depth: 0.6,
      draw: (c) => {
        const q = sideSign * quay;
        c.fill(ctx, [[q, -0.6, 0.6], [q, -0.6, 200], [q, 0.9, 200], [q, 0.9, 0.6]], vGradient(ctx, horizon - h * 0.05, h, [[0, css(fogged(s, stone, 0.3))], [1, css(shade(stone, 0.8))]]));
        for (let y = -0.3; y < 0.9; y += 0.3) c.line(ctx, [q, y, 0.6], [q, y, 200], css(shade(stone, 0.6), 0.5), 1.2);
        for (let z = 1; z < 60; z += 0.9) c.line(ctx, [q, -0.5, z], [q, 0.9, z], css(shade(stone, 0.65), 0.35), 1);
        c.fill(ctx, [[q, -0.6, 0.6], [q, -0.6, 200], [q, 0.05, 200], [q, 0.05, 0.6]], css(hex("#3a4036"), 0.35));
        c.fill(ctx, [[q, 0.9, 0.6], [sideSign * bank, 0.9, 0.6], [sideSign * bank, 0.9, 200], [q, 0.9, 200]], css(fogged(s, hex("#a9a399"), 0.15)));
      },
    });
  }
  // the bridge: a deck humped over a semicircular arch
  const R = 4.4;
  const deck = (X: number) => 5.6 - 0.02 * X * X;
  world.push({
    depth: bridgeZ,
    draw: (c) => {
      const f = fog(bridgeZ);
      const arch = (z: number) => Array.from({ length: 25 }, (_, i) => [R * Math.cos((Math.PI * i) / 24), R * Math.sin((Math.PI * i) / 24), z] as P3);
      // the underside of the arch, seen through it
      c.fill(ctx, [...arch(bridgeZ), ...arch(bridgeZ + 4).reverse()], css(fogged(s, shade(stone, 0.45), f)));
      const outline: P3[] = [[-12, -0.5, bridgeZ]];
      for (let X = -12; X <= 12; X += 1) outline.push([X, deck(X), bridgeZ]);
      outline.push([12, -0.5, bridgeZ], [R, 0, bridgeZ], ...arch(bridgeZ), [-R, 0, bridgeZ]);
      const b = c.bounds(outline);
      const g = ctx.createLinearGradient(0, b ? b[1] : 0, 0, b ? b[3] : h);
      g.addColorStop(0, css(fogged(s, mix(stone, s.sun, 0.1), f)));
      g.addColorStop(1, css(fogged(s, shade(stone, 0.6), f)));
      c.fill(ctx, outline, g);
      // voussoirs around the arch and courses of stone
      if (!c.flip) {
        ctx.save();
        c.path(ctx, outline);
        ctx.clip();
        const lw = clamp(c.scale(bridgeZ) * 0.03, 0.5, 2);
        for (let i = 0; i <= 16; i++) {
          const a = (Math.PI * i) / 16;
          c.line(ctx, [R * Math.cos(a), R * Math.sin(a), bridgeZ], [(R + 0.8) * Math.cos(a), (R + 0.8) * Math.sin(a), bridgeZ], css(fogged(s, shade(stone, 0.6), f), 0.7), lw);
        }
        for (let y = 0.5; y < 6; y += 0.45) c.line(ctx, [-12, y, bridgeZ], [12, y, bridgeZ], css(fogged(s, shade(stone, 0.7), f), 0.4), lw);
        ctx.restore();
      }
      // the parapet with its posts
      const par: P3[] = [];
      for (let X = -10; X <= 10; X += 1) par.push([X, deck(X), bridgeZ - 0.05]);
      for (let X = 10; X >= -10; X -= 1) par.push([X, deck(X) + 0.8, bridgeZ - 0.05]);
      c.fill(ctx, par, css(fogged(s, shade(stone, 0.92), f)));
      for (let X = -10; X <= 10; X += 2) c.line(ctx, [X, deck(X), bridgeZ - 0.1], [X, deck(X) + 1.0, bridgeZ - 0.1], css(fogged(s, shade(stone, 0.7), f)), clamp(c.scale(bridgeZ) * 0.2, 1, 6));
    },
  });
  const paintWorld = (c: Cam, l: Stage) => {
    ctx = l.ctx;
    world.sort((a, b) => b.depth - a.depth);
    for (const item of world) item.draw(c);
    ctx = s.ctx;
  };
  // water first: the sky mirrored, then the world mirrored, then the world itself
  const water = hex("#5f6b5e");
  ctx.fillStyle = vGradient(ctx, horizon, h, [[0, css(mix(s.haze, water, 0.3))], [1, css(water)]]);
  ctx.fillRect(0, horizon, w, h - horizon);
  waterReflection(s, horizon, (l) => paintWorld(cam.mirrored(), l), { wobble: w * 0.003, alpha: 0.6, blur: 2 });
  fade(s, horizon, h, hex("#3e4a40"), 0.15, 0.45);
  rippleMarks(s, horizon, h, 1.2);
  layer(s, (l) => paintWorld(cam, l));
  // a wupeng boat on the water, with its reflection
  const bz = rng.range(12, 20);
  const [bx, by] = cam.p(rng.range(-2.5, 2.5), 0, bz);
  const bl = cam.scale(bz) * 7;
  const dir = rng.chance(0.5) ? 1 : -1;
  layer(s, (l) => mirrorAbout(l.ctx, by, () => boat(l, bx, by, bl, { kind: "wupeng", hull: hex("#4a3a2a"), dir })), { alpha: 0.4, blur: 2 });
  boat(s, bx, by, bl, { kind: "wupeng", hull: hex("#4a3a2a"), dir });
  person(s, bx - dir * bl * 0.4, by - bl * 0.06, bl * 0.24, { ...randomLook(rng), top: hex("#2f3540"), hat: "straw" }, { facing: "side", dir, shadow: 0 });
  // willow fronds hanging into the top corner
  const wx = rng.chance(0.5) ? -w * 0.04 : w * 1.04;
  tree(s, wx, h * 0.62, h * 0.95, { kind: "willow", leaf: hex("#7d9a45"), shadow: false });
  return { contrast: 0.22, saturation: 0.9 };
}

// ---------------------------------------------------------------- market-street

/** A big market umbrella standing at (X, Z): a pole and an eight-panel canopy. */
function umbrella(s: Stage, cam: Cam, X: number, Z: number, col: RGB, fog: number): void {
  const { ctx } = s;
  cam.line(ctx, [X, 0, Z], [X, 2.4, Z], css(fogged(s, hex("#d8d8d4"), fog)), clamp(cam.scale(cam.depth(X, Z)) * 0.035, 1, 6));
  const rim = Array.from({ length: 16 }, (_, i) => {
    const a = (i / 16) * Math.PI * 2;
    return [X + Math.cos(a) * 1.3, 2.05, Z + Math.sin(a) * 1.3] as P3;
  });
  const apex: P3 = [X, 2.6, Z];
  // underside first (seen from below), then the panels nearest the camera
  cam.fill(ctx, rim, css(fogged(s, shade(col, 0.55), fog)));
  for (let i = 0; i < 16; i++) {
    const a = rim[i]!;
    const b = rim[(i + 1) % 16]!;
    if ((a[2] + b[2]) / 2 > Z + 0.2) continue;
    const lit = Math.cos(((i + 0.5) / 16) * Math.PI * 2) * s.light;
    cam.fill(ctx, [a, b, apex], css(fogged(s, i % 2 ? mix(col, WHITE, 0.75) : shade(col, 0.9 + lit * 0.15), fog)));
  }
}


const SIGNS = ["#c3262a", "#e0b52a", "#1f5fa6", "#2f7a3a", "#d8d2c4", "#b03a6a"].map(hex);
const PRODUCE = ["#e8782a", "#d63a2a", "#f2c230", "#6a9a3a", "#3f7a2a", "#a04a8a", "#e8d8a0"].map(hex);

/** A narrow street market: shopfronts with signboards and awnings, produce stalls, shoppers. */
function marketStreet(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "golden"]);
  const horizon = h * 0.47;
  outdoors(s, horizon, mood, { clouds: 0.2 });
  const cam = new Cam(w * 0.5, horizon, w * (portrait(s) ? 0.8 : 0.58), 1.65, rng.range(-0.06, 0.06));
  const fog = fogFor(220, 0.8);
  const half = 4;
  cam.fill(ctx, [[-half, 0, 0.5], [half, 0, 0.5], [half, 0, 400], [-half, 0, 400]], css(fogged(s, hex("#8e8a82"), 0.3)));
  paving(s, cam, { x0: -half, x1: half, z0: 0.5, z1: 300, tile: 0.5, color: hex("#9a958b"), joint: hex("#6a655d"), fog, vary: 0.05 });
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#5f5a52"), hex("#b9b2a5")], size: 0.8, count: 140, alpha: 0.15 });
  // the sun leaves one side of the street in shadow
  const shadeSide = -s.light;
  cam.fill(ctx, [[shadeSide * half, 0.01, 0.5], [shadeSide * half * 0.1, 0.01, 0.5], [shadeSide * half * 0.1, 0.01, 400], [shadeSide * half, 0.01, 400]], css(hex("#1f2030"), 0.25));
  const painter = new Painter();
  for (const sideSign of [-1, 1]) {
    let z = 1;
    while (z < 220) {
      const len = rng.range(4, 8);
      const z0 = z;
      const z1 = z + len;
      const X = sideSign * half;
      const floors = rng.int(2, 4);
      const wallC = vary(rng, rng.pick(["#e4ddd0", "#d8cdb8", "#c9c4bc", "#e8e2d8", "#bfae98"].map(hex)), 0.04);
      const signC = rng.pick(SIGNS);
      const inShade = sideSign === shadeSide;
      painter.add(z0, () => {
        const f = fog(z0);
        const lit = (c: RGB) => fogged(s, inShade ? darkSide(c, 0.72) : mix(c, s.sun, 0.12), f);
        const face = (y0: number, y1: number, a: number, b: number, fill: string, inset = 0) =>
          cam.fill(ctx, [[X - sideSign * inset, y0, a], [X - sideSign * inset, y0, b], [X - sideSign * inset, y1, b], [X - sideSign * inset, y1, a]], fill);
        face(0, floors * 3.2 + 0.6, z0, z1, css(lit(wallC)));
        // the shop: a dark interior with goods on shelves
        face(0, 2.7, z0 + 0.3, z1 - 0.3, css(fogged(s, hex("#2e2822"), f)));
        // warm light inside, a back shelf, crates of goods spilling out of the door
        const inner = X + sideSign * 0.02;
        cam.fill(ctx, [[inner, 2.7, z0 + 0.3], [inner, 2.7, z1 - 0.3], [inner, 0.9, z1 - 0.3], [inner, 0.9, z0 + 0.3]], css(fogged(s, hex("#7a5a36"), f), 0.55));
        face(1.5, 1.54, z0 + 0.3, z1 - 0.3, css(fogged(s, hex("#8a7a62"), f)), 0.03);
        let zz = z0 + 0.35;
        while (zz < z1 - 0.4) {
          const wdt = rng.range(0.15, 0.4);
          face(1.54, 1.54 + rng.range(0.15, 0.35), zz, zz + wdt, css(fogged(s, shade(vary(rng, rng.pick(PRODUCE), 0.15), 0.55), f)), 0.03);
          zz += wdt + rng.range(0.03, 0.2);
        }
        for (let zc = z0 + 0.5; zc < z1 - 0.8; zc += rng.range(0.7, 1.1)) {
          const cx0 = X - sideSign * 0.05;
          const cx1 = X - sideSign * 0.6;
          box3(s, cam, Math.min(cx0, cx1), Math.max(cx0, cx1), 0, 0.35, zc, zc + 0.55, { front: hex("#6a5a3a"), top: hex("#8a7450"), fog: f });
          const col = rng.pick(PRODUCE);
          for (let k = 0; k < 14; k++) {
            const px = lerp(cx0, cx1, rng.range(0.1, 0.9));
            const pz = zc + rng.range(0.05, 0.5);
            const [fx, fy] = cam.p(px, 0.37, pz);
            const r = cam.scale(cam.depth(px, pz)) * 0.05;
            ellipse(ctx, fx, fy, r, r * 0.9, css(fogged(s, vary(rng, col, 0.12), f)));
          }
        }
        // signboard with its characters
        face(2.8, 3.5, z0 + 0.1, z1 - 0.1, css(lit(signC)), 0.05);
        const signQuad: [P3, P3, P3, P3] = [[X - sideSign * 0.06, 3.45, z0 + 0.3], [X - sideSign * 0.06, 3.45, z1 - 0.3], [X - sideSign * 0.06, 2.85, z1 - 0.3], [X - sideSign * 0.06, 2.85, z0 + 0.3]];
        const n = Math.max(2, Math.floor((len - 0.6) / 0.75));
        onPlane(s, cam, signQuad, len - 0.6, 0.6, () => glyphs(s, 0.15, 0.1, 0.45, n, css(fogged(s, signC[0] > 200 && signC[1] > 150 ? hex("#b3261e") : hex("#fbf3d6"), f))));
        // upper floors: windows, air-conditioner units
        for (let fl = 1; fl < floors; fl++) {
          const y0 = fl * 3.2 + 0.6;
          for (let zz = z0 + 0.6; zz < z1 - 1.2; zz += 2) {
            face(y0 + 0.6, y0 + 2.2, zz, zz + 1.2, css(fogged(s, vary(rng, hex("#5a6a78"), 0.15), f)), 0.01);
            if (rng.chance(0.3)) box3(s, cam, ...(sideSign < 0 ? [X, X + 0.45] as const : [X - 0.45, X] as const), y0 + 0.2, y0 + 0.75, zz + 1.3, zz + 2.0, { front: hex("#e8e8e4"), fog: f });
          }
        }
        // a striped awning over the shopfront
        const aw = rng.pick(["#c3262a", "#1f5fa6", "#2f7a3a", "#e0b52a"].map(hex));
        cam.fill(ctx, [[X, 2.75, z0 + 0.1], [X, 2.75, z1 - 0.1], [X - sideSign * 1.3, 2.45, z1 - 0.1], [X - sideSign * 1.3, 2.45, z0 + 0.1]], css(lit(aw)));
        for (let k = 1; k < 10; k++) {
          const a = z0 + 0.1 + ((z1 - z0 - 0.2) * k) / 10;
          cam.line(ctx, [X, 2.75, a], [X - sideSign * 1.3, 2.45, a], css(lit(mix(aw, WHITE, 0.5)), 0.5), clamp(cam.scale(cam.depth(X, a)) * 0.12, 0.5, 8));
        }
        cam.fill(ctx, [[X - sideSign * 1.3, 2.45, z0 + 0.1], [X - sideSign * 1.3, 2.45, z1 - 0.1], [X - sideSign * 1.3, 2.25, z1 - 0.1], [X - sideSign * 1.3, 2.25, z0 + 0.1]], css(lit(shade(aw, 0.85))));
      });
      // a produce stall in front of some shops
      if (rng.chance(0.6) && z0 < 80) {
        const sz = z0 + len * 0.3;
        painter.add(sz - 0.5, () => {
          const f = fog(sz);
          const sx = sideSign * (half - 1.1);
          box3(s, cam, sx - 0.5, sx + 0.5, 0, 0.75, sz, sz + len * 0.5, { front: hex("#7a5a3a"), top: hex("#9a7a52"), fog: f });
          for (let k = 0; k < len * 5; k++) {
            const px = sx + rng.range(-0.45, 0.45);
            const pz = sz + rng.range(0.05, len * 0.5 - 0.05);
            const [fx, fy] = cam.p(px, 0.8, pz);
            const r = cam.scale(cam.depth(px, pz)) * 0.06;
            ellipse(ctx, fx, fy, r, r * 0.9, css(fogged(s, vary(rng, rng.pick(PRODUCE), 0.1), f)));
          }
        });
      }
      z = z1;
    }
  }
  // red lanterns strung across the street
  for (let Z = 6; Z < 90; Z += rng.range(10, 16)) {
    painter.add(Z, () => {
      const f = fog(Z);
      cam.line(ctx, [-half, 5.6, Z], [half, 5.6, Z], css(fogged(s, hex("#333"), f), 0.6), 1);
      for (let X = -half + 0.8; X < half; X += 1.6) {
        const [lx, ly] = cam.p(X, 5.2, Z);
        const k = cam.scale(Z);
        ellipse(ctx, lx, ly, k * 0.22, k * 0.2, css(fogged(s, hex("#c8281e"), f)));
      }
    });
  }
  // stalls under big umbrellas in the street, a vendor behind each; the cobbler, if there is one
  const cobbler = hinted(s, "修鞋", "鞋匠", "cobbler", "shoe");
  for (let i = 0; i < rng.int(2, 3); i++) {
    const sgn = i % 2 ? 1 : -1;
    const mineFirst = cobbler && i === 0;
    const X = sgn * (mineFirst ? 1.1 : rng.range(portrait(s) ? 1.5 : 1.8, portrait(s) ? 2 : 2.6));
    const Z = (mineFirst ? 4.2 : 3.5) + i * rng.range(2.5, 4);
    const col = rng.pick(["#c3262a", "#1f5fa6", "#2f7a3a", "#e0b52a"].map(hex));
    const mine = cobbler && i === 0;
    painter.add(Z - 0.5, () => {
      const f = fog(Z);
      if (mine) {
        box3(s, cam, X - 0.25, X + 0.25, 0, 0.3, Z - 0.6, Z - 0.3, { front: hex("#6a4a2a"), top: hex("#8a6a42"), fog: f });
        for (let k = 0; k < 5; k++) {
          const [sx, sy] = cam.p(X + rng.range(-0.6, 0.6), 0.02, Z - rng.range(0.7, 1.1));
          const kk = cam.scale(Z - 0.9);
          ellipse(ctx, sx, sy, kk * 0.12, kk * 0.04, css(vary(rng, hex("#2a2420"), 0.2)));
        }
        figureAt(s, cam, X + sgn * 0.2, Z - 0.1, 1.55, { ...randomLook(rng, { elderly: true, tops: CARDIGANS }), hat: rng.chance(0.5) ? "cap" : undefined, skirt: false }, { pose: "sit", facing: "side", dir: -sgn as 1 | -1, reach: true, shadow: 0.3, fog: f });
      } else {
        figureAt(s, cam, X + sgn * 0.4, Z + 0.6, 1.6, { ...randomLook(rng, { elderly: rng.chance(0.4) }), skirt: false }, { pose: "stand", facing: "front", fog: f });
        box3(s, cam, X - 0.6, X + 0.6, 0, 0.75, Z - 0.3, Z + 0.3, { front: hex("#7a5a3a"), top: hex("#9a7a52"), fog: f });
        for (let k = 0; k < 3; k++) {
          const bx = X - 0.45 + k * 0.38;
          box3(s, cam, bx - 0.16, bx + 0.16, 0.75, 0.92, Z - 0.22, Z + 0.1, { front: hex("#b89a6a"), top: hex("#c9ab7a"), fog: f });
          const pc = rng.pick(PRODUCE);
          for (let q = 0; q < 8; q++) {
            const [fx, fy] = cam.p(bx + rng.range(-0.12, 0.12), 0.94, Z + rng.range(-0.2, 0.08));
            const r = cam.scale(Z) * 0.04;
            ellipse(ctx, fx, fy, r, r * 0.9, css(fogged(s, vary(rng, pc, 0.1), f)));
          }
        }
      }
      umbrella(s, cam, X, Z, col, f);
    });
  }
  for (let i = 0; i < rng.int(22, 36); i++) {
    const Z = 3.5 + Math.pow(rng.next(), 1.3) * 70;
    const X = rng.range(-half + 0.6, half - 0.6) * (Z < 15 ? 0.4 : 1);
    const look: Look = { ...randomLook(rng, { elderly: rng.chance(0.3) }), holding: rng.chance(0.35) ? vary(rng, rng.pick(["#c23b2e", "#e8e4da", "#3f7a2a"].map(hex)), 0.1) : undefined };
    const facing = rng.pick(["front", "back", "back", "side"] as const);
    painter.add(Z, () => figureAt(s, cam, X, Z, rng.range(1.5, 1.8), look, { pose: facing === "side" ? "walk" : rng.chance(0.6) ? "walk" : "stand", facing, dir: rng.chance(0.5) ? 1 : -1, phase: rng.range(-1, 1), fog: fog(Z) }));
  }
  painter.paint();
  return { contrast: 0.25 };
}

// ---------------------------------------------------------------- hospital-building

/** A hospital: a village clinic when the description says so, otherwise a big city hospital. */
function hospitalBuilding(s: Stage): Finish {
  return hinted(s, "卫生室", "卫生院", "诊所", "平房", "clinic", "village") ? villageClinic(s) : cityHospital(s);
}

/** A village clinic: a whitewashed single-storey building with a signboard and red cross, hills behind. */
function villageClinic(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "golden"]);
  const horizon = h * 0.5;
  outdoors(s, horizon, mood, { clouds: 0.4 });
  ridge(s, { base: horizon - h * 0.02, amp: h * 0.14, color: hex("#6a7f8a"), fog: 0.55, freq: 1.6, seed: "far" });
  ridge(s, { base: horizon + h * 0.02, amp: h * 0.08, color: hex("#4f6a45"), fog: 0.3, freq: 2.4, trees: hex("#2f4a2a"), seed: "near" });
  const dir = rng.chance(0.5) ? 1 : -1;
  const cam = new Cam(w * 0.5, horizon, w * 0.62, 1.5, dir * 0.3);
  const fog = fogFor(600, 0.6);
  cam.fill(ctx, [[-500, 0, 0.5], [500, 0, 0.5], [500, 0, 800], [-500, 0, 800]], vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#9a9484"), 0.4))], [1, css(hex("#a59e8e"))]]));
  paving(s, cam, { x0: -60, x1: 60, z0: 0.5, z1: 40, tile: 0.8, color: hex("#a8a296"), joint: hex("#7a746a"), fog, vary: 0.04 });
  mottle(s, cam, { y0: horizon, y1: h, colors: [hex("#7a735f"), hex("#c2bba8")], size: 0.6, count: 120, alpha: 0.15 });
  const painter = new Painter();
  const [bx, bz] = cam.place(w * (dir > 0 ? 0.14 : 0.86), 10.5);
  const x0 = dir > 0 ? bx : bx - 13;
  const x1 = x0 + 13;
  const z0 = bz;
  // village houses and trees behind
  for (let i = 0; i < 8; i++) {
    const X = x0 + rng.range(-40, 40);
    const Z = z0 + rng.range(25, 60);
    painter.add(cam.depth(X, Z), () => {
      const d = cam.depth(X, Z);
      const [x, y] = cam.p(X, 0, Z);
      const k = cam.scale(d);
      if (rng.chance(0.5)) house(s, { x: x - k * 5, base: y, w: k * 10, h: k * (rng.chance(0.5) ? 6.5 : 3.5), style: rng.chance(0.5) ? "flat" : "tile", fog: fog(d) });
      else tree(s, x, y, k * rng.range(6, 10), { fog: fog(d), leaf: vary(rng, hex("#52703a"), 0.1) });
    });
  }
  painter.add(cam.depth(x0 + 6, z0 + 3), () => {
    const white = hex("#efeee8");
    box3(s, cam, x0, x1, 0, 3.6, z0, z0 + 6, { front: white, side: shade(white, 0.85), top: hex("#c9c6bc") });
    box3(s, cam, x0 - 0.1, x1 + 0.1, 3.6, 4.0, z0 - 0.1, z0 + 6.1, { front: hex("#dedad0"), top: hex("#b9b5aa") });
    cam.fill(ctx, quad3([x0, 0, z0 - 0.01], [1, 0, 0], [0, 1, 0], 0, x1 - x0, 0, 0.6), css(hex("#8a8a86")));
    // two rooms: each a door and a window; the sign board and a red cross
    for (const [dx, door] of [[1.0, 4.2], [7.5, 10.6]] as const) {
      cam.fill(ctx, quad3([x0 + dx, 0, z0 - 0.02], [1, 0, 0], [0, 1, 0], 0, 2.2, 1.0, 2.4), css(hex("#5a7a96")));
      cam.line(ctx, [x0 + dx + 1.1, 1.0, z0 - 0.03], [x0 + dx + 1.1, 2.4, z0 - 0.03], css(hex("#d8dcdf")), 2);
      cam.fill(ctx, quad3([x0 + door, 0, z0 - 0.02], [1, 0, 0], [0, 1, 0], 0, 1.1, 0, 2.2), css(hex("#6a8aa6")));
      cam.fill(ctx, quad3([x0 + door, 0, z0 - 0.025], [1, 0, 0], [0, 1, 0], 0.05, 1.05, 0.05, 2.15), css(hex("#9ab4c8"), 0.6));
    }
    const sign: [P3, P3, P3, P3] = [[x0 + 3, 3.45, z0 - 0.05], [x0 + 10, 3.45, z0 - 0.05], [x0 + 10, 2.75, z0 - 0.05], [x0 + 3, 2.75, z0 - 0.05]];
    cam.fill(ctx, [...sign], css(WHITE));
    onPlane(s, cam, sign, 7, 0.7, () => glyphs(s, 1.3, 0.12, 0.46, 5, css(hex("#c8201c"))));
    cam.fill(ctx, quad3([x0 + 3.35, 0, z0 - 0.06], [1, 0, 0], [0, 1, 0], 0, 0.5, 3.0, 3.2), css(hex("#d42a22")));
    cam.fill(ctx, quad3([x0 + 3.5, 0, z0 - 0.06], [1, 0, 0], [0, 1, 0], 0, 0.2, 2.85, 3.35), css(hex("#d42a22")));
  });
  // a tree by the door, a bench, villagers and the doctor
  const tX = dir > 0 ? x1 + 3 : x0 - 3;
  painter.add(cam.depth(tX, z0 - 1), () => {
    const d = cam.depth(tX, z0 - 1);
    const [x, y] = cam.p(tX, 0, z0 - 1);
    tree(s, x, y, cam.scale(d) * 7, { leaf: hex("#55723a") });
  });
  painter.add(cam.depth(x0 + 5, z0 - 1.2), () => box3(s, cam, x0 + 4.5, x0 + 6.5, 0.4, 0.48, z0 - 1.5, z0 - 1.1, { front: hex("#7a5a3a"), top: hex("#9a7a52") }));
  for (let i = 0; i < rng.int(2, 4); i++) {
    const X = x0 + rng.range(2, 11);
    const Z = z0 - rng.range(1.5, 4);
    const doctor = i === 0;
    const look: Look = doctor ? { ...randomLook(rng), top: hex("#f4f4f0"), bottom: hex("#f0f0ec"), skirt: false } : { ...randomLook(rng, { elderly: rng.chance(0.6) }), skirt: false };
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.58, 1.75), look, { pose: doctor ? "stand" : rng.pick(["stand", "walk"] as const), facing: rng.pick(["front", "side"] as const), dir: rng.chance(0.5) ? 1 : -1, fog: fog(Z) }));
  }
  painter.paint();
  return { contrast: 0.24 };
}

/** A big modern hospital across the road: glass-banded blocks, a red cross, an entrance canopy, traffic and people. */
function cityHospital(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "clear"]);
  const horizon = h * (portrait(s) ? 0.66 : 0.6);
  outdoors(s, horizon, mood, { clouds: 0.35 });
  const dir = rng.chance(0.5) ? 1 : -1;
  const cam = new Cam(w * 0.5, horizon, w * 0.6, 1.6, dir * 0.4);
  const fog = fogFor(1200, 0.5);
  // neighbouring blocks in the haze
  blocks(s, { base: horizon + 2, widths: [0.05, 0.1], heights: [0.05, 0.2], step: [0.07, 0.14], color: hex("#cfc9bd"), fog: 0.5, styles: ["flats", "grid", "glass"] });
  hazeBand(s, horizon, h * 0.05, s.haze, 0.4);
  const white = hex("#eeede8");
  const glass = hex("#5f7f9c");
  // where things go: the building's near corner sits at a chosen place in the frame
  const [cx0, cz0] = cam.place(w * (dir > 0 ? 0.18 : 0.82), 70);
  const x0 = dir > 0 ? cx0 : cx0 - 70;
  const x1 = x0 + 70;
  const z0 = cz0;
  cam.fill(ctx, [[-2000, 0, 0.5], [2000, 0, 0.5], [2000, 0, 3000], [-2000, 0, 3000]], vGradient(ctx, horizon, h, [[0, css(fogged(s, hex("#a5a39c"), 0.3))], [1, css(hex("#9a978f"))]]));
  // the tower block and its wing
  box3(s, cam, x0, x1, 0, 44, z0, z0 + 24, { front: white, side: shade(white, 0.86), fog: 0.05 });
  grid3(s, cam, [x0, 10, z0 - 0.02], [2, 0, 0], [0, 3.3, 0], 35, 10, [0.06, 0.2], () => css(vary(rng, glass, 0.08)));
  const sideX = dir > 0 ? x0 - 0.02 : x1 + 0.02;
  grid3(s, cam, [sideX, 10, z0], [0, 0, 2], [0, 3.3, 0], 12, 10, [0.06, 0.2], () => css(vary(rng, shade(glass, 0.85), 0.08)));
  for (let x = x0; x <= x1; x += 6) cam.fill(ctx, [[x - 0.3, 10, z0 - 0.4], [x + 0.3, 10, z0 - 0.4], [x + 0.3, 44, z0 - 0.4], [x - 0.3, 44, z0 - 0.4]], css(hex("#f6f5f0")));
  // the red cross and the name on the roof
  const rx = dir > 0 ? x0 + 6 : x1 - 6;
  cam.fill(ctx, [[rx - 4, 44, z0], [rx + 4, 44, z0], [rx + 4, 52, z0], [rx - 4, 52, z0]], css(WHITE));
  cam.fill(ctx, [[rx - 3, 47, z0 - 0.05], [rx + 3, 47, z0 - 0.05], [rx + 3, 49, z0 - 0.05], [rx - 3, 49, z0 - 0.05]], css(hex("#d42a22")));
  cam.fill(ctx, [[rx - 1, 45, z0 - 0.05], [rx + 1, 45, z0 - 0.05], [rx + 1, 51, z0 - 0.05], [rx - 1, 51, z0 - 0.05]], css(hex("#d42a22")));
  const signA = dir > 0 ? x0 + 14 : x0 + 8;
  onPlane(s, cam, [[signA, 47.5, z0], [signA + 46, 47.5, z0], [signA + 46, 44.5, z0], [signA, 44.5, z0]], 46, 3, () => glyphs(s, 0.4, 0.35, 2.4, 14, css(hex("#d42a22"))));
  // the podium: glass entrance hall and a canopy on columns
  box3(s, cam, x0 - 20, x1 + 20, 0, 10, z0 - 14, z0, { front: hex("#dcd8cf"), fog: 0.03 });
  grid3(s, cam, [x0 - 20, 0.6, z0 - 14.02], [3, 0, 0], [0, 4.3, 0], 36, 2, [0.04, 0.06], (c) => css(vary(rng, c > 14 && c < 22 ? shade(glass, 0.55) : glass, 0.06)));
  const ex = (x0 + x1) / 2;
  box3(s, cam, ex - 12, ex + 12, 5.2, 6.0, z0 - 24, z0 - 14, { front: hex("#e8e8e4"), top: hex("#d8d8d4") });
  for (const px of [ex - 11, ex + 11]) box3(s, cam, px - 0.35, px + 0.35, 0, 5.2, z0 - 23.5, z0 - 22.8, { front: hex("#cfcfca") });
  // plaza paving, the road in front, the pavement between
  const roadZ0 = 5;
  const roadZ1 = 17;
  paving(s, cam, { x0: -300, x1: 300, z0: 0.5, z1: roadZ0, tile: 0.6, color: hex("#b3ada2"), joint: hex("#847e74"), fog, vary: 0.03 });
  paving(s, cam, { x0: -400, x1: 400, z0: roadZ1 + 4, z1: z0 - 14, tile: 1.2, color: hex("#b9b4aa"), joint: hex("#8a857b"), fog, vary: 0.03 });
  cam.fill(ctx, [[-2000, 0.01, roadZ0], [2000, 0.01, roadZ0], [2000, 0.01, roadZ1], [-2000, 0.01, roadZ1]], css(hex("#4a4a4e")));
  cam.fill(ctx, [[-2000, 0.02, roadZ1], [2000, 0.02, roadZ1], [2000, 0.02, roadZ1 + 4], [-2000, 0.02, roadZ1 + 4]], css(hex("#c2bdb2")));
  for (let X = -400; X < 400; X += 9) cam.fill(ctx, [[X, 0.02, (roadZ0 + roadZ1) / 2 - 0.08], [X + 4.5, 0.02, (roadZ0 + roadZ1) / 2 - 0.08], [X + 4.5, 0.02, (roadZ0 + roadZ1) / 2 + 0.08], [X, 0.02, (roadZ0 + roadZ1) / 2 + 0.08]], css(hex("#e8e6de"), 0.85));
  const painter = new Painter();
  for (let X = x0 - 80; X < x1 + 80; X += rng.range(8, 11)) {
    const Z = roadZ1 + 2;
    const d = cam.depth(X, Z);
    if (d < 3) continue;
    painter.add(d, () => {
      const [x, y] = cam.p(X, 0, Z);
      tree(s, x, y, cam.scale(d) * rng.range(6, 8), { fog: fog(d), leaf: vary(rng, hex("#557234"), 0.1) });
    });
  }
  for (let k = 0; k < 3; k++) {
    const X = ex - 6 + k * 4;
    const Z = z0 - 30;
    painter.add(cam.depth(X, Z), () => {
      const d = cam.depth(X, Z);
      cam.line(ctx, [X, 0, Z], [X, 14, Z], css(hex("#d9d9d4")), clamp(cam.scale(d) * 0.15, 1, 4));
      const [fx, fy] = cam.p(X, 14, Z);
      const k2 = cam.scale(d);
      fillPoly(ctx, [[fx, fy], [fx + dir * k2 * 2.4, fy + k2 * 0.2], [fx + dir * k2 * 2.4, fy + k2 * 1.8], [fx, fy + k2 * 1.6]], css(k === 1 ? hex("#d42a22") : hex("#2f6fb0")));
    });
  }
  // cars on the road and in the forecourt, an ambulance at the door
  const carColours = ["#e8e8e4", "#1f2226", "#8a9096", "#a12a2a", "#2a4a7a", "#c9c3b6"].map(hex);
  for (let i = 0; i < rng.int(4, 7); i++) {
    const [X] = cam.place(rng.range(0.05, 0.95) * w, 25);
    const Z = rng.chance(0.5) ? roadZ0 + 3.5 : roadZ1 - 3.5;
    painter.add(cam.depth(X, Z), () => {
      const d = cam.depth(X, Z);
      if (d < 3) return;
      const [x, y] = cam.p(X, 0, Z);
      car(s, x, y, cam.scale(d) * 4.6, { color: vary(rng, rng.pick(carColours), 0.05), view: "side", dir: Z < (roadZ0 + roadZ1) / 2 ? 1 : -1, fog: fog(d) });
    });
  }
  painter.add(cam.depth(ex + 4, z0 - 19), () => {
    const d = cam.depth(ex + 4, z0 - 19);
    const [x, y] = cam.p(ex + 4, 0, z0 - 19);
    const k = cam.scale(d);
    car(s, x, y, k * 5.4, { color: WHITE, view: "side", dir: 1, fog: fog(d) });
    ctx.fillStyle = css(hex("#d42a22"));
    ctx.fillRect(x - k * 2.6, y - k * 0.8, k * 5.2, k * 0.2);
  });
  for (let i = 0; i < rng.int(14, 24); i++) {
    const [X] = cam.place(rng.range(0.1, 0.9) * w, 40);
    const Z = rng.range(roadZ1 + 5, z0 - 16);
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, rng.range(1.55, 1.8), randomLook(rng, { elderly: rng.chance(0.3) }), { pose: "walk", facing: rng.pick(["front", "back", "side"] as const), dir: rng.chance(0.5) ? 1 : -1, phase: rng.range(-1, 1), fog: fog(cam.depth(X, Z)) }));
  }
  painter.paint();
  return { contrast: 0.25 };
}

// ---------------------------------------------------------------- library-interior

const SPINES = ["#7a2a2a", "#2a3f6a", "#2f5a3a", "#c9b88a", "#5a3a2a", "#1f1f22", "#8a6a3a", "#a04030", "#3a5a7a", "#e2d8c0", "#6a2a4a", "#d8a040"].map(hex);

/** An aisle between tall bookshelves, warm lamps, a bright window at the end, a reader browsing. */
function libraryInterior(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.light = rng.chance(0.5) ? 1 : -1;
  s.sun = hex("#ffe8c4");
  s.haze = hex("#e8dcc6");
  const cam = new Cam(w * 0.5, h * 0.48, w * 0.52, 1.55, rng.range(-0.05, 0.05));
  const fog = fogFor(60, 0.45);
  const half = 1.2;
  const H = 3.4;
  const D = 24;
  room(s, cam, { halfW: 3, height: H, depth: D, wall: hex("#e8dcc6"), floor: hex("#9a7452"), ceiling: hex("#efe8dc"), fog });
  for (let x = -3; x < 3; x += 0.1) cam.fill(ctx, [[x, 0.001, 0.4], [x + 0.1, 0.001, 0.4], [x + 0.1, 0.001, D], [x, 0.001, D]], css(vary(rng, hex("#9a7452"), 0.04)));
  for (let x = -3; x < 3; x += 0.1) cam.line(ctx, [x, 0.002, 0.4], [x, 0.002, D], css(hex("#5a4030"), 0.3), 1);
  layer(s, (l) => cam.fill(l.ctx, [[-0.7, 0.003, 2], [0.7, 0.003, 2], [0.7, 0.003, D], [-0.7, 0.003, D]], vGradient(l.ctx, cam.horizon, h, [[0, css(hex("#fff4dc"), 0.55)], [1, css(hex("#fff4dc"), 0)]])), { blur: w * 0.01, op: "screen" });
  windowPane(s, cam, [[-1.0, 0.6, D - 0.01], [1.0, 0.6, D - 0.01], [1.0, 2.9, D - 0.01], [-1.0, 2.9, D - 0.01]], { outside: [hex("#fbfaf4"), hex("#f2f4ea"), hex("#dfe6cf")], frame: hex("#c9bda6"), bars: 2 });
  // the shelves on both sides, full of books
  for (const sideSign of [-1, 1]) {
    const X = sideSign * half;
    for (let z = D - 1; z >= 0.4; z -= 1) {
      const f = fog(z);
      cam.fill(ctx, [[X, 0, z], [X, 0, z + 1], [X, 2.5, z + 1], [X, 2.5, z]], css(fogged(s, hex("#3a2a20"), f)));
      for (let level = 0; level < 7; level++) {
        const y0 = 0.12 + level * 0.34;
        let bz = z + 0.02;
        while (bz < z + 0.98) {
          const thick = rng.range(0.02, 0.06);
          const bh = rng.range(0.2, 0.31);
          if (rng.chance(0.04)) {
            bz += thick * 3;
            continue;
          }
          const col = vary(rng, rng.pick(SPINES), 0.08);
          const lit = sideSign === -s.light ? 1 : 0.8;
          cam.fill(ctx, [[X + sideSign * 0.001, y0, bz], [X, y0, Math.min(z + 0.98, bz + thick)], [X, y0 + bh, Math.min(z + 0.98, bz + thick)], [X, y0 + bh, bz]], css(fogged(s, shade(col, lit), f)));
          bz += thick + 0.003;
        }
        cam.fill(ctx, [[X - sideSign * 0.005, y0 - 0.04, z], [X - sideSign * 0.005, y0 - 0.04, z + 1], [X - sideSign * 0.005, y0, z + 1], [X - sideSign * 0.005, y0, z]], css(fogged(s, hex("#b8946a"), f)));
      }
      cam.fill(ctx, [[X - sideSign * 0.01, 0, z], [X - sideSign * 0.01, 0, z + 0.05], [X - sideSign * 0.01, 2.55, z + 0.05], [X - sideSign * 0.01, 2.55, z]], css(fogged(s, hex("#c9a67a"), f)));
      cam.fill(ctx, [[X, 2.5, z], [X, 2.5, z + 1], [X, 2.6, z + 1], [X, 2.6, z]], css(fogged(s, hex("#b8946a"), f)));
    }
  }
  // lamps down the aisle
  for (let Z = 2; Z < D; Z += 3) {
    const [lx, ly] = cam.p(0, H - 0.5, Z);
    const k = cam.scale(Z);
    cam.line(ctx, [0, H, Z], [0, H - 0.45, Z], css(hex("#333")), 1);
    ctx.beginPath();
    ctx.ellipse(lx, ly, k * 0.25, k * 0.14, 0, Math.PI, 0);
    ctx.fillStyle = css(hex("#2f3a33"));
    ctx.fill();
    glow(s, lx, ly + k * 0.02, k * 1.4, hex("#ffd79a"), 0.55);
  }
  // readers browsing
  const painter = new Painter();
  for (let i = 0; i < rng.int(1, 3); i++) {
    const Z = rng.range(5, 16);
    const toward = rng.chance(0.5) ? 1 : -1;
    const look: Look = { ...randomLook(rng), holding: rng.chance(0.6) ? vary(rng, rng.pick(SPINES), 0.1) : undefined };
    painter.add(Z, () => figureAt(s, cam, toward * 0.55, Z, rng.range(1.58, 1.78), look, { pose: rng.chance(0.5) ? "carry" : "stand", facing: "side", dir: toward as 1 | -1, fog: fog(Z) }));
  }
  painter.paint();
  return { contrast: 0.22, bloom: 0.25, tint: hex("#ffeed6"), tintAmount: 0.35, vignette: 0.4 };
}

// ---------------------------------------------------------------- night-street

/** A city street after dark: lit shopfronts and neon, street lamps, car lights, all mirrored in the wet road. */
function nightStreet(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.haze = hex("#1b2030");
  s.sun = hex("#ffc98a");
  const horizon = h * 0.5;
  sky(s, { top: hex("#070b18"), horizon: hex("#3a3446"), y: horizon });
  const cam = new Cam(w * 0.5, horizon, w * 0.6, 1.6, rng.range(-0.08, 0.08));
  const fog = fogFor(160, 0.9);
  const half = 7;
  // road and pavements
  cam.fill(ctx, [[-half, 0, 0.5], [half, 0, 0.5], [half, 0, 800], [-half, 0, 800]], vGradient(ctx, horizon, h, [[0, css(hex("#2a2830"))], [1, css(hex("#15161b"))]]));
  for (const sgn of [-1, 1]) cam.fill(ctx, [[sgn * 5, 0.15, 0.5], [sgn * half, 0.15, 0.5], [sgn * half, 0.15, 800], [sgn * 5, 0.15, 800]], css(hex("#2a2a2e")));
  for (let z = 3; z < 300; z += 9) cam.fill(ctx, [[-0.08, 0.01, z], [0.08, 0.01, z], [0.08, 0.01, z + 4], [-0.08, 0.01, z + 4]], css(fogged(s, hex("#c9c6bd"), fog(z)), 0.7));
  const lights: { x: number; y: number; ground: number; r: number; color: RGB; a: number }[] = [];
  const painter = new Painter();
  const neon = ["#ff3b5c", "#3be0ff", "#ffd23b", "#ff7a2a", "#b05cff", "#4cff8a"].map(hex);
  for (const sgn of [-1, 1]) {
    let z = 2;
    while (z < 260) {
      const len = rng.range(5, 12);
      const z0 = z;
      const z1 = z + len;
      const X = sgn * half;
      const floors = rng.int(3, 9);
      painter.add(z0, () => {
        const f = fog(z0);
        const face = (y0: number, y1: number, a: number, b: number, fill: string, inset = 0) =>
          cam.fill(ctx, [[X - sgn * inset, y0, a], [X - sgn * inset, y0, b], [X - sgn * inset, y1, b], [X - sgn * inset, y1, a]], fill);
        face(0, floors * 3.2, z0, z1, css(fogged(s, vary(rng, hex("#26242a"), 0.1), f)));
        // lit upper windows
        for (let fl = 1; fl < floors; fl++) {
          for (let zz = z0 + 0.5; zz < z1 - 1; zz += 1.8) {
            const on = rng.chance(0.45);
            face(fl * 3.2 + 0.8, fl * 3.2 + 2.3, zz, zz + 1.1, css(fogged(s, on ? vary(rng, rng.chance(0.7) ? hex("#f0c27a") : hex("#bcd4ee"), 0.1) : hex("#1a1a22"), f * 0.7)), 0.01);
          }
        }
        // the shopfront glowing onto the pavement
        const warm = rng.chance(0.7) ? hex("#ffd9a0") : hex("#e8f2ff");
        face(0.2, 3, z0 + 0.4, z1 - 0.4, css(fogged(s, shade(warm, 0.8), f * 0.6)), 0.01);
        face(0.2, 1.2, z0 + 0.4, z1 - 0.4, css(fogged(s, shade(warm, 0.45), f * 0.6)), 0.015);
        for (const sy of [1.5, 2.1]) face(sy, sy + 0.25, z0 + 0.6, z1 - 0.6, css(fogged(s, vary(rng, hex("#8a5a3a"), 0.2), f * 0.6), 0.7), 0.015);
        for (let zz = z0 + 0.4; zz <= z1 - 0.4; zz += 1.5) cam.line(ctx, [X - sgn * 0.02, 0.2, zz], [X - sgn * 0.02, 3, zz], css(hex("#1a1a1e")), clamp(cam.scale(cam.depth(X, zz)) * 0.06, 0.6, 5));
        if (rng.chance(0.5)) {
          const pz = rng.range(z0 + 0.8, z1 - 0.8);
          figureAt(s, cam, X + sgn * 0.6, pz, 1.65, { ...randomLook(rng), top: hex("#2a2a30") }, { facing: "side", dir: rng.chance(0.5) ? 1 : -1, shadow: 0, fog: 0.5 }, 0.2);
        }
        const [gx, gy] = cam.p(X, 1.5, (z0 + z1) / 2);
        const k = cam.scale(cam.depth(X, (z0 + z1) / 2));
        glow(s, gx, gy, k * 4, warm, 0.35 * (1 - f));
        lights.push({ x: gx, y: gy, ground: cam.p(X, 0, (z0 + z1) / 2)[1], r: k * 1.5, color: warm, a: 0.3 * (1 - f) });
        // a sign board over the shop
        const sc = rng.pick(neon);
        face(3.2, 4.0, z0 + 0.3, z1 - 0.3, css(fogged(s, shade(sc, 0.5), f * 0.5)), 0.02);
        const q: [P3, P3, P3, P3] = [[X - sgn * 0.03, 3.9, z0 + 0.5], [X - sgn * 0.03, 3.9, z1 - 0.5], [X - sgn * 0.03, 3.3, z1 - 0.5], [X - sgn * 0.03, 3.3, z0 + 0.5]];
        onPlane(s, cam, q, len - 1, 0.6, () => glyphs(s, 0.1, 0.1, 0.42, Math.max(2, Math.floor((len - 1) / 0.6)), css(mix(sc, WHITE, 0.6))));
        // a vertical neon sign sticking out over the pavement
        if (rng.chance(0.6)) {
          const nz = z0 + len * 0.5;
          const nc = rng.pick(neon);
          const [ax, ay] = cam.p(X - sgn * 0.3, 8, nz);
          const [bx, by] = cam.p(X - sgn * 1.3, 4, nz);
          ctx.fillStyle = css(fogged(s, shade(nc, 0.35), f * 0.5));
          ctx.fillRect(Math.min(ax, bx), ay, Math.abs(bx - ax), by - ay);
          const gs = Math.abs(bx - ax) * 0.6;
          glyphs(s, Math.min(ax, bx) + Math.abs(bx - ax) * 0.2, ay + gs * 0.3, gs, Math.max(2, Math.floor((by - ay) / (gs * 1.2)) - 1), css(mix(nc, WHITE, 0.5)), true);
          glow(s, (ax + bx) / 2, (ay + by) / 2, (by - ay) * 0.9, nc, 0.45 * (1 - f));
          lights.push({ x: (ax + bx) / 2, y: (ay + by) / 2, ground: cam.p(X - sgn, 0, nz)[1], r: Math.abs(bx - ax) * 0.8, color: nc, a: 0.45 * (1 - f) });
        }
      });
      z = z1;
    }
    for (let Z = 8; Z < 250; Z += 24) {
      painter.add(Z, () => {
        const [x, y] = cam.p(sgn * 5.3, 0.15, Z);
        const k = cam.scale(cam.depth(sgn * 5.3, Z));
        const head = lampPost(s, x, y, k * 8, { color: hex("#1a1a1e"), on: false, arm: -sgn * 0.15 });
        glow(s, head[0], head[1] + k * 0.2, k * 5, hex("#ffc978"), 0.8 * (1 - fog(Z) * 0.7));
        lights.push({ x: head[0], y: head[1], ground: y, r: k * 0.8, color: hex("#ffc978"), a: 0.6 * (1 - fog(Z)) });
      });
    }
  }
  // traffic: tail lights going away on the right, headlights coming on the left
  for (let i = 0; i < rng.int(4, 8); i++) {
    const away = rng.chance(0.55);
    const X = (away ? 1 : -1) * rng.range(1.2, 3.8);
    const Z = rng.range(10, 120);
    painter.add(Z, () => {
      const d = cam.depth(X, Z);
      const [x, y] = cam.p(X, 0, Z);
      const k = cam.scale(d);
      car(s, x, y, k * 1.8, { color: vary(rng, rng.pick(["#1f2226", "#3a3f48", "#5a5e66", "#6a1f1f"].map(hex)), 0.05), view: away ? "rear" : "front", lights: true, fog: fog(d) * 0.8 });
      for (const sx of [-1, 1]) lights.push({ x: x + sx * k * 0.7, y: y - k * 0.5, ground: y, r: k * 0.25, color: away ? hex("#ff3020") : hex("#fff4dc"), a: 0.6 });
    });
  }
  for (let i = 0; i < rng.int(8, 16); i++) {
    const sgn = rng.chance(0.5) ? 1 : -1;
    const X = sgn * rng.range(5.3, 6.6);
    const Z = 4 + Math.pow(rng.next(), 1.5) * 60;
    const look = randomLook(rng);
    painter.add(Z, () => figureAt(s, cam, X, Z, rng.range(1.55, 1.8), look, { pose: "walk", facing: rng.pick(["front", "back", "side"] as const), dir: rng.chance(0.5) ? 1 : -1, phase: rng.range(-1, 1), fog: 0.3 + fog(Z) * 0.6, shadow: 0 }, 0.15));
  }
  painter.paint();
  // wet road: every light smeared into a streak below it
  layer(
    s,
    (l) => {
      for (const L of lights) {
        if (L.ground <= horizon) continue;
        const y1 = Math.min(h, L.ground + (L.ground - L.y) * 1.2);
        const g = l.ctx.createLinearGradient(0, L.ground, 0, y1);
        g.addColorStop(0, css(L.color, L.a * 0.8));
        g.addColorStop(1, css(L.color, 0));
        l.ctx.fillStyle = g;
        l.ctx.fillRect(L.x - L.r * 0.5, L.ground, L.r, y1 - L.ground);
      }
    },
    { blur: w * 0.003, op: "screen" },
  );
  bokeh(s, { x0: 0, y0: h * 0.1, x1: w, y1: h * 0.55, count: 14, colors: [hex("#ffc978"), hex("#ff6a5a"), hex("#7ad8ff")], r: [w * 0.015, w * 0.04], alpha: 0.25 });
  return { contrast: 0.3, bloom: 0.5, grain: 0.05, vignette: 0.4, saturation: 1.05 };
}

// ---------------------------------------------------------------- harvest

/** Golden grain half cut: farmers in straw hats, sheaves on the stubble, a combine harvester raising dust. */
function harvest(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["golden", "clear", "golden"]);
  const horizon = h * (portrait(s) ? 0.44 : 0.4);
  outdoors(s, horizon, mood, { clouds: 0.45 });
  ridge(s, { base: horizon + 2, amp: h * 0.06, color: hex("#6a7f8e"), fog: 0.6, freq: 2.2, seed: "far" });
  treeLine(s, { x0: -10, x1: w + 10, y: horizon + 3, height: h * 0.035, fog: 0.35 });
  for (let i = 0; i < 10; i++) {
    const x = rng.range(0, w);
    house(s, { x, base: horizon + 3, w: w * rng.range(0.015, 0.03), h: h * rng.range(0.012, 0.022), style: rng.chance(0.6) ? "flat" : "tile", fog: 0.4 });
  }
  const cam = new Cam(w * 0.5, horizon, w * 0.75, 1.7, rng.range(-0.2, 0.2));
  const fog = fogFor(1200, 0.7);
  const gold = hex("#c9a04a");
  const straw = hex("#cdb57e");
  // the cut edge runs away from the camera at a slant; crop on one side, stubble on the other
  const cutLeft = rng.chance(0.5);
  const slant = (cutLeft ? 1 : -1) * rng.range(0.25, 0.5);
  const edge0 = (cutLeft ? -1 : 1) * rng.range(0.5, 3);
  const edge = (Z: number) => edge0 + Z * slant;
  const isCrop = (X: number, Z: number) => (cutLeft ? X > edge(Z) : X < edge(Z));
  cam.fill(ctx, [[-3000, 0, 1], [3000, 0, 1], [3000, 0, 3000], [-3000, 0, 3000]], vGradient(ctx, horizon, h, [[0, css(fogged(s, straw, 0.5))], [1, css(straw)]]));
  const cropGround: P3[] = [];
  for (let z = 1; z < 3000; z *= 1.2) cropGround.push([edge(z), 0, z]);
  cropGround.push([cutLeft ? 4000 : -4000, 0, 3000], [cutLeft ? 4000 : -4000, 0, 1]);
  cam.fill(ctx, cropGround, vGradient(ctx, horizon, h, [[0, css(fogged(s, gold, 0.5))], [1, css(shade(gold, 0.7))]]));
  // things standing in the field, painted as the rows of grain pass their depth
  const items: { depth: number; draw: () => void }[] = [];
  for (let i = 0; i < 36; i++) {
    const Z = 6 + Math.pow(rng.next(), 1.3) * 80;
    const X = cutLeft ? edge(Z) - rng.range(1.5, 30) : edge(Z) + rng.range(1.5, 30);
    const d = cam.depth(X, Z);
    items.push({
      depth: d,
      draw: () => {
        const [x, y] = cam.p(X, 0, Z);
        const k = cam.scale(d);
        const g = ctx.createLinearGradient(x - k * 0.35, 0, x + k * 0.35, 0);
        g.addColorStop(s.light < 0 ? 0 : 1, css(fogged(s, mix(gold, s.sun, 0.35), fog(d))));
        g.addColorStop(s.light < 0 ? 1 : 0, css(fogged(s, shade(gold, 0.55), fog(d))));
        groundShadow(s, x - s.light * k * 0.4, y, k * 0.5, k * 0.12, 0.3);
        ctx.beginPath();
        ctx.moveTo(x - k * 0.38, y);
        ctx.quadraticCurveTo(x - k * 0.2, y - k * 0.5, x - k * 0.1, y - k * 0.95);
        ctx.quadraticCurveTo(x, y - k * 1.15, x + k * 0.1, y - k * 0.95);
        ctx.quadraticCurveTo(x + k * 0.2, y - k * 0.5, x + k * 0.38, y);
        ctx.fillStyle = g;
        ctx.fill();
        ctx.strokeStyle = css(fogged(s, shade(gold, 0.5), fog(d)), 0.5);
        ctx.lineWidth = Math.max(0.5, k * 0.02);
        for (let j = 0; j < 6; j++) {
          ctx.beginPath();
          ctx.moveTo(x + (j - 2.5) * k * 0.1, y);
          ctx.lineTo(x + (j - 2.5) * k * 0.03, y - k * 0.9);
          ctx.stroke();
        }
      },
    });
  }
  for (let i = 0; i < rng.int(2, 4); i++) {
    const Z = rng.range(7, 20);
    const X = cutLeft ? edge(Z) - rng.range(1, 5) : edge(Z) + rng.range(1, 5);
    const look: Look = { ...randomLook(rng), hat: "straw", top: vary(rng, rng.pick(["#3d5a8a", "#e8e4da", "#8a3a3a", "#5a6a4a", "#c98aa0"].map(hex)), 0.08), skirt: false };
    const bend = rng.chance(0.6);
    items.push({ depth: cam.depth(X, Z), draw: () => figureAt(s, cam, X, Z, 1.62, bend ? look : { ...look, holding: gold }, { pose: bend ? "bend" : "carry", facing: "side", dir: cutLeft ? 1 : -1, fog: fog(Z) }) });
  }
  const cz = rng.range(45, 80);
  const cx = edge(cz) + (cutLeft ? -2.5 : 2.5);
  items.push({
    depth: cam.depth(cx, cz) - 2,
    draw: () => {
      const f = fog(cam.depth(cx, cz));
      const red = hex("#b8302a");
      layer(
        s,
        (l) => {
          const [dx, dy] = cam.p(cx, 2, cz + 5);
          const k = cam.scale(cam.depth(cx, cz));
          for (let i = 0; i < 30; i++) ellipse(l.ctx, dx + rng.gauss() * k * 4 + k * 3, dy + rng.gauss() * k, k * rng.range(1, 3), k * rng.range(0.6, 1.5), css(hex("#d9c9a0"), 0.25));
        },
        { blur: w * 0.006 },
      );
      box3(s, cam, cx - 1.6, cx + 1.6, 0.6, 3.0, cz, cz + 5, { front: red, top: shade(red, 1.1), fog: f });
      box3(s, cam, cx - 1.2, cx + 0.6, 3.0, 4.3, cz + 0.3, cz + 2, { front: hex("#2a3540"), top: hex("#d8d8d4"), fog: f });
      box3(s, cam, cx - 2.6, cx + 2.6, 0.2, 1.2, cz - 1.5, cz, { front: hex("#d8b030"), fog: f });
      for (const wx of [-1.4, 1.4]) box3(s, cam, cx + wx - 0.3, cx + wx + 0.3, 0, 1.3, cz + 0.5, cz + 1.8, { front: hex("#1e1e1e"), fog: f });
    },
  });
  items.sort((a, b) => b.depth - a.depth);
  // rows of stalks from the horizon down: tall ripe grain on one side, short stubble on the other
  const ears = ["#e2c06a", "#c79a40", "#d8b45a", "#b8903a"].map(hex);
  const stems = ["#b8963e", "#9a7a30", "#d9bd6a", "#8f7a4a"].map(hex);
  const lean = s.light * 0.15;
  ctx.lineCap = "round";
  let y = horizon + 1;
  let next = 0;
  while (y < h + 40) {
    const d = cam.groundDepth(y);
    while (next < items.length && items[next]!.depth > d) items[next++]!.draw();
    const k = cam.f / d;
    const spacing = 0.07 * k;
    const step = Math.max(1, spacing * (cam.height / d) * 0.8);
    if (spacing > 1.3) {
      const n = Math.round((w / spacing) * 1.1);
      const f = fog(d);
      for (let i = 0; i < n; i++) {
        const x = rng.range(-20, w + 20);
        const yy = y + rng.next() * step;
        const [X, Z] = cam.ground(x, yy);
        const crop = isCrop(X, Z);
        if (!crop && rng.chance(0.6)) continue;
        const hpx = (crop ? rng.range(0.8, 1.0) : rng.range(0.06, 0.14)) * k;
        const tipX = x + (lean + rng.gauss() * 0.08) * hpx;
        ctx.strokeStyle = css(fogged(s, vary(rng, crop ? rng.pick(stems) : straw, 0.08), f));
        ctx.lineWidth = Math.max(0.5, 0.006 * k);
        ctx.beginPath();
        ctx.moveTo(x, yy);
        ctx.quadraticCurveTo(x, yy - hpx * 0.6, tipX, yy - hpx);
        ctx.stroke();
        if (crop && hpx > 6) {
          const er = Math.max(0.8, 0.018 * k);
          const col = vary(rng, rng.pick(ears), 0.08);
          ellipse(ctx, tipX + er * 0.6, yy - hpx + er * 1.2, er, er * 2.6, css(fogged(s, mix(col, s.sun, 0.15), f)), -0.4 - lean);
        }
      }
    }
    y += step;
  }
  while (next < items.length) items[next++]!.draw();
  return { contrast: 0.25, saturation: 1.05, tint: hex("#fff0d0"), tintAmount: 0.2 };
}

// ---------------------------------------------------------------- meeting-hall

/** A meeting: round a conference table when the description says so, otherwise a packed auditorium. */
function meetingHall(s: Stage): Finish {
  return hinted(s, "会议桌", "长桌", "围坐", "议事", "座谈", "圆桌", "conference", "table", "round a") ? meetingRoom(s) : auditorium(s);
}

/** A meeting room: people seated down both sides of a long table with papers, a whiteboard or banner at the end. */
function meetingRoom(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.sun = hex("#fff2dc");
  s.haze = hex("#e8e4dc");
  const cam = new Cam(w * 0.5, h * 0.4, w * 0.58, 1.8, rng.range(-0.06, 0.06), rng.range(-0.3, 0.3));
  const fog = fogFor(300, 0.2);
  const W = 3.8;
  const D = 9.5;
  room(s, cam, { halfW: W, height: 3, depth: D, wall: hex("#ebe6dc"), floor: hex("#6d7480"), ceiling: hex("#f3f1ec"), dado: hex("#b9a384"), dadoH: 0.1, fog });
  mottle(s, cam, { y0: cam.horizon, y1: h, colors: [hex("#5a606a"), hex("#7a828e")], size: 0.5, count: 150, alpha: 0.25 });
  const wx = s.light < 0 ? -W : W;
  for (let z = 1; z < D - 1.5; z += 2.6) {
    windowPane(s, cam, [[wx, 0.9, z], [wx, 0.9, z + 2], [wx, 2.6, z + 2], [wx, 2.6, z]], { outside: [hex("#f2f5f6"), hex("#e6ece8"), hex("#c8d6c0")], frame: hex("#d9d9d6"), bars: 1 });
    for (let y = 1.0; y < 2.6; y += 0.09) cam.line(ctx, [wx - s.light * 0.03, y, z + 0.05], [wx - s.light * 0.03, y, z + 1.95], css(hex("#e9e6de"), 0.55), 1.2);
  }
  for (const X of [-1.4, 1.4]) for (let Z = 1.5; Z < D; Z += 2.4) cam.fill(ctx, [[X - 0.3, 2.99, Z], [X + 0.3, 2.99, Z], [X + 0.3, 2.99, Z + 0.6], [X - 0.3, 2.99, Z + 0.6]], css(hex("#fffdf4")));
  // the end wall: a whiteboard full of notes, or a banner over a screen
  if (hinted(s, "白板", "whiteboard", "意见")) {
    cam.fill(ctx, [[-1.8, 0.9, D - 0.01], [1.8, 0.9, D - 0.01], [1.8, 2.2, D - 0.01], [-1.8, 2.2, D - 0.01]], css(hex("#b9bcbf")));
    cam.fill(ctx, [[-1.75, 0.95, D - 0.02], [1.75, 0.95, D - 0.02], [1.75, 2.15, D - 0.02], [-1.75, 2.15, D - 0.02]], css(hex("#f6f7f5")));
    const [x0, y0] = cam.p(-1.6, 2.05, D);
    const [x1, y1] = cam.p(1.6, 1.0, D);
    const gs = (y1 - y0) / 9;
    for (let line = 0; line < 7; line++) glyphs(s, x0, y0 + line * gs * 1.25, gs * 0.9, Math.floor(((x1 - x0) / (gs * 1.15)) * rng.range(0.4, 0.95)), css(rng.pick(["#1f3f8a", "#222222", "#b82a22"].map(hex)), 0.85));
  } else {
    const banner: [P3, P3, P3, P3] = [[-2.6, 2.75, D - 0.02], [2.6, 2.75, D - 0.02], [2.6, 2.35, D - 0.02], [-2.6, 2.35, D - 0.02]];
    cam.fill(ctx, [...banner], css(hex("#c8201c")));
    onPlane(s, cam, banner, 5.2, 0.4, () => glyphs(s, 0.35, 0.08, 0.26, 15, css(hex("#fbe9b0"))));
    cam.fill(ctx, [[-1.6, 0.9, D - 0.02], [1.6, 0.9, D - 0.02], [1.6, 2.2, D - 0.02], [-1.6, 2.2, D - 0.02]], css(hex("#2a3a5a")));
  }
  const official = hinted(s, "检查", "执法", "组", "官员", "official");
  tableGathering(s, cam, {
    z0: 2.4, z1: D - 1.6, halfW: 0.8, top: hex("#8a6446"), cloth: official ? hex("#2f5a3a") : undefined, chair: hex(official ? "#6a2a24" : "#3a4a5a"),
    look: () => (official ? { ...randomLook(rng), top: vary(rng, rng.pick(["#23252b", "#2f3540", "#e8e6e0", "#3a4658"].map(hex)), 0.04), skirt: false } : { ...randomLook(rng, { elderly: rng.chance(0.4) }), skirt: false }),
    items: "papers", fog,
  });
  return { contrast: 0.2, bloom: 0.12, tint: hex("#fff4e6"), tintAmount: 0.25, vignette: 0.35 };
}

/** A packed hall seen from the back: rows of red seats, a rostrum with officials, a red banner over the stage. */
function auditorium(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  s.sun = hex("#ffe6c0");
  s.haze = hex("#3a3030");
  s.light = rng.chance(0.5) ? 1 : -1;
  const cam = new Cam(w * 0.5, h * 0.34, w * 0.62, 4.2, rng.range(-0.05, 0.05));
  const fog = fogFor(120, 0.25);
  const W = 16;
  const D = 36;
  room(s, cam, { halfW: W, height: 11, depth: D, wall: hex("#8a6a4e"), floor: hex("#6a3a30"), ceiling: hex("#d9d0c0"), fog });
  // ceiling downlights
  for (let X = -14; X <= 14; X += 3.5) for (let Z = 4; Z < D; Z += 4) {
    const [lx, ly] = cam.p(X, 10.95, Z);
    glow(s, lx, ly, cam.scale(Z) * 0.8, hex("#fff2d8"), 0.7);
  }
  // the backdrop: red curtain, a banner across the top
  const back: P3[] = [[-W, 1.2, D - 0.05], [W, 1.2, D - 0.05], [W, 10, D - 0.05], [-W, 10, D - 0.05]];
  const bb = cam.bounds(back)!;
  const g = ctx.createLinearGradient(bb[0], 0, bb[2], 0);
  for (let i = 0; i <= 60; i++) g.addColorStop(i / 60, css(i % 2 ? hex("#8e1a18") : hex("#b8281f")));
  cam.fill(ctx, back, g);
  const banner: [P3, P3, P3, P3] = [[-11, 8.6, D - 0.1], [11, 8.6, D - 0.1], [11, 7.3, D - 0.1], [-11, 7.3, D - 0.1]];
  cam.fill(ctx, [...banner], css(hex("#c8201c")));
  onPlane(s, cam, banner, 22, 1.3, () => glyphs(s, 1.6, 0.3, 0.7, 16, css(hex("#fbe9b0"))));
  // the stage and its front of flowers
  box3(s, cam, -13, 13, 0, 1.2, 27, D, { front: hex("#5a3a2a"), top: hex("#8a5a3e") });
  for (let X = -12.5; X < 12.5; X += 0.5) {
    const [fx, fy] = cam.p(X, 1.2, 26.9);
    const k = cam.scale(27);
    ellipse(ctx, fx, fy - k * 0.15, k * 0.3, k * 0.22, css(vary(rng, rng.pick(["#d8302a", "#f2c230", "#e86a8a", "#3f7a2a"].map(hex)), 0.1)));
  }
  // the rostrum: officials behind a long draped table
  for (let i = 0; i < 12; i++) {
    const X = -8.25 + i * 1.5;
    figureAt(s, cam, X, 31.2, 1.7, { ...randomLook(rng), top: hex("#23252b"), bottom: hex("#23252b") }, { pose: "sit", facing: "front", shadow: 0, fog: fog(31) }, 1.2);
  }
  box3(s, cam, -9.5, 9.5, 1.2, 2.0, 30, 30.9, { front: hex("#2f5a3a"), top: hex("#f2f0ea") });
  for (let i = 0; i < 12; i++) {
    const X = -8.25 + i * 1.5;
    box3(s, cam, X - 0.2, X + 0.2, 2.0, 2.12, 30.1, 30.15, { front: hex("#f4f2ea") });
    box3(s, cam, X + 0.25, X + 0.33, 2.0, 2.15, 30.3, 30.4, { front: hex("#e8e4da") });
  }
  // rows of seats, most of them filled
  const seat = hex("#a8241f");
  for (let row = 0; row < 18; row++) {
    const Z = 25 - row * 1.05;
    for (const [a, b] of [[-14, -1.4], [1.4, 14]] as const) {
      for (let X = a + 0.3; X < b; X += 0.62) {
        const f = fog(Z);
        if (rng.chance(0.85)) {
          const look: Look = { ...randomLook(rng, { elderly: rng.chance(0.2) }), top: vary(rng, rng.pick(["#23252b", "#2f3540", "#1c1e22", "#4a4e56", "#e8e6e0"].map(hex)), 0.05) };
          figureAt(s, cam, X, Z - 0.1, rng.range(1.6, 1.78), look, { pose: "sit", facing: "back", shadow: 0, fog: f });
        }
        box3(s, cam, X - 0.27, X + 0.27, 0.4, 1.0, Z - 0.45, Z - 0.38, { front: seat, top: shade(seat, 1.2), fog: f });
      }
    }
  }
  return { contrast: 0.22, bloom: 0.12, vignette: 0.4, tint: hex("#ffe9cc"), tintAmount: 0.25 };
}

// ---------------------------------------------------------------- sports-field

/** A school sports ground from the stand: red running track with runners, a green pitch, the school beyond. */
function sportsField(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["clear", "hazy", "golden"]);
  const horizon = h * (portrait(s) ? 0.3 : 0.26);
  outdoors(s, horizon, mood, { clouds: 0.3 });
  const cam = new Cam(w * 0.5, horizon, w * 0.62, 9, rng.range(-0.12, 0.12), rng.range(-10, 10));
  const fog = fogFor(1500, 0.5);
  const CZ = 60;
  const lane = 1.22;
  // school buildings and trees beyond the ground
  blocks(s, { base: horizon + h * 0.035, widths: [0.15, 0.3], heights: [0.06, 0.12], step: [0.18, 0.3], color: hex("#e4dccb"), fog: 0.3, styles: ["grid"], side: 0.1, floors: 5 });
  treeLine(s, { x0: -10, x1: w + 10, y: horizon + h * 0.04, height: h * 0.03, fog: 0.2 });
  cam.fill(ctx, [[-400, 0, 1], [400, 0, 1], [400, 0, 200], [-400, 0, 200]], css(hex("#6f8a4a")));
  const ring = (r: number): P3[] => {
    const pts: P3[] = [];
    for (let i = 0; i <= 24; i++) {
      const a = -Math.PI / 2 + (Math.PI * i) / 24;
      pts.push([42.2 + r * Math.cos(a), 0, CZ + r * Math.sin(a)]);
    }
    for (let i = 0; i <= 24; i++) {
      const a = Math.PI / 2 + (Math.PI * i) / 24;
      pts.push([-42.2 + r * Math.cos(a), 0, CZ + r * Math.sin(a)]);
    }
    return pts;
  };
  cam.fill(ctx, ring(36.5 + lane * 8 + 1.5), css(hex("#a9503c")));
  cam.fill(ctx, ring(36.5), css(hex("#4f8a3a")));
  // mown stripes across the pitch, white markings
  ctx.save();
  cam.path(ctx, ring(36.5));
  ctx.clip();
  for (let x = -52.5, i = 0; x < 52.5; x += 5.25, i++) cam.fill(ctx, [[x, 0.01, CZ - 34], [x + 5.25, 0.01, CZ - 34], [x + 5.25, 0.01, CZ + 34], [x, 0.01, CZ + 34]], css(i % 2 ? hex("#5a9a42") : hex("#4a8236")));
  ctx.restore();
  const white = css(hex("#f2f2ec"), 0.9);
  const lw = (z: number) => clamp(cam.scale(cam.depth(0, z)) * 0.08, 0.8, 3);
  const rect = (x0: number, x1: number, z0: number, z1: number) => {
    cam.line(ctx, [x0, 0.02, z0], [x1, 0.02, z0], white, lw(z0));
    cam.line(ctx, [x0, 0.02, z1], [x1, 0.02, z1], white, lw(z1));
    cam.line(ctx, [x0, 0.02, z0], [x0, 0.02, z1], white, lw(z0));
    cam.line(ctx, [x1, 0.02, z0], [x1, 0.02, z1], white, lw(z0));
  };
  rect(-50, 50, CZ - 32, CZ + 32);
  cam.line(ctx, [0, 0.02, CZ - 32], [0, 0.02, CZ + 32], white, lw(CZ));
  rect(-50, -33.5, CZ - 20, CZ + 20);
  rect(33.5, 50, CZ - 20, CZ + 20);
  for (let i = 0; i < 32; i++) cam.line(ctx, [9.15 * Math.cos((i / 32) * Math.PI * 2), 0.02, CZ + 9.15 * Math.sin((i / 32) * Math.PI * 2)], [9.15 * Math.cos(((i + 1) / 32) * Math.PI * 2), 0.02, CZ + 9.15 * Math.sin(((i + 1) / 32) * Math.PI * 2)], white, lw(CZ));
  for (let k = 0; k <= 8; k++) {
    const pts = ring(36.5 + k * lane);
    for (let i = 0; i + 1 < pts.length; i++) if (i !== 24) cam.line(ctx, pts[i]!, pts[i + 1]!, white, lw(pts[i]![2]) * 0.6);
  }
  const painter = new Painter();
  // goals
  for (const gx of [-50, 50]) painter.add(CZ, () => {
    for (const gz of [CZ - 3.66, CZ + 3.66]) cam.line(ctx, [gx, 0, gz], [gx, 2.44, gz], white, lw(CZ) * 1.5);
    cam.line(ctx, [gx, 2.44, CZ - 3.66], [gx, 2.44, CZ + 3.66], white, lw(CZ) * 1.5);
  });
  // a race on the near straight, children playing on the pitch
  const dir = rng.chance(0.5) ? 1 : -1;
  const lead = rng.range(-20, 20);
  for (let k = 0; k < 6; k++) {
    const Z = CZ - 36.5 - lane * (k + 0.5);
    const X = lead - dir * Math.abs(rng.gauss()) * 3;
    const look: Look = { ...randomLook(rng, { child: true }), top: vary(rng, rng.pick(["#d8302a", "#2f5da8", "#f2c230", "#f0f0ea", "#3f8a4a"].map(hex)), 0.05), bottom: hex("#1f2a44") };
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, 1.55, look, { pose: "run", facing: "side", dir: dir as 1 | -1, phase: rng.range(-1, 1), child: true, fog: fog(Z) }));
  }
  for (let i = 0; i < rng.int(8, 14); i++) {
    const X = rng.range(-40, 40);
    const Z = CZ + rng.range(-25, 25);
    const look: Look = { ...randomLook(rng, { child: true }), top: rng.chance(0.5) ? hex("#f0f0ea") : hex("#2f5da8") };
    painter.add(cam.depth(X, Z), () => figureAt(s, cam, X, Z, 1.45, look, { pose: rng.chance(0.6) ? "run" : "stand", facing: "side", dir: rng.chance(0.5) ? 1 : -1, phase: rng.range(-1, 1), child: true, fog: fog(Z) }));
  }
  // a flagpole with the national flag
  painter.add(CZ + 60, () => {
    const X = (rng.chance(0.5) ? 1 : -1) * rng.range(55, 70);
    cam.line(ctx, [X, 0, CZ + 55], [X, 16, CZ + 55], css(hex("#e8e8e4")), 2);
    const [fx, fy] = cam.p(X, 16, CZ + 55);
    const k = cam.scale(cam.depth(X, CZ + 55));
    ctx.beginPath();
    ctx.moveTo(fx, fy);
    ctx.bezierCurveTo(fx + k * 1.2, fy - k * 0.3, fx + k * 2, fy + k * 0.3, fx + k * 3, fy);
    ctx.lineTo(fx + k * 3, fy + k * 2);
    ctx.bezierCurveTo(fx + k * 2, fy + k * 2.3, fx + k * 1.2, fy + k * 1.7, fx, fy + k * 2);
    ctx.fillStyle = css(hex("#d42a22"));
    ctx.fill();
  });
  painter.paint();
  return { contrast: 0.25 };
}

// ---------------------------------------------------------------- coast-harbor

/** A port crane: legs, a boom over the water, a machinery house, in `col`. */
function crane(s: Stage, x: number, y: number, hh: number, col: RGB, fog: number, dir: 1 | -1): void {
  const { ctx } = s;
  const c = css(fogged(s, col, fog));
  ctx.strokeStyle = c;
  ctx.lineWidth = Math.max(1, hh * 0.025);
  ctx.beginPath();
  for (const lx of [-0.25, 0.25]) {
    ctx.moveTo(x + lx * hh, y);
    ctx.lineTo(x + lx * hh * 0.8, y - hh * 0.75);
  }
  ctx.moveTo(x - hh * 0.25, y - hh * 0.4);
  ctx.lineTo(x + hh * 0.25, y - hh * 0.4);
  ctx.moveTo(x - hh * 0.35 * dir, y - hh * 0.75);
  ctx.lineTo(x + hh * 0.9 * dir, y - hh * 0.75);
  ctx.moveTo(x, y - hh);
  ctx.lineTo(x + hh * 0.9 * dir, y - hh * 0.76);
  ctx.moveTo(x, y - hh);
  ctx.lineTo(x - hh * 0.35 * dir, y - hh * 0.76);
  ctx.stroke();
  ctx.fillStyle = c;
  ctx.fillRect(x - hh * 0.12, y - hh * 0.86, hh * 0.24, hh * 0.1);
}

/** A fishing harbour: rafts of moored boats, a breakwater with a lighthouse, container cranes across the water, a quay in front. */
function coastHarbor(s: Stage): Finish {
  const { ctx, w, h, rng } = s;
  const mood = rng.pick<Mood>(["golden", "clear", "hazy"]);
  const horizon = h * (portrait(s) ? 0.45 : 0.47);
  outdoors(s, horizon, mood, { clouds: 0.4 });
  const portLeft = rng.chance(0.5);
  ridge(s, { base: horizon, amp: h * 0.08, color: hex("#687c8a"), fog: 0.58, freq: 1.5, seed: "hills" });
  const shoreY = horizon + 1;
  blocks(s, { base: shoreY, widths: [0.01, 0.025], heights: [0.008, 0.04], step: [0.015, 0.04], color: hex("#d8d2c4"), fog: 0.5, styles: ["flats"] });
  const portX0 = portLeft ? w * 0.02 : w * 0.5;
  for (let i = 0; i < 90; i++) {
    const cx = portX0 + rng.range(0, w * 0.46);
    const cw = w * 0.009;
    ctx.fillStyle = css(fogged(s, vary(rng, rng.pick(["#b8402a", "#2f6fa8", "#e8b02a", "#3a8a5a", "#8a8a8a", "#d8d8d0"].map(hex)), 0.1), 0.45));
    ctx.fillRect(cx, shoreY - cw * 0.42 * rng.int(1, 4), cw, cw * 0.42);
  }
  for (let i = 0; i < rng.int(3, 5); i++) crane(s, portX0 + rng.range(0.03, 0.43) * w, shoreY, h * rng.range(0.07, 0.1), rng.pick(["#c8392f", "#2f6fa8", "#e0e0dc"].map(hex)), 0.4, portLeft ? 1 : -1);
  hazeBand(s, shoreY, h * 0.03, s.haze, 0.45);
  reflect(s, { y: shoreY, tint: hex("#2f4a5a"), tintAlpha: 0.45, wobble: w * 0.003 });
  const cam = new Cam(w * 0.5, horizon, w * 0.75, 4, rng.range(-0.1, 0.1));
  const fog = fogFor(800, 0.7);
  // rafts of boats tied up side by side
  const boats: { X: number; Z: number; len: number; hull: RGB; dir: 1 | -1 }[] = [];
  for (let g = 0; g < rng.int(2, 3); g++) {
    const [gx, gz] = cam.place(rng.range(0.15, 0.85) * w, g === 0 ? rng.range(22, 32) : rng.range(40, 110));
    const hull = rng.pick(["#2f6fa8", "#e8e8e4", "#c8392f", "#3a8a5a", "#1f4a7a"].map(hex));
    const dir = rng.chance(0.5) ? 1 : -1;
    for (let i = 0; i < rng.int(3, 6); i++) boats.push({ X: gx + rng.range(-3, 3), Z: gz + i * 5.5, len: rng.range(16, 24), hull: vary(rng, rng.chance(0.7) ? hull : rng.pick(["#2f6fa8", "#e8e8e4", "#c8392f"].map(hex)), 0.05), dir });
  }
  boats.sort((a, b) => b.Z - a.Z);
  waterReflection(
    s,
    horizon,
    (l) => {
      for (const b of boats) {
        const [x, y] = cam.p(b.X, 0, b.Z);
        mirrorAbout(l.ctx, y, () => boat(l, x, y, cam.scale(b.Z) * b.len, { kind: "fishing", hull: b.hull, dir: b.dir, fog: fog(b.Z) }));
      }
    },
    { wobble: w * 0.003, alpha: 0.45, blur: 1.5 },
  );
  rippleMarks(s, horizon, h, 1.3);
  // the breakwater running out to a red-and-white lighthouse
  const bwSide = portLeft ? 1 : -1;
  const [bx0, bz0] = cam.place(bwSide > 0 ? w * 0.75 : w * 0.25, 60);
  const [bx1, bz1] = cam.place(bwSide > 0 ? w * 0.98 : w * 0.02, 30);
  const bwTop: P3[] = [[bx0, 2, bz0], [bx1 - bwSide * 200, 2, bz1 + 500], [bx1 - bwSide * 200 + bwSide * 6, 2, bz1 + 500], [bx0 + bwSide * 6, 2, bz0]];
  cam.fill(ctx, [[bx0, -0.5, bz0], [bx1 - bwSide * 200, -0.5, bz1 + 500], [bx1 - bwSide * 200, 2, bz1 + 500], [bx0, 2, bz0]], css(fogged(s, hex("#6e6a62"), 0.2)));
  cam.fill(ctx, bwTop, css(fogged(s, hex("#b2ada2"), 0.15)));
  const [lx, ly] = cam.p(bx0 + bwSide * 3, 2, bz0);
  const lk = cam.scale(cam.depth(bx0, bz0));
  for (let b = 0; b < 5; b++) {
    const col = fogged(s, b % 2 ? hex("#f2f2ee") : hex("#c8302a"), 0.15);
    const g = ctx.createLinearGradient(lx - lk * 1.2, 0, lx + lk * 1.2, 0);
    g.addColorStop(s.light < 0 ? 0 : 1, css(litSide(s, col, 0.1)));
    g.addColorStop(s.light < 0 ? 1 : 0, css(shade(col, 0.65)));
    ctx.fillStyle = g;
    ctx.fillRect(lx - lk * 1.2 * (1 - b * 0.05), ly - lk * 2.4 * (b + 1), lk * 2.4 * (1 - b * 0.05), lk * 2.4 + 1);
  }
  ellipse(ctx, lx, ly - lk * 12.6, lk * 0.9, lk * 0.9, css(hex("#2a2a2a")));
  for (const b of boats) {
    const [x, y] = cam.p(b.X, 0, b.Z);
    boat(s, x, y, cam.scale(b.Z) * b.len, { kind: "fishing", hull: b.hull, dir: b.dir, fog: fog(b.Z) });
  }
  // the quay edge in front, bollards, a coil of rope
  const qy = h * 0.9;
  ctx.fillStyle = vGradient(ctx, qy, h, [[0, css(hex("#b8b2a6"))], [1, css(hex("#8a857b"))]]);
  ctx.fillRect(0, qy, w, h - qy);
  ctx.fillStyle = css(hex("#6a655d"));
  ctx.fillRect(0, qy, w, h * 0.008);
  for (const bx of [0.12, 0.62, 0.9].map((f) => f * w)) {
    const g = ctx.createLinearGradient(bx - h * 0.025, 0, bx + h * 0.025, 0);
    g.addColorStop(0, css(hex("#2a2a2a")));
    g.addColorStop(0.4, css(hex("#5a5a58")));
    g.addColorStop(1, css(hex("#1a1a1a")));
    ctx.fillStyle = g;
    ctx.fillRect(bx - h * 0.025, qy + h * 0.015, h * 0.05, h * 0.05);
    ellipse(ctx, bx, qy + h * 0.015, h * 0.032, h * 0.01, css(hex("#4a4a48")));
  }
  ctx.strokeStyle = css(hex("#c9b07a"));
  ctx.lineWidth = h * 0.006;
  for (let r = 0; r < 5; r++) {
    ctx.beginPath();
    ctx.ellipse(w * 0.35, qy + h * 0.05, h * (0.03 + r * 0.006), h * (0.01 + r * 0.002), 0, 0, Math.PI * 2);
    ctx.stroke();
  }
  // gulls
  ctx.strokeStyle = css(hex("#f4f4f0"), 0.9);
  ctx.lineWidth = Math.max(1, w * 0.0012);
  for (let i = 0; i < rng.int(3, 8); i++) {
    const gx = rng.range(0.1, 0.9) * w;
    const gy = rng.range(0.08, 0.4) * h;
    const gs = w * rng.range(0.006, 0.014);
    ctx.beginPath();
    ctx.moveTo(gx - gs, gy - gs * 0.3);
    ctx.quadraticCurveTo(gx - gs * 0.4, gy - gs * 0.6, gx, gy);
    ctx.quadraticCurveTo(gx + gs * 0.4, gy - gs * 0.6, gx + gs, gy - gs * 0.3);
    ctx.stroke();
  }
  return { contrast: 0.25 };
}

// ---------------------------------------------------------------- registry

export const SCENES: Record<string, Scene> = {
  "city-skyline": citySkyline,
  "village-fields": villageFields,
  "mountain-village": mountainVillage,
  "riverside-park": riversidePark,
  "community-square": communitySquare,
  classroom,
  "elderly-care": elderlyCare,
  "volunteers-group": volunteersGroup,
  "solar-farm": solarFarm,
  "wind-turbines": windTurbines,
  factory,
  forest,
  "old-courtyard": oldCourtyard,
  "stone-bridge": stoneBridge,
  "market-street": marketStreet,
  "hospital-building": hospitalBuilding,
  "library-interior": libraryInterior,
  "night-street": nightStreet,
  harvest,
  "meeting-hall": meetingHall,
  "sports-field": sportsField,
  "coast-harbor": coastHarbor,
};

export const SCENE_NAMES: readonly string[] = Object.keys(SCENES);
