// A browser test walks a whole task as a user would, with an accessibility check on every page: on a
// loaded 2-core machine that is more than the 30 s an API test gets. A step that cannot happen still
// fails within Playwright's own 10 s (test/support/browser.ts), so this only allows for the walk.
jest.setTimeout(90_000);
