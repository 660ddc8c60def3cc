// Matches the page folders on disk (pages/01, pages/02, …) against the pages
// issue.yaml lists, and finds the article files in each.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ISSUE_FILE, MAX_PAGE, type IssueListing, type ListedPage } from "./issue-file.js";
import type { Problems } from "./problems.js";

export interface PageFolder {
  no: number;
  /** Absolute path of the folder. */
  dir: string;
  /** "pages/05". */
  rel: string;
  /** The .md file names in story order. */
  articleFiles: string[];
}

export const pageFolderName = (no: number): string => String(no).padStart(2, "0");

// Story order is file-name order; numeric collation keeps 2.md before 10.md
// for editors who do not pad their numbers.
const fileNameOrder = new Intl.Collator("en", { numeric: true }).compare;

const isHidden = (name: string): boolean => name.startsWith(".");
const isArticleFile = (name: string): boolean => /\.md$/i.test(name) && !isHidden(name);

/** The page folders whose articles should be read, in page order. */
export async function scanPageFolders(issueDir: string, listing: IssueListing, problems: Problems): Promise<PageFolder[]> {
  const pagesDir = join(issueDir, "pages");
  const listed = listing.listed;
  const info = await stat(pagesDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    const lists = listed?.length ? `, but issue.yaml lists ${listed.length} page${listed.length === 1 ? "" : "s"}` : "";
    problems.add({
      file: "pages",
      ruleId: "pages-missing",
      reason: info ? `pages is not a folder${lists}` : `the issue folder has no pages/ folder${lists}`,
    });
    return [];
  }

  const found = await findPageFolders(pagesDir, problems);
  if (listed) checkAgainstListing(listed, found, listing.pagesLine, problems);

  const wanted = listed ? uniqueInOrder(listed) : [...found.keys()].sort((a, b) => a - b).map((no) => ({ no }) as ListedPage);
  const folders: PageFolder[] = [];
  for (const page of wanted) {
    const dir = found.get(page.no);
    if (dir === undefined) continue;
    const rel = `pages/${pageFolderName(page.no)}`;
    const articleFiles = await findArticleFiles(dir);
    if (articleFiles.length === 0) {
      problems.add({ file: rel, page: page.no, ruleId: "page-empty", reason: `${describePage(page)} has no articles: ${rel} holds no .md files` });
      continue;
    }
    folders.push({ no: page.no, dir, rel, articleFiles });
  }
  return folders;
}

/** Two-digit folders by page number; anything else in pages/ that looks like a mistake is a problem. */
async function findPageFolders(pagesDir: string, problems: Problems): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const names = (await readdir(pagesDir)).filter((name) => !isHidden(name)).sort(fileNameOrder);
  for (const name of names) {
    const abs = join(pagesDir, name);
    // stat, not lstat: a symlinked page folder is still a page folder.
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!/^\d{2}$/.test(name)) {
        const no = /^\d+$/.test(name) ? Number(name) : NaN;
        const hint = no >= 1 && no <= MAX_PAGE ? `rename it to pages/${pageFolderName(no)}` : "use 01, 02 … for page folders";
        problems.add({ file: `pages/${name}`, ruleId: "page-folder-name", reason: `page folders are named with two digits (01, 02 … 16); ${hint}` });
        continue;
      }
      const no = Number(name);
      if (no === 0) {
        problems.add({ file: `pages/${name}`, ruleId: "page-folder-name", reason: "page numbers start at 01; there is no page 00" });
        continue;
      }
      found.set(no, abs);
    } else if (info?.isFile() && isArticleFile(name)) {
      // An article outside any page folder would silently not be printed.
      problems.add({ file: `pages/${name}`, ruleId: "page-folder-name", reason: "articles belong in a page folder, e.g. pages/01/01.md" });
    }
  }
  return found;
}

function checkAgainstListing(listed: ListedPage[], found: Map<number, string>, pagesLine: number | undefined, problems: Problems): void {
  const listedNos = new Set(listed.map((page) => page.no));
  for (const no of found.keys()) {
    if (listedNos.has(no)) continue;
    problems.add({
      file: `pages/${pageFolderName(no)}`,
      page: no,
      ruleId: "page-folder-unlisted",
      reason: `pages/${pageFolderName(no)} is not listed in issue.yaml pages: (it lists ${describeNumbers([...listedNos])}); add an entry with no: ${no} or remove the folder`,
    });
  }
  for (const page of uniqueInOrder(listed)) {
    if (found.has(page.no)) continue;
    problems.add({
      file: ISSUE_FILE,
      line: page.line,
      page: page.no,
      ruleId: "page-folder-missing",
      reason: `${describePage(page)} is listed but its folder pages/${pageFolderName(page.no)} does not exist`,
    });
  }
  if (listed.length !== found.size) {
    problems.add({
      file: ISSUE_FILE,
      line: pagesLine,
      ruleId: "page-count",
      reason: `page count does not match: issue.yaml lists ${listed.length} page${listed.length === 1 ? "" : "s"}, pages/ holds ${found.size} page folder${found.size === 1 ? "" : "s"}`,
    });
  }
}

async function findArticleFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter(isArticleFile);
  const files: string[] = [];
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile()) files.push(name);
  }
  return files.sort(fileNameOrder);
}

function uniqueInOrder(listed: ListedPage[]): ListedPage[] {
  const seen = new Set<number>();
  return listed.filter((page) => !seen.has(page.no) && seen.add(page.no));
}

export function describePage(page: { no: number; section?: string }): string {
  return `page ${page.no}${page.section ? ` (${page.section})` : ""}`;
}

/** "1 … 16" for a run, else "1, 2, 4". */
function describeNumbers(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length === 0) return "no pages";
  const isRun = sorted.every((no, index) => no === sorted[0]! + index);
  return isRun && sorted.length > 2 ? `${sorted[0]} … ${sorted[sorted.length - 1]}` : sorted.join(", ");
}
