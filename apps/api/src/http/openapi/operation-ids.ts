/**
 * operationIds are part of the published contract: client generators name their methods after
 * them (openapi-generator's `acceptSuggestion…`, NSwag's client methods), so moving a route to
 * another controller must not rename it. Nest derives an id from the controller's class name;
 * the routes below were published while they shared one controller, and keep those ids.
 */
const PUBLISHED_AS_SUGGESTION_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  SubmissionController: ['submit', 'accept', 'reject'],
  AssignmentController: ['assign'],
  ReturningController: ['requestReturn', 'decideReturn'],
  HandlingController: ['contact', 'coOpinion'],
  ExtensionController: ['requestExtension', 'decideExtension'],
  SupervisionController: ['supervise', 'urge'],
  AnsweringController: ['answer'],
  RatingController: ['rate'],
  FulfilCommitmentController: ['fulfilCommitment'],
  ClosingController: ['withdraw', 'close'],
};

export function operationId(controllerKey: string, methodKey: string): string {
  const published = PUBLISHED_AS_SUGGESTION_COMMANDS[controllerKey]?.includes(methodKey) === true;
  return `${published ? 'SuggestionCommandsController' : controllerKey}_${methodKey}`;
}
