export interface ResponseDeleteParams {
  /**
   * Optional beta features to enable for this request.
   */
  betas?: Array<'responses_multi_agent=v1'>;
}
