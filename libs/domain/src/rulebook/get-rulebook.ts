import { RULEBOOK_IDS, RULEBOOKS, RulebookId } from './presets';
import { AnswerCategory, Rulebook } from './rulebook';

export function isRulebookId(id: string): id is RulebookId {
  return (RULEBOOK_IDS as readonly string[]).includes(id);
}

/** The preset chosen by configuration (`RULEBOOK=…`); an unknown id is a start-up error. */
export function getRulebook(id: string): Rulebook {
  if (!isRulebookId(id)) {
    throw new Error(`unknown rulebook "${id}"; valid ids: ${RULEBOOK_IDS.join(', ')}`);
  }
  return RULEBOOKS[id];
}

export function findAnswerCategory(rulebook: Rulebook, code: string): AnswerCategory | undefined {
  return rulebook.answerCategories.find((c) => c.code === code);
}
