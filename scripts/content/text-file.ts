// Reads an editor's text file. Files saved as GBK (common on Chinese Windows
// set-ups) would otherwise turn into replacement characters and be printed
// as garbage, so invalid UTF-8 is a problem with the line where it starts.
import { readFile } from "node:fs/promises";

export type TextFile = { ok: true; text: string } | { ok: false; line: number };

export async function readTextFile(absPath: string): Promise<TextFile> {
  const bytes = await readFile(absPath);
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    // CRLF and lone CR become LF so every later line count agrees.
    return { ok: true, text: text.replace(/\r\n?/g, "\n") };
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    const line = lenient.slice(0, Math.max(bad, 0)).split(/\r\n?|\n/).length;
    return { ok: false, line };
  }
}
