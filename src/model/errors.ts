/** Thrown for a query the model cannot answer as asked; the message is for users. */
export class QueryError extends Error {}
