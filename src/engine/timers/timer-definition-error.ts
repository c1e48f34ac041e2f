/**
 * A timer definition (timeDuration, timeDate or timeCycle text) that cannot be scheduled:
 * unparsable, negative, or absurd. Deployment validation turns it into a problem on the
 * element; at run time (after an expression produced the text) it becomes an incident.
 */
export class TimerDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimerDefinitionError';
  }
}
