"""Fixtures for real-browser tests (Playwright driving Debian's Chromium). Owned by the browser-test work."""
