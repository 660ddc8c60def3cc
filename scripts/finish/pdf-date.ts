// The issue date is the only date the finished PDF may carry: a press file
// stamped with the build time would differ on every run and mislead readers.
// Newspapers date their issues in Beijing time, so midnight +08:00.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BEIJING_OFFSET = "+08:00";

function parseIssueDate(isoDate: string): [year: string, month: string, day: string] {
  const match = ISO_DATE.exec(isoDate);
  // Round-trip through Date to reject impossible days such as 2023-02-30.
  const valid = match && new Date(`${isoDate}T00:00:00Z`).toISOString().startsWith(isoDate);
  if (!match || !valid) throw new Error(`finish: issue date "${isoDate}" is not a valid ISO date (YYYY-MM-DD)`);
  return [match[1]!, match[2]!, match[3]!];
}

/** PDF date string (ISO 32000 7.9.4): "D:20231107000000+08'00'". */
export function pdfIssueDate(isoDate: string): string {
  const [year, month, day] = parseIssueDate(isoDate);
  return `D:${year}${month}${day}000000+08'00'`;
}

/** XMP date (ISO 8601): "2023-11-07T00:00:00+08:00". */
export function xmpIssueDate(isoDate: string): string {
  parseIssueDate(isoDate);
  return `${isoDate}T00:00:00${BEIJING_OFFSET}`;
}
