#!/bin/sh
# Download and unpack the SDK release the OpenAI spec in ../shared matches, for tests/test_sdk_oracle.py.
# Usage: tests/fetch_sdk_oracle.sh DIR [VERSION]   then: TYPEGEN_SDK_DIR=DIR/openai pytest tests/test_sdk_oracle.py
# The only step that uses the network; the tests never do.
set -eu
dir=${1:?usage: $0 DIR [VERSION]}
version=${2:-3.3.1}
mkdir -p "$dir"
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$dir" "openai==$version"
python3 -m zipfile -e "$dir/openai-$version-py3-none-any.whl" "$dir"
echo "unpacked openai==$version into $dir (TYPEGEN_SDK_DIR=$dir/openai)"
