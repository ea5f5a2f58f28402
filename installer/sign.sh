#!/usr/bin/env bash
# Optional Authenticode signing on Linux with osslsigncode: signs each file given, in place.
# The certificate never lives in the repository: KUAIDA_SIGN_PKCS12 names a .pfx/.p12 file (in CI, written
# from a secret at run time), KUAIDA_SIGN_PASSWORD is its password, KUAIDA_SIGN_TIMESTAMP_URL an RFC 3161
# timestamp server (leave it empty offline: the signature then expires with the certificate).
# Without KUAIDA_SIGN_PKCS12 it does nothing, so build.sh can always call it.
set -euo pipefail
[ -n "${KUAIDA_SIGN_PKCS12:-}" ] || exit 0
for file in "$@"; do
  timestamp=()
  [ -z "${KUAIDA_SIGN_TIMESTAMP_URL:-}" ] || timestamp=(-ts "$KUAIDA_SIGN_TIMESTAMP_URL")
  osslsigncode sign -pkcs12 "$KUAIDA_SIGN_PKCS12" -pass "${KUAIDA_SIGN_PASSWORD:-}" -h sha256 \
    -n "Kuaida" "${timestamp[@]}" -in "$file" -out "$file.signed" >/dev/null
  mv "$file.signed" "$file"
done
