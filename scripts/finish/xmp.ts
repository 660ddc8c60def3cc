// The XMP packet (ISO 16684-1) repeats the Info dict for tools that read only
// XMP (asset managers, PDF/X and PDF/A checkers). Its text is built from the
// input alone, IDs included, so the same issue gives the same bytes.
import type { DocumentMetadata } from "./input.js";
import { xmpIssueDate } from "./pdf-date.js";

export interface XmpFields extends DocumentMetadata {
  /** "uuid:…" derived from the input, used as both document and instance ID. */
  documentId: string;
  keywordsText: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmpPacket(fields: XmpFields): string {
  const date = xmpIssueDate(fields.date);
  const e = escapeXml;
  return [
    // The BOM in `begin` tells XMP scanners the packet's encoding (UTF-8).
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    ` <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `  <rdf:Description rdf:about=""`,
    `    xmlns:dc="http://purl.org/dc/elements/1.1/"`,
    `    xmlns:xmp="http://ns.adobe.com/xap/1.0/"`,
    `    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"`,
    `    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `   <dc:format>application/pdf</dc:format>`,
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(fields.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${e(fields.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(fields.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:subject><rdf:Bag>${fields.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join("")}</rdf:Bag></dc:subject>`,
    `   <dc:language><rdf:Bag><rdf:li>${e(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${e(fields.creator)}</xmp:CreatorTool>`,
    `   <pdf:Producer>${e(fields.producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${e(fields.keywordsText)}</pdf:Keywords>`,
    `   <xmpMM:DocumentID>${e(fields.documentId)}</xmpMM:DocumentID>`,
    `   <xmpMM:InstanceID>${e(fields.documentId)}</xmpMM:InstanceID>`,
    `  </rdf:Description>`,
    ` </rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="w"?>`,
  ].join("\n");
}
