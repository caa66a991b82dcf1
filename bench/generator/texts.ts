import { Prng } from './prng';
import * as P from './phrases';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

export interface TextVars {
  topic: string;
  region: string;
  year: number;
}

/** Fills `{topic}`, `{region}`, `{year}` and draws fresh numbers for `{pct}`, `{num}`, `{num2}`, `{money}`. */
export function fill(template: string, prng: Prng, vars: TextVars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'topic':
        return vars.topic;
      case 'region':
        return vars.region;
      case 'year':
        return String(vars.year);
      case 'pct':
        return String(prng.int(12, 78));
      case 'num':
        return String(prng.int(20, 180));
      case 'num2':
        return String(prng.int(5, 19));
      case 'money':
        return (prng.int(5, 120) / 10).toFixed(1);
      default:
        return `{${key}}`;
    }
  });
}

export function personName(prng: Prng): string {
  const given = prng.chance(0.75) ? prng.pick(P.GIVEN_NAME_CHARS) + prng.pick(P.GIVEN_NAME_CHARS) : prng.pick(P.GIVEN_NAME_CHARS);
  return prng.pick(P.SURNAMES) + given;
}

export function suggestionTitle(prng: Prng, vars: TextVars): string {
  return prng.weighted<() => string>([
    [() => `关于${prng.pick(P.TITLE_ACTIONS)}${vars.topic}的建议`, 6],
    [() => `关于加大${vars.topic}支持力度的建议`, 2],
    [() => `关于解决${vars.region}${vars.topic}中突出问题的建议`, 1],
    [() => `关于${vars.topic}工作的几点建议`, 1],
  ])();
}

/** A suggestion's body: background, problems found, and numbered proposals (about 500–900 characters). */
export function suggestionContent(prng: Prng, vars: TextVars): string {
  const f = (t: string): string => fill(t, prng, vars);
  const problems = prng.pickDistinct(P.PROBLEMS, prng.int(3, 5));
  const measures = prng.pickDistinct(P.MEASURES, prng.int(4, 6));
  const parts = [
    `${vars.topic}是${prng.pick(P.SIGNIFICANCE)}。近年来，我市高度重视${vars.topic}工作，${f(prng.pick(P.PROGRESS))}。`,
    `但代表在${vars.region}等地调研中发现，仍存在一些亟待解决的问题：`,
    ...problems.map((p, i) => `${NUMERALS[i]}是${f(p)}。${f(prng.pick(P.EVIDENCE))}`),
    '为此，建议：',
    ...measures.map((m, i) => `${NUMERALS[i]}、${f(m)}。${prng.chance(0.8) ? f(prng.pick(P.ELABORATIONS)) : ''}`),
  ];
  return parts.join('\n');
}

/** A unit's signed answer; category decides the tone (solved, in progress, deferred, for reference). */
export function answerContent(prng: Prng, vars: TextVars & { deputyName: string; title: string; category: string }): string {
  const f = (t: string): string => fill(t, prng, vars);
  const responses = P.ANSWER_RESPONSES[vars.category] ?? P.ANSWER_RESPONSES['D']!;
  const measures = prng.pickDistinct(P.MEASURES, prng.int(3, 4));
  const parts = [
    `${vars.deputyName}代表：`,
    `您提出的《${vars.title}》收悉。${prng.pick(P.ANSWER_OPENINGS)}。现将办理情况答复如下：`,
    ...measures.map((m, i) => `${NUMERALS[i]}、关于“${f(m)}”的建议。${f(prng.pick(responses))}${f(prng.pick(P.ELABORATIONS))}`),
    prng.pick(P.ANSWER_NEXT_STEPS),
    `感谢您对${vars.topic}工作的关心和支持！`,
  ];
  return parts.join('\n');
}

export function commitmentDescription(prng: Prng, vars: TextVars): string {
  return fill(prng.pick(P.COMMITMENTS), prng, vars);
}
