/** The commands handling accepts and the events it records (composed into the suggestion's unions). */

export type HandlingCommand =
  | { type: 'ContactDeputy'; data: { method: string; summary: string } }
  | { type: 'SubmitCoHandlerOpinion'; data: { content: string } };

export type HandlingEvent =
  | { type: 'DeputyContacted'; data: { unitId: string; method: string; summary: string } }
  | { type: 'CoHandlerOpinionSubmitted'; data: { unitId: string; content: string } };
