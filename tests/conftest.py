"""Shared fixtures. ``.ci/test`` points ARCHIVE_DATA_DIR at a throw-away directory."""
