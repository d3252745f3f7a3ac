export interface InputItemListParams extends CursorPageParams {
  /**
   * Query param: Additional fields to include in the response. See the `include`
   * parameter for Response creation above for more information.
   */
  include?: Array<ResponsesAPI.BetaResponseIncludable>;

  /**
   * Query param: The order to return the input items in. Default is `desc`.
   *
   * - `asc`: Return the input items in ascending order.
   * - `desc`: Return the input items in descending order.
   */
  order?: 'asc' | 'desc';

  /**
   * Header param: Optional beta features to enable for this request.
   */
  betas?: Array<'responses_multi_agent=v1'>;
}
