// Turns zod issues into problems that name the file and the YAML line of the
// offending node.
import type { z } from "zod";
import type { Problems } from "./problems.js";
import type { ParsedYaml } from "./yaml-lines.js";

export function reportSchemaIssues(
  problems: Problems,
  issues: readonly z.core.$ZodIssue[],
  where: { file: string; yaml: ParsedYaml; ruleId: string | ((path: readonly PropertyKey[]) => string); page?: number; fallbackLine?: number },
  /** Prepends context to a message, e.g. "pages entry 3: ". */
  prefix: (path: readonly PropertyKey[]) => string = () => "",
): void {
  for (const issue of issues) {
    problems.add({
      file: where.file,
      line: where.yaml.lineOf(issue.path) ?? where.fallbackLine,
      page: where.page,
      ruleId: typeof where.ruleId === "string" ? where.ruleId : where.ruleId(issue.path),
      reason: `${prefix(issue.path)}${issue.message}`,
    });
  }
}
