/** One problem the service reported for a refused deployment. */
export interface DiagramProblem {
  /** The element it concerns, when the diagram has it. */
  elementId: string | null;
  message: string;
}

/** Camunda's ProblemDto, as far as the modeler reads it. */
interface ProblemDto {
  message?: unknown;
  mainElementId?: unknown;
}

/**
 * The problems of a refused deployment, from Camunda's ParseException report in the 400's
 * `details` (`{ "<resource>": { "errors": [ProblemDto…] } }`). A problem sits on its element only
 * if the diagram has that element; without a report the message is the one problem.
 */
export function deploymentProblems(
  message: string,
  details: unknown,
  hasElement: (id: string) => boolean,
): DiagramProblem[] {
  const reports: unknown[] =
    typeof details === 'object' && details !== null ? Object.values(details) : [];
  const problems = reports.flatMap((report) => {
    const errors = (report as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? (errors as ProblemDto[]) : [];
  });
  if (problems.length === 0) return [{ elementId: null, message }];
  return problems.map((problem) => {
    const id = typeof problem.mainElementId === 'string' ? problem.mainElementId : null;
    return {
      elementId: id !== null && hasElement(id) ? id : null,
      message: typeof problem.message === 'string' ? problem.message : message,
    };
  });
}
