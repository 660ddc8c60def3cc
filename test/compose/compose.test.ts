// Compose: the view TypeScript builds and the HTML the templates present.
import { describe, expect, it } from "vitest";
import { issueDate } from "../../scripts/compose/calendar.js";
import { composeIssue, GUIDE_ID } from "../../scripts/compose/compose.js";
import { pageRules, SLUG_MM } from "../../scripts/compose/page-rules.js";
import { FORMATS } from "../../scripts/content/formats.js";
import { loadIssue } from "../../scripts/content/load.js";
import { article, makeIssue, validFiles } from "../content/fixture.js";

describe("issue dates", () => {
  it("derives weekday and 农历 from the issue date", () => {
    expect(issueDate("2023-11-07")).toEqual({ long: "2023年11月7日", weekday: "星期二", lunar: "癸卯年九月廿四" });
    expect(issueDate("2024-02-10").lunar).toBe("甲辰年正月初一");
    expect(issueDate("2024-02-10").weekday).toBe("星期六");
  });
});

describe("page rules", () => {
  it("sets the format's trim size and a bleed that leaves room for crop marks", () => {
    const rules = pageRules(FORMATS.tabloid!);
    expect(rules).toContain("size: 270mm 390mm");
    expect(rules).toContain(`bleed: ${3 + SLUG_MM}mm`);
    expect(rules).toContain("marks: crop");
  });
});

describe("the composed document", async () => {
  const dir = await makeIssue(
    validFiles(3, {
      "pages/01/01.md": article({ title: "头版头条", kicker: "引题在上", subtitle: "副题在下" }, "第一段。\n\n## 小标题\n\n<script>alert(1)</script>\n"),
      "pages/02/01.md": article({ title: "二版头条" }),
      "pages/03/01.md": article({ title: "三版头条" }),
      "pages/03/02.md": article({ title: "三版次条" }),
    }),
  );
  const issue = await loadIssue(dir);
  const composed = composeIssue(issue, { documentDir: dir });
  const html = composed.html;

  it("puts the masthead on page 1 only, with number, page count, CN and 邮发代号", () => {
    expect(html.match(/class="np-masthead"/g)).toHaveLength(1);
    for (const text of ["测试日报", "总第12期", "今日3版", "CN 11-0001", "1-23", "农历"]) expect(html).toContain(text);
  });

  it("lists each inner page's lead story in the 导读, linked to the article", () => {
    const guide = html.slice(html.indexOf(`id="${GUIDE_ID}"`));
    expect(guide).toContain('href="#p02-01"');
    expect(guide).toContain('href="#p03-01"');
    expect(guide).not.toContain('href="#p03-02"');
    expect(guide.indexOf("二版头条")).toBeLessThan(guide.indexOf("三版头条"));
  });

  it("gives every page the strings its running head shows", () => {
    expect(html).toContain('<span class="np-run-folio">第02版　版2</span>');
    expect(html).toMatch(/<span class="np-run-title">测试日报　2024年5月1日　星期三<\/span>/);
  });

  it("sets kicker, title and subtitle in order, subheads as h3, and raw HTML as text", () => {
    const lead = html.slice(html.indexOf('id="p01-01"'));
    // Headlines carry typography spans (no lone last character): compare the text.
    const text = lead.replace(/<[^>]+>/g, "");
    expect(text.indexOf("引题在上")).toBeGreaterThan(-1);
    expect(text.indexOf("引题在上")).toBeLessThan(text.indexOf("头版头条"));
    expect(text.indexOf("头版头条")).toBeLessThan(text.indexOf("副题在下"));
    expect(lead).toContain('<h3 class="np-subhead">');
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps story order and ranks: the first story leads", () => {
    expect(composed.articles.map((entry) => entry.id)).toEqual(["p01-01", "p02-01", "p03-01", "p03-02"]);
    expect(composed.articles[0]!.rank).toBe("lead");
  });
});
