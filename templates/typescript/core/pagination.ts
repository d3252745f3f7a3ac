/**
 * The request params of the cursor-paginated list methods. A stand-in so that generated declarations
 * type-check on their own; generate without support files to use your SDK's own.
 */
export interface CursorPageParams {
  after?: string;

  limit?: number;
}

export interface ConversationCursorPageParams {
  after?: string;

  limit?: number;
}

export interface NextCursorPageParams {
  after?: string;

  limit?: number;
}
