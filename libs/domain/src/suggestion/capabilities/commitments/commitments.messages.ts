/** The commands commitments accepts and the events it records (composed into the suggestion's unions). */

export type CommitmentsCommand =
  | { type: 'FulfilCommitment'; data: { commitmentId: string; evidence: string } };

export type CommitmentsEvent =
  | { type: 'CommitmentFulfilled'; data: { commitmentId: string; unitId: string; evidence: string } };
