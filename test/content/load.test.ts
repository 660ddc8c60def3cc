import { existsSync, readdirSync } from "node:fs";
import { symlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadIssue } from "../../scripts/content/load.js";
import { BuildError, ExitCode, formatMessage } from "../../scripts/messages.js";
import {
  article,
  issueYaml,
  jpegWithOrientation,
  makeIssue,
  pngWithBadCrc,
  tinyGif,
  tinyJpeg,
  tinyPng,
  tinyWebp,
  truncated,
  validFiles,
} from "./fixture.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Loads an issue that must fail; returns its messages as printed ("file:line: reason"). */
async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const dir = await makeIssue(files);
  return problemsOfDir(dir);
}

async function problemsOfDir(dir: string): Promise<string[]> {
  const error: unknown = await loadIssue(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BuildError);
  const buildError = error as BuildError;
  expect(buildError.exitCode).toBe(ExitCode.BadInput);
  for (const message of buildError.messages) {
    expect(message.stage).toBe("content");
    expect(message.fatal).toBe(true);
  }
  return buildError.messages.map(formatMessage);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Some message is exactly at `where` ("pages/01/01.md:3" or "pages/17") and says `text`. */
function expectMessage(messages: string[], where: string, text: string | RegExp): void {
  const body = typeof text === "string" ? escape(text) : text.source;
  expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${escape(where)}: .*${body}`)));
}

async function loadFiles(files: Record<string, string | Buffer>) {
  return loadIssue(await makeIssue(files));
}

// ---------------------------------------------------------------- good input

describe("loadIssue: a valid issue", () => {
  const demoDir = join(root, "content/2023-11-07");
  const demoPages = join(demoDir, "pages");
  const demoImages = join(demoDir, "images");
  // The demo issue is being written alongside this stage: load it once its
  // pages and pictures are there.
  const demoReady =
    existsSync(demoPages) &&
    readdirSync(demoPages).length > 0 &&
    readdirSync(demoPages).every((page) => readdirSync(join(demoPages, page)).some((name) => name.endsWith(".md"))) &&
    existsSync(demoImages) &&
    readdirSync(demoImages).length > 0;

  it.skipIf(!demoReady)("loads the demo issue", async () => {
    const issue = await loadIssue(demoDir);
    expect(issue.id).toBe("2023-11-07");
    expect(issue.paper.name).toBe("社会公益报");
    expect(issue.paper.postalCode).toBe("1-99");
    expect(issue.date).toBe("2023-11-07");
    expect(issue.number).toBe(3456);
    expect(issue.format.name).toBe("broadsheet");
    expect(issue.pages.map((page) => page.no)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    for (const page of issue.pages) {
      expect(page.articles.length).toBeGreaterThan(0);
      for (const article of page.articles) expect(article.title.length).toBeGreaterThan(0);
    }
  });

  it("reads paper, date, number, pages and articles", async () => {
    const issue = await loadFiles(
      validFiles(2, {
        "issue.yaml": issueYaml(2).replace("  - no: 1\n    section: 版1\n", "  - { no: 1, section: 头版, editor: 编辑甲, designer: 美编乙 }\n"),
        "pages/01/01.md": article(
          {
            title: "  优势互补，助力乡村振兴  ",
            kicker: "粤桂携手——",
            subtitle: "返乡青年成为产业带头人",
            byline: "本报记者 王明",
            source: "据《人民日报》",
            image: "../../images/photo-1.jpg",
            caption: "图为……",
            notes: "editors may add their own keys",
          },
          "\n第一段。\n\n## 小标题\n\n第二段。\n",
        ),
        "images/photo-1.jpg": tinyJpeg(),
      }),
    );
    expect(issue.id).toBe("2024-05-01");
    expect(issue.paper).toEqual({ name: "测试日报", cn: "CN 11-0001", postalCode: "1-23" });
    expect(issue.date).toBe("2024-05-01");
    expect(issue.number).toBe(12);
    expect(issue.format.name).toBe("broadsheet");
    expect(issue.pages).toHaveLength(2);
    const [front, second] = issue.pages;
    expect(front).toMatchObject({ no: 1, section: "头版", editor: "编辑甲", designer: "美编乙" });
    expect(front!.dir).toBe(join(issue.dir, "pages/01"));
    expect(second!.editor).toBeUndefined();

    const lead = front!.articles[0]!;
    expect(lead).toMatchObject({
      id: "p01-01",
      relFile: "pages/01/01.md",
      file: join(issue.dir, "pages/01/01.md"),
      pageNo: 1,
      order: 1,
      title: "优势互补，助力乡村振兴",
      kicker: "粤桂携手——",
      subtitle: "返乡青年成为产业带头人",
      byline: "本报记者 王明",
      source: "据《人民日报》",
      caption: "图为……",
      hints: {},
      bodyLine: 11,
    });
    expect(lead.body).toBe("\n第一段。\n\n## 小标题\n\n第二段。\n");
    expect(lead.image).toEqual({ path: join(issue.dir, "images/photo-1.jpg"), widthPx: 8, heightPx: 6 });
  });

  it("orders articles by file name and numbers them from 1", async () => {
    const issue = await loadFiles(
      validFiles(1, {
        "pages/01/01.md": article({ title: "一" }),
        "pages/01/02.md": article({ title: "二" }),
        "pages/01/10.md": article({ title: "十" }),
        "pages/01/notes.txt": "not an article",
        "pages/01/.01.md.swp": "editor swap file",
      }),
    );
    const articles = issue.pages[0]!.articles;
    expect(articles.map((item) => [item.id, item.order, item.title])).toEqual([
      ["p01-01", 1, "一"],
      ["p01-02", 2, "二"],
      ["p01-10", 3, "十"],
    ]);
  });

  it("allows an empty body and front matter closed by ...", async () => {
    const issue = await loadFiles(validFiles(1, { "pages/01/01.md": "---\ntitle: 只有标题\n..." }));
    expect(issue.pages[0]!.articles[0]).toMatchObject({ title: "只有标题", body: "", bodyLine: 4 });
  });

  it("accepts CRLF line endings and a byte-order mark", async () => {
    const issue = await loadFiles(validFiles(1, { "pages/01/01.md": "\uFEFF---\r\ntitle: 标题\r\n---\r\n正文。\r\n" }));
    expect(issue.pages[0]!.articles[0]).toMatchObject({ title: "标题", body: "正文。\n", bodyLine: 4 });
  });

  it("selects the tabloid format and maps layout hints", async () => {
    const issue = await loadFiles(
      validFiles(3, {
        "issue.yaml": issueYaml(3, "format: tabloid\n"),
        "pages/01/01.md": article({ title: "头条", image: "../../images/a.png", columns: 4, rank: "lead", photo_span: 3, continue_on: 3 }),
        "images/a.png": tinyPng(40, 30),
      }),
    );
    expect(issue.format.name).toBe("tabloid");
    const lead = issue.pages[0]!.articles[0]!;
    expect(lead.hints).toEqual({ columns: 4, rank: "lead", photoSpan: 3, continueOn: 3 });
    expect(lead.image).toMatchObject({ widthPx: 40, heightPx: 30 });
  });

  it("accepts JPEG, PNG and WebP pictures, inline ones too, and applies EXIF rotation", async () => {
    const issue = await loadFiles(
      validFiles(1, {
        "pages/01/01.md": article(
          { title: "图片", image: "../../images/turned.jpg" },
          "正文。\n\n![图一](../../images/a.webp)\n\n- 列表 ![图二](../../images/sub/图 二.png)\n\n`![not an image](http://example.com/x.jpg)`\n",
        ),
        "images/turned.jpg": jpegWithOrientation(6),
        "images/a.webp": tinyWebp(),
        "images/sub/图 二.png": tinyPng(),
      }),
    );
    // Orientation 6 turns the 8 x 6 picture upright to 6 x 8, as a browser shows it.
    expect(issue.pages[0]!.articles[0]!.image).toMatchObject({ widthPx: 6, heightPx: 8 });
  });

  it("finds inline pictures written with angle brackets and percent-encoding", async () => {
    const issue = await loadFiles(
      validFiles(1, {
        "pages/01/01.md": article({ title: "图片" }, "![a](<../../images/图 一.png>)\n\n![b](../../images/%E5%9B%BE%20%E4%B8%80.png)\n"),
        "images/图 一.png": tinyPng(),
      }),
    );
    expect(issue.pages[0]!.articles).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- the folder and issue.yaml

describe("loadIssue: the issue folder and issue.yaml", () => {
  it("reports a missing issue folder", async () => {
    const dir = join(await makeIssue({}), "no-such-issue");
    const messages = await problemsOfDir(dir);
    expect(messages).toEqual([`${dir}: issue folder not found`]);
  });

  it("reports an issue path that is a file", async () => {
    const dir = await makeIssue({ "issue.yaml": issueYaml() });
    const messages = await problemsOfDir(join(dir, "issue.yaml"));
    expect(messages[0]).toMatch(/issue\.yaml: is not a folder/);
  });

  it("reports a missing issue.yaml", async () => {
    const files = validFiles();
    delete files["issue.yaml"];
    expectMessage(await problemsOf(files), "issue.yaml", "issue.yaml is missing");
  });

  it("reports a YAML syntax error with its line", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": "paper:\n  name: 测试日报\ndate: 2024-05-01\nnumber: [12\npages:\n  - no: 1\n" }));
    expect(messages.some((message) => /^issue\.yaml:\d+: YAML syntax error/.test(message))).toBe(true);
    const duplicate = await problemsOf(validFiles(2, { "issue.yaml": issueYaml(2).replace("number: 12\n", "number: 12\nnumber: 13\n") }));
    expectMessage(duplicate, "issue.yaml:7", "YAML syntax error: Map keys must be unique");
  });

  it("reports an empty issue.yaml and one that is not a mapping", async () => {
    expectMessage(await problemsOf(validFiles(2, { "issue.yaml": "# nothing yet\n" })), "issue.yaml", "issue.yaml is empty");
    expectMessage(await problemsOf(validFiles(2, { "issue.yaml": "- a\n- b\n" })), "issue.yaml:1", "must be a mapping");
  });

  const yaml = (paper: string, date: string, number: string, format: string, pages: string): string =>
    `paper:\n${paper}date: ${date}\nnumber: ${number}\n${format}pages:\n${pages}`;
  const twoPages = "  - no: 1\n    section: 头版\n  - no: 2\n    section: 新闻\n";

  it("reports a missing paper.name on the paper line", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": yaml("  cn: CN 11-0001\n", "2024-05-01", "12", "", twoPages) }));
    expectMessage(messages, "issue.yaml:1", "paper.name (the masthead title) is missing");
  });

  it("reports a missing paper", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": `date: 2024-05-01\nnumber: 12\npages:\n${twoPages}` }));
    expect(messages).toContain("issue.yaml: paper is missing (it holds the masthead name)");
  });

  it("reports a missing date", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": `paper:\n  name: 报\nnumber: 12\npages:\n${twoPages}` }));
    expect(messages).toContain("issue.yaml: date is missing (write it as YYYY-MM-DD)");
  });

  it.each([
    ["2023-02-30", 'date "2023-02-30" is not a real date'],
    ["2023-13-01", 'date "2023-13-01" is not a real date'],
    ["2023/11/07", 'date "2023/11/07" is not a real date'],
    ["20231107", "date must be written YYYY-MM-DD, not 20231107"],
  ])("reports the bad date %s on its line", async (date, text) => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": yaml("  name: 报\n", date, "12", "", twoPages) }));
    expectMessage(messages, "issue.yaml:3", text);
  });

  it.each([["0"], ["-5"], ["1.5"], ["abc"], ['"3456"']])("reports number: %s on its line", async (number) => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", number, "", twoPages) }));
    expectMessage(messages, "issue.yaml:4", "number (总第N期) must be a positive whole number");
  });

  it("reports a missing number", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": `paper:\n  name: 报\ndate: 2024-05-01\npages:\n${twoPages}` }));
    expect(messages).toContain("issue.yaml: number (总第N期) is missing");
  });

  it("reports an unknown format and lists the known ones", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", "12", "format: a3\n", twoPages) }));
    expectMessage(messages, "issue.yaml:5", 'format "a3" is unknown; known formats: broadsheet, tabloid');
  });

  it("reports missing and empty pages", async () => {
    const missing = await problemsOf({ "issue.yaml": `paper:\n  name: 报\ndate: 2024-05-01\nnumber: 12\n`, "pages/": "" });
    expect(missing).toContain("issue.yaml: pages is missing: list one entry (no, section) per page");
    const empty = await problemsOf({ "issue.yaml": `paper:\n  name: 报\ndate: 2024-05-01\nnumber: 12\npages: []\n`, "pages/": "" });
    expectMessage(empty, "issue.yaml:5", "pages is empty");
    const blank = await problemsOf({ "issue.yaml": `paper:\n  name: 报\ndate: 2024-05-01\nnumber: 12\npages:\n`, "pages/": "" });
    expectMessage(blank, "issue.yaml:5", "pages is empty");
  });

  it("reports a page entry without no or without section on the entry's line", async () => {
    const pages = "  - no: 1\n    section: 头版\n  - section: 新闻\n  - no: 3\n    editor: 甲\n  - { no: 4, section: '' }\n";
    const messages = await problemsOf(validFiles(4, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", "12", "", pages) }));
    expectMessage(messages, "issue.yaml:8", "pages entry 2: no is missing");
    expectMessage(messages, "issue.yaml:9", "pages entry 3: section (版名) is missing");
    expectMessage(messages, "issue.yaml:11", "pages entry 4: section is empty");
  });

  it("reports a page entry that is not a mapping and a bad page number", async () => {
    const pages = "  - no: 1\n    section: 头版\n  - 新闻\n  - no: two\n    section: 要闻\n";
    const messages = await problemsOf(validFiles(3, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", "12", "", pages) }));
    expectMessage(messages, "issue.yaml:8", 'pages entry 2: must be a mapping with no and section, not "新闻"');
    expectMessage(messages, "issue.yaml:9", 'pages entry 3: no (the page number) must be a whole number from 1 to 99, not "two"');
  });

  it("reports a duplicate page number on its line", async () => {
    const pages = "  - no: 1\n    section: 头版\n  - no: 2\n    section: 新闻\n  - no: 2\n    section: 要闻\n";
    const messages = await problemsOf(validFiles(3, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", "12", "", pages) }));
    expectMessage(messages, "issue.yaml:10", "page no: 2 is listed twice (first on line 8)");
  });

  it("reports a gap and an out-of-order page number, once each", async () => {
    const gap = "  - no: 1\n    section: 头版\n  - no: 3\n    section: 新闻\n  - no: 4\n    section: 要闻\n";
    const messages = await problemsOf(validFiles(0, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", "12", "", gap), "pages/01/01.md": article({ title: "一" }), "pages/03/01.md": article({ title: "三" }), "pages/04/01.md": article({ title: "四" }) }));
    expectMessage(messages, "issue.yaml:8", "page no: 3 follows no: 1; page 2 is missing");
    expect(messages.filter((message) => message.includes("follows"))).toHaveLength(1);

    const swapped = "  - no: 2\n    section: 新闻\n  - no: 1\n    section: 头版\n";
    const order = await problemsOf(validFiles(2, { "issue.yaml": yaml("  name: 报\n", "2024-05-01", "12", "", swapped) }));
    expectMessage(order, "issue.yaml:6", "page no: 2 follows no: 0; page 1 is missing");
    expectMessage(order, "issue.yaml:8", "page no: 1 comes after no: 2; pages must be listed in order 1 … N");
  });

  it("reports wrong types of optional keys", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": yaml("  name: 报\n  publisher: [a, b]\n", "2024-05-01", "12", "", twoPages) }));
    expectMessage(messages, "issue.yaml:3", "paper.publisher must be text, not a list");
  });
});

// ---------------------------------------------------------------- page folders

describe("loadIssue: page folders", () => {
  it("reports a page folder that pages: does not list, and the page count", async () => {
    const messages = await problemsOf(validFiles(2, { "pages/17/01.md": article({ title: "多余" }) }));
    expectMessage(messages, "pages/17", "pages/17 is not listed in issue.yaml pages: (it lists 1, 2)");
    expectMessage(messages, "issue.yaml:7", "page count does not match: issue.yaml lists 2 pages, pages/ holds 3 page folders");
  });

  it("reports folder names that are not two digits", async () => {
    const messages = await problemsOf(validFiles(2, { "pages/5/01.md": article({ title: "五" }), "pages/abc/01.md": article({ title: "x" }), "pages/00/01.md": article({ title: "零" }) }));
    expectMessage(messages, "pages/5", "page folders are named with two digits (01, 02 … 16); rename it to pages/05");
    expectMessage(messages, "pages/abc", "page folders are named with two digits");
    expectMessage(messages, "pages/00", "page numbers start at 01");
  });

  it("reports a listed page without a folder, naming the page", async () => {
    const files = validFiles(3);
    delete files["pages/02/01.md"];
    const messages = await problemsOf(files);
    expectMessage(messages, "issue.yaml:10", "page 2 (版2) is listed but its folder pages/02 does not exist");
    expectMessage(messages, "issue.yaml:7", "page count does not match: issue.yaml lists 3 pages, pages/ holds 2 page folders");
  });

  it("reports a listed page whose folder has no .md files", async () => {
    const files = validFiles(2, { "pages/02/notes.txt": "草稿" });
    delete files["pages/02/01.md"];
    const messages = await problemsOf(files);
    expect(messages).toContain("pages/02: page 2 (版2) has no articles: pages/02 holds no .md files");
  });

  it("reports a missing pages/ folder", async () => {
    const messages = await problemsOf({ "issue.yaml": issueYaml(2) });
    expect(messages).toContain("pages: the issue folder has no pages/ folder, but issue.yaml lists 2 pages");
  });

  it("reports an article outside any page folder", async () => {
    const messages = await problemsOf(validFiles(1, { "pages/01.md": article({ title: "放错了" }) }));
    expect(messages).toContain("pages/01.md: articles belong in a page folder, e.g. pages/01/01.md");
  });
});

// ---------------------------------------------------------------- articles

describe("loadIssue: article front matter", () => {
  const withArticle = (text: string, extra: Record<string, string | Buffer> = {}) => problemsOf(validFiles(2, { "pages/02/01.md": text, ...extra }));

  it("reports a file without front matter as a missing title on line 1", async () => {
    expectMessage(await withArticle("正文，没有标题。\n"), "pages/02/01.md:1", "title is missing");
  });

  it("reports unterminated front matter", async () => {
    expectMessage(await withArticle("---\ntitle: 标题\n正文。\n"), "pages/02/01.md:1", "broken front matter: the --- on line 1 is never closed");
  });

  it("reports a YAML error with its line in the .md file, counting the --- line", async () => {
    const messages = await withArticle("---\ntitle: 标题\nkicker: 引题\nbyline: [本报记者\n---\n正文。\n");
    expect(messages.some((message) => /^pages\/02\/01\.md:[45]: broken front matter: YAML syntax error/.test(message))).toBe(true);
    const tabs = await withArticle("---\ntitle: 标题\nsubtitle: a: b\n---\n");
    expectMessage(tabs, "pages/02/01.md:3", "broken front matter: YAML syntax error");
  });

  it("reports front matter that is not a mapping", async () => {
    expectMessage(await withArticle("---\n- title\n- 标题\n---\n"), "pages/02/01.md:2", "it must be key: value lines (title: …), not a list");
    expectMessage(await withArticle("---\n就一句话\n---\n"), "pages/02/01.md:2", 'not "就一句话"');
  });

  it("reports a missing title at the start of the front matter", async () => {
    expectMessage(await withArticle(article({ kicker: "引题" })), "pages/02/01.md:1", "title is missing: every article needs a title");
    expectMessage(await withArticle("---\n---\n正文\n"), "pages/02/01.md:1", "title is missing: the front matter is empty");
  });

  it("reports an empty title on its line", async () => {
    expectMessage(await withArticle(article({ kicker: "引题", title: "" })), "pages/02/01.md:3", "title is empty");
    expectMessage(await withArticle(article({ title: '"   "' })), "pages/02/01.md:2", "title is empty");
  });

  it("reports wrong types on their lines and allows unknown keys", async () => {
    const messages = await withArticle(article({ title: 1949, kicker: "[a, b]", byline: "{ name: 王明 }", my_note: "[any, thing]" }));
    expectMessage(messages, "pages/02/01.md:2", 'title must be text, not 1949 (write it in quotes: title: "1949")');
    expectMessage(messages, "pages/02/01.md:3", "kicker must be text, not a list");
    expectMessage(messages, "pages/02/01.md:4", "byline must be text, not a mapping");
    expect(messages.some((message) => message.includes("my_note"))).toBe(false);
  });

  it("reports a caption without image", async () => {
    expectMessage(await withArticle(article({ title: "标题", caption: "图为……" })), "pages/02/01.md:3", "caption needs image");
  });

  it("reports a photo_span without image", async () => {
    expectMessage(await withArticle(article({ title: "标题", photo_span: 2 })), "pages/02/01.md:3", "photo_span needs image");
  });

  it("reports a file that is not UTF-8", async () => {
    // "标题" in GBK.
    const gbk = Buffer.concat([Buffer.from("---\ntitle: "), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from("\n---\n")]);
    expectMessage(await withArticle(gbk as unknown as string), "pages/02/01.md:2", "the file is not UTF-8 text");
  });
});

describe("loadIssue: layout hints", () => {
  const hints = (fields: Record<string, string | number>, yaml = issueYaml(3)) =>
    problemsOf(validFiles(3, { "issue.yaml": yaml, "pages/02/01.md": article({ title: "标题", image: "../../images/a.png", ...fields }), "images/a.png": tinyPng() }));

  it("reports columns outside the format's grid", async () => {
    expectMessage(await hints({ columns: 0 }), "pages/02/01.md:4", "columns (module width; the broadsheet grid has 8) must be a whole number from 1 to 8, not 0");
    expectMessage(await hints({ columns: 9 }), "pages/02/01.md:4", "must be a whole number from 1 to 8, not 9");
    expectMessage(await hints({ columns: 7 }, issueYaml(3, "format: tabloid\n")), "pages/02/01.md:4", "the tabloid grid has 6) must be a whole number from 1 to 6, not 7");
    expectMessage(await hints({ columns: "wide" }), "pages/02/01.md:4", 'not "wide"');
  });

  it("reports an unknown rank", async () => {
    expectMessage(await hints({ rank: "huge" }), "pages/02/01.md:4", 'rank must be one of lead, major, minor, brief, not "huge"');
  });

  it("reports a photo_span that does not fit", async () => {
    expectMessage(await hints({ photo_span: 0 }), "pages/02/01.md:4", "photo_span (photo width in columns) must be a whole number from 1 to 8, not 0");
    expectMessage(await hints({ columns: 2, photo_span: 3 }), "pages/02/01.md:5", "photo_span: 3 is wider than the article (columns: 2)");
  });

  it("reports continue_on naming a missing page or the article's own page", async () => {
    expectMessage(await hints({ continue_on: 7 }), "pages/02/01.md:4", "continue_on: 7 names a page the issue does not have");
    expectMessage(await hints({ continue_on: 2 }), "pages/02/01.md:4", "continue_on: 2 is this article's own page");
    expectMessage(await hints({ continue_on: "下一版" }), "pages/02/01.md:4", "continue_on (the page the article continues on) must be a whole number");
  });
});

// ---------------------------------------------------------------- pictures

describe("loadIssue: pictures", () => {
  const withImage = (image: string, files: Record<string, string | Buffer> = {}) =>
    problemsOf(validFiles(2, { "pages/02/01.md": article({ title: "标题", kicker: "引题", image }), ...files }));
  const at = "pages/02/01.md:4";

  it("reports a picture that does not exist", async () => {
    expectMessage(await withImage("../../images/none.jpg"), at, 'image "../../images/none.jpg": not found: images/none.jpg does not exist');
  });

  it("rejects paths that leave the issue folder or are absolute", async () => {
    expectMessage(await withImage("../../../outside.jpg"), at, "the path points outside the issue folder");
    expectMessage(await withImage("/etc/passwd"), at, "the path must be relative to the article file, not absolute");
    expectMessage(await withImage("C:\\photos\\a.jpg"), at, "not absolute");
  });

  it("rejects a symlink that leads out of the issue folder", async () => {
    const outside = await makeIssue({ "elsewhere.jpg": tinyJpeg() });
    const dir = await makeIssue(validFiles(2, { "pages/02/01.md": article({ title: "标题", kicker: "引题", image: "../../images/link.jpg" }), "images/": "" }));
    await symlink(join(outside, "elsewhere.jpg"), join(dir, "images/link.jpg"));
    expectMessage(await problemsOfDir(dir), at, "images/link.jpg is a link to a file outside the issue folder");
  });

  it.each([["http://example.com/a.jpg"], ["https://example.com/a.jpg"], ["//cdn.example.com/a.jpg"], ["data:image/png;base64,iVBORw0KGgo="], ["file:///tmp/a.jpg"]])(
    "rejects the network URL %s in front matter",
    async (url) => {
      expectMessage(await withImage(url), at, "articles may not load from the network");
    },
  );

  it("reports a file that is not a picture, or one in another format", async () => {
    expectMessage(await withImage("../../images/a.jpg", { "images/a.jpg": "this is text, not a JPEG" }), at, "images/a.jpg cannot be decoded: it is not a picture file; pictures must be JPEG, PNG or WebP");
    expectMessage(await withImage("../../images/a.gif", { "images/a.gif": tinyGif() }), at, "images/a.gif cannot be decoded: it is a GIF");
    expectMessage(await withImage("../../images/empty.png", { "images/empty.png": Buffer.alloc(0) }), at, "images/empty.png is empty (0 bytes)");
    expectMessage(await withImage("../../images", { "images/a.png": tinyPng() }), at, "images is a folder, not a picture");
  });

  it("reports truncated and damaged pictures", async () => {
    expectMessage(await withImage("../../images/a.jpg", { "images/a.jpg": truncated(tinyJpeg()) }), at, "images/a.jpg is truncated: the file ends before the JPEG end-of-image marker");
    expectMessage(await withImage("../../images/a.jpg", { "images/a.jpg": tinyJpeg().subarray(0, -2) }), at, "is truncated");
    expectMessage(await withImage("../../images/a.png", { "images/a.png": truncated(tinyPng(), 0.9) }), at, "images/a.png is truncated");
    expectMessage(await withImage("../../images/a.png", { "images/a.png": pngWithBadCrc() }), at, "images/a.png is corrupt: the IDAT chunk");
    expectMessage(await withImage("../../images/a.webp", { "images/a.webp": truncated(tinyWebp()) }), at, "images/a.webp is truncated");
    const garbage = Buffer.concat([tinyJpeg().subarray(0, 20), Buffer.from("garbage garbage garbage")]);
    expectMessage(await withImage("../../images/a.jpg", { "images/a.jpg": garbage }), at, "images/a.jpg cannot be decoded");
  });

  it("checks inline pictures with their line in the .md file", async () => {
    const body = [
      "第一段。", // line 4: the body starts after title (2) and --- (3)
      "",
      "第二段，第一行，",
      "第二行 ![缺图](../../images/none.png) 结束。", // line 7
      "",
      "> 引文 ![外链](https://example.com/a.png)", // line 9
      "",
      "- 列表",
      "- ![逃逸](../../../../etc/a.png)", // line 12
      "",
      "![坏图](../../images/bad.png)", // line 14
      "",
      "![本地](file:///tmp/a.png) ![内嵌](data:image/png;base64,AAAA) ![协议](//example.com/a.png)", // line 16
      "",
      "![引用][pic]", // line 18
      "",
      "[pic]: ../../images/also-none.jpg",
      "",
      "`![code](http://example.com/not-an-image.png)`",
      "",
    ].join("\n");
    const messages = await problemsOf(validFiles(2, { "pages/02/01.md": article({ title: "标题" }, body), "images/bad.png": truncated(tinyPng()) }));
    expectMessage(messages, "pages/02/01.md:7", 'inline image "../../images/none.png": not found');
    expectMessage(messages, "pages/02/01.md:9", 'inline image "https://example.com/a.png": articles may not load from the network');
    expectMessage(messages, "pages/02/01.md:12", "the path points outside the issue folder");
    expectMessage(messages, "pages/02/01.md:14", "images/bad.png is truncated");
    expectMessage(messages, "pages/02/01.md:16", 'inline image "file:///tmp/a.png": articles may not load from the network');
    expectMessage(messages, "pages/02/01.md:16", 'inline image "data:image/png;base64,AAAA": articles may not load from the network');
    expectMessage(messages, "pages/02/01.md:16", 'inline image "//example.com/a.png": articles may not load from the network');
    expectMessage(messages, "pages/02/01.md:18", 'inline image "../../images/also-none.jpg": not found');
    expect(messages).toHaveLength(8);
    expect(messages.some((message) => message.includes("not-an-image"))).toBe(false);
  });
});

// ---------------------------------------------------------------- all at once

describe("loadIssue: reporting", () => {
  it("reports every problem in one BuildError, in file order", async () => {
    const dir = await makeIssue(
      validFiles(3, {
        "issue.yaml": issueYaml(3).replace("number: 12", "number: -1"),
        "pages/01/01.md": article({ kicker: "没有标题" }),
        "pages/02/01.md": article({ title: "标题", image: "../../images/none.jpg" }),
        "pages/03/01.md": "---\ntitle: 没有结束\n",
        "pages/17/01.md": article({ title: "多余" }),
      }),
    );
    const error = await loadIssue(dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BuildError);
    const { messages } = error as BuildError;
    expect(messages.map((message) => [message.file, message.line, message.ruleId])).toEqual([
      ["issue.yaml", 6, "issue-schema"],
      ["pages/17", undefined, "page-folder-unlisted"],
      ["issue.yaml", 7, "page-count"],
      ["pages/01/01.md", 1, "title-missing"],
      ["pages/02/01.md", 3, "image-missing"],
      ["pages/03/01.md", 1, "front-matter-unclosed"],
    ]);
    expect(messages.find((message) => message.file === "pages/02/01.md")?.page).toBe(2);
    expect((error as BuildError).message.split("\n")).toHaveLength(6);
  });

  it("still checks the articles when issue.yaml is broken", async () => {
    const messages = await problemsOf(validFiles(2, { "issue.yaml": "paper:\n  name: 报\n\tdate: 2024-05-01\n", "pages/02/01.md": article({ caption: "图" }) }));
    expectMessage(messages, "issue.yaml:3", "YAML syntax error: Tabs are not allowed as indentation");
    expectMessage(messages, "pages/02/01.md:1", "title is missing");
    expectMessage(messages, "pages/02/01.md:2", "caption needs image");
  });

  it("never leaves a half-built issue behind: a good issue next to a broken one loads", async () => {
    const dir = await makeIssue(validFiles(2));
    await writeFile(join(dir, "pages/02/02.md"), article({ title: "追加" }));
    const issue = await loadIssue(dir);
    expect(issue.pages[1]!.articles.map((item) => item.id)).toEqual(["p02-01", "p02-02"]);
  });
});
