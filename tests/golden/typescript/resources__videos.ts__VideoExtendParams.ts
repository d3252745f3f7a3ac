export interface VideoExtendParams {
  /**
   * Updated text prompt that directs the extension generation.
   */
  prompt: string;

  /**
   * Length of the newly generated extension segment in seconds (allowed values: 4,
   * 8, 12, 16, 20).
   */
  seconds: VideoSeconds;

  /**
   * Reference to the completed video to extend.
   */
  video: Uploadable | VideoExtendParams.VideoReferenceInputParam;
}

export namespace VideoExtendParams {
  /**
   * Reference to the completed video.
   */
  export interface VideoReferenceInputParam {
    /**
     * The identifier of the completed video.
     */
    id: string;
  }
}
