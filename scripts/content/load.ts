// The content stage: reads an issue folder (issue.yaml, pages/NN/*.md and the
// pictures they use) into an Issue. Everything is checked before any browser
// starts, and every problem found is reported at once in one BuildError.
import { stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { Article, Issue, PageEntry } from "../types.js";
import { readArticle, type ArticleContext } from "./article.js";
import { readIssueFile } from "./issue-file.js";
import { ImageFiles } from "./images.js";
import { pageFolderName, scanPageFolders, type PageFolder } from "./page-folders.js";
import { Problems } from "./problems.js";

export async function loadIssue(issueDir: string): Promise<Issue> {
  const dir = resolve(issueDir);
  const problems = new Problems();
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    problems.add({
      file: issueDir,
      ruleId: "issue-dir-missing",
      reason: info ? "is not a folder: give the issue folder, e.g. content/2023-11-07" : "issue folder not found",
    });
    problems.throwIfAny();
  }

  const listing = await readIssueFile(dir, problems);
  const folders = await scanPageFolders(dir, listing, problems);
  const context: ArticleContext = {
    issueDir: dir,
    format: listing.format,
    images: new ImageFiles(dir),
    problems,
  };
  if (listing.listed) context.pageNos = new Set(listing.listed.map((page) => page.no));

  // One article at a time, so messages come out in page and story order.
  const articlesByPage = new Map<number, Article[]>();
  for (const folder of folders) {
    const ids = articleIds(folder);
    const articles: Article[] = [];
    for (const [index, fileName] of folder.articleFiles.entries()) {
      const article = await readArticle(context, { page: folder, fileName, order: index + 1, id: ids[index]! });
      if (article) articles.push(article);
    }
    articlesByPage.set(folder.no, articles);
  }

  problems.throwIfAny();
  const file = listing.valid;
  if (!file) throw new Error("issue.yaml has no problems but was not read"); // cannot happen: every rejection reports a problem
  const pages: PageEntry[] = file.pages.map((page) => ({
    ...page,
    dir: join(dir, "pages", pageFolderName(page.no)),
    articles: articlesByPage.get(page.no) ?? [],
  }));
  return { id: basename(dir), dir, paper: file.paper, date: file.date, number: file.number, format: file.format, pages };
}

/**
 * "p05-01" for pages/05/01.md. A file name that is not a plain id (Chinese,
 * spaces) gets its story position instead, so ids stay safe in HTML and CSS.
 */
function articleIds(folder: PageFolder): string[] {
  const prefix = `p${pageFolderName(folder.no)}-`;
  const used = new Set<string>();
  return folder.articleFiles.map((fileName, index) => {
    const stem = fileName.replace(/\.md$/i, "");
    let id = /^[A-Za-z0-9_-]+$/.test(stem) ? `${prefix}${stem}` : `${prefix}${String(index + 1).padStart(2, "0")}`;
    if (used.has(id)) id = `${prefix}${String(index + 1).padStart(2, "0")}-${used.size}`;
    used.add(id);
    return id;
  });
}
