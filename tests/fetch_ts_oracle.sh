#!/bin/sh
# Download and unpack the npm release of openai-node whose sources the TypeScript target is scored against
# (TS-STYLE.md: openai@7.5.0 ships src/resources/**.ts), for tests/test_typescript.py's oracle and golden checks.
# Usage: tests/fetch_ts_oracle.sh DIR [VERSION]   then: TYPEGEN_TS_ORACLE=DIR/package/src pytest tests/test_typescript.py
# Llama Stack: tests/fetch_ts_oracle.sh DIR 0.7.3 llama-stack-client   then: TYPEGEN_TS_LLAMA_ORACLE=DIR/package/src
# The only step that uses the network; the tests never do. Never commit the unpacked sources.
set -eu
dir=${1:?usage: $0 DIR [VERSION [PACKAGE]]}
version=${2:-7.5.0}
package=${3:-openai}
mkdir -p "$dir"
cd "$dir"
npm pack --silent "$package@$version" >/dev/null
tar xzf "$package-$version.tgz"
echo "unpacked $package@$version into $dir (its sources: $dir/package/src)"
