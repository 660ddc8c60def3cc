// Resolves the path an article gives for a picture (front matter `image:` or
// an inline `![](…)`) to a file inside the issue folder. Pictures may come only
// from the issue folder: the build must not depend on the network or on files
// elsewhere on the machine, so it is reproducible from the folder alone.
import { isAbsolute, relative, resolve, dirname, sep } from "node:path";

export type ResolvedRef = { ok: true; abs: string } | { ok: false; ruleId: string; reason: string };

const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

/**
 * @param decode undo percent-encoding (`%20`), as a browser does for a
 *   Markdown image URL; a front-matter path is a plain file path.
 */
export function resolveImageRef(ref: string, articleFile: string, issueDir: string, decode: boolean): ResolvedRef {
  const written = ref.trim();
  if (written === "") return { ok: false, ruleId: "image-path", reason: "the path is empty" };
  if (written.startsWith("//") || (URL_SCHEME.test(written) && !WINDOWS_DRIVE.test(written))) {
    const scheme = written.startsWith("//") ? "//" : `${URL_SCHEME.exec(written)![1]!.toLowerCase()}:`;
    return {
      ok: false,
      ruleId: "image-network",
      reason: `articles may not load from the network (${scheme} URL); put the picture in the issue folder and give a relative path`,
    };
  }
  if (isAbsolute(written) || WINDOWS_DRIVE.test(written) || written.startsWith("\\")) {
    return { ok: false, ruleId: "image-path", reason: "the path must be relative to the article file, not absolute" };
  }
  // Editors on Windows type backslashes; a file name never holds one on purpose.
  let path = written.replace(/\\/g, "/");
  if (decode) path = safeDecode(path);
  const abs = resolve(dirname(articleFile), path);
  if (!isInside(issueDir, abs)) {
    return { ok: false, ruleId: "image-path", reason: "the path points outside the issue folder; keep pictures inside it (e.g. images/)" };
  }
  return { ok: true, abs };
}

export function isInside(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
