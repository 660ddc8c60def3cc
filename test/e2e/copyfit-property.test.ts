// The copyfit guarantee as a property: issues generated with random article
// counts and lengths (fixed seed) either build with every character of every
// title, body paragraph and caption in the PDF's text layer, or fail with the
// overflow message naming page and article. Nothing in between.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../scripts/build.js";
import { BuildError, ExitCode } from "../../scripts/messages.js";
import { sharedBrowser } from "../shared-browser.js";
import { mulberry32 } from "../../scripts/seeded-random.js";
import { tinyPng } from "../content/fixture.js";
import { pdftotext, squash } from "./build-once.js";

const HAN = "社区居民志愿服务老人儿童公益慈善基金项目活动城市乡村学校医院政府工作发展建设文化生活经济安全健康教育交通环境资源保障帮助温暖冬季春天";
const STOPS = ["，", "，", "，", "。", "、", "；"];

interface GeneratedArticle {
  file: string;
  title: string;
  paragraphs: string[];
  caption?: string;
}

function sentence(next: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    text += HAN[Math.floor(next() * HAN.length)];
    if (i > 4 && i < length - 2 && next() < 0.08) text += STOPS[Math.floor(next() * STOPS.length)];
  }
  return `${text}。`;
}

function generateIssue(root: string, seed: number): { dir: string; articles: GeneratedArticle[] } {
  const next = mulberry32(seed);
  const pageCount = 2 + Math.floor(next() * 2);
  const dir = join(root, `gen-${seed}`);
  mkdirSync(join(dir, "images"), { recursive: true });
  writeFileSync(join(dir, "images", "photo.png"), tinyPng(90, 60));
  const pages = Array.from({ length: pageCount }, (_, i) => `  - no: ${i + 1}\n    section: 测试${i + 1}`).join("\n");
  writeFileSync(join(dir, "issue.yaml"), `paper:\n  name: 生成日报\ndate: 2024-03-0${1 + (seed % 9)}\nnumber: ${seed}\nformat: tabloid\npages:\n${pages}\n`);
  const articles: GeneratedArticle[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const folder = join(dir, "pages", String(page).padStart(2, "0"));
    mkdirSync(folder, { recursive: true });
    const count = 1 + Math.floor(next() * 6);
    for (let order = 1; order <= count; order++) {
      const title = sentence(next, 6 + Math.floor(next() * 10)).replace(/[，。、；]/g, "");
      const paragraphCount = 1 + Math.floor(next() * (order === 1 ? 14 : 6));
      const paragraphs = Array.from({ length: paragraphCount }, () => sentence(next, 30 + Math.floor(next() * 220)));
      const withPhoto = next() < 0.3;
      const caption = withPhoto ? `图为${sentence(next, 12)}` : undefined;
      const file = `pages/${String(page).padStart(2, "0")}/${String(order).padStart(2, "0")}.md`;
      const front = [`title: ${title}`, ...(withPhoto ? ["image: ../../images/photo.png", `caption: ${caption}`] : [])].join("\n");
      writeFileSync(join(dir, file), `---\n${front}\n---\n${paragraphs.join("\n\n")}\n`);
      articles.push({ file, title, paragraphs, caption });
    }
  }
  return { dir, articles };
}

const SEEDS = [11, 23, 37, 41, 59, 73];
const browser = sharedBrowser();
const root = mkdtempSync(join(tmpdir(), "newsprint-property-"));

describe("every character is printed, or the build says what does not fit", () => {
  const outcomes: string[] = [];
  for (const seed of SEEDS) {
    it(`generated issue ${seed}`, async () => {
      const { dir, articles } = generateIssue(root, seed);
      try {
        const result = await build({ issueDir: dir, outputRoot: join(root, "out"), browser: browser() });
        // Word joiners and other invisible marks the typesetter adds are not text.
        const text = squash(pdftotext(result.epaperPdf, ["-raw"])).replace(/[\u2060\u200b]/g, "");
        for (const article of articles) {
          expect(text, `${article.file} title`).toContain(squash(article.title));
          for (const [index, paragraph] of article.paragraphs.entries()) expect(text, `${article.file} paragraph ${index + 1}`).toContain(paragraph);
          if (article.caption) expect(text, `${article.file} caption`).toContain(article.caption);
        }
        outcomes.push("built");
      } catch (error) {
        expect(error).toBeInstanceOf(BuildError);
        const buildError = error as BuildError;
        expect(buildError.exitCode).toBe(ExitCode.Overflow);
        for (const message of buildError.messages) {
          expect(message.ruleId).toBe("overflow");
          expect(`${message.file}: ${message.reason}`).toMatch(/^pages\/\d\d\/\d\d\.md: \d+ lines \(about \d+ characters\) do not fit on page \d+$/);
        }
        outcomes.push("overflow");
      }
    });
  }

  it("saw both outcomes, so the property tests both sides", () => {
    expect(outcomes).toContain("built");
    expect(outcomes).toContain("overflow");
  });
});
