// Every bad input of the content spec, through the real command line: a
// message naming the file (and line), a non-zero exit, no browser started, and
// the previous good output left exactly as it was.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../scripts/messages.js";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { article, issueYaml, tinyPng } from "../content/fixture.js";

const workDir = mkdtempSync(join(tmpdir(), "newsprint-bad-"));
const outputRoot = join(workDir, "output");
const goodIssue = join(workDir, "good", "2024-05-01");

function cli(issueDir: string, extra: string[] = []) {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "cli.ts"), "build", issueDir, "--out", outputRoot, ...extra], {
    encoding: "utf8",
    cwd: PROJECT_ROOT,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function hashOutput(): string {
  const dir = join(outputRoot, "2024-05-01");
  return ["print.pdf", "epaper.pdf", "report.json"].map((file) => createHash("sha256").update(readFileSync(join(dir, file))).digest("hex")).join(":");
}

/** A copy of the good issue (same issue id, so the same output folder), with changes. */
function variant(name: string, change: (dir: string) => void): string {
  const dir = join(workDir, name, "2024-05-01");
  cpSync(goodIssue, dir, { recursive: true });
  change(dir);
  return dir;
}

const body = "本报讯　社区食堂每天中午为老人提供热饭热菜，一荤两素加一碗汤，价格实惠。\n\n志愿者轮流送餐上门，风雨无阻。\n";

beforeAll(() => {
  mkdirSync(join(goodIssue, "images"), { recursive: true });
  writeFileSync(join(goodIssue, "issue.yaml"), issueYaml(2));
  writeFileSync(join(goodIssue, "images", "photo.png"), tinyPng(60, 40));
  for (const page of ["01", "02"]) {
    mkdirSync(join(goodIssue, "pages", page), { recursive: true });
    writeFileSync(join(goodIssue, "pages", page, "01.md"), article({ title: `第${page}版的头条新闻`, image: "../../images/photo.png", caption: "图为社区食堂。" }, body.repeat(6)));
    writeFileSync(join(goodIssue, "pages", page, "02.md"), article({ title: "社区简讯一则" }, body));
  }
  const good = cli(goodIssue, ["--quiet"]);
  expect(good.stderr).not.toMatch(/^error/m);
  expect(good.code).toBe(0);
}, 240_000);

const cases: { name: string; change: (dir: string) => void; message: RegExp }[] = [
  { name: "missing issue.yaml", change: (dir) => rmSync(join(dir, "issue.yaml")), message: /issue\.yaml/ },
  { name: "malformed issue.yaml", change: (dir) => writeFileSync(join(dir, "issue.yaml"), "paper:\n  name: 测试日报\ndate: [2024-05-01\n"), message: /issue\.yaml:\d+/ },
  { name: "a page folder that pages: does not list", change: (dir) => cpSync(join(dir, "pages", "02"), join(dir, "pages", "03"), { recursive: true }), message: /pages\/03/ },
  { name: "a missing title", change: (dir) => writeFileSync(join(dir, "pages", "02", "02.md"), "---\nbyline: 本报记者 王明\n---\n正文。\n"), message: /pages\/02\/02\.md:\d+.*title/ },
  { name: "an image that does not exist", change: (dir) => rmSync(join(dir, "images", "photo.png")), message: /pages\/01\/01\.md:\d+.*photo\.png/ },
  { name: "an image that cannot be decoded", change: (dir) => writeFileSync(join(dir, "images", "photo.png"), readFileSync(join(dir, "images", "photo.png")).subarray(0, 40)), message: /photo\.png/ },
  { name: "broken front matter", change: (dir) => writeFileSync(join(dir, "pages", "01", "02.md"), "---\ntitle: [未闭合\n---\n正文。\n"), message: /pages\/01\/02\.md:\d+/ },
  { name: "a page count that does not match", change: (dir) => writeFileSync(join(dir, "issue.yaml"), issueYaml(3)), message: /pages\/03|page 3/ },
];

describe("bad input", () => {
  for (const testCase of cases) {
    it(`fails on ${testCase.name}, naming the file, before any browser starts, keeping the old output`, () => {
      const before = hashOutput();
      const run = cli(variant(testCase.name.replace(/\W+/g, "-"), testCase.change));
      expect(run.code).toBe(ExitCode.BadInput);
      expect(run.stderr).toMatch(testCase.message);
      expect(run.stdout).not.toMatch(/launch/);
      expect(hashOutput()).toBe(before);
    });
  }

  it("fails with the overflow exit code, naming page and article, when copy cannot fit", () => {
    const before = hashOutput();
    const long = "这是一段用来撑满版面的测试文字，内容反复出现，直到一页再也放不下为止。".repeat(40);
    const dir = variant("overfull", (issue) => writeFileSync(join(issue, "pages", "02", "02.md"), article({ title: "放不下的长文" }, `${long}\n\n`.repeat(30))));
    const run = cli(dir);
    expect(run.code).toBe(ExitCode.Overflow);
    expect(run.stderr).toMatch(/pages\/02\/\d\d\.md: \d+ lines \(about \d+ characters\) do not fit on page 2/);
    expect(hashOutput()).toBe(before);
  });
});
