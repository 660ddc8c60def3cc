// Identifiers a PDF needs (trailer /ID, XMP DocumentID) must not be random,
// or two builds of the same issue would differ. They are a hash of the
// finished document itself, taken before the IDs go in and after Chromium's
// timestamps are replaced: hashing Chromium's raw output would make the ID
// change with every build, since its Info dict carries the print time.
import { createHash } from "node:crypto";

export interface DocumentId {
  /** 32 hex digits, for the trailer /ID. */
  hex: string;
  /** "uuid:…" of the same digits, for XMP. */
  uuid: string;
}

export function documentIdOf(bytes: Uint8Array): DocumentId {
  const hex = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  const uuid = `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return { hex, uuid };
}
