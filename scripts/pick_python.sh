#!/bin/sh
# Prints the Python the virtual environment is made with: 3.12, else 3.13, else 3.11,
# that runs here, on the PATH or among pyenv's installed versions, else plain python3.
# From 3.12, coverage measures lines through sys.monitoring (COVERAGE_CORE=sysmon), which
# costs the suite almost nothing; on 3.11 its tracer adds about half again to every test.
for version in 3.12 3.13 3.11; do
  for candidate in "python$version" \
    "$(pyenv root 2>/dev/null)/versions/$version"*/bin/"python$version"; do
    if "$candidate" -c 'import sys, venv' >/dev/null 2>&1; then
      echo "$candidate"
      exit 0
    fi
  done
done
echo python3
