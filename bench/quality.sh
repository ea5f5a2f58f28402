#!/usr/bin/env bash
# Suggestion quality on the shared labelled buyer messages (../shared/eval/dev.tsv): top-1 and top-3 hit
# rates with the default library and nothing learned, and how many 'other' messages get no suggestion.
# Arguments go to the scorer, e.g. `bench/quality.sh --show-misses 30`. Run by hand; CI never needs ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
PATH="$PWD/.venv/bin:$PATH" exec python3 ../shared/eval/score.py "$@"
