/** The commands grouping accepts and the events it records (composed into the suggestion's unions). */

export type GroupingCommand =
  /** 并案 (staff): memberIds lists every suggestion of the group, this one and the primary included. */
  | { type: 'GroupSuggestion'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  /** Releases this suggestion from a group that could not be completed (the api's compensation, staff). */
  | { type: 'UngroupSuggestion'; data: { groupId: string; reason: string } };

export type GroupingEvent =
  /** 并案: recorded on every member's stream; the api applies group commands to each member. */
  | { type: 'SuggestionGrouped'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  /** 并案未成: a group whose creation lost a race releases the members it had already taken. */
  | { type: 'SuggestionUngrouped'; data: { groupId: string; reason: string } };
