/** One refused input of Conveyor's error `details`, e.g. a form field and what is wrong with it. */
export interface ErrorDetail {
  field: string;
  message: string;
}
