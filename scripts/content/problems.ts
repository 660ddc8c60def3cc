// Collects every problem found while reading an issue, so the editor sees the
// whole list in one build instead of fixing one error per run.
import { BuildError, ExitCode, type IssueMessage } from "../messages.js";

export interface ProblemInput {
  /** Path relative to the issue folder, forward slashes ("pages/05/01.md"). */
  file?: string;
  line?: number;
  page?: number;
  ruleId: string;
  reason: string;
}

export class Problems {
  readonly messages: IssueMessage[] = [];

  add(problem: ProblemInput): void {
    const message: IssueMessage = { reason: problem.reason, ruleId: problem.ruleId, stage: "content", fatal: true };
    if (problem.file !== undefined) message.file = problem.file;
    if (problem.line !== undefined) message.line = problem.line;
    if (problem.page !== undefined) message.page = problem.page;
    this.messages.push(message);
  }

  get count(): number {
    return this.messages.length;
  }

  throwIfAny(): void {
    if (this.messages.length > 0) throw new BuildError(this.messages, ExitCode.BadInput);
  }
}

/** How a YAML value reads in a message: `"abc"`, `12`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return JSON.stringify(value.toISOString().slice(0, 10));
  if (typeof value === "object") return "a mapping";
  return String(value);
}
