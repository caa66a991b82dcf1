import { TextField } from '../http/validation/fields';

/** Title and the start of the content is enough to tell a subject; a query string stays short. */
export const SIMILAR_TEXT_MAX = 300;

/** `GET /api/public/similar-suggestions?text=` (no token). */
export class SimilarTextQueryDto {
  @TextField('文本', SIMILAR_TEXT_MAX)
  text!: string;
}
