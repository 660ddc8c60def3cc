// Small issues written in code for the speed tests: two pages with a photo
// (a plain JPEG, so it prints through a stand-in), built fast.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { article, issueYaml } from "../content/fixture.js";

const BODY = "本报讯　社区食堂每天中午为老人提供热饭热菜，一荤两素加一碗汤，价格实惠。\n\n志愿者轮流送餐上门，风雨无阻。\n";

/** A photo-like JPEG as Chromium's canvas writes it: baseline, YCbCr, no ICC profile. */
export async function canvasJpeg(browser: Browser, width: number, height: number): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate(
      (w, h) => {
        const canvas = document.createElement("canvas");
        canvas.width = w;
        canvas.height = h;
        const context = canvas.getContext("2d")!;
        const gradient = context.createLinearGradient(0, 0, w, h);
        gradient.addColorStop(0, "#2a6f97");
        gradient.addColorStop(0.5, "#e9c46a");
        gradient.addColorStop(1, "#9b2226");
        context.fillStyle = gradient;
        context.fillRect(0, 0, w, h);
        for (let i = 0; i < 40; i++) {
          context.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
          context.fillRect((i * 53) % w, (i * 31) % h, w / 9, h / 11);
        }
        return canvas.toDataURL("image/jpeg", 0.85).split(",")[1]!;
      },
      width,
      height,
    );
    return Buffer.from(base64, "base64");
  } finally {
    await page.close();
  }
}

/**
 * Writes a two-page issue named `id` under `parent` (a fresh temp folder by
 * default) and returns its folder. Each page: a lead with the photo, a brief.
 */
export function writeSmallIssue(photo: Buffer, options: { id?: string; parent?: string } = {}): string {
  const dir = join(options.parent ?? mkdtempSync(join(tmpdir(), "newsprint-speed-")), options.id ?? "2024-05-01");
  mkdirSync(join(dir, "images"), { recursive: true });
  writeFileSync(join(dir, "issue.yaml"), issueYaml(2));
  writeFileSync(join(dir, "images", "photo.jpg"), photo);
  for (const page of ["01", "02"]) {
    mkdirSync(join(dir, "pages", page), { recursive: true });
    writeFileSync(join(dir, "pages", page, "01.md"), article({ title: `第${page}版的头条新闻`, image: "../../images/photo.jpg", caption: "图为社区食堂。" }, BODY.repeat(6)));
    writeFileSync(join(dir, "pages", page, "02.md"), article({ title: "社区简讯一则" }, BODY));
  }
  return dir;
}
