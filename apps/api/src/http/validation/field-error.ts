/** One bad field in a 400 answer: `field` is the path in the body or query (`commitments.0.dueAt`). */
export interface FieldError {
  field: string;
  message: string;
}
