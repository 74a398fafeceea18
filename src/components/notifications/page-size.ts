/** Notifications per page on /notifications; shared by the page's prefetch and the list. */
export const NOTIFICATIONS_PAGE_SIZE = 20;
