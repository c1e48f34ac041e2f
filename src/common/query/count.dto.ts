/** Camunda's `{ "count": n }` answer of every /count endpoint. */
export interface CountDto {
  count: number;
}
