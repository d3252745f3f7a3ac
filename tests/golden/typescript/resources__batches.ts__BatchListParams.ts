export interface BatchListParams extends CursorPageParams {}
