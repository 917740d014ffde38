#!/bin/sh
# Writes products.delimited from products.txtpb: each "---" block encoded by protoc as a
# shop.catalog.v1.Product and prefixed with its length as a varint, as writeDelimitedTo writes it.
# usage: make-corpus.sh PROTOC OTEL_PROTO_ROOT   (run from this directory)
set -e
protoc=$1; otel=$2; here=$(pwd); tmp=$(mktemp -d)
grep -v '^#' products.txtpb | awk -v dir="$tmp" '/^---$/ { n++; next } { print > (dir "/" (n + 0) ".txtpb") }'
: > products.delimited
for f in $(ls "$tmp" | sort -n); do
  "$protoc" -I../../main/proto -I"$otel" --encode=shop.catalog.v1.Product shop/catalog/v1/catalog.proto \
    < "$tmp/$f" > "$tmp/$f.bin"
  size=$(wc -c < "$tmp/$f.bin")
  python3 -c "import sys; n=$size; out=b''
while True:
    b=n&0x7f; n>>=7
    out+=bytes([b|0x80 if n else b])
    if not n: break
sys.stdout.buffer.write(out)" >> products.delimited
  cat "$tmp/$f.bin" >> products.delimited
done
rm -r "$tmp"
