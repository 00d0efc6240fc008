#!/usr/bin/env bash
# Rebuild the hand-written smali sample apps in samples/src/<name>/ into
# signed APKs in samples/apk/<name>.apk.
#
#   samples/build.sh              rebuild every app under samples/src/
#   samples/build.sh NAME [NAME]  rebuild only the named apps
#   samples/build.sh --flows [NAME...]
#                                 the same for the data-flow micro apps:
#                                 samples/flows/src/<name>/ -> samples/flows/apk/<name>.apk
#
# Needs apktool (Debian: apt-get install -y apktool) and a JDK (jarsigner);
# python3, when present, runs lint_smali.py on each app first.
# Signs with the committed throwaway keystore samples/keystore/samples.jks
# (JAR / v1 signature, SHA-256 digests). Works from any working directory.
set -euo pipefail

SAMPLES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC_DIR="$SAMPLES_DIR/src"
OUT_DIR="$SAMPLES_DIR/apk"
if [[ "${1:-}" == "--flows" ]]; then
    shift
    SRC_DIR="$SAMPLES_DIR/flows/src"
    OUT_DIR="$SAMPLES_DIR/flows/apk"
fi
KEYSTORE="$SAMPLES_DIR/keystore/samples.jks"
STOREPASS="apkaudit-samples"
KEY_ALIAS="samples"

die() { echo "build.sh: $*" >&2; exit 1; }

command -v apktool >/dev/null 2>&1 \
    || die "apktool not found on PATH; install it with: apt-get install -y apktool"
command -v jarsigner >/dev/null 2>&1 \
    || die "jarsigner not found on PATH; install a JDK (e.g. apt-get install -y default-jdk-headless)"
[[ -f "$KEYSTORE" ]] || die "keystore missing: $KEYSTORE"
HAVE_PYTHON=0
if command -v python3 >/dev/null 2>&1; then
    HAVE_PYTHON=1
else
    echo "build.sh: python3 not found, skipping the smali register lint (lint_smali.py)" >&2
fi

if [[ $# -gt 0 ]]; then
    names=("$@")
else
    names=()
    for d in "$SRC_DIR"/*/; do
        [[ -f "$d/apktool.yml" ]] && names+=("$(basename "$d")")
    done
fi
[[ ${#names[@]} -gt 0 ]] || die "no apps found under $SRC_DIR"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/apkaudit-samples.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Private framework dir so apktool never reads or writes ~/.local/share/apktool.
FRAME_DIR="$WORK/framework"
mkdir -p "$FRAME_DIR" "$OUT_DIR"

for name in "${names[@]}"; do
    src="$SRC_DIR/$name"
    [[ -f "$src/apktool.yml" ]] || die "not an apktool project: $src"
    echo "== $name"
    # smali itself does not check register numbers or invoke argument counts.
    if [[ "$HAVE_PYTHON" == 1 ]]; then
        python3 "$SAMPLES_DIR/lint_smali.py" "$src" >/dev/null || die "smali lint failed for $name"
    fi
    # Build from a copy: apktool writes build/ into the project directory.
    rm -rf "$WORK/$name"
    cp -R "$src" "$WORK/$name"
    unsigned="$WORK/$name-unsigned.apk"
    signed="$WORK/$name-signed.apk"
    if ! apktool b -p "$FRAME_DIR" -o "$unsigned" "$WORK/$name" >"$WORK/$name.log" 2>&1; then
        cat "$WORK/$name.log" >&2
        die "apktool failed for $name"
    fi
    if ! jarsigner -keystore "$KEYSTORE" -storetype PKCS12 \
            -storepass "$STOREPASS" -keypass "$STOREPASS" \
            -sigalg SHA256withRSA -digestalg SHA-256 \
            -signedjar "$signed" "$unsigned" "$KEY_ALIAS" >"$WORK/$name.sign.log" 2>&1; then
        cat "$WORK/$name.sign.log" >&2
        die "jarsigner failed for $name"
    fi
    jarsigner -verify "$signed" >/dev/null 2>&1 || die "signature check failed for $name"
    mv -f "$signed" "$OUT_DIR/$name.apk"
    echo "   -> ${OUT_DIR#"$SAMPLES_DIR/"}/$name.apk ($(wc -c <"$OUT_DIR/$name.apk") bytes)"
done
